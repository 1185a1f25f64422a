/// The rule that turns local wall-clock times into instants and back.
///
/// Sources record local time (Europe/London). The library never reads the system's zone: a
/// caller passes one of these. `europeLondon` applies the UK rule in force since 1996 (British
/// Summer Time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October) to every year.
///
/// The clock change, decided once: a local time that occurs twice (01:00-01:59 on the last
/// Sunday of October) is read as the first occurrence, in summer time; a local time that never
/// occurs (01:00-01:59 on the last Sunday of March) is read as if the clock had not yet gone
/// forward, so 01:30 becomes 02:30 BST (01:30 UTC).
public struct LocalTimeZone: Sendable, Hashable {
    private let observesUKSummerTime: Bool

    /// Europe/London.
    public static let europeLondon = LocalTimeZone(observesUKSummerTime: true)
    /// Coordinated Universal Time, for tests and for sources that record UTC.
    public static let utc = LocalTimeZone(observesUKSummerTime: false)

    /// The instant of a local date and time of day (seconds after local midnight).
    public func instant(date: CivilDate, secondsIntoDay: Int) -> Instant {
        let local = Int64(date.daysSinceEpoch) * Instant.day + Int64(secondsIntoDay)
        guard observesUKSummerTime else { return Instant(secondsSinceEpoch: local) }
        let (start, end) = Self.summerTime(year: date.year)
        // Summer time runs [start, end) in UTC; in local wall time that is
        // [start + 0h local GMT = 01:00, end + 1h = 02:00 BST).
        let asSummer = local - Instant.hour
        if asSummer >= start.secondsSinceEpoch && asSummer < end.secondsSinceEpoch {
            return Instant(secondsSinceEpoch: asSummer)
        }
        return Instant(secondsSinceEpoch: local)
    }

    /// Seconds to add to UTC to get local time at `instant`.
    public func offset(at instant: Instant) -> Int64 {
        guard observesUKSummerTime else { return 0 }
        let year = CivilDate(daysSinceEpoch: Int(Self.floorDiv(instant.secondsSinceEpoch, Instant.day))).year
        let (start, end) = Self.summerTime(year: year)
        return instant >= start && instant < end ? Instant.hour : 0
    }

    /// The local date and seconds into that day of `instant`.
    public func local(_ instant: Instant) -> (date: CivilDate, secondsIntoDay: Int) {
        let local = instant.secondsSinceEpoch + offset(at: instant)
        let days = Self.floorDiv(local, Instant.day)
        return (CivilDate(daysSinceEpoch: Int(days)), Int(local - days * Instant.day))
    }

    /// The instant at which the local day of `date` starts.
    public func startOfDay(_ date: CivilDate) -> Instant { instant(date: date, secondsIntoDay: 0) }

    /// The UTC instants at which summer time starts and ends in `year` (from a table for
    /// 1900-2199, computed once).
    static func summerTime(year: Int) -> (start: Instant, end: Instant) {
        let index = year - 1900
        if index >= 0 && index < summerTimeTable.count { return summerTimeTable[index] }
        return computeSummerTime(year: year)
    }

    private static let summerTimeTable: [(start: Instant, end: Instant)] = (1900...2199).map(computeSummerTime)

    private static func computeSummerTime(year: Int) -> (start: Instant, end: Instant) {
        let march = CivilDate.lastSunday(of: 3, year: year)
        let october = CivilDate.lastSunday(of: 10, year: year)
        return (
            Instant(secondsSinceEpoch: Int64(march.daysSinceEpoch) * Instant.day + Instant.hour),
            Instant(secondsSinceEpoch: Int64(october.daysSinceEpoch) * Instant.day + Instant.hour)
        )
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
