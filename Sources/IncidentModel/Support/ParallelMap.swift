import Dispatch
import Foundation

/// Maps a range of indexes in contiguous chunks on every core, keeping the order of results.
///
/// Used where each item's work is independent (linking a report, building an incident,
/// formatting a row). Small inputs run on the calling thread.
enum ParallelMap {
    /// `transform` is called once per chunk with the chunk's indexes and returns that chunk's
    /// results; the chunks' results are joined in index order.
    static func chunks<T: Sendable>(
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
