/// Why a date style's pattern cannot be used.
public enum DateStyleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pattern uses a letter that is not one of the known fields.
    case unknownLetter(pattern: String, letter: Character)
    /// A quoted literal is never closed.
    case unterminatedQuote(pattern: String)
    /// The pattern lacks a day, a month or a year, or has minutes without hours.
    case incomplete(pattern: String, missing: String)

    public var description: String {
        switch self {
        case let .unknownLetter(pattern, letter):
            "date style \"\(pattern)\": \"\(letter)\" is not a pattern letter; \(DateStyle.help)"
        case let .unterminatedQuote(pattern):
            "date style \"\(pattern)\": a quoted literal is never closed; write literal text as 'T'"
        case let .incomplete(pattern, missing):
            "date style \"\(pattern)\" has no \(missing); \(DateStyle.help)"
        }
    }
}

/// A date (and time) layout written as a pattern, such as `dd/MM/yyyy HH:mm`,
/// `yyyy-MM-dd'T'HH:mm` or `dd-MMM-yy`, for the extracts whose systems write dates their own way.
///
/// Letters: `yyyy` four-digit year, `yy` two-digit year (00-68 are 2000-2068 and 69-99 are
/// 1969-1999, as POSIX `strptime` reads `%y`), `MM`/`M` month number, `MMM` month abbreviation
/// (`Jan`, any case), `MMMM` month name, `dd`/`d` day, `HH`/`H` hour (0-23), `mm` minute, `ss`
/// second. Text in single quotes, and anything that is not a letter, must appear as written; a
/// space matches one or more spaces. A value is read in full or not at all: nothing is guessed.
public struct DateStyle: Hashable, Sendable, CustomStringConvertible {
    /// What a pattern may contain, for messages.
    public static let help = "use yyyy, yy, MM, MMM, dd, HH, mm, ss and literal text such as 'T'"

    enum Token: Hashable, Sendable {
        case year4, year2, month, monthNumber2, monthAbbreviation, monthName, day, day2, hour, hour2, minute, second
        case literal([UInt8])
        case spaces
    }

    /// The pattern as written.
    public let pattern: String
    let tokens: [Token]

    /// Whether values carry a time of day.
    public var hasTime: Bool { tokens.contains(.hour) || tokens.contains(.hour2) }

    public var description: String { pattern }

