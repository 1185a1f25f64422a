/// A UK postcode, normalised to upper case with one space before the inward code (`GL1 2AB`).
public struct Postcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The normalised text.
    public let value: String

    /// Normalises and checks the shape of a UK postcode (outward code of 2 to 4 characters
    /// starting with a letter, inward code of a digit and two letters); `nil` when it is not one.
    public init?(_ text: some StringProtocol) {
        // Up to seven characters without spaces, upper-cased, in a fixed buffer (no allocation).
        var chars: (UInt64, UInt64) = (0, 0)
        var count = 0
        let fits = withUnsafeMutableBytes(of: &chars) { buffer -> Bool in
            for var b in text.utf8 where b != 0x20 {
                if b >= 97 && b <= 122 { b -= 32 }
                guard count < 7 else { return false }
                buffer[count] = b
                count += 1
            }
            return true
        }
        guard fits, count >= 5 else { return nil }
        let normalised: String? = withUnsafeBytes(of: &chars) { buffer in
            func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
            func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
            let split = count - 3
            guard isLetter(buffer[0]), isDigit(buffer[split]), isLetter(buffer[split + 1]), isLetter(buffer[split + 2])
            else { return nil }
            var hasDigit = false
            for b in buffer[..<split] {
                guard isLetter(b) || isDigit(b) else { return nil }
                if isDigit(b) { hasDigit = true }
            }
            guard hasDigit else { return nil }
            // The outward code, a space, the inward code.
            return String(unsafeUninitializedCapacity: count + 1) { out in
                for i in 0..<split { out[i] = buffer[i] }
                out[split] = 0x20
                for i in split..<count { out[i + 1] = buffer[i] }
                return count + 1
            }
        }
        guard let normalised else { return nil }
        value = normalised
    }

    public var description: String { value }

    public static func < (lhs: Postcode, rhs: Postcode) -> Bool { lhs.value < rhs.value }

    /// The accepted shape, for messages.
    public static let expected = "a UK postcode such as GL1 2AB"
}
