/// Describes a personal value (a name, a date of birth, an address, a postcode) without
/// showing it, for messages: its length and its shape, never its letters or digits.
///
/// `16-May-11` is described as `personal value not shown: 9 characters, shaped 99-Aaa-99`: each
/// digit becomes `9`, each upper-case letter `A`, each other letter `a`, spaces and ASCII
/// punctuation stay, and anything else (control characters, symbols) becomes `?`. The shape
/// says enough to see what form the value takes (a date written with month names, a name
/// in capitals) and where the column is; the whole row is in the `--rejects` file (mode 0600).
package enum PersonalValue {
    /// The longest shape shown; a longer value's shape is cut with `…`.
    package static let shapeLimit = 24

    /// The value's length and shape, as a phrase.
    package static func describe(_ value: String) -> String {
        let count = value.count
        guard count > 0 else { return "personal value not shown: empty" }
        return "personal value not shown: \(count) character\(count == 1 ? "" : "s"), shaped \(shape(value))"
    }

    /// The value's shape: `9` for digits, `A`/`a` for letters, spaces and ASCII punctuation kept.
    package static func shape(_ value: String) -> String {
        var result = ""
        for character in value.prefix(shapeLimit) {
            if character.isNumber {
                result.append("9")
            } else if character.isLetter {
                result.append(character.isUppercase ? "A" : "a")
            } else if character == " " || (character.isASCII && character.isPunctuation) || (character.isASCII && character.isSymbol) {
                result.append(character)
            } else {
                result.append("?")
            }
        }
        if value.count > shapeLimit { result.append("…") }
        return result
    }
}
