/// Formats local wall-clock times, counted in minutes since 1970-01-01 00:00 local time.
///
/// The generator works in wall-clock minutes, which is what the files record. A wall-clock time
/// that never happens (01:00-01:59 on the last Sunday of March, when the clocks go forward) is
/// written as 02:00; the mapping never reverses the order of two times, so an end written after
/// its start is still read after it.
enum LocalMinute {
    static let perDay: Int64 = 1440

    /// `2026-03-01T17:30`, as an LA system exports it.
    static func iso(_ minute: Int64) -> String {
        let (date, m) = split(minute)
        return "\(date)T\(pad(m / 60, 2)):\(pad(m % 60, 2))"
    }

    /// `01/03/2026 17:30`, as a police system exports it.
    static func uk(_ minute: Int64) -> String {
        let (date, m) = split(minute)
        return "\(ukDate(date)) \(pad(m / 60, 2)):\(pad(m % 60, 2))"
    }

    /// `01/03/2026`.
    static func ukDate(_ date: CivilDate) -> String {
        "\(pad(date.day, 2))/\(pad(date.month, 2))/\(pad(date.year, 4))"
    }

    /// The date and minute of day, with the spring-forward hour moved to 02:00.
    private static func split(_ minute: Int64) -> (CivilDate, Int) {
        let date = CivilDate(daysSinceEpoch: Int(minute / perDay))
        var m = Int(minute % perDay)
        if date.month == 3, m >= 60, m < 120, date == CivilDate.lastSunday(of: 3, year: date.year) { m = 120 }
        return (date, m)
    }
}
