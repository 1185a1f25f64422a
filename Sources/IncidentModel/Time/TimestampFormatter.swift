/// Writes times in the forms mfc prints and exports.
public struct TimestampFormatter: Sendable {
    /// The zone in which times are shown.
    public let zone: LocalTimeZone

    public init(zone: LocalTimeZone) { self.zone = zone }

    /// ISO 8601 local time, `2024-03-01 17:30`, or `2024-03-01` for a date-only record.
    public func string(_ timestamp: Timestamp) -> String {
        timestamp.isDateOnly ? zone.local(timestamp.instant).date.description : string(timestamp.instant)
    }

    /// ISO 8601 local time to the minute, `2024-03-01 17:30`.
    public func string(_ instant: Instant) -> String {
        let (date, seconds) = zone.local(instant)
        guard date.year >= 0 && date.year <= 9999 else {
            return "\(date) \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))"
        }
        return String(unsafeUninitializedCapacity: 16) { buffer in
            var i = ASCIIDigits.writeDate(date, into: buffer, at: 0)
            buffer[i] = 0x20
            i = ASCIIDigits.write(seconds / 3600, width: 2, into: buffer, at: i + 1)
            buffer[i] = 0x3A
            return ASCIIDigits.write(seconds / 60 % 60, width: 2, into: buffer, at: i + 1)
        }
    }
}
