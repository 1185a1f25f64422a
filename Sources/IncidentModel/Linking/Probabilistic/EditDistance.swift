/// The optimal-string-alignment distance of two names: the fewest single-character insertions,
/// deletions, substitutions and swaps of two neighbours that turn one into the other. Reaches
/// the typos Jaro-Winkler scores low: a slip near the start of a short name (`Kaitlin` /
/// `Caitlin`), or two slips in one name.
enum EditDistance {
    /// The distance, or `limit + 1` as soon as it is certain to exceed `limit` (names are short;
    /// the work is O(n·m) at most, with no allocation for names under 32 characters).
    static func distance(
        _ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>, limit: Int
    ) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        guard a.count < 32, b.count < 32 else { return limit + 1 }
        // Three rows of the table: two back (for swaps), the previous one and the current one.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
            let width = b.count + 1
            for j in 0...b.count { rows[width + j] = j }
            var twoBack = 0
            var previous = width
            var current = 2 * width
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var best = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        best = min(best, rows[twoBack + j - 2] + 1)
                    }
                    rows[current + j] = best
                    rowMinimum = min(rowMinimum, best)
                }
                if rowMinimum > limit { return limit + 1 }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            return min(rows[previous + b.count], limit + 1)
        }
    }

    /// The distance of two texts (for tests and explanations).
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in distance(a, b, limit: limit) } }
    }
}
