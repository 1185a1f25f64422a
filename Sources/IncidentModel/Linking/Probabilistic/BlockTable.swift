/// A block key: a blocking rule and the parts of a record it uses, packed into two words.
struct BlockKey: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// `rule` (0-31), a date or part of one (under 2^21), and up to three numbers: `a` under
    /// 2^28 (an initial, a Soundex number), `b` and `c` any 32-bit values (a home, a postcode, a
    /// street). Parts a rule does not use are 0.
    init(rule: UInt64, date: UInt32 = 0, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0) {
        high = rule << 59 | UInt64(date) << 28 | UInt64(UInt32(bitPattern: a) & 0x0FFF_FFFF)
        low = UInt64(UInt32(bitPattern: b)) << 32 | UInt64(UInt32(bitPattern: c))
    }
}

/// A blocking index: for each block key, the children that have it.
///
/// Built once from (key, child) entries, in time linear in their number: the keys sit in an
/// open-addressing table with a multiplicative hash, which numbers them as they are first met;
/// the children of a key are then kept together, in ascending order, in one array (compressed
/// rows, filled by a counting sort). A look-up is a few integer operations and no allocation,
/// where a dictionary of structured keys would hash every part of the key with SipHash.
struct BlockTable: Sendable {
    /// Row `i`'s children are `children[rowStarts[i]..<rowStarts[i + 1]]`.
    private let rowStarts: [Int32]
    private let children: [Int32]
    private let rowKeys: [BlockKey]
    /// Open addressing: each slot holds a row number + 1, or 0 when empty.
    private let slots: [Int32]
    private let shift: UInt64
    /// One more than the greatest child in the table.
    private let childCount: Int

