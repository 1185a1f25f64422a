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
        // Every entry differs (the report is in it), so the order is the same on every core.
        ParallelMap.sort(&order, by: <)
        let ordered = order
        let chunks = space.people.withComparison { comparison in
            ParallelMap.chunks(count: ordered.count) { range -> [Chunk] in
                var chunk = Chunk()
                chunk.reports.reserveCapacity(range.count)
                chunk.counts.reserveCapacity(range.count)
                var found: [Int32] = []
                var lookups = BlockLookups()
                var cache = LevelCache(bits: 18)
                // A report's candidates and vectors depend on its prepared fields alone, and a
                // child missing again is often reported with the same ones: a report the same
                // as one before it (of the same date of birth, so met a moment before) takes
                // that one's pairs.
                var earlier: [ComparableReport: (start: Int, count: Int)] = [:]
                var earlierBirth = DateKey(nil)
                for k in range {
                    let r = Int(truncatingIfNeeded: ordered[k] & 0xFFFF_FFFF)
                    let report = comparison.reports[r]
                    if report.dateOfBirth != earlierBirth {
                        earlier.removeAll(keepingCapacity: true)
                        earlierBirth = report.dateOfBirth
                    }
                    chunk.reports.append(Int32(r))
                    if let same = earlier[report] {
                        chunk.counts.append(Int32(same.count))
                        for pair in same.start..<same.start + same.count {
                            chunk.children.append(chunk.children[pair])
                            chunk.patterns.append(chunk.patterns[pair])
                        }
                        continue
                    }
                    space.candidates(ofReport: r, into: &found, lookups: &lookups)
                    earlier[report] = (chunk.children.count, found.count)
                    chunk.counts.append(Int32(found.count))
                    chunk.warmed &+= found.withUnsafeBufferPointer { comparison.warm(report: r, children: $0, cache: cache) }
                    for child in found {
                        chunk.children.append(child)
                        let vector = comparison.compare(report: r, child: Int(child), cache: &cache)
                        chunk.patterns.append(UInt16(vector.patternIndex))
                    }
                }
                return [chunk]
            }
        }
        // Laid out in report order: each report's pairs copied to its place, each chunk's on
        // its own core (the reports' places are disjoint).
        var offsets = [Int](repeating: 0, count: reports + 1)
        for chunk in chunks {
            for (i, r) in chunk.reports.enumerated() { offsets[Int(r) + 1] = Int(chunk.counts[i]) }
        }
        for r in 0..<reports { offsets[r + 1] += offsets[r] }
        let total = offsets[reports]
        let starts = offsets
        var patterns: [UInt16] = []
        let children = [Int32](unsafeUninitializedCapacity: total) { childBuffer, childCount in
            patterns = [UInt16](unsafeUninitializedCapacity: total) { patternBuffer, patternCount in
                let childTarget = SharedPointer(base: childBuffer.baseAddress)
                let patternTarget = SharedPointer(base: patternBuffer.baseAddress)
                _ = ParallelMap.each(chunks.count) { k in
                    guard let childBase = childTarget.base, let patternBase = patternTarget.base else { return }
                    let chunk = chunks[k]
                    chunk.children.withUnsafeBufferPointer { children in
                        chunk.patterns.withUnsafeBufferPointer { patterns in
                            guard let fromChildren = children.baseAddress, let fromPatterns = patterns.baseAddress else { return }
                            var from = 0
                            for (i, r) in chunk.reports.enumerated() {
                                let count = Int(chunk.counts[i])
                                let to = starts[Int(r)]
                                (childBase + to).initialize(from: fromChildren + from, count: count)
                                (patternBase + to).initialize(from: fromPatterns + from, count: count)
                                from += count
                            }
                        }
                    }
                }
                patternCount = total
            }
            childCount = total
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
        patterns.withUnsafeBufferPointer { buffer in
            let all = BorrowedBuffer(buffer: buffer)
            return ComparisonVector.patternCounts(count: buffer.count, minimumChunk: 1_000_000) { Int(all.buffer[$0]) }
        }
    }

    /// One worker's share: its reports (in the order compared), their pair counts, children
    /// and vectors.
    private struct Chunk: Sendable {
        var reports: [Int32] = []
        var counts: [Int32] = []
        var children: [Int32] = []
        var patterns: [UInt16] = []
        /// What ``FieldComparison/warm(report:children:cache:)`` read, kept so that its reads
        /// are made.
        var warmed: UInt64 = 0
    }
}

