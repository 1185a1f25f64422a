import IncidentModel

/// The Review tab's part of the reducer: the model's run as a background job, moving in the
/// queue, and decisions as effects the run loop writes to the workspace.
extension AppState {
    /// Rows of the queue on screen; the rest of the page shows the item under the cursor (and
    /// a line says when decisions cannot be kept).
    var reviewPageSize: Int { max(1, min(6, pageSize - ReviewView.itemRows) - (review.workspace == nil ? 1 : 0)) }

    /// The screen row of the queue's first line.
    var reviewFirstRow: Int { TableLayout.headerRow + 1 + (review.workspace == nil ? 1 : 0) }

    /// What the Review tab says while it has nothing to show, or when decisions cannot be kept.
    var reviewMessage: String {
        if review.data == nil { return "Running the linkage model…" }
        if review.workspace == nil { return "Decisions need a workspace: mfc init, then mfc import DIR" }
        return ""
    }

    /// Starts the model's run when the Review tab or an explanation in the detail needs it and
    /// it has not run yet.
    mutating func requestReviewIfNeeded() -> [Effect] {
        guard review.data == nil, !review.requested, tab == .review || detailNeedsExplanations else { return [] }
        review.requested = true
        let linked = index.linked
        let (records, linker) = (review.records, review.linker)
        return [.run(BackgroundJob("review", serial: 0) {
            .reviewReady(LinkReview(dataset: records?() ?? linked.dataset, linker: linker))
        })]
    }

    /// Whether the detail shows a police report that the model linked (or sent to review).
    var detailNeedsExplanations: Bool {
        guard case let .detail(detail) = screen else { return false }
        let links = index.linked.personLinks
        return detail.reportIndexes.contains { links.indices.contains($0) && links[$0]?.method == .model }
    }

    /// Takes the model's run.
    mutating func receive(_ data: LinkReview) {
        review.data = data
        review.requested = false
        review.refreshQueue()
        if tab == .review { message = reviewMessage }
    }

    /// A decision the run loop recorded: the item leaves the queue.
    mutating func recorded(_ pair: SourcePair, _ verdict: LinkVerdict, id: Int64) {
        review.decided.insert(pair)
        if review.pending == pair { review.pending = nil }
        review.refreshQueue()
        clampReview()
        message = "Decision \(id): \(verdict.rawValue) \(pair.policeRef.rawValue) with \(pair.episodeID.rawValue)"
    }

    mutating func performInReview(_ command: Command) -> [Effect] {
        switch command {
        case .moveDown: review.cursor += 1
        case .moveUp: review.cursor -= 1
        case .pageDown: review.cursor += reviewPageSize
        case .pageUp: review.cursor -= reviewPageSize
        case .first: review.cursor = 0
        case .last: review.cursor = review.queue.count - 1
        case .accept: askReason(.accept)
        case .reject: askReason(.reject)
        case .quit: return [.quit]
        case .help: overlay = .help(scroll: 0)
        case .back: message = "Press 1 for the incidents, Q to quit"
        default: message = "In Review: a accepts, r rejects, j and k move"
        }
        clampReview()
        return []
    }

    /// Opens the reason prompt for a decision on the item under the cursor, when it can be kept.
    private mutating func askReason(_ verdict: LinkVerdict) {
        guard let item = review.current else {
            message = review.data == nil ? "Running the linkage model…" : "Nothing to review"
            return
        }
        guard review.workspace != nil else {
            message = "Decisions need a workspace: mfc init, then mfc import DIR, then mfc in that folder"
            return
        }
        guard review.pending == nil else {
            message = "Recording the last decision…"
            return
        }
        guard let pair = review.pair(item) else {
            message = "Child \(item.child.rawValue) has no LA episode to pair the report with"
            return
        }
        overlay = .decisionReason(verdict: verdict, pair: pair, text: "")
    }

    /// Keeps the review cursor within the queue and on screen.
    mutating func clampReview() {
        let count = review.queue.count, page = reviewPageSize
        review.cursor = max(0, min(review.cursor, count - 1))
        if review.cursor < review.top { review.top = review.cursor }
        if review.cursor >= review.top + page { review.top = review.cursor - page + 1 }
        review.top = max(0, min(review.top, max(0, count - page)))
    }

    /// A click on a queue row puts the cursor there.
    mutating func clickReview(y: Int) {
        let k = review.top + y - reviewFirstRow
        guard y >= reviewFirstRow, y < reviewFirstRow + reviewPageSize, k < review.queue.count else { return }
        review.cursor = k
        clampReview()
    }
}
