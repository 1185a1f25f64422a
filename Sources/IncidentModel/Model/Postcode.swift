/// A UK postcode, normalised to upper case with one space before the inward code (`GL1 2AB`).
public struct Postcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The normalised text.
    public let value: String

    /// Normalises and checks the shape of a UK postcode (outward code of 2 to 4 characters
    /// starting with a letter, inward code of a digit and two letters); `nil` when it is not one.
    public init?(_ text: some StringProtocol) {
        var chars: [UInt8] = []
        chars.reserveCapacity(8)
        for var b in text.utf8 where b != 0x20 {
            if b >= 97 && b <= 122 { b -= 32 }
            chars.append(b)
            if chars.count > 7 { return nil }
        }
        guard chars.count >= 5 else { return nil }
        func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        let split = chars.count - 3
        guard isLetter(chars[0]), isDigit(chars[split]), isLetter(chars[split + 1]), isLetter(chars[split + 2]) else {
            return nil
        }
        var hasDigit = false
        for b in chars[..<split] {
            guard isLetter(b) || isDigit(b) else { return nil }
            if isDigit(b) { hasDigit = true }
        }
        guard hasDigit else { return nil }
        chars.insert(0x20, at: split)
        value = String(decoding: chars, as: UTF8.self)
    }

    public var description: String { value }

    public static func < (lhs: Postcode, rhs: Postcode) -> Bool { lhs.value < rhs.value }

    /// The accepted shape, for messages.
    public static let expected = "a UK postcode such as GL1 2AB"
}
