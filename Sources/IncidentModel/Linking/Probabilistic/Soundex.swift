/// The American Soundex code of a name: its first letter and three digits for the consonant
/// sounds that follow (`Robert` and `Rupert` are both `R163`). Used to block candidate pairs so
/// that a typo in a surname still meets the right child. Letters other than A-Z are ignored;
/// a name with no letters has the code `""`.
public enum Soundex {
    public static func code(_ name: String) -> String {
        var letters: [UInt8] = []
        for var b in name.utf8 {
            if b >= 97 && b <= 122 { b -= 32 }
            if b >= 65 && b <= 90 { letters.append(b) }
        }
        guard let first = letters.first else { return "" }
        var code: [UInt8] = [first]
        var previous = digit(first)
        for letter in letters.dropFirst() {
            let d = digit(letter)
            if d != 0 && d != previous { code.append(48 + d) }
            // H and W do not separate letters of the same code; vowels do.
            if letter != 72 && letter != 87 { previous = d }
            if code.count == 4 { break }
        }
        while code.count < 4 { code.append(48) }
        return String(decoding: code, as: UTF8.self)
    }

    /// A code as a number, for integer block keys: 0 for `""`, else 1 + the letter's place
    /// (A = 0) x 343 + the three digits in base 7. Different codes give different numbers.
    static func number(_ code: String) -> Int32 {
        var result: Int32 = 0
        for (i, b) in code.utf8.enumerated() {
            result = i == 0 ? Int32(b) - 65 : result * 7 + Int32(b) - 48
        }
        return code.isEmpty ? 0 : result + 1
    }

    private static func digit(_ letter: UInt8) -> UInt8 {
        switch letter {
        case 66, 70, 80, 86: 1                                // B F P V
        case 67, 71, 74, 75, 81, 83, 88, 90: 2                // C G J K Q S X Z
        case 68, 84: 3                                        // D T
        case 76: 4                                            // L
        case 77, 78: 5                                        // M N
        case 82: 6                                            // R
        default: 0                                            // vowels, H, W, Y
        }
    }
}
