/// Counts per (group, child) pair, for "distinct children" and "children with 3 or more
/// incidents": an array slot per child for the first group it is seen in, and a dictionary
/// for the rarer children seen in several groups. O(1) per incident.
struct ChildTallies {
    /// The incidents of one child in one group, seen in start order.
    struct Tally {
        var count: Int32 = 0
        var previous: Int64 = 0
        var beforePrevious: Int64 = 0
        /// Whether three of the incidents started within ``RepeatMissing/window`` of each other.
        var repeated = false

        mutating func add(start: Int64) {
            if count >= 2 && start - beforePrevious <= RepeatMissing.window { repeated = true }
            beforePrevious = previous
            previous = start
            count += 1
        }
    }

    private var firstGroup: [Int32]
    private var first: [Tally]
    private var others: [Int64: Tally] = [:]

    init(children: Int) {
        firstGroup = [Int32](repeating: -1, count: children)
        first = [Tally](repeating: Tally(), count: children)
    }

    /// Adds one incident of `child` in `group`; incidents must come in start order.
    mutating func add(group: Int32, child: Int32, start: Int64) {
        let c = Int(child)
        if firstGroup[c] == group || firstGroup[c] == -1 {
            firstGroup[c] = group
            first[c].add(start: start)
        } else {
            others[Int64(group) << 32 | Int64(child), default: Tally()].add(start: start)
        }
    }

    /// Every (group, tally) pair.
    func forEach(_ body: (_ group: Int32, _ tally: Tally) -> Void) {
        for c in firstGroup.indices where firstGroup[c] >= 0 { body(firstGroup[c], first[c]) }
        for (key, tally) in others { body(Int32(truncatingIfNeeded: key >> 32), tally) }
    }

    /// Per group (`0..<groups`): distinct children, children with 3 or more incidents, and
    /// children with 3 or more incidents within 90 days.
    func summary(groups: Int) -> (children: [Int], threeOrMore: [Int], repeated: [Int]) {
        var children = [Int](repeating: 0, count: groups)
        var threeOrMore = children, repeated = children
        forEach { group, tally in
            guard group >= 0 && Int(group) < groups else { return }
            children[Int(group)] += 1
            if tally.count >= 3 { threeOrMore[Int(group)] += 1 }
            if tally.repeated { repeated[Int(group)] += 1 }
        }
        return (children, threeOrMore, repeated)
    }
}
