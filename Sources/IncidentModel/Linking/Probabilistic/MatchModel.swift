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
            [0, 0.86, 0.01, 0.06, 0.025, 0.01, 0.005, 0.002, 0.028],
            [0, 0.84, 0.01, 0.05, 0.03, 0.02, 0.01, 0.005, 0.01, 0.025],
            [0, 0.94, 0.02, 0.01, 0.02, 0.01],
            [0, 0.99, 0.01],
            [0, 0.72, 0.08, 0.1, 0.04, 0.02, 0.04],
        ],
        u: [
            [0, 0.002, 0.00005, 0.003, 0.01, 0.003, 0.001, 0.0005, 0.98045],
            [0, 0.01, 0.00005, 0.002, 0.003, 0.005, 0.004, 0.001, 0.005, 0.96995],
            [0, 0.0004, 0.0004, 0.0002, 0.01, 0.989],
            [0, 0.5, 0.5],
            [0, 0.01, 0.005, 0.005, 0.002, 0.03, 0.948],
        ],
        matchShare: 0.1)

    /// m moved a share of the way towards the defaults' m. An estimate from many pairs can put
    /// m at almost nothing for a slip the data happen not to show (a sex recorded wrongly, a
    /// date of birth quite different), and then that one field would outweigh all the others
    /// agreeing. Mixing in the defaults (a twentieth by default) keeps every level possible: a
    /// disagreement then weighs -8 to -12 (with the u of generated data), not -18.
    public func tempered(share: Double = 0.05) -> MatchModel {
        var model = self
        for field in LinkField.allCases {
            let f = field.rawValue
            model.m[f] = zip(m[f], Self.defaults.m[f]).map { (1 - share) * $0 + share * $1 }
        }
        return model
    }

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
    /// the blocked pairs. `patterns` counts how many pairs show each vector.
    ///
    /// Both classes are estimated. The non-matches among blocked pairs are not like random
    /// pairs: each shares a block key with its report (a date of birth, a home), so they agree
    /// far more often than u says. Held to u, they would fit the match class better than the
    /// other, and m would end up describing them. Here the non-matches have their own shares,
    /// started from the shares of all blocked pairs (most of which are non-matches), and m starts
    /// from its current value (the certain links', or the defaults). The u the weights use stays
    /// the random pairs': how often unrelated people agree in the population.
    ///
    /// The estimate is kept only when it separates two classes: matches a minority of the
    /// blocked pairs (blocking lets through several children per report, one of them at most
    /// the report's) and not vanishingly few. With too few pairs, or blocks so tight that most
    /// pairs are matches, the non-match class starts out describing the matches and the match
    /// class empties; then m stays as it was.
    mutating func estimateM(patterns: [ComparisonVector: Int], iterations: Int = 30) {
        // In a fixed order, so that the sums (and so the model) are the same on every run.
        let items = patterns.map { ($0.key, Double($0.value)) }.sorted { $0.0.levels.lexicographicallyPrecedes($1.0.levels) }
        guard items.reduce(0, { $0 + $1.1 }) >= Self.minimumPairsForEM else { return }
        var blocked = MatchModel(m: m, u: Self.shares(items), matchShare: matchShare)
        for _ in 0..<iterations {
            var matches: [(ComparisonVector, Double)] = []
            var others: [(ComparisonVector, Double)] = []
            var matched = 0.0
            var total = 0.0
            for (vector, count) in items {
                let odds = blocked.matchShare / (1 - blocked.matchShare) * pow(2, blocked.weight(vector))
                let p = odds.isInfinite ? 1 : odds / (1 + odds)
                matches.append((vector, p * count))
                others.append((vector, (1 - p) * count))
                matched += p * count
                total += count
            }
            blocked.m = Self.shares(matches)
            blocked.u = Self.shares(others)
            blocked.matchShare = min(0.99, max(1e-4, matched / total))
        }
        guard Self.separableShares.contains(blocked.matchShare) else { return }
        m = blocked.m
        matchShare = blocked.matchShare
    }

    /// Blocked pairs below which expectation-maximisation is not tried.
    static let minimumPairsForEM = 1_000.0
    /// The match shares of an estimate that found two classes.
    static let separableShares = 0.001...0.5
}