    /// An index of `entries` (key, child), given in any order; a pair given twice is kept once.
    init(entries: [(key: BlockKey, child: Int32)]) {
        // At most half full (even if every entry's key were new): probes stay short.
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        var table = [Int32](repeating: 0, count: 1 << Int(bits))
        let shift = 64 - bits
        let mask = (1 << Int(bits)) - 1
        // Each entry's row: its key's number, in order of first appearance.
        var keys: [BlockKey] = []
        var rowOfEntry = [Int32](repeating: 0, count: entries.count)
        var counts: [Int32] = []
        for (i, entry) in entries.enumerated() {
            var slot = Self.slot(entry.key, shift: shift)
            while true {
                let row = Int(table[slot]) - 1
                if row < 0 {
                    table[slot] = Int32(keys.count + 1)
                    rowOfEntry[i] = Int32(keys.count)
                    keys.append(entry.key)
                    counts.append(1)
                    break
                }
                if keys[row] == entry.key {
                    rowOfEntry[i] = Int32(row)
                    counts[row] += 1
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        var starts = [Int32](repeating: 0, count: keys.count + 1)
        for row in keys.indices { starts[row + 1] = starts[row] + counts[row] }
        var fill = starts
        var members = [Int32](repeating: 0, count: entries.count)
        for (i, entry) in entries.enumerated() {
            let row = Int(rowOfEntry[i])
            members[Int(fill[row])] = entry.child
            fill[row] += 1
        }
        // Each row in ascending order, each child once, the rows closed up.
        var write = 0
        for row in keys.indices {
            let lower = Int(starts[row])
            let upper = Int(starts[row + 1])
            starts[row] = Int32(write)
            if !Self.isStrictlyAscending(members[lower..<upper]) { members[lower..<upper].sort() }
            for k in lower..<upper where write == Int(starts[row]) || members[write - 1] != members[k] {
                members[write] = members[k]
                write += 1
            }
        }
        starts[keys.count] = Int32(write)
        members.removeLast(members.count - write)
        rowStarts = starts
        childCount = Int(members.max() ?? -1) + 1
        children = members
        rowKeys = keys
        // The table was sized as if every entry's key were new; far fewer are (a key is
        // shared by a block's children), so it is made again for the keys there are, at most
        // half full: look-ups then read a few times less memory.
        var compactBits: UInt64 = 4
        while (1 << compactBits) < keys.count * 2 { compactBits += 1 }
        var compact = [Int32](repeating: 0, count: 1 << Int(compactBits))
        let compactShift = 64 - compactBits
        let compactMask = compact.count - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.slot(key, shift: compactShift)
            while compact[slot] != 0 { slot = (slot + 1) & compactMask }
            compact[slot] = Int32(row + 1)
        }
        slots = compact
        self.shift = compactShift
    }

    private static func isStrictlyAscending(_ row: ArraySlice<Int32>) -> Bool {
        var previous = Int32.min
        for child in row {
            if child <= previous { return false }
            previous = child
        }
        return true
    }

    @inline(__always)
    private static func slot(_ key: BlockKey, shift: UInt64) -> Int {
        // MurmurHash3's 64-bit finaliser over both words.
        var x = key.high ^ (key.low &* 0xC2B2_AE3D_27D4_EB4F)
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return Int(truncatingIfNeeded: x >> shift)
    }

    /// The most children a block may hold and still be used. A key that more children share
    /// says little (a name written as "Unknown" in hundreds of records): it is passed over, and
    /// the other rules pair its records.
    static let largestBlock = 200

    /// The row of `key`, or -1 when no child has it.
    @inline(__always)
    private func row(of key: BlockKey) -> Int {
        let mask = slots.count - 1
        var slot = Self.slot(key, shift: shift)
        while true {
            let row = Int(slots[slot]) - 1
            if row < 0 || rowKeys[row] == key { return row }
            slot = (slot + 1) & mask
        }
    }

    /// Appends the children of each key of `lookups` to `found`, each once (none for a key that
    /// more children have than its limit), as looking up one key at a time
    /// would. The keys sit at random in a large table, so each look-up waits on memory: here every
    /// key's slot is read first, then every key's row, then every row's children, the reads of
    /// each step independent of one another, so that they overlap instead of following one
    /// another.
    func appendChildren(of lookups: inout BlockLookups, to found: inout [Int32]) {
        let count = lookups.keys.count
        lookups.rows.removeAll(keepingCapacity: true)
        for i in 0..<count { lookups.rows.append(slots[Self.slot(lookups.keys[i], shift: shift)] - 1) }
        for i in 0..<count {
            let row = Int(lookups.rows[i])
            if row >= 0 && rowKeys[row] != lookups.keys[i] { lookups.rows[i] = Int32(self.row(of: lookups.keys[i])) }
        }
        // A child in several of the keys' blocks is added once: the buffer marks each child
        // added for this record.
        // A buffer used for one record only appends every child, leaving the repeats to the
        // caller's sort.
        if lookups.marksChildren { lookups.startRecord(children: childCount) }
        for i in 0..<count {
            let row = Int(lookups.rows[i])
            guard row >= 0 else { continue }
            let lower = Int(rowStarts[row])
            let upper = Int(rowStarts[row + 1])
            guard upper - lower <= Int(lookups.limits[i]) else { continue }
            if lookups.marksChildren {
                for k in lower..<upper where lookups.isNew(children[k]) { found.append(children[k]) }
            } else {
                found.append(contentsOf: children[lower..<upper])
            }
        }
    }
}

/// The block keys of one record to look up together in a ``BlockTable``, each with the most
/// children its block may hold: a buffer reused from record to record.
struct BlockLookups {
    fileprivate(set) var keys: [BlockKey] = []
    fileprivate(set) var limits: [Int32] = []
    fileprivate var rows: [Int32] = []
    /// Whether children are marked as added (a mark per child, worth its memory only for a
    /// buffer reused over many records).
    fileprivate let marksChildren: Bool

    /// A buffer; `reused` when it will serve many records (it then marks each record's
    /// children, so that each is added once).
    init(reused: Bool = true) { marksChildren = reused }
    /// For each child, the record it was last added for (``generation``).
    private var added: [UInt32] = []
    private var generation: UInt32 = 0

    /// Starts a record's children: none added yet.
    fileprivate mutating func startRecord(children: Int) {
        if added.count < children { added = [UInt32](repeating: 0, count: children) }
        if generation == .max {
            for i in added.indices { added[i] = 0 }
            generation = 0
        }
        generation += 1
    }

    /// Whether `child` is not yet added for this record; it is from now on.
    @inline(__always)
    fileprivate mutating func isNew(_ child: Int32) -> Bool {
        if added[Int(child)] == generation { return false }
        added[Int(child)] = generation
        return true
    }

    /// Adds a key whose block is used when at most `limit` children have it.
    mutating func add(_ key: BlockKey, limit: Int = BlockTable.largestBlock) {
        keys.append(key)
        limits.append(Int32(limit))
    }

    /// Empties the buffer, keeping its memory.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        limits.removeAll(keepingCapacity: true)
    }
}
