import IncidentModel

/// The Quality tab (8): what the figures rest on, per source, and the rejected rows of the
/// source opened with Enter.
package struct QualityState: Sendable {
    /// The sources as the view lists them, for data whose file reports the dashboard does not
    /// hold (a workspace's imports); `nil` to list the dataset's own file reports.
    package var sources: (@Sendable () -> [QualityReport.Source])?
    /// The report, once computed in the background after the first screen.
    package internal(set) var report: QualityReport?
    /// Whether the report is being computed.
    var requested = false
    /// The source under the cursor, and the first on screen.
    package var cursor = 0
    package var top = 0
    /// The source whose rejected rows are listed; `nil` for the list of sources.
    package var open: Int?
    /// The rejected row under the cursor, and the first on screen, in the opened source.
    package var rejectCursor = 0
    package var rejectTop = 0

    package init(sources: (@Sendable () -> [QualityReport.Source])? = nil) {
        self.sources = sources
    }

    /// Whether the status bar carries the mark: something rejected, unresolved or partial.
    package var needsAttention: Bool { report?.needsAttention == true }

    /// The rejected rows listed, when a source is open.
    var openRejects: [RejectLine] {
        guard let report, let open, report.sources.indices.contains(open) else { return [] }
        return report.sources[open].rejects
    }
}
