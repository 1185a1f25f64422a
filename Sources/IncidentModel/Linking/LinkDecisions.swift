/// An analyst's verdict on whether a police report and an LA episode describe the same absence.
public enum LinkVerdict: String, Hashable, Sendable, CaseIterable, Codable {
    /// The two are one absence: they are always paired.
    case accept
    /// The two are different absences: they are never paired.
    case reject
}

/// The analyst decisions the linker applies on every link (DESIGN section 4).
///
/// An accepted pair is paired whatever the times and the person linkage say, like an episode
/// that records the report's `police_ref`; the report then joins no other episode. A rejected
/// pair is never paired, even when the episode records the report's `police_ref`; the report
/// may still pair with another episode of the same child. When a pair has several decisions,
/// the last one given counts. Decisions naming a report or an episode that is not in the data
/// are kept but have no effect.
public struct LinkDecisions: Hashable, Sendable {
    /// The verdict on each decided pair.
    public private(set) var verdicts: [SourcePair: LinkVerdict] = [:]

    /// No decisions: the linker alone.
    public init() {}

    /// Decisions given in order; a later decision on the same pair replaces an earlier one.
    public init(_ decisions: [(pair: SourcePair, verdict: LinkVerdict)]) {
        for decision in decisions { verdicts[decision.pair] = decision.verdict }
    }

    /// Records a decision, replacing any earlier one on the same pair.
    public mutating func decide(_ pair: SourcePair, _ verdict: LinkVerdict) {
        verdicts[pair] = verdict
    }

    /// Whether there are no decisions.
    public var isEmpty: Bool { verdicts.isEmpty }

    /// The pairs that must be paired.
    public var accepted: Set<SourcePair> { Set(verdicts.compactMap { $0.value == .accept ? $0.key : nil }) }

    /// The pairs that must not be paired.
    public var rejected: Set<SourcePair> { Set(verdicts.compactMap { $0.value == .reject ? $0.key : nil }) }

    /// The decisions as positions in `dataset`: accepted report -> episode, and the rejected
    /// (report, episode) pairs. Pairs naming a record not in the data are left out. When one
    /// report is accepted with several episodes, the one with the smallest id is taken.
    /// Costs one pass over the reports and episodes, and nothing when there are no decisions.
    func resolved(in dataset: Dataset) -> ResolvedDecisions {
        guard !verdicts.isEmpty else { return ResolvedDecisions() }
        var refs = Set<PoliceRef>(), episodeIDs = Set<EpisodeID>()
        for pair in verdicts.keys {
            refs.insert(pair.policeRef)
            episodeIDs.insert(pair.episodeID)
        }
        var reportIndex: [PoliceRef: Int] = [:]
        for (i, report) in dataset.policeReports.enumerated() where refs.contains(report.ref) {
            if reportIndex[report.ref] == nil { reportIndex[report.ref] = i }
        }
        var episodeIndex: [EpisodeID: Int] = [:]
        for (i, episode) in dataset.episodes.enumerated() where episodeIDs.contains(episode.id) {
            if episodeIndex[episode.id] == nil { episodeIndex[episode.id] = i }
        }
        var result = ResolvedDecisions()
        for (pair, verdict) in verdicts.sorted(by: { ($0.key.policeRef, $0.key.episodeID) < ($1.key.policeRef, $1.key.episodeID) }) {
            guard let r = reportIndex[pair.policeRef], let e = episodeIndex[pair.episodeID] else { continue }
            switch verdict {
            case .accept: if result.accepted[r] == nil { result.accepted[r] = e }
            case .reject: result.rejected.insert(ResolvedDecisions.Pair(report: r, episode: e))
            }
        }
        return result
    }
}

/// Decisions as positions in one dataset's report and episode arrays.
struct ResolvedDecisions: Sendable {
    struct Pair: Hashable, Sendable {
        let report: Int
        let episode: Int
    }

    /// Report index -> the episode index it must pair with.
    var accepted: [Int: Int] = [:]
    /// Pairs that must not be made.
    var rejected: Set<Pair> = []

    var isEmpty: Bool { accepted.isEmpty && rejected.isEmpty }

    func isRejected(report: Int, episode: Int) -> Bool {
        !rejected.isEmpty && rejected.contains(Pair(report: report, episode: episode))
    }
}
