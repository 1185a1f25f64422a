import IncidentModel

/// The incidents ordered by one column, ascending, with the boundaries of runs of equal keys,
/// from which the descending order follows in O(n).
///
/// The order is the one `IncidentSort` gives: by the column's key (numbers for numeric
/// columns, lower-cased text otherwise), ties by start then id, which is the incidents' own
/// order, so ties keep their positions in both directions.
package struct ColumnOrder: Sendable {
    package let column: IncidentColumn
    /// Incident positions in ascending order.
    let ascending: [Int32]
    /// `groupStart[k]` is true when `ascending[k]`'s key differs from the one before it.
    let groupStart: [Bool]

    /// The positions in the given direction.
    package func permutation(descending: Bool) -> [Int32] {
        guard descending else { return ascending }
        let n = ascending.count
        var result = [Int32](repeating: 0, count: n)
        result.withUnsafeMutableBufferPointer { out in
            ascending.withUnsafeBufferPointer { asc in
                groupStart.withUnsafeBufferPointer { starts in
                    // Runs of equal keys from the last to the first, each in its own order.
                    var written = 0, end = n, k = n - 1
                    while k >= 0 {
                        if starts[k] {
                            for j in k..<end {
                                out[written] = asc[j]
                                written += 1
                            }
                            end = k
                        }
                        k -= 1
                    }
                }
            }
        }
        return result
    }
}

extension IncidentIndex {
    /// Computes the order of `column`: O(n) for columns with few distinct values, O(n log n)
    /// for numbers and for the incident id. Run off the main loop for large data.
    package func order(for column: IncidentColumn) -> ColumnOrder {
        let n = count
        switch column {
        case .start:
            var starts = [Bool](repeating: false, count: n)
            for k in 0..<n { starts[k] = k == 0 || startSeconds[k] != startSeconds[k - 1] }
            return ColumnOrder(column: column, ascending: (0..<n).map { Int32($0) }, groupStart: starts)
        case .home:
            return rankOrder(column, codes: homeCode, texts: homes.map { catalogue.homeName($0) })
        case .authority:
            return rankOrder(column, codes: authorityCode, texts: authorities.map { catalogue.authorityName($0) })
        case .force:
            return rankOrder(column, codes: forceCode, texts: forces.map { catalogue.forceName($0) })
        case .child:
            return rankOrder(column, codes: nameCode, texts: names)
        case .duration, .age, .risk:
            let incidents = linked.incidents
            let keys = incidents.map { column.numericKey($0, in: catalogue) ?? 0 }
            var ascending = (0..<n).map { Int32($0) }
            ascending.sort { a, b in
                let ka = keys[Int(a)], kb = keys[Int(b)]
                return ka != kb ? ka < kb : a < b
            }
            var starts = [Bool](repeating: false, count: n)
            for k in 0..<n { starts[k] = k == 0 || keys[Int(ascending[k])] != keys[Int(ascending[k - 1])] }
            return ColumnOrder(column: column, ascending: ascending, groupStart: starts)
        case .provenance, .returnInterview, .flags, .repeatMissing, .id:
            var interner = Interner<String>()
            let codes = linked.incidents.map { interner.code(column.text($0, in: catalogue)) }
            return rankOrder(column, codes: codes, texts: interner.values)
        }
    }

    /// Orders incidents by the lower-cased text of their code (`-1` is the empty text), by a
    /// stable counting sort over the texts' ranks.
    private func rankOrder(_ column: IncidentColumn, codes: [Int32], texts: [String]) -> ColumnOrder {
        let keys = [""] + texts.map { $0.lowercased() }
        let distinct = Array(Set(keys)).sorted()
        var rankOfKey: [String: Int] = [:]
        for (rank, key) in distinct.enumerated() { rankOfKey[key] = rank }
        let rankOfCode = keys.map { rankOfKey[$0] ?? 0 }
        var counts = [Int](repeating: 0, count: distinct.count + 1)
        for code in codes { counts[rankOfCode[Int(code) + 1] + 1] += 1 }
        for r in 1..<counts.count { counts[r] += counts[r - 1] }
        var next = counts
        var ascending = [Int32](repeating: 0, count: codes.count)
        for (i, code) in codes.enumerated() {
            let rank = rankOfCode[Int(code) + 1]
            ascending[next[rank]] = Int32(i)
            next[rank] += 1
        }
        var starts = [Bool](repeating: false, count: codes.count)
        for rank in 0..<distinct.count where counts[rank] < codes.count && counts[rank] < counts[rank + 1] {
            starts[counts[rank]] = true
        }
        return ColumnOrder(column: column, ascending: ascending, groupStart: starts)
    }
}
