import IncidentModel

/// Where a report table's columns go: the frozen columns (code and name) always, then the
/// others from the sideways scroll, as many as fit. A bar column takes the room left.
struct ReportLayout {
    struct Span {
        let column: Int
        let x: Int
        let width: Int
    }

    let spans: [Span]

    /// Columns kept on screen when scrolling sideways: up to the name (two for most reports,
    /// the month alone for the trends).
    static func frozenColumns(_ table: ReportTable) -> Int {
        table.columns.count > 1 && table.columns[1].kind == .text ? 2 : 1
    }

    init(table: ReportTable, view: ReportViewState, width: Int) {
        let frozen = Self.frozenColumns(table)
        var spans: [Span] = []
        var x = 1
        let order = Array(0..<frozen) + Array(max(frozen, view.firstColumn)..<table.columns.count)
        for c in order where x < width {
            let natural = table.columns[c].kind == .bar ? max(10, width - x) : table.columns[c].width
            let w = min(natural, width - x)
            if !spans.isEmpty && w < min(natural, 5) { break }
            spans.append(Span(column: c, x: x, width: w))
            x += w + 1
        }
        self.spans = spans
    }

    /// Whether the frozen columns and `from...through` fit in `width`.
    static func fits(_ table: ReportTable, from: Int, through: Int, width: Int) -> Bool {
        let frozen = frozenColumns(table)
        let columns = Array(0..<frozen) + Array(from...through)
        let needed = 1 + columns.map { table.columns[$0].kind == .bar ? 11 : table.columns[$0].width + 1 }.reduce(0, +)
        return needed <= width
    }

    /// The column drawn at screen column `x`.
    func column(at x: Int) -> Int? {
        spans.first { x >= $0.x && x <= $0.x + $0.width }?.column
    }

    /// Whether columns after the last one shown are off screen.
    func hasMore(_ table: ReportTable) -> Bool {
        (spans.last?.column ?? 0) < table.columns.count - 1
    }
}
