/// Who is still missing: the one definition that `mfc summary`, the scorecard, the dashboard
/// and the exports all read, through ``CombinedIncident/isStillMissing``.
///
/// An incident is still missing only when no source recorded an end and the child has no later
/// incident. One source ended and the other open: the incident ends at the recorded end and
/// carries ``Discrepancies/openAndClosed`` (``IncidentBuilder``). An open record followed by a
/// later incident of the same child (a later start) carries ``Discrepancies/openThenLater``
/// here: the record was left open, the child came back. The child is numbered as for
/// ``RepeatMissing`` (``ChildCodes``).
public enum StillMissing {
    /// How many of `incidents` are still missing.
    public static func count(_ incidents: some Sequence<CombinedIncident>) -> Int {
        incidents.reduce(0) { $0 + ($1.isStillMissing ? 1 : 0) }
    }

    /// Marks each open incident whose child has a later incident with
    /// ``Discrepancies/openThenLater``, given every incident's child code (`codes[i]`, below
    /// `children`). Two passes over compact arrays: O(n).
    static func mark(_ incidents: inout [CombinedIncident], codes: [Int32], children: Int) {
        var latest = [Int64](repeating: Int64.min, count: children)
        for i in incidents.indices {
            let c = Int(codes[i])
            latest[c] = max(latest[c], incidents[i].start.secondsSinceEpoch)
        }
        for i in incidents.indices where incidents[i].end == nil {
            let later = latest[Int(codes[i])] > incidents[i].start.secondsSinceEpoch
            if later != incidents[i].discrepancies.contains(.openThenLater) {
                if later {
                    incidents[i].discrepancies.insert(.openThenLater)
                } else {
                    incidents[i].discrepancies.remove(.openThenLater)
                }
            }
        }
    }

    /// The same, numbering the children here.
    public static func mark(_ incidents: inout [CombinedIncident]) {
        let (codes, count) = ChildCodes.complete(incidents)
        mark(&incidents, codes: codes, children: count)
    }
}
