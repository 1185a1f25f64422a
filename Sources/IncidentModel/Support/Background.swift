import Dispatch

/// A value computed on another thread while the caller goes on with other work; ``wait()``
/// returns it once it is ready.
///
/// For a step that one core can do while the others share a different one (the registers
/// while the children are numbered). For a few computations that should all start at once,
/// on the caller's thread too, see ``Concurrently``.
package final class Background<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    /// Written once, by the worker, before the group is left; read only after waiting on it.
    private let result = ResultSlots<Value>(count: 1)

    /// Starts `compute` on another thread.
    package init(_ compute: @escaping @Sendable () -> Value) {
        let result = result
        DispatchQueue.global().async(group: group) { result.store(0, compute()) }
    }

    /// The value, waiting for it when it is not ready yet.
    package func wait() -> Value {
        group.wait()
        guard let value = result.take().first ?? nil else {
            preconditionFailure("a background computation ended without its value")
        }
        return value
    }
}
