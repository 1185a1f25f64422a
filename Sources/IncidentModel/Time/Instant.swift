/// A moment in time, as whole seconds since 1970-01-01T00:00:00Z.
public struct Instant: Hashable, Comparable, Sendable {
    /// Seconds since the Unix epoch, UTC.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// This instant moved by a number of seconds.
    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// Hours from `self` to `later` (negative when `later` is earlier).
    public func hours(until later: Instant) -> Double {
        Double(later.secondsSinceEpoch - secondsSinceEpoch) / 3600
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// One hour, in seconds.
    public static let hour: Int64 = 3600
    /// One day, in seconds.
    public static let day: Int64 = 86_400
}

/// A time as a source recorded it: a moment, and whether the source gave only a date.
///
/// A date-only record covers its whole local day: `earliest` is the day's first moment and
/// `latest` the first moment of the next day.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// The moment recorded; for a date-only record, the local midnight that starts the day.
    public var instant: Instant
    /// Whether the source recorded a date with no time.
    public var isDateOnly: Bool
    /// For a date-only record, the first moment of the next local day; otherwise `instant`.
    public var latest: Instant

    /// A time recorded to the minute or second.
    public init(instant: Instant) {
        self.instant = instant
        self.isDateOnly = false
        self.latest = instant
    }

    /// A date-only record covering `[dayStart, nextDayStart)`.
    public init(dayStart: Instant, nextDayStart: Instant) {
        self.instant = dayStart
        self.isDateOnly = true
        self.latest = nextDayStart
    }

    /// The earliest moment the record allows.
    public var earliest: Instant { instant }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.instant, lhs.isDateOnly ? 0 : 1) < (rhs.instant, rhs.isDateOnly ? 0 : 1)
    }
}
