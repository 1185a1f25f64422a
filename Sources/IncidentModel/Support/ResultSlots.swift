import Foundation

/// Where workers leave their results for the thread that started them: one slot per result,
/// each written once, by the worker that computed it, and read once every worker is done.
///
/// The one store of results computed on other threads: ``ParallelMap``'s chunks, the files
/// the loader decodes at once, ``Background`` and ``Concurrently`` all leave theirs here. A lock
/// guards the slots, taken once per result (a chunk, a file), never per item.
package final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    /// `count` empty slots.
    package init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// Leaves `value` in slot `index`.
    package func store(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// Every slot's value, in slot order (`nil` for a slot not written), moved out of the
    /// slots so that the caller holds the only reference to each.
    package func take() -> [Value?] {
        lock.lock()
        defer { lock.unlock() }
        var taken: [Value?] = []
        swap(&taken, &storage)
        return taken
    }
}
