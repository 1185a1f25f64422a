import Foundation

/// A Fellegi-Sunter model: for every field and level, m (how often true matches agree at that
/// level) and u (how often non-matches do). A pair's weight on a field is log2(m/u) for its
/// level; its total weight is the sum over fields. Level 0 ("missing") always weighs 0.
public struct MatchModel: Sendable, Hashable {
    /// m per field (by ``LinkField`` raw value) and level.
    public var m: [[Double]]
    /// u per field and level.
    public var u: [[Double]]
    /// The share of compared (blocked) pairs that are matches, as last estimated.
    public var matchShare: Double

    /// Sane defaults for when the data are too few to estimate from.
    public static let defaults = MatchModel(
        m: [
            [0, 0.86, 0.07, 0.03, 0.04],
            [0, 0.86, 0.05, 0.03, 0.02, 0.01, 0.03],
            [0, 0.96, 0.02, 0.015, 0.005],
            [0, 0.99, 0.01],
            [0, 0.75, 0.08, 0.12, 0.05],
        ],
        u: [
            [0, 0.002, 0.003, 0.01, 0.985],
            [0, 0.01, 0.002, 0.003, 0.005, 0.005, 0.975],
            [0, 0.0004, 0.0004, 0.01, 0.9892],
            [0, 0.5, 0.5],
            [0, 0.01, 0.005, 0.005, 0.98],
        ],
        matchShare: 0.1)

    /// The weight of one field at one level: log2(m/u), 0 for the missing level.
    public func weight(_ field: LinkField, level: Int) -> Double {
        guard level > 0 else { return 0 }
        let mv = max(m[field.rawValue][level], 1e-6)
        let uv = max(u[field.rawValue][level], 1e-6)
        return log2(mv / uv)
    }

    /// The total weight of a comparison.
    public func weight(_ vector: ComparisonVector) -> Double {
        LinkField.allCases.reduce(0) { $0 + weight($1, level: vector[$1]) }
    }

    /// Level shares among `vectors`, per field, smoothed (one extra observation per level) and
    /// over the non-missing levels only.
    static func shares(_ vectors: some Sequence<(ComparisonVector, Double)>) -> [[Double]] {
        var counts = LinkField.allCases.map { [Double](repeating: 1, count: $0.levels.count) }
        for (vector, count) in vectors {
            for field in LinkField.allCases { counts[field.rawValue][vector[field]] += count }
        }
        return counts.map { levels in
            let total = levels.dropFirst().reduce(0, +)
            return [0] + levels.dropFirst().map { $0 / total }
        }
    }

    /// Refines m (and the match share) by expectation-maximisation over the distinct patterns of
    /// the blocked pairs, with u held fixed. `patterns` counts how many pairs show each vector.
    mutating func estimateM(patterns: [ComparisonVector: Int], iterations: Int = 20) {
        // In a fixed order, so that the sums (and so the model) are the same on every run.
        let items = patterns.map { ($0.key, Double($0.value)) }.sorted { $0.0.levels.lexicographicallyPrecedes($1.0.levels) }
        guard !items.isEmpty else { return }
        for _ in 0..<iterations {
            var posteriors: [(ComparisonVector, Double)] = []
            var matched = 0.0
            var total = 0.0
            for (vector, count) in items {
                let w = weight(vector)
                let odds = matchShare / (1 - matchShare) * pow(2, w)
                let p = odds.isInfinite ? 1 : odds / (1 + odds)
                posteriors.append((vector, p * count))
                matched += p * count
                total += count
            }
            m = Self.shares(posteriors)
            matchShare = min(0.99, max(1e-4, matched / total))
        }
    }
}
