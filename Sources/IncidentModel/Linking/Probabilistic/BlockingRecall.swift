/// How many true report-child pairs the probabilistic model could have linked: the child is
/// among the report's blocked candidates, or an episode's `police_ref` made the link certain.
/// A pair blocking left out can never be linked by the model, whatever its bands.
public struct BlockingRecall: Hashable, Sendable {
    /// True pairs the model could link.
    public var kept: Int
    /// True (report, child) pairs in the data: each true report / episode pair gives the
    /// report and the episode's child, counted once.
    public var total: Int

    /// The share kept; 1 when there are no true pairs.
    public var share: Double { total == 0 ? 1 : Double(kept) / Double(total) }

    /// Counts, for `linkage`'s data, the true pairs of `truth` (police report, LA episode) that
    /// name a report and an episode in the data.
    public init(_ linkage: ProbabilisticLinkage, truth: Set<SourcePair>) {
        let dataset = linkage.space.context.dataset
        var childOfEpisode: [EpisodeID: ChildID] = [:]
        for episode in dataset.episodes { childOfEpisode[episode.id] = episode.child }
        var reportOfRef: [PoliceRef: Int] = [:]
        for (r, report) in dataset.policeReports.enumerated() where reportOfRef[report.ref] == nil { reportOfRef[report.ref] = r }
        var trueChildren: [Int: Set<ChildID>] = [:]
        for pair in truth {
            guard let r = reportOfRef[pair.policeRef], let child = childOfEpisode[pair.episodeID] else { continue }
            trueChildren[r, default: []].insert(child)
        }
        kept = 0
        total = 0
        for (r, children) in trueChildren {
            let candidates = Set(linkage.candidates(ofReport: r))
            let certain = linkage.links[r].flatMap { $0.method == .policeReference ? $0.child : nil }
            total += children.count
            kept += children.filter { candidates.contains($0) || $0 == certain }.count
        }
    }
}
