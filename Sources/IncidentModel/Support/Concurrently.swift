import Dispatch

/// Runs a few independent computations of different types at once, on every core (the
/// caller's thread among them), and returns their results when all are done.
///
/// For one computation to run beside the caller's own work, see ``Background``; for many of
/// one type, ``ParallelMap``.
package enum Concurrently {
    /// `a()`, `b()`, `c()` and `d()`, computed concurrently.
    package static func run<A: Sendable, B: Sendable, C: Sendable, D: Sendable>(
        _ a: @Sendable () -> A, _ b: @Sendable () -> B, _ c: @Sendable () -> C, _ d: @Sendable () -> D
    ) -> (A, B, C, D) {
        let results = (ResultSlots<A>(count: 1), ResultSlots<B>(count: 1), ResultSlots<C>(count: 1), ResultSlots<D>(count: 1))
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            switch k {
            case 0: results.0.store(0, a())
            case 1: results.1.store(0, b())
            case 2: results.2.store(0, c())
            default: results.3.store(0, d())
            }
        }
        // concurrentPerform returns once every iteration has, so each slot is written.
        guard let first = results.0.take()[0], let second = results.1.take()[0], let third = results.2.take()[0],
              let fourth = results.3.take()[0]
        else { preconditionFailure("a concurrent computation did not finish") }
        return (first, second, third, fourth)
    }
}
