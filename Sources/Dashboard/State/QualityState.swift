import IncidentModel

/// The Quality tab (8): what the figures rest on, per source, and the rejected rows of the
/// source opened with Enter.
public struct QualityState: Sendable {
    /// The sources as the view lists them, for data whose file reports the dashboard does not
    /// hold (a workspace's imports); `nil` to list the dataset's own file reports.
    public var sources: (@Sendable () -> [QualityReport.Source])?
    /// The report, once computed in the background after the first screen.
    public internal(set) var report: QualityReport?
    /// Whether the report is being computed.
    var requested = false
    /// The source under the cursor, and the first on screen.
    public var cursor = 0
    public var top = 0
    /// The source whose rejected rows are listed; `nil` for the list of sources.
    public var open: Int?
    /// The rejected row under the cursor, and the first on screen, in the opened source.
    public var rejectCursor = 0
    public var rejectTop = 0

    public init(sources: (@Sendable () -> [QualityReport.Source])? = nil) {
        self.sources = sources
    }

    /// Whether the status bar carries the mark: something rejected, unresolved or partial.
    public var needsAttention: Bool { report?.needsAttention == true }

    /// The rejected rows listed, when a source is open.
    var openRejects: [RejectLine] {
        guard let report, let open, report.sources.indices.contains(open) else { return [] }
        return report.sources[open].rejects
    }
}
