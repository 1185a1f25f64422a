/// Distinct children per group, for figures that count children and nothing more about them
/// (the out-of-area cells): a code per child for the first group it is seen in, and a set for
/// the rarer children seen in several groups. O(1) per incident, with 4 bytes per child, so
/// that several counters side by side stay in cache where ``ChildTallies`` would not.
struct DistinctChildren {
    private var firstGroup: [Int32]
    private var others: Set<Int64> = []
    /// Distinct children per group.
    private(set) var counts: [Int]

    init(children: Int, groups: Int) {
        firstGroup = [Int32](repeating: -1, count: children)
        counts = [Int](repeating: 0, count: groups)
    }

    /// Counts `child` in `group` (`0..<groups`) unless it is already counted there.
    mutating func add(group: Int32, child: Int32) {
        let c = Int(child)
        let first = firstGroup[c]
        if first == group { return }
        if first == -1 {
            firstGroup[c] = group
            counts[Int(group)] += 1
        } else if others.insert(Int64(group) << 32 | Int64(child)).inserted {
            counts[Int(group)] += 1
        }
    }
}
