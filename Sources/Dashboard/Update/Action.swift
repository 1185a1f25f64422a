import IncidentModel

/// Something that happened: a key, a mouse event, a resize, or the result of an effect.
package enum Action: Sendable {
    /// A key press; its meaning depends on the screen and any overlay.
    case key(Key)
    /// A command, as if its key had been pressed in the table.
    case command(Command)
    /// The terminal's size in columns and rows.
    case resize(width: Int, height: Int)
    /// A press of the first mouse button at a column and row.
    case click(x: Int, y: Int)
    /// The wheel: positive scrolls down by that many rows.
    case scroll(Int)
    /// The first screen is up: start background work.
    case started
    /// A column's order, computed off the main loop.
    case orderReady(ColumnOrder)
    /// The source records' look-up, built off the main loop.
    case sourcesReady(SourceLookup)
    /// The incidents by identifier, for search, built off the main loop.
    case identifiersReady(IdentifierIndex)
    /// The matches of a search in the rows shown, counted off the main loop.
    case searchCounted(SearchHits)
    /// An export finished: the file and its row count.
    case exportFinished(path: String, rows: Int)
    /// An export failed; `.exists` asks whether to replace.
    case exportFailed(path: String, error: FileWriteError)
    /// The reports' data, built off the main loop.
    case reportDataReady(ReportData)
    /// Reports computed for a scope off the main loop.
    case reportsReady(ReportSet)
    /// The linkage model's run, for the Review tab and the detail's explanations.
    case reviewReady(LinkReview)
    /// The data-quality report, built off the main loop.
    case qualityReady(QualityReport)
    /// A decision was written to the workspace's decisions (and its audit log).
    case decisionRecorded(SourcePair, LinkVerdict, id: Int64)
    /// A decision could not be written: the reason, for the status bar.
    case decisionFailed(SourcePair, reason: String)
    /// The workspace has new imports or decisions, by anyone, since the data were loaded.
    case workspaceChanged
}

/// Work with side effects for the run loop, whose results come back as actions.
package enum Effect: Sendable, Equatable {
    /// Compute a column's order (``IncidentIndex/order(for:)``) and send `.orderReady`.
    case computeOrder(IncidentColumn)
    /// Build ``SourceLookup`` and send `.sourcesReady`.
    case buildSources
    /// Write `rows` (incident positions, in order; only those in `selected` when it is not
    /// empty) to a CSV file through `IncidentExporter`, with `metadata` (completed with the
    /// source and the time) beside it; send `.exportFinished` or `.exportFailed`.
    case export(path: String, rows: [Int32], selected: Set<Int32>, replace: Bool, metadata: ExportMetadata)
    /// Write a report's CSV (as `mfc report` writes it, in the order on screen) of `rows` rows to
    /// a file, for the incidents that `filter` picks out, with `metadata` beside it; send
    /// `.exportFinished` or `.exportFailed`. The run loop writes and logs it, like every export.
    case exportReport(
        path: String, csv: [UInt8], report: String, rows: Int, filter: IncidentFilter, replace: Bool,
        metadata: ExportMetadata)
    /// Record an analyst's decision on a pair in the workspace, as `mfc decide` does (who and
    /// when, and the audit log); send `.decisionRecorded` or `.decisionFailed`.
    case decide(SourcePair, LinkVerdict, reason: String)
    /// Run a job off the main loop and send its result (``BackgroundJob/run()``).
    case run(BackgroundJob)
    /// Read the data again (the workspace or the files) and show them afresh.
    case reload
    /// Restore the terminal and exit.
    case quit
}
