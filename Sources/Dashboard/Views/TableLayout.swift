import IncidentModel

/// Where the table's columns go at the state's width and sideways scroll.
struct TableLayout {
    /// The table's columns, left to right.
    static let columns: [IncidentColumn] = [
        .start, .duration, .child, .age, .home, .authority, .force, .provenance, .risk, .returnInterview, .flags, .repeatMissing,
        .id,
    ]
    /// Rows that are not table body: the tab bar, the header, the status bar and the hint line.
    static let chromeRows = 4
    /// The row of the column headers (the tab bar is above it).
    static let headerRow = 1
    /// Below this size the "terminal too small" screen is shown.
    static let minimumWidth = 60
    static let minimumHeight = 15
    /// Columns left of the first column: the selection mark and a space.
    static let gutter = 2

    /// Each column's width in terminal columns.
    static func width(of column: IncidentColumn) -> Int {
        switch column {
        case .start: 16
        case .duration: 8
        case .child: 20
        case .age: 5
        case .home: 24
        case .authority: 18
        case .force: 16
        case .provenance: 11
        case .risk: 16
        case .returnInterview: 16
        case .flags: 12
        case .repeatMissing: 8
        case .id: 16
        }
    }

    /// Whether numbers are right-aligned in the column.
    static func alignsRight(_ column: IncidentColumn) -> Bool { column == .age }

    /// Whether the columns `from...through` fit side by side in `width`.
    static func fits(from: Int, through: Int, width: Int) -> Bool {
        guard from <= through else { return true }
        let needed = gutter + columns[from...through].map { Self.width(of: $0) + 1 }.reduce(0, +) - 1
        return needed <= width
    }

    /// A column on screen: its position in ``columns``, its left edge and its width there.
    struct Span {
        let position: Int
        let x: Int
        let width: Int
    }

    let spans: [Span]

    init(state: AppState) {
        var spans: [Span] = []
        var x = Self.gutter
        var k = min(state.firstColumn, Self.columns.count - 1)
        while k < Self.columns.count && x < state.width {
            let w = min(Self.width(of: Self.columns[k]), state.width - x)
            // A column cut to a sliver says nothing: show it only when most of it fits.
            if !spans.isEmpty && w < min(Self.width(of: Self.columns[k]), 10) { break }
            spans.append(Span(position: k, x: x, width: w))
            x += w + 1
            k += 1
        }
        self.spans = spans
    }

    /// The column (position in ``columns``) drawn at screen column `x`.
    func column(at x: Int) -> Int? {
        spans.first { x >= $0.x && x <= $0.x + $0.width }?.position
    }
}

/// Where the picker's box and list go.
struct PickerLayout {
    let box: Box
    /// Rows of values shown at once.
    var listRows: Int { max(1, box.height - 6) }

    init(width: Int, height: Int) {
        let centred = Box.centred(width: min(width - 4, 72), height: height - 4, in: width, height)
        box = Box(x: centred.x, y: 1, width: centred.width, height: height - 3)
    }
}

/// A rectangle on screen.
struct Box {
    let x: Int
    let y: Int
    let width: Int
    let height: Int

    static func centred(width: Int, height: Int, in screenWidth: Int, _ screenHeight: Int) -> Box {
        let w = max(10, min(width, screenWidth)), h = max(5, min(height, screenHeight))
        return Box(x: max(0, (screenWidth - w) / 2), y: max(0, (screenHeight - h) / 2), width: w, height: h)
    }
}
