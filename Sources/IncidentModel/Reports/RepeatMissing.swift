import Dispatch
import Foundation

/// "Children with 3 or more incidents in 90 days" (DESIGN section 6 and issue 6's flags), as a
/// mark on each incident: an incident is marked when it is one of three incidents of the same
/// child whose starts all fall within 90 days, the third no more than 90 × 24 hours after the
/// first. Every incident of such a run is marked, the first as well as the third, so that
/// filtering by the mark lists the runs whole.
///
/// The child is the authority's child id, else the person the police named (name, case
/// ignored, and date of birth), as for the reports' children. The mark is worked out over all
/// the incidents, whatever period is shown: a run that straddles a period's start marks its
/// incidents on both sides. The scorecard's `children_3_in_90_days` uses the same window.
public enum RepeatMissing {
    /// The window: 90 days, in seconds.
    public static let window: Int64 = 90 * Instant.day
    /// The incidents a run needs.
    public static let minimum = 3

    /// For each incident, in the order given (which must be by start, as linked incidents
    /// are), whether it belongs to a run: O(n). The incidents are split among the cores by a
    /// hash of their child, so each core sees every incident of its children, in order, and
    /// keeps its own look-up of them; each flag is written by the one core that owns its child.
    public static func flags(_ incidents: [CombinedIncident]) -> [Bool] {
        let count = incidents.count
        // Which share each incident's child falls in (an incident's child is hashed once).
        let shares = count < 50_000 ? 1 : min(8, ProcessInfo.processInfo.activeProcessorCount * 2)
        let owner: [UInt8] = shares == 1 ? [] : ParallelMap.map(count: count) { i in
            let hash = incidents[i].child.map { $0.hashValue } ?? PersonKey(incidents[i].person).hashValue
            return UInt8(truncatingIfNeeded: Int(bitPattern: UInt(bitPattern: hash) % UInt(shares)))
        }
        return [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: false)
            let target = SharedPointer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                guard let flags = target.base else { return }
                incidents.withUnsafeBufferPointer { all in
                    var children: [ChildID: Int32] = [:]
                    var people: [PersonKey: Int32] = [:]
                    // Per child, its two latest incidents so far (positions; -1 for none), older first.
                    var older: [Int32] = [], newer: [Int32] = []
                    for i in 0..<count where shares == 1 || Int(owner[i]) == share {
                        let code: Int32
                        if let child = all[i].child {
                            code = children[child] ?? Self.newCode(&children[child], &older, &newer)
                        } else {
                            let key = PersonKey(all[i].person)
                            code = people[key] ?? Self.newCode(&people[key], &older, &newer)
                        }
                        let c = Int(code)
                        let first = older[c], second = newer[c]
                        if first >= 0 && all[i].start.secondsSinceEpoch - all[Int(first)].start.secondsSinceEpoch <= window {
                            flags[Int(first)] = true
                            flags[Int(second)] = true
                            flags[i] = true
                        }
                        older[c] = second
                        newer[c] = Int32(i)
                    }
                }
            }
            initialized = count
        }
    }

    /// Sets each incident's ``CombinedIncident/isRepeat`` from ``flags(_:)``.
    public static func mark(_ incidents: inout [CombinedIncident]) {
        let flags = flags(incidents)
        for k in incidents.indices where incidents[k].isRepeat != flags[k] { incidents[k].isRepeat = flags[k] }
    }

    /// Gives a child the next code, with no incidents yet.
    private static func newCode(_ slot: inout Int32?, _ older: inout [Int32], _ newer: inout [Int32]) -> Int32 {
        let code = Int32(older.count)
        slot = code
        older.append(-1)
        newer.append(-1)
        return code
    }
}
