import Dispatch
import Foundation

/// Maps a range of indexes in contiguous chunks on every core, keeping the order of results.
///
/// Used where each item's work is independent (linking a report, building an incident,
/// formatting a row). Small inputs run on the calling thread.
package enum ParallelMap {
    /// `transform` is called once per chunk with the chunk's indexes and returns that chunk's
    /// results; the chunks' results are joined in index order.
    package static func chunks<T: Sendable>(
        count: Int, minimumChunk: Int = 20_000, _ transform: @Sendable (Range<Int>) -> [T]
    ) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let pieces = min(workers * 4, count / max(1, minimumChunk))
        guard pieces > 1 else { return transform(0..<count) }
        let slots = ChunkSlots<T>(count: pieces)
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            let lower = count * piece / pieces
            let upper = count * (piece + 1) / pieces
            slots.store(piece, transform(lower..<upper))
        }
        return slots.joined()
    }
}

extension ParallelMap {
    /// `transform(i)` for every `i` in `0..<count`, computed in contiguous chunks on every core
    /// and written straight into the result (no joining copy). Small inputs run on the calling
    /// thread.
    package static func map<T: Sendable>(count: Int, minimumChunk: Int = 20_000, _ transform: @Sendable (Int) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let pieces = min(workers * 4, count / max(1, minimumChunk))
        guard pieces > 1 else { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = SharedPointer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                guard let base = target.base else { return }
                // Each worker initialises its own disjoint range.
                for i in (count * piece / pieces)..<(count * (piece + 1) / pieces) {
                    (base + i).initialize(to: transform(i))
                }
            }
            initialized = count
        }
    }
}

/// A result buffer's address, shared with the workers that fill disjoint parts of it.

/// One result array per chunk, each written once by its worker.
private final class ChunkSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[T]]

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func store(_ index: Int, _ value: [T]) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func joined() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        var result: [T] = []
        result.reserveCapacity(storage.reduce(0) { $0 + $1.count })
        for chunk in storage { result.append(contentsOf: chunk) }
        return result
    }
}
