import Foundation

/// Remembers a value computed from a text, for texts that repeat many times (the few thousand
/// addresses a million police reports name), keyed by the text's UTF-8 bytes.
///
/// A dictionary keyed by `String` hashes every text with SipHash and compares by canonical
/// equivalence; this table hashes the bytes eight at a time and compares them with `memcmp`.
/// Two texts that are canonically equivalent but spelt in different bytes get an entry each,
/// which costs one more computation of the same value, never a different result: the memo is
/// for values that depend on the text alone. One per worker; not shared between threads.
struct TextMemo<Value> {
    /// Open addressing: each slot holds an entry number + 1, or 0 when empty.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// Entry `e`'s bytes are `bytes[starts[e]..<starts[e + 1]]`.
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    private var values: [Value] = []

    /// An empty memo with room for about `capacity` texts before it grows.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// How many distinct texts (by their bytes) the memo holds.
    var count: Int { values.count }

    /// The value remembered for `text`, or else `compute()`, remembered.
    mutating func value(for text: String, _ compute: () -> Value) -> Value {
        var text = text
        return text.withUTF8 { bytes in
            let place = find(bytes)
            if let entry = place.entry { return values[entry] }
            let value = compute()
            insert(value, bytes: bytes, hash: place.hash, slot: place.slot)
            return value
        }
    }

    /// The value remembered for `text`, if any. For a caller whose computation must not sit in
    /// a closure (a closure that calls a method of a large captured value may copy that value
    /// on every call, retaining each of its buffers).
    func value(for text: String) -> Value? {
        var text = text
        return text.withUTF8 { bytes in find(bytes).entry.map { values[$0] } }
    }

    /// Remembers `value` for `text`, which has none yet (``value(for:)`` gave `nil`).
    mutating func remember(_ value: Value, for text: String) {
        var text = text
        text.withUTF8 { bytes in
            let place = find(bytes)
            precondition(place.entry == nil, "a text is remembered once")
            insert(value, bytes: bytes, hash: place.hash, slot: place.slot)
        }
    }

    /// The entry holding `key`, or the empty slot where it belongs; and its hash.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (entry: Int?, slot: Int, hash: UInt64) {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash && matches(entry, key) { return (entry, slot, hash) }
            slot = (slot + 1) & mask
        }
        return (nil, slot, hash)
    }

    private mutating func insert(_ value: Value, bytes key: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) {
        slots[slot] = Int32(values.count + 1)
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        values.append(value)
        if values.count * 2 > slots.count { grow() }
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let lower = starts[entry]
        guard starts[entry + 1] - lower == key.count else { return false }
        guard let keyBase = key.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            stored.baseAddress.map { memcmp($0 + lower, keyBase, key.count) == 0 } ?? false
        }
    }

    /// Twice the slots, every entry placed again by its kept hash.
    private mutating func grow() {
        var table = [Int32](repeating: 0, count: slots.count * 2)
        let mask = table.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(entry + 1)
        }
        slots = table
    }

    /// A hash of the bytes, eight at a time, finished with MurmurHash3's 64-bit finaliser.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        let raw = UnsafeRawBufferPointer(key)
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count {
            tail |= UInt64(key[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}
