import Foundation

/// A seeded pseudo-random number generator: xoshiro256** (Blackman and Vigna), its state
/// filled from the seed by SplitMix64.
///
/// The standard library offers no seeded generator, and its `random(in:using:)` algorithms
/// may change between releases; every draw the generator makes goes through the methods here,
/// so the same seed gives the same sequence on every platform and toolchain.
struct SeededRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose sequence is fixed by `seed`.
    init(seed: UInt64) {
        var mixer = seed
        s0 = SeededRandom.splitMix(&mixer)
        s1 = SeededRandom.splitMix(&mixer)
        s2 = SeededRandom.splitMix(&mixer)
        s3 = SeededRandom.splitMix(&mixer)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A whole number in `0..<bound` (`bound` > 0), by Lemire's multiply-and-shift; the bias is
    /// below 2^-40 for the bounds used here.
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Box-Muller, one of the pair).
    mutating func normal() -> Double {
        let u = 1 - unit()
        let v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A log-normal deviate: `exp(mu + sigma * Z)`.
    mutating func logNormal(mu: Double, sigma: Double) -> Double {
        exp(mu + sigma * normal())
    }

    /// A Poisson deviate with mean `lambda`: exact (Knuth) below 30, normal approximation above.
    mutating func poisson(_ lambda: Double) -> Int {
        if lambda < 30 {
            let limit = exp(-lambda)
            var product = unit()
            var count = 0
            while product > limit {
                product *= unit()
                count += 1
            }
            return count
        }
        return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
    }

    /// An element of a non-empty array, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A new generator seeded from this one, for a sub-stream that must not shift the others.
    mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Draws an index with probability proportional to its weight, in O(log n) per draw.
struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    /// A table over `weights` (non-negative, at least one positive).
    init(_ weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { weight in
            total += weight
            return total
        }
    }

    /// An index drawn by weight.
    func draw(_ random: inout SeededRandom) -> Int {
        let target = random.unit() * (cumulative.last ?? 0)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
