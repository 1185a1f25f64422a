import Dispatch

/// Runs a few independent computations at once, on every core, and returns their results.
enum Concurrently {
    /// `a()`, `b()`, `c()` and `d()`, computed concurrently.
    static func run<A: Sendable, B: Sendable, C: Sendable, D: Sendable>(
        _ a: @Sendable () -> A, _ b: @Sendable () -> B, _ c: @Sendable () -> C, _ d: @Sendable () -> D
    ) -> (A, B, C, D) {
        let results = (Result<A>(), Result<B>(), Result<C>(), Result<D>())
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            switch k {
            case 0: results.0.value = a()
            case 1: results.1.value = b()
            case 2: results.2.value = c()
            default: results.3.value = d()
            }
        }
        // concurrentPerform returns once every iteration has, so each value is set.
        guard let first = results.0.value, let second = results.1.value, let third = results.2.value,
              let fourth = results.3.value
        else { preconditionFailure("a concurrent computation did not finish") }
        return (first, second, third, fourth)
    }

    /// One computation's result, written once by its worker before `run` reads it.
    private final class Result<T>: @unchecked Sendable {
        var value: T?
    }
}
