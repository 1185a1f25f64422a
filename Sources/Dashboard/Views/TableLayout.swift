import IncidentModel

/// Where the table's columns go at the state's width and sideways scroll. The key columns (the
/// start and the child) stay on the left; the others scroll sideways behind them. The name
/// columns (child, home, authority, force) are as wide as their longest value, up to a quarter
/// of the screen (an eighth for the child): whole names on a wide screen, before columns
/// further right.
struct TableLayout {
    /// The table's columns, left to right; the first ``frozenColumns`` never scroll away.
    static let columns: [IncidentColumn] = [
        .start, .child, .duration, .age, .home, .authority, .force, .provenance, .risk, .returnInterview, .flags,
        .repeatMissing, .id,
    ]
    /// Columns kept on screen when scrolling sideways: the start and the child.
    static let frozenColumns = 2
    /// Rows that are not table body: the tab bar, the header, the status bar and the hint line.
    static let chromeRows = 4
    /// The row of the column headers (the tab bar is above it).
    static let headerRow = 1
    /// Below this size the "terminal too small" screen is shown.
    static let minimumWidth = 60
    static let minimumHeight = 15
    /// Columns left of the first column: the selection mark and a space.
    static let gutter = 2
    /// A column's width on screen: a name column's follows its longest value and the screen's
    /// width (at least its usual width, when its values need it); the others' are fixed.
    static func width(of column: IncidentColumn, in state: AppState) -> Int {
        let usual = width(of: column)
        let longest = state.index.longestText(column)
        guard longest > 0 else { return usual }
        let title = CharacterWidth.unicode.columns(column.title)
        // The child's column is frozen beside the start: it widens less, so that the columns
        // behind it keep their room.
        let most = max(usual, state.width / (column == .child ? 8 : 4))
        return min(max(longest, title), most)
    }

    /// Each column's usual width in terminal columns.
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

    /// Whether the frozen columns and the columns `from...through` fit side by side on the
    /// state's screen.
    static func fits(from: Int, through: Int, in state: AppState) -> Bool {
        guard from <= through else { return true }
        let shown = Array(0..<frozenColumns) + Array(max(frozenColumns, from)...through)
        let needed = gutter + shown.map { Self.width(of: columns[$0], in: state) + 1 }.reduce(0, +) - 1
        return needed <= state.width
    }

    /// A column on screen: its position in ``columns``, its left edge and its width there.
    struct Span {
        let position: Int
        let x: Int
        let width: Int
    }

    let spans: [Span]

    init(state: AppState) {
        let width = state.width
        let order = Array(0..<Self.frozenColumns) + Array(max(Self.frozenColumns, state.firstColumn)..<Self.columns.count)
        var spans: [Span] = []
        var x = Self.gutter
        for k in order where x < width {
            let natural = Self.width(of: Self.columns[k], in: state)
            let w = min(natural, width - x)
            // A column cut to a sliver says nothing: show it only when most of it fits.
            if !spans.isEmpty && w < min(natural, 10) { break }
            spans.append(Span(position: k, x: x, width: w))
            x += w + 1
        }
        self.spans = spans
        natural = spans.last.map { Self.width(of: Self.columns[$0.position], in: state) } ?? 0
    }

    /// The last column's own width, to tell whether it is cut.
    private let natural: Int

    /// The column (position in ``columns``) drawn at screen column `x`.
    func column(at x: Int) -> Int? {
        spans.first { x >= $0.x && x <= $0.x + $0.width }?.position
    }

    /// Whether columns to the right of those shown are off screen.
    var hasMore: Bool {
        guard let last = spans.last else { return false }
        return last.position < Self.columns.count - 1 || last.width < natural
    }
}

/// Where the picker's box and list go.
struct PickerLayout {
    let box: Box
    /// Rows of values shown at once.
    var listRows: Int { max(1, box.height - 6) }

    init(width: Int, height: Int) {
        let centred = Box.centred(width: min(width - 4, 100), height: height - 4, in: width, height)
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
