/// A date, and a time of day when the source gave one, as written in a source file.
public struct ParsedDateTime: Hashable, Sendable {
    /// The calendar date.
    public var date: CivilDate
    /// Seconds after midnight, or `nil` when only a date was written.
    public var secondsIntoDay: Int?
    /// The UTC offset written with the time (`Z`, `+01:00`), or `nil` for local time.
    public var utcOffsetSeconds: Int?

    /// The recorded time: a moment, or a whole local day for a date-only value.
    public func timestamp(in zone: LocalTimeZone) -> Timestamp {
        guard let seconds = secondsIntoDay else {
            let next = CivilDate(daysSinceEpoch: date.daysSinceEpoch + 1)
            return Timestamp(dayStart: zone.startOfDay(date), nextDayStart: zone.startOfDay(next))
        }
        if let offset = utcOffsetSeconds {
            let utc = Int64(date.daysSinceEpoch) * Instant.day + Int64(seconds) - Int64(offset)
            return Timestamp(instant: Instant(secondsSinceEpoch: utc))
        }
        return Timestamp(instant: zone.instant(date: date, secondsIntoDay: seconds))
    }
}

/// Why a date could not be read.
public enum DateProblem: Error, Hashable, Sendable {
    /// The text is not in an accepted layout.
    case unrecognised
    /// The layout is right but the date or time does not exist (31/02, 25:00).
    case impossible
}

/// Reads the dates mfc accepts, and nothing else: ISO 8601 (`2024-03-01`, `2024-03-01T17:30`,
/// `2024-03-01 17:30:00`, optionally with `Z` or `+01:00` and fractional seconds) and UK
/// `dd/mm/yyyy` with an optional `HH:MM` or `HH:MM:SS`. Slashed dates are always day/month;
/// nothing is guessed or swapped.
public enum DateTimeParser {
    /// The accepted layouts, for messages.
    public static let expected = "a date as dd/mm/yyyy or yyyy-mm-dd, optionally with HH:MM[:SS]"

    /// Parses text.
    public static func parse(_ text: String) -> Result<ParsedDateTime, DateProblem> {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes. Linear in the length; allocates nothing.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<ParsedDateTime, DateProblem> {
        if let result = parseFixedLayout(bytes) { return result }
        return parseAnyLayout(bytes)
    }

    /// The layouts the files mostly hold, read at fixed places: `yyyy-mm-dd` and `dd/mm/yyyy`,
    /// alone or followed by `THH:MM` or ` HH:MM`. The same result as ``parseAnyLayout(_:)``
    /// gives them; `nil` for any other text, which that reads instead.
    static func parseFixedLayout(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<ParsedDateTime, DateProblem>? {
        guard bytes.count == 10 || bytes.count == 16, let text = bytes.baseAddress else { return nil }
        let year: Int?, month: Int?, day: Int?
        if text[4] == UInt8(ascii: "-") && text[7] == UInt8(ascii: "-") {
            (year, month, day) = (number(text, at: 0, digits: 4), number(text, at: 5, digits: 2), number(text, at: 8, digits: 2))
        } else if text[2] == UInt8(ascii: "/") && text[5] == UInt8(ascii: "/") {
            (day, month, year) = (number(text, at: 0, digits: 2), number(text, at: 3, digits: 2), number(text, at: 6, digits: 4))
        } else {
            return nil
        }
        guard let year, let month, let day else { return nil }
        guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        if bytes.count == 10 { return .success(ParsedDateTime(date: date)) }
        guard text[10] == UInt8(ascii: "T") || text[10] == UInt8(ascii: " "), text[13] == UInt8(ascii: ":"),
              let hour = number(text, at: 11, digits: 2), let minute = number(text, at: 14, digits: 2) else { return nil }
        guard hour < 24, minute < 60 else { return .failure(.impossible) }
        return .success(ParsedDateTime(date: date, secondsIntoDay: hour * 3600 + minute * 60, utcOffsetSeconds: nil))
    }

    /// The number written in `digits` decimal digits at `offset`; `nil` when a byte is not one.
    @inline(__always)
    private static func number(_ text: UnsafePointer<UInt8>, at offset: Int, digits: Int) -> Int? {
        var value = 0
        for i in offset..<(offset + digits) {
            let digit = text[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Parses any accepted layout, a byte at a time.
    static func parseAnyLayout(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<ParsedDateTime, DateProblem> {
        var cursor = Cursor(bytes: bytes)
        cursor.skipSpaces()
        let year: Int, month: Int, day: Int
        guard let first = cursor.digits(min: 1, max: 4) else { return .failure(.unrecognised) }
        if first.count == 4 && cursor.take(UInt8(ascii: "-")) {
            guard let m = cursor.digits(min: 2, max: 2), cursor.take(UInt8(ascii: "-")),
                  let d = cursor.digits(min: 2, max: 2) else { return .failure(.unrecognised) }
            (year, month, day) = (first.value, m.value, d.value)
        } else if first.count <= 2 && cursor.take(UInt8(ascii: "/")) {
            guard let m = cursor.digits(min: 1, max: 2), cursor.take(UInt8(ascii: "/")),
                  let y = cursor.digits(min: 4, max: 4) else { return .failure(.unrecognised) }
            (year, month, day) = (y.value, m.value, first.value)
        } else {
            return .failure(.unrecognised)
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        var result = ParsedDateTime(date: date)
        cursor.skipSpaces()
        if cursor.atEnd { return .success(result) }
        guard cursor.take(UInt8(ascii: "T")) || cursor.tookSpace else { return .failure(.unrecognised) }
        cursor.skipSpaces()
        guard let hour = cursor.digits(min: 1, max: 2), cursor.take(UInt8(ascii: ":")),
              let minute = cursor.digits(min: 2, max: 2) else { return .failure(.unrecognised) }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let s = cursor.digits(min: 2, max: 2) else { return .failure(.unrecognised) }
            second = s.value
            if cursor.take(UInt8(ascii: ".")) {
                guard cursor.digits(min: 1, max: 9) != nil else { return .failure(.unrecognised) }
            }
        }
        guard hour.value < 24, minute.value < 60, second < 60 else { return .failure(.impossible) }
        result.secondsIntoDay = hour.value * 3600 + minute.value * 60 + second
        if cursor.take(UInt8(ascii: "Z")) || cursor.take(UInt8(ascii: "z")) {
            result.utcOffsetSeconds = 0
        } else if let sign = cursor.takeSign() {
            guard let oh = cursor.digits(min: 2, max: 2) else { return .failure(.unrecognised) }
            _ = cursor.take(UInt8(ascii: ":"))
            let om = cursor.digits(min: 2, max: 2)?.value ?? 0
            guard oh.value <= 14, om < 60 else { return .failure(.impossible) }
            result.utcOffsetSeconds = sign * (oh.value * 3600 + om * 60)
        }
        cursor.skipSpaces()
        return cursor.atEnd ? .success(result) : .failure(.unrecognised)
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var tookSpace = false

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }

        mutating func skipSpaces() {
            tookSpace = false
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") {
                index += 1
                tookSpace = true
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func takeSign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }

        mutating func digits(min: Int, max: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while index < bytes.count, count < max {
                let b = bytes[index]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { break }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                count += 1
                index += 1
            }
            return count >= min ? (value, count) : nil
        }
    }
}

extension ParsedDateTime {
    init(date: CivilDate) {
        self.date = date
        self.secondsIntoDay = nil
        self.utcOffsetSeconds = nil
    }
}
