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
        let chunks = space.people.withComparison { comparison in
            space.context.certainEpisodes.withUnsafeBufferPointer { certain in
                let certain = BorrowedBuffer(buffer: certain)
                return ParallelMap.chunks(count: reports) { range -> [Chunk] in
                    var chunk = Chunk(range: range)
                    chunk.counts.reserveCapacity(range.count)
                    var found: [Int32] = []
                    var cache = NameLevelCache()
                    for r in range {
                        guard certain.buffer[r] < 0 else {
                            chunk.counts.append(0)
                            continue
                        }
                        space.candidates(ofReport: r, into: &found)
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
        }
        var offsets = [Int](repeating: 0, count: reports + 1)
        var children: [Int32] = []
        var patterns: [UInt16] = []
        let total = chunks.reduce(0) { $0 + $1.children.count }
        children.reserveCapacity(total)
        patterns.reserveCapacity(total)
        for chunk in chunks {
            for (i, count) in chunk.counts.enumerated() {
                let r = chunk.range.lowerBound + i
                offsets[r + 1] = offsets[r] + Int(count)
            }
            children.append(contentsOf: chunk.children)
            patterns.append(contentsOf: chunk.patterns)
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

    /// One worker's share: its reports' pair counts, children and vectors.
    private struct Chunk: Sendable {
        var range: Range<Int>
        var counts: [Int32] = []
        var children: [Int32] = []
        var patterns: [UInt16] = []
    }
}

