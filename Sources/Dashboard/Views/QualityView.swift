import IncidentModel

/// The Quality tab: each source's rows read, accepted, rejected and warnings; under them the
/// linkage, what makes the figures partial, and the warnings by kind of the source under the
/// cursor. Enter lists the source's rejected rows: line, column, reason and the value shown
/// safely (``RejectLine``).
enum QualityView {
    /// Rows under the sources' list: a blank, the linkage's five lines, a blank and two of
    /// the notice.
    static let summaryRows = 9

    static func draw(_ state: AppState, into grid: inout Grid) {
        let y0 = TableLayout.headerRow
        guard let report = state.quality.report else {
            grid.put("Checking the data…", x: 2, y: y0 + 1, style: .hint)
            return
        }
        if let open = state.quality.open, report.sources.indices.contains(open) {
            drawRejects(report.sources[open], state: state, into: &grid)
        } else {
            drawSources(report, state: state, into: &grid)
        }
    }

    /// Widths of the sources' number columns.
    private static let numbers = [("Read", 8), ("Accepted", 9), ("Rejected", 9), ("Warnings", 9)]

    private static func drawSources(_ report: QualityReport, state: AppState, into grid: inout Grid) {
        let y0 = TableLayout.headerRow
        let numberWidth = numbers.reduce(0) { $0 + $1.1 + 1 }
        let nameWidth = max(8, grid.width - numberWidth - 2)
        func row(_ cells: [String], y: Int, style: CellStyle) {
            grid.fill(x: 0, y: y, count: grid.width, style: style)
            grid.put(cells[0], x: 1, y: y, limit: nameWidth, style: style)
            var x = 1 + nameWidth
            for (k, column) in numbers.enumerated() {
                grid.put(cells[k + 1], x: x + 1, y: y, limit: column.1, style: style, alignRight: true)
                x += column.1 + 1
            }
        }
        row(["Source"] + numbers.map(\.0), y: y0, style: .header)
        let quality = state.quality
        let page = state.qualityPageSize
        for line in 0..<page {
            let k = quality.top + line
            guard k < report.sources.count else { break }
            let source = report.sources[k]
            var style: CellStyle = source.rejected > 0 ? .warning : .plain
            if k == quality.cursor { style = CellStyle(tone: .cursor, bold: true, reverse: true) }
            row([source.name, grouped(source.rowsRead), grouped(source.accepted), grouped(source.rejected),
                 grouped(source.warnings)], y: y0 + 1 + line, style: style)
        }
        if report.sources.isEmpty {
            grid.put("No files read: the data came with no file reports", x: 2, y: y0 + 1, style: .hint)
        }
        var y = y0 + 1 + page + 1
        for line in report.linkage.lines {
            grid.put(line, x: 1, y: y, limit: grid.width - 2)
            y += 1
        }
        y += 1
        let notice = report.gaps.notice ?? "The figures rest on every row read, with every side linked and placed."
        for line in wrap(notice, width: grid.width - 2).prefix(2) {
            grid.put(line, x: 1, y: y, limit: grid.width - 2, style: report.gaps.isComplete ? .hint : .warning)
            y += 1
        }
        // The warnings of the source under the cursor, as room allows.
        let bottom = grid.height - 2
        guard report.sources.indices.contains(quality.cursor), y + 1 < bottom else { return }
        let source = report.sources[quality.cursor]
        guard !source.warningKinds.isEmpty else { return }
        y += 1
        grid.put("Warnings in \(source.name)", x: 1, y: y, limit: grid.width - 2, style: .header)
        y += 1
        for kind in source.warningKinds where y < bottom {
            grid.put(grouped(kind.count), x: 1, y: y, limit: 7, alignRight: true)
            grid.put(kind.kind, x: 10, y: y, limit: grid.width - 11)
            y += 1
        }
    }

    private static func drawRejects(_ source: QualityReport.Source, state: AppState, into grid: inout Grid) {
        let y0 = TableLayout.headerRow
        let valueWidth = min(24, max(10, grid.width / 4))
        let columnWidth = 16
        let reasonX = 8 + columnWidth + 1
        let valueX = grid.width - valueWidth - 1
        let reasonWidth = max(8, valueX - reasonX - 1)
        func row(_ line: String, _ column: String, _ reason: String, _ value: String, y: Int, style: CellStyle) {
            grid.fill(x: 0, y: y, count: grid.width, style: style)
            grid.put(line, x: 1, y: y, limit: 6, style: style, alignRight: true)
            grid.put(column, x: 8, y: y, limit: columnWidth, style: style)
            grid.put(reason, x: reasonX, y: y, limit: reasonWidth, style: style)
            grid.put(value, x: valueX, y: y, limit: valueWidth, style: style)
        }
        row("Line", "Column", "Reason", "Value", y: y0, style: .header)
        let quality = state.quality
        for line in 0..<state.rejectPageSize {
            let k = quality.rejectTop + line
            guard k < source.rejects.count else { break }
            let reject = source.rejects[k]
            let style: CellStyle = k == quality.rejectCursor ? CellStyle(tone: .cursor, bold: true, reverse: true) : .plain
            row(String(reject.line), reject.columnText, reject.reason, reject.value ?? "", y: y0 + 1 + line, style: style)
        }
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
