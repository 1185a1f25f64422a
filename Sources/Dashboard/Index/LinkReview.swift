import IncidentModel

/// The probabilistic model's linkage of the dashboard's data, computed once off the main loop:
/// the reports it sends to review, each with the LA episode an accepted link would pair it
/// with, and the per-field explanation of any report and child.
package struct LinkReview: Sendable {
    /// The model's run: links, review candidates, and what explanations are computed from.
    package let linkage: ProbabilisticLinkage
    /// The review band, by weight, highest first (ties by police reference).
    package let items: [ReviewItem]
    /// The records the model read.
    package let dataset: Dataset
    /// Each child's position in `dataset.children`.
    let children: [ChildID: Int]

    /// Runs the model on the linked data's records: as `mfc explain` does, O(records) with
    /// blocking. For a million reports it takes seconds: run it as a background job.
    package init(linked: LinkedData, linker: ProbabilisticPersonLinker = ProbabilisticPersonLinker()) {
        self.init(dataset: linked.dataset, linker: linker)
    }

    /// Runs the model on `dataset`'s records.
    package init(dataset: Dataset, linker: ProbabilisticPersonLinker = ProbabilisticPersonLinker()) {
        let linkage = linker.run(LinkContext(dataset: dataset))
        var episodesOfChild: [ChildID: [Int]] = [:]
        for (k, episode) in dataset.episodes.enumerated() { episodesOfChild[episode.child, default: []].append(k) }
        var items: [ReviewItem] = []
        for candidate in linkage.review {
            let report = dataset.policeReports[candidate.report]
            let episode = Self.nearestEpisode(to: report, among: episodesOfChild[candidate.child] ?? [], in: dataset)
            items.append(ReviewItem(
                report: candidate.report, child: candidate.child, episode: episode, weight: candidate.weight,
                runnerUp: candidate.runnerUp,
                explanation: linkage.explain(report: candidate.report).first { $0.child == candidate.child }))
        }
        items.sort { a, b in
            a.weight != b.weight ? a.weight > b.weight
                : dataset.policeReports[a.report].ref < dataset.policeReports[b.report].ref
        }
        self.linkage = linkage
        self.items = items
        self.dataset = dataset
        var children: [ChildID: Int] = [:]
        for (k, child) in dataset.children.enumerated() where children[child.id] == nil { children[child.id] = k }
        self.children = children
    }

    /// The authority's record of a child.
    package func child(_ id: ChildID) -> Child? { children[id].map { dataset.children[$0] } }

    /// The child's episode whose start is nearest the report's (last seen, else reported);
    /// `nil` when the child has no episode or the report no time.
    static func nearestEpisode(to report: PoliceReport, among episodes: [Int], in dataset: Dataset) -> Int? {
        guard let time = report.startedAt?.instant.secondsSinceEpoch else { return nil }
        return episodes.min { a, b in
            abs(dataset.episodes[a].startedAt.instant.secondsSinceEpoch - time)
                < abs(dataset.episodes[b].startedAt.instant.secondsSinceEpoch - time)
        }
    }

    /// The model's explanation of report `r` (its index in the dataset) against `child`, when
    /// blocking made them candidates.
    package func explanation(report r: Int, child: ChildID) -> LinkExplanation? {
        linkage.explain(report: r).first { $0.child == child }
    }
}

/// A police report whose best candidate child fell in the review band.
package struct ReviewItem: Sendable, Equatable {
    /// The report's index in the dataset.
    package var report: Int
    package var child: ChildID
    /// The child's LA episode nearest the report in time, which an accepted link pairs it with;
    /// `nil` when the child has none.
    package var episode: Int?
    package var weight: Double
    /// The next candidate's weight, when there was one.
    package var runnerUp: Double?
    package var explanation: LinkExplanation?
}
