import IncidentModel

/// The Review tab (7): the probabilistic model's review band, and where decisions go.
package struct ReviewState: Sendable {
    /// The workspace decisions are recorded in; `nil` when the data were read from files or
    /// the sample data, read-only, so that decisions cannot be kept.
    package var workspace: String?
    /// Pairs of police report and LA episode with a decision, in the workspace at start or
    /// made here: they leave the queue.
    package var decided: Set<SourcePair> = []
    /// Reads every source record for the model's run, when the dashboard's data hold the
    /// registers only (a workspace's kept incidents); `nil` when they hold the records.
    package var records: (@Sendable () -> Dataset)?
    /// The model the Review tab and the detail's explanations run (its bands as configured).
    package var linker: ProbabilisticPersonLinker
    /// The model's linkage, once computed.
    package internal(set) var data: LinkReview?
    /// Whether the model is being run.
    var requested = false
    /// A decision sent to the run loop and not yet recorded.
    var pending: SourcePair?
    /// Positions in `data.items` still to decide, by weight.
    package internal(set) var queue: [Int] = []
    package var cursor = 0
    package var top = 0

    package init(
        workspace: String? = nil, decided: Set<SourcePair> = [], records: (@Sendable () -> Dataset)? = nil,
        linker: ProbabilisticPersonLinker = ProbabilisticPersonLinker()
    ) {
        self.workspace = workspace
        self.decided = decided
        self.records = records
        self.linker = linker
    }

    /// The item under the cursor.
    package var current: ReviewItem? {
        guard let data, queue.indices.contains(cursor) else { return nil }
        return data.items[queue[cursor]]
    }

    /// The pair an item's decision is about, when the child has an episode to pair with.
    package func pair(_ item: ReviewItem) -> SourcePair? {
        guard let data, let episode = item.episode else { return nil }
        let dataset = data.dataset
        return SourcePair(policeRef: dataset.policeReports[item.report].ref, episodeID: dataset.episodes[episode].id)
    }

    /// Rebuilds the queue from the items, leaving out decided pairs, keeping the cursor's place.
    mutating func refreshQueue() {
        guard let data else {
            queue = []
            return
        }
        queue = data.items.indices.filter { k in pair(data.items[k]).map { !decided.contains($0) } ?? true }
        cursor = max(0, min(cursor, queue.count - 1))
    }
}
