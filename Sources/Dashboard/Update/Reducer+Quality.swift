import IncidentModel

/// The Quality tab's part of the reducer: the report as a background job, moving among the
/// sources, and Enter listing a source's rejected rows.
extension AppState {
    /// Rows of the sources' list on screen (the rest of the page shows the linkage, the notice
    /// and the warnings of the source under the cursor).
    var qualityPageSize: Int { max(1, min(8, pageSize - QualityView.summaryRows)) }

    /// Rows of the rejected rows' list on screen.
    var rejectPageSize: Int { max(1, pageSize - 1) }

    /// Starts the report's computation, once: one pass over the incidents, off the main loop.
    mutating func requestQuality() -> [Effect] {
        guard quality.report == nil, !quality.requested else { return [] }
        quality.requested = true
        let linked = index.linked, zone = index.catalogue.formatter.zone, given = quality.sources
        return [.run(BackgroundJob("quality", serial: 0) {
            let sources = given?() ?? linked.dataset.reports.map(QualityReport.source)
            let gaps = DataGaps(
                incidents: linked.incidents, registers: linked.registers,
                rejected: sources.map { DataGaps.Rejected(source: $0.name, rows: $0.rejected) }, zone: zone)
            return .qualityReady(QualityReport(
                sources: sources, linkage: QualityReport.linkage(linked.incidents, registers: linked.registers), gaps: gaps))
        })]
    }

    mutating func performInQuality(_ command: Command) -> [Effect] {
        guard let report = quality.report else {
            switch command {
            case .quit: return [.quit]
            case .help: overlay = .help(scroll: 0)
            default: message = "Checking the data…"
            }
            return []
        }
        let listing = quality.open != nil
        let count = listing ? quality.openRejects.count : report.sources.count
        let page = listing ? rejectPageSize : qualityPageSize
        var cursor = listing ? quality.rejectCursor : quality.cursor
        switch command {
        case .moveDown: cursor += 1
        case .moveUp: cursor -= 1
        case .pageDown: cursor += page
        case .pageUp: cursor -= page
        case .first: cursor = 0
        case .last: cursor = count - 1
        case .open:
            guard !listing, report.sources.indices.contains(quality.cursor) else { break }
            let source = report.sources[quality.cursor]
            guard !source.rejects.isEmpty else {
                message = source.rejected > 0
                    ? "\(source.name): \(grouped(source.rejected)) rejected, but their rows are not kept"
                    : "\(source.name): no row rejected"
                break
            }
            quality.open = quality.cursor
            quality.rejectCursor = 0
            quality.rejectTop = 0
            message = "\(grouped(source.rejects.count)) rejected row\(source.rejects.count == 1 ? "" : "s") of \(source.name)"
            return []
        case .back:
            if listing {
                quality.open = nil
                message = ""
            } else {
                message = "Press 1 for the incidents, Q to quit"
            }
            return []
        case .quit: return [.quit]
        case .help: overlay = .help(scroll: 0)
        default: message = "In Quality: Enter lists a file's rejected rows, Esc goes back, j and k move"
        }
        if listing {
            quality.rejectCursor = cursor
        } else {
            quality.cursor = cursor
        }
        clampQuality()
        return []
    }

    /// Keeps the Quality tab's cursors within their lists and on screen.
    mutating func clampQuality() {
        func clamp(_ cursor: inout Int, _ top: inout Int, count: Int, page: Int) {
            cursor = max(0, min(cursor, count - 1))
            if cursor < top { top = cursor }
            if cursor >= top + page { top = cursor - page + 1 }
            top = max(0, min(top, max(0, count - page)))
        }
        clamp(&quality.cursor, &quality.top, count: quality.report?.sources.count ?? 0, page: qualityPageSize)
        clamp(&quality.rejectCursor, &quality.rejectTop, count: quality.openRejects.count, page: rejectPageSize)
    }
}
