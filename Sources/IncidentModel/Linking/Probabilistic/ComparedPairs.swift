/// Every candidate pair of the reports the model decides (those without a certain link),
/// compared once, on every core: the same vectors feed the expectation-maximisation and then
/// the decisions.
struct ComparedPairs: Sendable {
    /// Report `r`'s pairs are at `offsets[r]..<offsets[r + 1]`.
    private let offsets: [Int]
    /// Each pair's child (its index in `children.csv`), in index order within a report.
    let children: [Int32]
    /// Each pair's comparison, as its ``ComparisonVector/patternIndex``.
    let patterns: [UInt16]

    init(space: CandidateSpace) {
        let reports = space.context.certainEpisodes.count
        // The reports to decide, in order of date of birth (then report): the blocks are by
        // birth date or year, so consecutive reports meet the same children, names and homes,
        // which stay in the cache instead of being fetched at random.
        var order: [UInt64] = []
        order.reserveCapacity(reports)
        for r in 0..<reports where space.context.certainEpisodes[r] < 0 {
            let dob = space.people.reports[r].dateOfBirth
            order.append(UInt64(dob.isMissing ? UInt32.max : dob.bits) << 32 | UInt64(r))
        }
        order.sort()
        let ordered = order
        let chunks = space.people.withComparison { comparison in
            ParallelMap.chunks(count: ordered.count) { range -> [Chunk] in
                var chunk = Chunk()
                chunk.reports.reserveCapacity(range.count)
                chunk.counts.reserveCapacity(range.count)
                var found: [Int32] = []
                var cache = NameLevelCache()
                for k in range {
                    let r = Int(truncatingIfNeeded: ordered[k] & 0xFFFF_FFFF)
                    space.candidates(ofReport: r, into: &found)
                    chunk.reports.append(Int32(r))
                    chunk.counts.append(Int32(found.count))
                    for child in found {
                        chunk.children.append(child)
                        let vector = comparison.compare(report: r, child: Int(child), cache: &cache)
                        chunk.patterns.append(UInt16(vector.patternIndex))
                    }
                }
                return [chunk]
            }
        }
        // Laid out in report order: each report's pairs copied to its place.
        var offsets = [Int](repeating: 0, count: reports + 1)
        for chunk in chunks {
            for (i, r) in chunk.reports.enumerated() { offsets[Int(r) + 1] = Int(chunk.counts[i]) }
        }
        for r in 0..<reports { offsets[r + 1] += offsets[r] }
        let total = offsets[reports]
        var children = [Int32](repeating: 0, count: total)
        var patterns = [UInt16](repeating: 0, count: total)
        for chunk in chunks {
            var from = 0
            for (i, r) in chunk.reports.enumerated() {
                let count = Int(chunk.counts[i])
                let to = offsets[Int(r)]
                for k in 0..<count {
                    children[to + k] = chunk.children[from + k]
                    patterns[to + k] = chunk.patterns[from + k]
                }
                from += count
            }
        }
        self.offsets = offsets
        self.children = children
        self.patterns = patterns
    }

    /// How many pairs were compared.
    var count: Int { children.count }

    /// The positions of report `r`'s pairs.
    func pairs(ofReport r: Int) -> Range<Int> { offsets[r]..<offsets[r + 1] }

    /// How many pairs show each vector, by ``ComparisonVector/patternIndex``.
    func patternCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: ComparisonVector.patternCount)
        for pattern in patterns { counts[Int(pattern)] += 1 }
        return counts
    }

    /// One worker's share: its reports (in the order compared), their pair counts, children
    /// and vectors.
    private struct Chunk: Sendable {
        var reports: [Int32] = []
        var counts: [Int32] = []
        var children: [Int32] = []
        var patterns: [UInt16] = []
    }
}

