/// A block key: a blocking rule and the parts of a record it uses, packed into two words.
struct BlockKey: Hashable, Comparable, Sendable {
    var high: UInt64
    var low: UInt64

    /// `rule` (1-15), a date or year (``DateKey`` bits, under 2^21), a Soundex number (under
    /// 2^14), a home id and a forename initial id; parts a rule does not use are 0.
    init(rule: UInt64, date: UInt32 = 0, sound: Int32 = 0, home: Int32 = -1, initial: Int32 = 0) {
        high = rule << 60 | UInt64(date) << 14 | UInt64(UInt32(bitPattern: sound))
        low = UInt64(UInt32(bitPattern: home &+ 1)) << 32 | UInt64(UInt32(bitPattern: initial))
    }

    static func < (a: BlockKey, b: BlockKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

/// A blocking index: for each block key, the children that have it.
///
/// Built once from (key, child) entries; the children of a key are kept together, in ascending
/// order, in one array (compressed rows), and the keys sit in an open-addressing table with a
/// multiplicative hash. A look-up is a few integer operations and no allocation, where a
/// dictionary of structured keys would hash every part of the key with SipHash.
struct BlockTable: Sendable {
    /// Row `i`'s children are `children[rowStarts[i]..<rowStarts[i + 1]]`.
    private let rowStarts: [Int32]
    private let children: [Int32]
    private let rowKeys: [BlockKey]
    /// Open addressing: each slot holds a row number + 1, or 0 when empty.
    private let slots: [Int32]
    private let shift: UInt64

    /// An index of `entries` (key, child); a pair given twice is kept once.
    init(entries: [(key: BlockKey, child: Int32)]) {
        let sorted = entries.sorted { ($0.key, $0.child) < ($1.key, $1.child) }
        var starts: [Int32] = []
        var keys: [BlockKey] = []
        var members: [Int32] = []
        members.reserveCapacity(sorted.count)
        for (i, entry) in sorted.enumerated() {
            if i > 0, sorted[i - 1].key == entry.key, sorted[i - 1].child == entry.child { continue }
            if keys.last != entry.key {
                keys.append(entry.key)
                starts.append(Int32(members.count))
            }
            members.append(entry.child)
        }
        starts.append(Int32(members.count))
        // At most half full: probes stay short.
        var bits: UInt64 = 4
        while (1 << bits) < keys.count * 2 { bits += 1 }
        var table = [Int32](repeating: 0, count: 1 << Int(bits))
        let shift = 64 - bits
        let mask = (1 << Int(bits)) - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.slot(key, shift: shift)
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(row + 1)
        }
        rowStarts = starts
        children = members
        rowKeys = keys
        slots = table
        self.shift = shift
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

    /// Appends the children that have `key` to `found`.
    @inline(__always)
    func appendChildren(of key: BlockKey, to found: inout [Int32]) {
        let mask = slots.count - 1
        var slot = Self.slot(key, shift: shift)
        while true {
            let row = Int(slots[slot]) - 1
            if row < 0 { return }
            if rowKeys[row] == key {
                found.append(contentsOf: children[Int(rowStarts[row])..<Int(rowStarts[row + 1])])
                return
            }
            slot = (slot + 1) & mask
        }
    }
}
