/// Every candidate pair of the reports the model decides (those without a certain link),
/// compared once, on every core: the same vectors feed the expectation-maximisation and then
/// the decisions.
///
/// The pairs stay in the pieces the workers compared them in (each piece's reports in the
/// order compared), with each report's place in them: laying them out again in report order
/// would hold every pair twice for a moment, hundreds of megabytes at a million reports.
struct ComparedPairs: Sendable {
    /// The workers' pieces.
    private let chunks: [Chunk]
    /// Where report `r`'s pairs are: its piece, and their first position and number there
    /// (none for a report not compared).
    private let places: [Place]
    /// How many pairs were compared.
    let count: Int

    private struct Place: Sendable {
        var chunk: Int32 = 0
        var start: Int32 = 0
        var count: Int32 = 0
    }

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
        var places = [Place](repeating: Place(), count: reports)
        for (k, chunk) in chunks.enumerated() {
            var start = 0
            for (i, r) in chunk.reports.enumerated() {
                let count = Int(chunk.counts[i])
                places[Int(r)] = Place(chunk: Int32(k), start: Int32(start), count: Int32(count))
                start += count
            }
        }
        self.chunks = chunks
        self.places = places
        count = chunks.reduce(0) { $0 + $1.children.count }
    }

    /// Calls `body` with each of report `r`'s pairs, in the children's index order: the child
    /// (its index in `children.csv`) and the comparison, as its ``ComparisonVector/patternIndex``.
    @inline(__always)
    func forEachPair(ofReport r: Int, _ body: (_ child: Int32, _ pattern: Int) -> Void) {
        let place = places[r]
        guard place.count > 0 else { return }
        let chunk = chunks[Int(place.chunk)]
        for pair in Int(place.start)..<Int(place.start + place.count) {
            body(chunk.children[pair], Int(chunk.patterns[pair]))
        }
    }

    /// How many pairs show each vector, by ``ComparisonVector/patternIndex``.
    func patternCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: ComparisonVector.patternCount)
        for chunk in chunks {
            let part = chunk.patterns.withUnsafeBufferPointer { buffer in
                let all = BorrowedBuffer(buffer: buffer)
                return ComparisonVector.patternCounts(count: buffer.count, minimumChunk: 1_000_000) { Int(all.buffer[$0]) }
            }
            for (index, count) in part.enumerated() { counts[index] += count }
        }
        return counts
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

