/// For each value of one coded dimension, the positions of the incidents that have it, in
/// ascending order (which is start order): a list per value packed into one array, as a
/// compressed sparse row. Built once by a counting sort, O(n); a value's list is then a slice,
/// and its part within a period two binary searches, as starts ascend with positions.
struct PositionLists: Sendable {
    /// `positions[offsets[v + 1]..<offsets[v + 2]]` are value `v`'s incidents; slot 0 holds
    /// the unknown value (code `-1`).
    private let offsets: [Int32]
    private let positions: [Int32]

    /// Lists the positions of `codes` (`-1` for unknown) by code, for `values` codes.
    init(codes: [Int32], values: Int) {
        var counts = [Int32](repeating: 0, count: values + 2)
        for code in codes { counts[Int(code) + 2] += 1 }
        for k in 1..<counts.count { counts[k] += counts[k - 1] }
        var next = counts
        var positions = [Int32](repeating: 0, count: codes.count)
        positions.withUnsafeMutableBufferPointer { out in
            codes.withUnsafeBufferPointer { buffer in
                for i in 0..<buffer.count {
                    let slot = Int(buffer[i]) + 1
                    out[Int(next[slot])] = Int32(i)
                    next[slot] += 1
                }
            }
        }
        offsets = counts
        self.positions = positions
    }

    /// The number of incidents with value `code`.
    func count(of code: Int32) -> Int { Int(offsets[Int(code) + 2] - offsets[Int(code) + 1]) }

    /// Value `code`'s positions whose start is in `[from, to)` (either bound may be open), given
    /// every incident's start in position order.
    func positions(of code: Int32, from: Int64?, to: Int64?, starts: [Int64]) -> ArraySlice<Int32> {
        var lower = Int(offsets[Int(code) + 1]), upper = Int(offsets[Int(code) + 2])
        if let from { lower = firstPosition(lower, upper, atOrAfter: from, starts) }
        if let to { upper = firstPosition(lower, upper, atOrAfter: to, starts) }
        return positions[lower..<upper]
    }

    /// The first slot in `[low, high)` whose incident starts at or after `seconds`.
    private func firstPosition(_ low: Int, _ high: Int, atOrAfter seconds: Int64, _ starts: [Int64]) -> Int {
        var low = low, high = high
        while low < high {
            let mid = (low + high) / 2
            if starts[Int(positions[mid])] < seconds { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
