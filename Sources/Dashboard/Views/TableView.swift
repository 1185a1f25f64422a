import IncidentModel

/// The incidents table: a fixed header, then one line per incident on screen. The cursor row
/// is reversed; high-risk rows are bold (red on colour terminals), ongoing incidents bold in
/// their duration (yellow); selected rows carry a `*` in the gutter.
enum TableView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let layout = TableLayout(state: state)
        drawHeader(state, layout, into: &grid)
        if state.rows.isEmpty {
            let text = state.filter.isEmpty ? "No incidents in the data" : "No incidents match the filters (F clears them)"
            grid.put(text, x: 2, y: TableLayout.headerRow + 2, style: .warning)
            return
        }
        let catalogue = state.index.catalogue
        for line in 0..<state.pageSize {
            let k = state.top + line
            guard k < state.rows.count else { break }
            let position = state.rows[k]
            let incident = state.index[position]
            let y = line + TableLayout.headerRow + 1
            let isCursor = k == state.cursor
            let isSelected = state.selected.contains(position)
            var style = rowStyle(incident, selected: isSelected)
            if isCursor { style = CellStyle(tone: .cursor, bold: style.bold, reverse: true) }
            grid.fill(y: y, style: style)
            grid.put(isSelected ? "*" : " ", x: 0, y: y, style: style.emboldened())
            for span in layout.spans {
                let column = TableLayout.columns[span.position]
                var cellStyle = style
                if column == .risk && incident.isHighRisk { cellStyle = cellStyle.emboldened() }
                if column == .duration && incident.isStillMissing {
                    cellStyle = cellStyle.emboldened()
                    if !isCursor { cellStyle.tone = .ongoing }
                }
                // The cell under both cursors: out of the reversed bar, bold and underlined.
                if isCursor && span.position == state.column {
                    cellStyle = CellStyle(tone: cellStyle.tone == .cursor ? .accent : cellStyle.tone, bold: true, underline: true)
                }
                grid.put(
                    column.text(incident, in: catalogue), x: span.x, y: y, limit: span.width, style: cellStyle,
                    alignRight: TableLayout.alignsRight(column))
            }
        }
    }

    static func rowStyle(_ incident: CombinedIncident, selected: Bool) -> CellStyle {
        if incident.isHighRisk { return CellStyle(tone: .highRisk, bold: true) }
        if selected { return CellStyle(tone: .selected, bold: true) }
        return .plain
    }

    static func drawHeader(_ state: AppState, _ layout: TableLayout, into grid: inout Grid) {
        let y = TableLayout.headerRow
        grid.fill(y: y, style: .header)
        grid.put(state.firstColumn > TableLayout.frozenColumns ? "‹" : " ", x: 0, y: y, style: .header)
        for span in layout.spans {
            let column = TableLayout.columns[span.position]
            var title = column.title
            if state.sort.column == column { title += state.sort.descending ? " ▼" : " ▲" }
            var style = CellStyle.header
            if span.position == state.column { style = CellStyle(tone: .accent, bold: true, underline: true) }
            grid.put(title, x: span.x, y: y, limit: span.width, style: style, alignRight: TableLayout.alignsRight(column))
        }
        if layout.hasMore { grid.put("›", x: grid.width - 1, y: y, style: .header) }
    }
}
