import Dispatch

/// A value computed on another thread while the caller goes on with other work; ``wait()``
/// returns it once it is ready.
///
/// For a step that one core can do while the others share a different one (the registers
/// while the children are numbered).
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the worker, before the group is left; read only after waiting on it.
    private var result: Value?

    /// Starts `compute` on another thread.
    package init(_ compute: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.result = compute() }
    }

    /// The value, waiting for it when it is not ready yet.
    package func wait() -> Value {
        group.wait()
        guard let result else { preconditionFailure("a background computation ended without its value") }
        return result
    }
}
