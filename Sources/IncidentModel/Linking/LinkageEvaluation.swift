/// Precision and recall of police-report-to-LA-episode pairs against a known truth.
public struct LinkageEvaluation: Hashable, Sendable {
    /// Pairs the linker made that are in the truth.
    public var truePositives: Int
    /// Pairs the linker made that are not in the truth.
    public var falsePositives: Int
    /// Pairs in the truth that the linker did not make.
    public var falseNegatives: Int

    /// Compares the pairs a linker made with the true pairs.
    public init(predicted: Set<SourcePair>, truth: Set<SourcePair>) {
        truePositives = predicted.intersection(truth).count
        falsePositives = predicted.count - truePositives
        falseNegatives = truth.count - truePositives
    }

    /// The share of pairs made that are right; 1 when none were made.
    public var precision: Double {
        let made = truePositives + falsePositives
        return made == 0 ? 1 : Double(truePositives) / Double(made)
    }

    /// The share of true pairs that were made; 1 when there are none.
    public var recall: Double {
        let real = truePositives + falseNegatives
        return real == 0 ? 1 : Double(truePositives) / Double(real)
    }

    /// The harmonic mean of precision and recall.
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Reads the true pairs from a generator's `truth.csv` (`police_ref`, `episode_id`; a blank
    /// episode marks a police-only report and gives no pair).
    public static func truthPairs(csv bytes: [UInt8]) throws(TruthFileError) -> Set<SourcePair> {
        var reader = CSVReader(bytes: bytes)
        var header: [String] = []
        _ = reader.next { header = $0.strings.map(HeaderMap.normalise) }
        guard let refColumn = header.firstIndex(of: "police_ref"),
              let episodeColumn = header.firstIndex(of: "episode_id")
        else { throw .missingColumns(found: header) }
        var pairs = Set<SourcePair>()
        while reader.next({ record in
            let ref = record.string(refColumn).trimmingSpaces
            let episode = record.string(episodeColumn).trimmingSpaces
            if !ref.isEmpty && !episode.isEmpty {
                pairs.insert(SourcePair(policeRef: PoliceRef(ref), episodeID: EpisodeID(episode)))
            }
        }) {}
        return pairs
    }
}

/// Why a truth file could not be used.
public enum TruthFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingColumns(found: [String])

    public var description: String {
        switch self {
        case let .missingColumns(found):
            "truth.csv: expected columns police_ref and episode_id; found \(found.joined(separator: ", "))"
        }
    }
}
