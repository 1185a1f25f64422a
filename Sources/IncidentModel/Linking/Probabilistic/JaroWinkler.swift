/// The Jaro-Winkler similarity of two strings, from 0 (nothing alike) to 1 (the same).
///
/// Jaro counts the characters the two share within a window of half the longer length, and the
/// transpositions among them; Winkler adds a bonus of 0.1 per shared leading character (at
/// most four). Published checks: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX
/// 0.813. Compares Unicode scalars; O(n·m) in the lengths, which are short for names.
public enum JaroWinkler {
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b) } }
    }

    /// The same on borrowed scalars (the names of a ``NameTable``): no copies, no reference
    /// counting.
    static func similarity(_ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        if a.count == b.count && a.elementsEqual(b) { return 1 }
        // Names fit in 64 characters: matched positions are kept as bits, with no allocation.
        guard a.count <= 64, b.count <= 64 else { return longSimilarity(a, b) }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched: UInt64 = 0
        var bMatched: UInt64 = 0
        var matches = 0
        for i in a.indices {
            let lower = max(0, i - window)
            let upper = min(b.count - 1, i + window)
            guard lower <= upper else { continue }
            for j in lower...upper where bMatched & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                aMatched |= 1 << UInt64(i)
                bMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where aMatched & (1 << UInt64(i)) != 0 {
            while bMatched & (1 << UInt64(j)) == 0 { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        return winkler(a, b, matches: matches, transpositions: transpositions)
    }

    private static func winkler(
        _ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>, matches: Int, transpositions: Int) -> Double {
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// The same measure for texts longer than 64 characters, with flag arrays.
    private static func longSimilarity(
        _ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>
    ) -> Double {
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: a.count)
        var bMatched = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let lower = max(0, i - window)
            let upper = min(b.count - 1, i + window)
            guard lower <= upper else { continue }
            for j in lower...upper where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        return winkler(a, b, matches: matches, transpositions: transpositions)
    }
}
