/// The spellings of a coded value (`M`, `male`, `1`), matched against a field's bytes without
/// making a string of them: each spelling is folded as ``LetterKey`` folds text (ASCII letters
/// lowered; with `lettersOnly`, everything but letters and digits dropped) into a key of two
/// machine words.
struct CodeTable<Value: Sendable>: Sendable {
    private let keys: [CodeKey]
    private let values: [Value]
    private let lettersOnly: Bool

    /// A table of `spellings`, none longer than ``CodeKey/capacity`` bytes once folded.
    init(lettersOnly: Bool = false, _ spellings: KeyValuePairs<String, Value>) {
        var keys: [CodeKey] = []
        var values: [Value] = []
        for (spelling, value) in spellings {
            guard let key = CodeKey(spelling.utf8, lettersOnly: lettersOnly) else {
                preconditionFailure("the spelling \(spelling) is longer than a code key holds")
            }
            keys.append(key)
            values.append(value)
        }
        self.keys = keys
        self.values = values
        self.lettersOnly = lettersOnly
    }

    /// The value `bytes` spell, or `nil` when they spell none of the table's codes.
    func value(_ bytes: some Sequence<UInt8>) -> Value? {
        guard let key = CodeKey(bytes, lettersOnly: lettersOnly), let index = keys.firstIndex(of: key) else {
            return nil
        }
        return values[index]
    }
}

/// A short code folded for matching, packed into two words and a length.
struct CodeKey: Hashable, Sendable {
    /// The most bytes a key holds once folded; longer text is no code's spelling.
    static let capacity = 16
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: UInt8 = 0

    /// The folded key of `bytes`; `nil` when more than ``capacity`` bytes remain once folded.
    init?(_ bytes: some Sequence<UInt8>, lettersOnly: Bool) {
        for var b in bytes {
            if b >= 65 && b <= 90 { b += 32 }
            if lettersOnly && !((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80) { continue }
            guard Int(count) < Self.capacity else { return nil }
            let shift = UInt64(count % 8) * 8
            if count < 8 { low |= UInt64(b) << shift } else { high |= UInt64(b) << shift }
            count += 1
        }
    }
}
