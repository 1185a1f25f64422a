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
    /// are), whether it belongs to a run: O(n). Each incident's child is coded with one
    /// look-up, then one pass over the codes decides.
    public static func flags(_ incidents: [CombinedIncident]) -> [Bool] {
        flags(incidents, codes: [Int32](repeating: -1, count: incidents.count), known: 0)
    }

    /// The same, for incidents whose children the caller has coded already: `codes[i]` is
    /// incident `i`'s child as a number below `known`, the same number for the same child id,
    /// or -1 to be coded here (by child id, else by the person the police named).
    static func flags(_ incidents: [CombinedIncident], codes given: [Int32], known: Int) -> [Bool] {
        let (codes, childCount) = ChildCodes.complete(incidents, given: given, known: known)
        // The starts, read out of the (large) incidents on every core, so that the pass below
        // reads a compact array.
        let starts = incidents.withUnsafeBufferPointer { buffer in
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count, minimumChunk: 100_000) { all.buffer[$0].start.secondsSinceEpoch }
        }
        // The children are shared among the cores by their codes' remainder: a child's runs
        // are its own, so each core marks its children's incidents (never another core's).
        let parts = ProcessInfoCores.count
        let coded = codes
        var flags = [Bool](repeating: false, count: incidents.count)
        flags.withUnsafeMutableBufferPointer { buffer in
            let target = SharedPointer(base: buffer.baseAddress)
            ParallelMap.forEachChunk(count: parts, minimumChunk: 1) { range in
                guard let flags = target.base else { return }
                for part in range {
                    // Per child of this part (by code / parts), its two latest incidents so far
                    // (positions; -1 for none), older first.
                    var older = [Int32](repeating: -1, count: childCount / parts + 1)
                    var newer = older
                    for i in starts.indices where Int(coded[i]) % parts == part {
                        let c = Int(coded[i]) / parts
                        let first = older[c], second = newer[c]
                        if first >= 0 && starts[i] - starts[Int(first)] <= window {
                            flags[Int(first)] = true
                            flags[Int(second)] = true
                            flags[i] = true
                        }
                        older[c] = second
                        newer[c] = Int32(i)
                    }
                }
            }
        }
        return flags
    }

    /// Sets each incident's ``CombinedIncident/isRepeat`` from ``flags(_:)``.
    public static func mark(_ incidents: inout [CombinedIncident]) {
        mark(&incidents, codes: [Int32](repeating: -1, count: incidents.count), known: 0)
    }

    /// The same, with children coded by the caller (see ``flags(_:codes:known:)``).
    static func mark(_ incidents: inout [CombinedIncident], codes: [Int32], known: Int) {
        let flags = flags(incidents, codes: codes, known: known)
        // Written on every core, each to its own range of the incidents.
        flags.withUnsafeBufferPointer { flagBuffer in
            let flags = BorrowedBuffer(buffer: flagBuffer)
            incidents.withUnsafeMutableBufferPointer { buffer in
                let target = SharedPointer(base: buffer.baseAddress)
                ParallelMap.forEachChunk(count: buffer.count, minimumChunk: 100_000) { range in
                    guard let base = target.base else { return }
                    for k in range where base[k].isRepeat != flags.buffer[k] { base[k].isRepeat = flags.buffer[k] }
                }
            }
        }
    }
}
