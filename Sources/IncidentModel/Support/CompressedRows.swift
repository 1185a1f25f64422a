/// Items grouped by a number each, in compressed rows: every group's items lie together in
/// ``items``, in item order, and group `g` holds `items[offsets[g]..<offsets[g + 1]]`.
///
/// Built by a counting sort in two passes over the items, whatever the number of groups: O(n).
/// Reading a group is two array reads and returns no array of its own. The builder is
/// inlinable, so that a caller in another module of the package gets `group` inlined into both
/// passes instead of calling it through a closure for every item.
package struct CompressedRows: Sendable {
    /// Where each group starts in ``items``, with the end of the last group at the end.
    package let offsets: [Int32]
    /// The items (their positions in `0..<count`), group by group.
    package var items: [Int32]

    /// Groups the items `0..<count` of `groups` groups; `group(i)` is item `i`'s group in
    /// `0..<groups`, or `nil` to leave the item out.
    @inlinable
    package init(groups: Int, count: Int, group: (Int) -> Int?) {
        var offsets = [Int32](repeating: 0, count: groups + 1)
        for i in 0..<count {
            if let g = group(i) { offsets[g + 1] += 1 }
        }
        for g in 0..<groups { offsets[g + 1] += offsets[g] }
        var fill = offsets
        var items = [Int32](repeating: 0, count: Int(offsets[groups]))
        items.withUnsafeMutableBufferPointer { out in
            fill.withUnsafeMutableBufferPointer { next in
                for i in 0..<count {
                    guard let g = group(i) else { continue }
                    out[Int(next[g])] = Int32(i)
                    next[g] += 1
                }
            }
        }
        self.offsets = offsets
        self.items = items
    }

    /// The positions in ``items`` of group `g`'s items.
    package func range(of g: Int) -> Range<Int> { Int(offsets[g])..<Int(offsets[g + 1]) }

    /// The number of group `g`'s items.
    package func count(of g: Int) -> Int { Int(offsets[g + 1] - offsets[g]) }

    /// Group `g`'s items whose key is in `[from, to)` (either bound may be open): two binary
    /// searches, O(log n). `keys[i]` is item `i`'s key; the keys must ascend with the items,
    /// as they do in a group as built (item order) when they ascend with the item positions.
    package func items(of g: Int, keyedBy keys: [Int64], from: Int64?, to: Int64?) -> ArraySlice<Int32> {
        var lower = Int(offsets[g]), upper = Int(offsets[g + 1])
        if let from { lower = firstItem(lower, upper, atOrAfter: from, keys) }
        if let to { upper = firstItem(lower, upper, atOrAfter: to, keys) }
        return items[lower..<upper]
    }

    /// The first slot of ``items`` in `[low, high)` whose item's key is at or after `key`.
    private func firstItem(_ low: Int, _ high: Int, atOrAfter key: Int64, _ keys: [Int64]) -> Int {
        var low = low, high = high
        while low < high {
            let mid = (low + high) / 2
            if keys[Int(items[mid])] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
