/// Items grouped by a number each, in compressed rows: every group's items lie together in
/// ``items``, in item order, and group `g` holds `items[offsets[g]..<offsets[g + 1]]`.
///
/// Built by a counting sort in two passes over the items, whatever the number of groups; reading
/// a group is two array reads and returns no array of its own.
struct CompressedRows: Sendable {
    /// Where each group starts in ``items``, with the end of the last group at the end.
    let offsets: [Int32]
    /// The items (their positions in `0..<count`), group by group.
    var items: [Int32]

    /// Groups the items `0..<count` of `groups` groups; `group(i)` is item `i`'s group in
    /// `0..<groups`, or `nil` to leave the item out.
    init(groups: Int, count: Int, group: (Int) -> Int?) {
        var offsets = [Int32](repeating: 0, count: groups + 1)
        for i in 0..<count {
            if let g = group(i) { offsets[g + 1] += 1 }
        }
        for g in 0..<groups { offsets[g + 1] += offsets[g] }
        var fill = offsets
        var items = [Int32](repeating: 0, count: Int(offsets[groups]))
        for i in 0..<count {
            guard let g = group(i) else { continue }
            items[Int(fill[g])] = Int32(i)
            fill[g] += 1
        }
        self.offsets = offsets
        self.items = items
    }

    /// The positions in ``items`` of group `g`'s items.
    func range(of g: Int) -> Range<Int> { Int(offsets[g])..<Int(offsets[g + 1]) }
}
