import IncidentModel

/// Where a report table's columns go: the frozen columns (code and name) always, the homes'
/// Watch column (at the table's end) always, then the others from the
/// sideways scroll, as many as fit. A bar column takes the room left; other room left widens
/// the name so that it shows whole.
struct ReportLayout {
    struct Span {
        let column: Int
        let x: Int
        let width: Int
    }

    let spans: [Span]
    /// The last scrolling column shown.
    private let lastScrolled: Int?

    /// Columns kept on screen when scrolling sideways: up to the name (two for most reports,
    /// the month alone for the trends).
    static func frozenColumns(_ table: ReportTable) -> Int {
        table.columns.count > 1 && table.columns[1].kind == .text ? 2 : 1
    }

    /// The flag column kept at the right of the columns shown: the homes' Watch, which the
    /// report puts last.
    static func pinnedColumn(_ table: ReportTable) -> Int? {
        guard let last = table.columns.last, last.kind == .text, last.name == "watch",
              table.columns.count > frozenColumns(table) else { return nil }
        return table.columns.count - 1
    }

    /// The columns that scroll sideways.
    static func scrolling(_ table: ReportTable) -> Range<Int> {
        frozenColumns(table)..<(pinnedColumn(table) ?? table.columns.count)
    }

    /// Lays the table out; `longestName` is the terminal columns of its longest name (``longestName(_:)``,
    /// worked out once per table).
    init(table: ReportTable, view: ReportViewState, width: Int, longestName: Int) {
        let frozen = Self.frozenColumns(table), pinned = Self.pinnedColumn(table)
        let scroll = Self.scrolling(table)
        let reserve = pinned.map { table.columns[$0].width + 1 } ?? 0
        var widths: [(column: Int, width: Int)] = []
        var x = 1
        var lastScrolled: Int?
        let order = Array(0..<frozen) + Array(max(scroll.lowerBound, view.firstColumn)..<scroll.upperBound)
        for c in order {
            let room = width - x - (c < frozen ? 0 : reserve)
            guard room > 0 else { break }
            let natural = table.columns[c].kind == .bar ? max(10, room) : table.columns[c].width
            let w = min(natural, room)
            if !widths.isEmpty && w < min(natural, 5) { break }
            widths.append((c, w))
            x += w + 1
            if c >= frozen { lastScrolled = c }
        }
        if let pinned, width - x >= min(table.columns[pinned].width, 5) {
            widths.append((pinned, min(table.columns[pinned].width, width - x)))
            x += widths[widths.count - 1].width + 1
        }
        // Room left widens the name, up to its longest value.
        if frozen == 2, let slot = widths.firstIndex(where: { $0.column == 1 }) {
            widths[slot].width += min(max(0, width - x + 1), max(0, longestName - widths[slot].width))
        }
        var spans: [Span] = []
        x = 1
        for (c, w) in widths {
            spans.append(Span(column: c, x: x, width: w))
            x += w + 1
        }
        self.spans = spans
        self.lastScrolled = lastScrolled
    }

    /// The terminal columns of the table's longest name (its second column, when that is text);
    /// O(rows), so worked out when the reports arrive, not on a key.
    static func longestName(_ table: ReportTable) -> Int {
        guard frozenColumns(table) == 2 else { return 0 }
        return table.rows.reduce(0) { max($0, CharacterWidth.unicode.columns($1.values[1].text())) }
    }

    /// Whether the frozen columns, the pinned one and `from...through` fit in `width`.
    static func fits(_ table: ReportTable, from: Int, through: Int, width: Int) -> Bool {
        let frozen = frozenColumns(table)
        let columns = Array(0..<frozen) + Array(from...through) + (pinnedColumn(table).map { [$0] } ?? [])
        let needed = 1 + columns.map { table.columns[$0].kind == .bar ? 11 : table.columns[$0].width + 1 }.reduce(0, +)
        return needed <= width
    }

    /// The column drawn at screen column `x`.
    func column(at x: Int) -> Int? {
        spans.first { x >= $0.x && x <= $0.x + $0.width }?.column
    }

    /// Whether scrolling columns after the last one shown are off screen.
    func hasMore(_ table: ReportTable) -> Bool {
        let scroll = Self.scrolling(table)
        return !scroll.isEmpty && (lastScrolled ?? scroll.lowerBound - 1) < scroll.upperBound - 1
    }
}
