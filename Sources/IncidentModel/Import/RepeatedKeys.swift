/// Finds the records whose id repeats an earlier record's.
///
/// Every key is hashed (on every core); the (hash, position) pairs are put in small buckets by
/// their hash's top bits and each bucket sorted, also on every core; only keys with equal
/// hashes are compared. The work grows as n log n whatever the keys are, so ids made to
/// collide cannot make it quadratic.
enum RepeatedKeys {
    /// A record whose key an earlier record already has.
    struct Repeat: Hashable, Sendable {
        /// The repeating record's position.
        let index: Int
        /// The position of the first record with that key.
        let first: Int
    }

    /// A record's position and the low bits of its key's hash, packed so that sorting plain
    /// integers groups equal hashes: `hash << indexBits | index`.
    private static let indexBits: UInt64 = 25

    /// Every record after the first with its key, each with that first record's position; in
    /// position order. `key(i)` is the key of the record at position `i` of `0..<count`.
    static func find(count: Int, key: @Sendable (Int) -> String) -> [Repeat] {
        guard count > 1 else { return [] }
        guard UInt64(count) < 1 << indexBits else { return findInOnePass(count: count, key: key) }
        let hashes = ParallelMap.map(count: count, minimumChunk: 50_000) { UInt64(bitPattern: Int64(key($0).hashValue)) }
        // Buckets by the top bits of the hash, about eight records each, filled by a counting
        // sort; each bucket is then sorted on its own, the buckets on every core.
        let bits = max(0, Int.bitWidth - count.leadingZeroBitCount - 3)
        let bucket = { (hash: UInt64) -> Int in bits == 0 ? 0 : Int(hash >> UInt64(64 - bits)) }
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        for hash in hashes { starts[bucket(hash) + 1] += 1 }
        for b in 0..<(1 << bits) { starts[b + 1] += starts[b] }
        var fill = starts
        var entries = [UInt64](repeating: 0, count: count)
        for (index, hash) in hashes.enumerated() {
            let b = bucket(hash)
            // The hash's low bits, then the position: records whose kept bits agree are compared
            // by key below, so the bits left out cost a comparison, never a result.
            entries[fill[b]] = hash << indexBits | UInt64(index)
            fill[b] += 1
        }
        let buckets = starts
        let found = entries.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedPointer(base: buffer.baseAddress)
            return ParallelMap.chunks(count: 1 << bits, minimumChunk: 1 << 12) { range -> [Repeat] in
                guard let base = shared.base else { return [] }
                var found: [Repeat] = []
                for b in range where buckets[b + 1] - buckets[b] > 1 {
                    // Each chunk sorts its own buckets: disjoint parts of the buffer.
                    var slice = UnsafeMutableBufferPointer(start: base + buckets[b], count: buckets[b + 1] - buckets[b])
                    slice.sort()
                    collectRepeats(in: UnsafeBufferPointer(slice), key: key, into: &found)
                }
                return found
            }
        }
        return found.sorted { $0.index < $1.index }
    }

    /// The repeats among packed entries in sorted order: within each run of equal hash bits,
    /// the records are ordered by key and position, so equal keys sit together, earliest first.
    private static func collectRepeats(in sorted: UnsafeBufferPointer<UInt64>, key: (Int) -> String, into found: inout [Repeat]) {
        let mask: UInt64 = (1 << indexBits) - 1
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] >> indexBits == sorted[i] >> indexBits { j += 1 }
            if j - i > 1 {
                let run = sorted[i..<j].map { (key: key(Int($0 & mask)), index: Int($0 & mask)) }
                    .sorted { ($0.key, $0.index) < ($1.key, $1.index) }
                var k = 0
                while k < run.count {
                    var m = k + 1
                    while m < run.count && run[m].key == run[k].key {
                        found.append(Repeat(index: run[m].index, first: run[k].index))
                        m += 1
                    }
                    k = m
                }
            }
            i = j
        }
    }

    /// The same for files too long to pack a position beside the hash: one look-up per record.
    private static func findInOnePass(count: Int, key: (Int) -> String) -> [Repeat] {
        var first: [String: Int] = [:]
        first.reserveCapacity(count)
        var found: [Repeat] = []
        for index in 0..<count {
            let k = key(index)
            if let earlier = first[k] { found.append(Repeat(index: index, first: earlier)) } else { first[k] = index }
        }
        return found
    }
}
