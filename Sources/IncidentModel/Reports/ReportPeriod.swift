/// A reporting period: the half-open interval `[from, to)` in which an incident's start must
/// fall for the incident to count (DESIGN section 6).
public struct ReportPeriod: Hashable, Sendable {
    /// The first instant of the period.
    public var from: Instant
    /// The first instant after the period.
    public var to: Instant

    /// A period `[from, to)`; `nil` when `to` is not after `from`.
    public init?(from: Instant, to: Instant) {
        guard from < to else { return nil }
        self.from = from
        self.to = to
    }

    /// Whether an instant falls in the period.
    public func contains(_ instant: Instant) -> Bool { instant >= from && instant < to }

    /// The default period: the twelve calendar months ending with the local month of `latest`
    /// (the latest incident start), so the latest record is always inside. From the first of
    /// the month eleven months before, to the first of the month after (local midnights).
    public static func twelveMonths(endingWith latest: Instant, zone: LocalTimeZone) -> ReportPeriod {
        let date = zone.local(latest).date
        let last = MonthCode(year: date.year, month: date.month)
        let from = last.advanced(by: -11).start(in: zone)
        let to = last.advanced(by: 1).start(in: zone)
        return ReportPeriod(from: from, to: to) ?? ReportPeriod(unchecked: from, to: to)
    }

    /// The twelve months ending with the period's last month: the span of a sparkline.
    public func sparklineMonths(zone: LocalTimeZone) -> [MonthCode] {
        let last = MonthCode(containing: to.adding(seconds: -1), zone: zone)
        return (0..<12).map { last.advanced(by: $0 - 11) }
    }

    /// The local months the period touches, first to last.
    public func months(zone: LocalTimeZone) -> [MonthCode] {
        let first = MonthCode(containing: from, zone: zone)
        let last = MonthCode(containing: to.adding(seconds: -1), zone: zone)
        return (0...max(0, Int(last.value - first.value))).map { first.advanced(by: $0) }
    }

    /// "2023-07-01 to 2024-06-30" (the last day is the one before `to`).
    public func label(zone: LocalTimeZone) -> String {
        let first = zone.local(from).date
        let last = zone.local(to.adding(seconds: -1)).date
        return "\(first) to \(last)"
    }

    private init(unchecked from: Instant, to: Instant) {
        self.from = from
        self.to = to
    }
}

/// A local calendar month as one number, `year * 12 + month - 1`, so that months compare and
/// step as integers.
public struct MonthCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int32

    public init(value: Int32) { self.value = value }

    public init(year: Int, month: Int) { value = Int32(year * 12 + month - 1) }

    /// The local month containing `instant`.
    public init(containing instant: Instant, zone: LocalTimeZone) {
        let date = zone.local(instant).date
        self.init(year: date.year, month: date.month)
    }

    public var year: Int { Int(value) / 12 }
    public var month: Int { Int(value) % 12 + 1 }

    /// The month `months` later (earlier when negative).
    public func advanced(by months: Int) -> MonthCode { MonthCode(value: value + Int32(months)) }

    /// The local midnight that starts the month.
    public func start(in zone: LocalTimeZone) -> Instant {
        zone.startOfDay(CivilDate(year: year, month: month, day: 1) ?? CivilDate(daysSinceEpoch: 0))
    }

    /// "2024-03".
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    public static func < (lhs: MonthCode, rhs: MonthCode) -> Bool { lhs.value < rhs.value }
}
