/// Counts per (group, child) pair, for "children with 3 or more incidents" and "3 in 90 days"
/// beside distinct children (the scorecard): an array slot per child for the first group it
/// is seen in, and a dictionary for the rarer children seen in several groups. O(1) per
/// incident. ``DistinctChildren`` counts children alone, in less memory.
struct ChildTallies {
    /// The incidents of one child in one group, seen in start order, and (in the slot of the
    /// child's first group) the group: 24 bytes, so that one cache line or so is touched per
    /// incident.
    struct Tally {
        var previous: Int64 = 0
        var beforePrevious: Int64 = 0
        /// The group of a first-group slot; `-1` while the child has none.
        var group: Int32 = -1
        /// Incidents counted, up to 3 (the figures ask for "3 or more" only).
        var count: UInt8 = 0
        /// Whether three of the incidents started within ``RepeatMissing/window`` of each other.
        var repeated = false

        mutating func add(start: Int64) {
            if count >= 2 && start - beforePrevious <= RepeatMissing.window { repeated = true }
            beforePrevious = previous
            previous = start
            if count < 3 { count += 1 }
        }
    }

    private var first: [Tally]
    private var others: [Int64: Tally] = [:]

    init(children: Int) {
        first = [Tally](repeating: Tally(), count: children)
    }

    /// Adds one incident of `child` in `group`; incidents must come in start order.
    mutating func add(group: Int32, child: Int32, start: Int64) {
        let c = Int(child)
        first.withUnsafeMutableBufferPointer { slots in
            if slots[c].group == group || slots[c].group == -1 {
                slots[c].group = group
                slots[c].add(start: start)
            } else {
                others[Int64(group) << 32 | Int64(child), default: Tally()].add(start: start)
            }
        }
    }

    /// Every (group, tally) pair.
    func forEach(_ body: (_ group: Int32, _ tally: Tally) -> Void) {
        for tally in first where tally.group >= 0 { body(tally.group, tally) }
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
