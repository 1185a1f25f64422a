/// A UK postcode, normalised to upper case with one space before the inward code (`GL1 2AB`).
public struct Postcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The normalised text.
    public let value: String

    /// Normalises and checks the shape of a UK postcode (outward code of 2 to 4 characters
    /// starting with a letter, inward code of a digit and two letters); `nil` when it is not one.
    public init?(_ text: some StringProtocol) {
        let compact = text.uppercased().filter { $0 != " " }
        let chars = Array(compact.utf8)
        guard (5...7).contains(chars.count) else { return nil }
        let inward = chars.suffix(3)
        let outward = chars.prefix(chars.count - 3)
        func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        guard let first = outward.first, isLetter(first),
              outward.allSatisfy({ isLetter($0) || isDigit($0) }), outward.contains(where: isDigit),
              isDigit(inward[inward.startIndex]), inward.dropFirst().allSatisfy(isLetter)
        else { return nil }
        value = String(decoding: outward, as: UTF8.self) + " " + String(decoding: inward, as: UTF8.self)
    }

    public var description: String { value }

    public static func < (lhs: Postcode, rhs: Postcode) -> Bool { lhs.value < rhs.value }

    /// The accepted shape, for messages.
    public static let expected = "a UK postcode such as GL1 2AB"
}
