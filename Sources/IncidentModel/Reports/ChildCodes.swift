/// Numbers the children of linked incidents, for the marks worked out per child over all the
/// incidents (``RepeatMissing``, ``StillMissing``).
///
/// The child is the authority's child id, else the person the police named (name, case
/// ignored, and date of birth), as for the reports' children.
enum ChildCodes {
    /// Each incident's child as a number, and how many numbers there are. `given[i]` is
    /// incident `i`'s child already numbered below `known` by the caller (the same number for
    /// the same child id), or -1 to be numbered here. O(n) with one look-up per incident left.
    static func complete(_ incidents: [CombinedIncident], given: [Int32], known: Int) -> (codes: [Int32], count: Int) {
        var codes = given
        var children: [ChildID: Int32] = [:]
        var people: [PersonKey: Int32] = [:]
        var next = Int32(known)
        for i in codes.indices where codes[i] < 0 {
            if let child = incidents[i].child {
                codes[i] = children[child] ?? Self.newCode(&children[child], &next)
            } else {
                let key = PersonKey(incidents[i].person)
                codes[i] = people[key] ?? Self.newCode(&people[key], &next)
            }
        }
        return (codes, Int(next))
    }

    /// Every incident's child numbered here.
    static func complete(_ incidents: [CombinedIncident]) -> (codes: [Int32], count: Int) {
        complete(incidents, given: [Int32](repeating: -1, count: incidents.count), known: 0)
    }

    /// Gives a child the next code.
    private static func newCode(_ slot: inout Int32?, _ next: inout Int32) -> Int32 {
        let code = next
        slot = code
        next += 1
        return code
    }
}
