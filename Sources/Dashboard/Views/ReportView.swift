import IncidentModel

/// A report tab: the header, the rows in the view's order (flagged rows bold in the warning
/// tone), the total pinned at the foot, sparklines and bars in the chart glyphs.
enum ReportView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        guard let table = state.reportTable else {
            grid.put(state.reportWork.message, x: 2, y: TableLayout.headerRow + 1, style: .hint)
            return
        }
        let width = state.reportWidth
        let view = state.reportView
        let layout = ReportLayout(table: table, view: view, width: width, longestName: view.longestName)
        drawHeader(table, view, layout, width: width, into: &grid)
        let barMaximum = table.rows.map { row in
            row.values.reduce(0) { sum, value in
                if case let .bar(parts) = value { return sum + parts.reduce(0, +) }
                return sum
            }
        }.max() ?? 0
        let first = TableLayout.headerRow + 1
        if table.rows.isEmpty {
            grid.put("No rows in this period", x: 2, y: first, style: .warning)
        }
        for line in 0..<state.reportPageSize {
            let k = view.top + line
            guard k < view.order.count else { break }
            let row = table.rows[view.order[k]]
            var style = row.isFlagged ? CellStyle(tone: .warning, bold: true) : .plain
            let isCursor = k == view.cursor
            if isCursor { style = CellStyle(tone: .cursor, bold: style.bold, reverse: true) }
            grid.fill(x: 0, y: first + line, count: width, style: style)
            drawRow(row, table, layout, y: first + line, style: style, cursorColumn: isCursor ? view.column : nil,
                    barMaximum: barMaximum, glyphs: state.glyphs, into: &grid)
        }
        if let total = table.total {
            let y = first + min(state.reportPageSize, view.order.count)
            grid.fill(x: 0, y: y, count: width, style: CellStyle(bold: true, underline: true))
            drawRow(total, table, layout, y: y, style: CellStyle(bold: true, underline: true), cursorColumn: nil,
                    barMaximum: barMaximum, glyphs: state.glyphs, into: &grid)
        }
        if table.name == "trends" { TrendsView.draw(state, into: &grid) }
    }

    static func drawHeader(
        _ table: ReportTable, _ view: ReportViewState, _ layout: ReportLayout, width: Int, into grid: inout Grid
    ) {
        let y = TableLayout.headerRow
        grid.fill(x: 0, y: y, count: width, style: .header)
        if view.firstColumn > ReportLayout.frozenColumns(table) { grid.put("‹", x: 0, y: y, style: .header) }
        for span in layout.spans {
            var title = table.columns[span.column].title
            if view.sortColumn == span.column { title += view.descending ? " ▼" : " ▲" }
            var style = CellStyle.header
            if span.column == view.column { style = CellStyle(tone: .accent, bold: true, underline: true) }
            grid.put(title, x: span.x, y: y, limit: span.width, style: style,
                     alignRight: table.columns[span.column].alignsRight && table.columns[span.column].kind != .bar)
        }
        if layout.hasMore(table) { grid.put("›", x: width - 1, y: y, style: .header) }
    }

    static func drawRow(
        _ row: ReportRow, _ table: ReportTable, _ layout: ReportLayout, y: Int, style: CellStyle, cursorColumn: Int?,
        barMaximum: Int, glyphs: ChartGlyphs, into grid: inout Grid
    ) {
        for span in layout.spans {
            let column = table.columns[span.column]
            let text: String
            switch row.values[span.column] {
            case let .series(values): text = glyphs.sparkline(values)
            case let .bar(parts): text = glyphs.bar(parts, maximum: barMaximum, width: span.width)
            case let value:
                if case let .number(decimals) = column.kind { text = value.text(decimals: decimals) } else { text = value.text() }
            }
            var cellStyle = style
            if span.column == cursorColumn {
                cellStyle = CellStyle(tone: style.tone == .cursor ? .accent : style.tone, bold: true, underline: true)
            }
            grid.put(text, x: span.x, y: y, limit: span.width, style: cellStyle,
                     alignRight: column.alignsRight && column.kind != .bar && column.kind != .series)
        }
    }
}

/// The trends' second chart: incidents by weekday and hour of start, one shade per hour,
/// beside the months table on wide screens and below it otherwise (when there is room).
enum TrendsView {
    /// Columns the grid takes: the day's name and 24 hours.
    static let gridWidth = 29
    /// Screens at least this wide put the grid beside the table.
    static let besideWidth = 80

    static func draw(_ state: AppState, into grid: inout Grid) {
        guard let reports = state.reports else { return }
        let byHour = reports.byHour
        let beside = state.width >= besideWidth
        let x = beside ? state.width - gridWidth : 1
        let rowsShown = min(state.reportPageSize, state.reportView.order.count) + 1
        let y = beside ? TableLayout.headerRow : TableLayout.headerRow + 1 + rowsShown + 1
        guard y + 9 <= grid.height - 2 else { return }
        let maximum = byHour.flatMap { $0 }.max() ?? 0
        grid.put("Hour 0     6     12    18", x: x, y: y, style: CellStyle(bold: true))
        for (d, counts) in byHour.enumerated() {
            grid.put(Trends.weekdays[d], x: x, y: y + 1 + d, style: .key)
            grid.put(String(counts.map { state.glyphs.shade($0, maximum: maximum) }), x: x + 5, y: y + 1 + d)
        }
        let legend = state.glyphs == .unicode ? "░▒▓█" : ".:*#"
        grid.put("\(legend) more starts", x: x + 5, y: y + 8, style: .hint)
    }
}
