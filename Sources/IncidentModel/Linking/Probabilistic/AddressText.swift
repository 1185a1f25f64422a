/// An address as the comparisons and the blocks take it, when no home in the register can be
/// found from it: its house number, the sound of its street, and its letter trigrams.
///
/// Texts are lower-cased and cut into words of letters and digits (everything else separates
/// words). Two addresses are similar when most trigrams of the shorter are in the other (so
/// that a home's name and street, or the street alone, or the street with its town, all meet)
/// and their house numbers, when both have one, are the same: a different number is a
/// different house.
struct AddressText: Sendable, Hashable {
    /// The letter trigrams of the words, each packed in 24 bits, sorted, each once.
    let trigrams: [UInt32]
    /// The first number in the text (up to 16383); -1 when there is none.
    let houseNumber: Int32
    /// The house number and the Soundex number of the word after it, packed; 0 when the text has
    /// no number followed by a word. A block key part: the same house in the same street.
    let streetKey: Int32
    /// The Soundex number of the street's name alone (the word after the house number, else the
    /// first word); 0 when the text has no word. A broad block key: a street few children's
    /// homes stand in finds a report whose names, date of birth and house number all slipped.
    let streetName: Int32

    /// The share of the shorter text's trigrams the other must hold to be similar.
    static let similarShare = 0.7
    /// Texts with fewer trigrams than this say too little to be called similar.
    static let minimumTrigrams = 6

    /// A home's: the trigrams of its name and address, the number and street of its address
    /// alone (a number in a home's name is not a house number).
    init(name: String, address: String) {
        let words = Self.words(name) + Self.words(address)
        trigrams = Self.trigrams(words)
        (houseNumber, streetKey, streetName) = Self.houseAndStreet(Self.words(address))
    }

    /// An address as written (a police report's `missing_from`): its number and street are the
    /// first number in it and the word after that number.
    init(_ text: String) {
        let words = Self.words(text)
        trigrams = Self.trigrams(words)
        (houseNumber, streetKey, streetName) = Self.houseAndStreet(words)
    }

    /// The text's words: runs of letters and digits, lower-cased.
    private static func words(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        for var b in text.utf8 {
            if b >= 65 && b <= 90 { b += 32 }
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80 {
                word.append(b)
            } else if !word.isEmpty {
                words.append(word)
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    private static func trigrams(_ words: [[UInt8]]) -> [UInt32] {
        var grams: [UInt32] = []
        for word in words {
            // Each word padded with a space on either side, so short words and word ends count.
            let padded = [0x20] + word + [0x20]
            for i in 0..<(padded.count - 2) {
                grams.append(UInt32(padded[i] & 0x7F) << 16 | UInt32(padded[i + 1] & 0x7F) << 8 | UInt32(padded[i + 2] & 0x7F))
            }
        }
        return Array(Set(grams)).sorted()
    }

    /// The first number of the words (-1: none), the street key it starts (0: none), and the
    /// sound of the street's name (0: none).
    private static func houseAndStreet(_ words: [[UInt8]]) -> (Int32, Int32, Int32) {
        let sound = { (word: [UInt8]) in Soundex.number(Soundex.code(String(decoding: word, as: UTF8.self))) }
        let isWord = { (word: [UInt8]) in (word.first ?? 0) >= 97 }
        for (i, word) in words.enumerated() {
            guard let first = word.first, first >= 48 && first <= 57 else { continue }
            var value: Int32 = 0
            for b in word {
                guard b >= 48 && b <= 57 else { break }
                value = min(16_383, value * 10 + Int32(b - 48))
            }
            guard let next = words[(i + 1)...].first(where: isWord) else { break }
            let name = sound(next)
            return (value, value << 14 | name, name)
        }
        let number = words.first { ($0.first ?? 0) >= 48 && ($0.first ?? 0) <= 57 }.map { word in
            word.prefix { $0 >= 48 && $0 <= 57 }.reduce(Int32(0)) { min(16_383, $0 * 10 + Int32($1 - 48)) }
        } ?? -1
        return (number, 0, words.first(where: isWord).map(sound) ?? 0)
    }

    /// Whether the two texts describe the same address (see the type's summary).
    func isSimilar(to other: AddressText) -> Bool {
        if houseNumber >= 0 && other.houseNumber >= 0 && houseNumber != other.houseNumber { return false }
        let shorter = min(trigrams.count, other.trigrams.count)
        guard shorter >= Self.minimumTrigrams else { return false }
        var shared = 0
        var i = 0
        var j = 0
        while i < trigrams.count && j < other.trigrams.count {
            if trigrams[i] == other.trigrams[j] {
                shared += 1
                i += 1
                j += 1
            } else if trigrams[i] < other.trigrams[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) >= Self.similarShare * Double(shorter)
    }
}