    /// Reads a pattern; throws when it uses unknown letters or cannot give a whole date.
    public init(_ pattern: String) throws(DateStyleError) {
        self.pattern = pattern
        var tokens: [Token] = []
        let characters = Array(pattern)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "'" {
                guard let close = characters[(i + 1)...].firstIndex(of: "'") else { throw .unterminatedQuote(pattern: pattern) }
                let text = String(characters[(i + 1)..<close])
                tokens.append(.literal(Array((text.isEmpty ? "'" : text).utf8)))
                i = close + 1
                continue
            }
            var run = 1
            while i + run < characters.count, characters[i + run] == c { run += 1 }
            switch (c, run) {
            case ("y", 4): tokens.append(.year4)
            case ("y", 2): tokens.append(.year2)
            case ("M", 1): tokens.append(.month)
            case ("M", 2): tokens.append(.monthNumber2)
            case ("M", 3): tokens.append(.monthAbbreviation)
            case ("M", 4): tokens.append(.monthName)
            case ("d", 1): tokens.append(.day)
            case ("d", 2): tokens.append(.day2)
            case ("H", 1): tokens.append(.hour)
            case ("H", 2): tokens.append(.hour2)
            case ("m", 2): tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            case (" ", _): tokens.append(.spaces)
            default:
                guard !c.isLetter else { throw .unknownLetter(pattern: pattern, letter: c) }
                tokens.append(.literal(Array(String(repeating: c, count: run).utf8)))
            }
            i += run
        }
        let has = Set(tokens)
        if has.isDisjoint(with: [.year4, .year2]) { throw .incomplete(pattern: pattern, missing: "year (yyyy or yy)") }
        if has.isDisjoint(with: [.month, .monthNumber2, .monthAbbreviation, .monthName]) {
            throw .incomplete(pattern: pattern, missing: "month (MM or MMM)")
        }
        if has.isDisjoint(with: [.day, .day2]) { throw .incomplete(pattern: pattern, missing: "day (dd)") }
        let hasHour = !has.isDisjoint(with: [.hour, .hour2])
        if hasHour != has.contains(.minute) { throw .incomplete(pattern: pattern, missing: hasHour ? "minutes (mm)" : "hour (HH)") }
        if has.contains(.second) && !hasHour { throw .incomplete(pattern: pattern, missing: "hour (HH)") }
        self.tokens = tokens
    }

    /// Reads a value written in this style (surrounding spaces ignored).
    public func parse(_ text: String) -> Result<ParsedDateTime, DateProblem> {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// Reads UTF-8 bytes written in this style. Linear in the length.
    public func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<ParsedDateTime, DateProblem> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        var i = lower
        var year: Int?, month: Int?, day: Int?, hour: Int?, minute = 0, second = 0
        func digits(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while i < upper, count < maximum, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                count += 1
                i += 1
            }
            return count >= minimum ? value : nil
        }
        func letters() -> [UInt8] {
            var word: [UInt8] = []
            while i < upper {
                let b = bytes[i] | 0x20
                guard b >= 0x61, b <= 0x7A else { break }
                word.append(b)
                i += 1
            }
            return word
        }
        for token in tokens {
            switch token {
            case .year4: guard let v = digits(4, 4) else { return .failure(.unrecognised) }; year = v
            case .year2: guard let v = digits(2, 2) else { return .failure(.unrecognised) }; year = v < 69 ? 2000 + v : 1900 + v
            case .month: guard let v = digits(1, 2) else { return .failure(.unrecognised) }; month = v
            case .monthNumber2: guard let v = digits(1, 2) else { return .failure(.unrecognised) }; month = v
            case .monthAbbreviation, .monthName:
                let word = letters()
                let names = token == .monthName ? Self.monthNames : Self.monthNames.map { Array($0.prefix(3)) }
                guard let index = names.firstIndex(of: word) else { return .failure(.unrecognised) }
                month = index + 1
            case .day, .day2: guard let v = digits(1, 2) else { return .failure(.unrecognised) }; day = v
            case .hour, .hour2: guard let v = digits(1, 2) else { return .failure(.unrecognised) }; hour = v
            case .minute: guard let v = digits(2, 2) else { return .failure(.unrecognised) }; minute = v
            case .second: guard let v = digits(2, 2) else { return .failure(.unrecognised) }; second = v
            case let .literal(text):
                guard upper - i >= text.count, text.indices.allSatisfy({ bytes[i + $0] == text[$0] }) else {
                    return .failure(.unrecognised)
                }
                i += text.count
            case .spaces:
                guard i < upper, bytes[i] == 0x20 else { return .failure(.unrecognised) }
                while i < upper, bytes[i] == 0x20 { i += 1 }
            }
        }
        guard i == upper, let year, let month, let day else { return .failure(.unrecognised) }
        guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        var result = ParsedDateTime(date: date)
        if let hour {
            guard hour < 24, minute < 60, second < 60 else { return .failure(.impossible) }
            result.secondsIntoDay = hour * 3600 + minute * 60 + second
        }
        return .success(result)
    }

    /// Writes a date, and a time of day (seconds after midnight) when the style has one, in
    /// this style. Two-digit years are written as the last two digits.
    public func format(_ date: CivilDate, secondsIntoDay: Int = 0) -> String {
        var text = ""
        for token in tokens {
            switch token {
            case .year4: text += pad(date.year, 4)
            case .year2: text += pad(date.year % 100, 2)
            case .month: text += String(date.month)
            case .monthNumber2: text += pad(date.month, 2)
            case .monthAbbreviation: text += Self.displayNames[date.month - 1].prefix(3)
            case .monthName: text += Self.displayNames[date.month - 1]
            case .day: text += String(date.day)
            case .day2: text += pad(date.day, 2)
            case .hour: text += String(secondsIntoDay / 3600)
            case .hour2: text += pad(secondsIntoDay / 3600, 2)
            case .minute: text += pad(secondsIntoDay / 60 % 60, 2)
            case .second: text += pad(secondsIntoDay % 60, 2)
            case let .literal(bytes): text += String(decoding: bytes, as: UTF8.self)
            case .spaces: text += " "
            }
        }
        return text
    }

    private static let displayNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let monthNames = displayNames.map { Array($0.lowercased().utf8) }
}
