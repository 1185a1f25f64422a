/// The row of tabs at the top of the table screens: `1 Incidents  2 Authorities …`, the
/// current one reversed. When the full titles do not fit the width, the other tabs take short
/// titles, then their numbers alone.
enum TabBar {
    /// Each tab's label and its left edge at a width, with `current` shown.
    static func spans(width: Int, current: Tab) -> [(tab: Tab, x: Int, label: String)] {
        let styles: [(Tab) -> String] = [
            { " \($0.key) \($0.title) " },
            { " \($0.key) \($0 == current ? $0.title : $0.shortTitle) " },
            { $0 == current ? " \($0.key) \($0.title) " : " \($0.key) " },
        ]
        var result: [(Tab, Int, String)] = []
        for style in styles {
            result = []
            var x = 1
            for tab in Tab.allCases {
                let label = style(tab)
                result.append((tab, x, label))
                x += label.count + 1
            }
            if x - 1 <= width { break }
        }
        return result
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        grid.fill(y: 0, style: .plain)
        let note = noteWidth(state, width: grid.width)
        for span in spans(width: grid.width - note, current: state.tab) {
            let style = span.tab == state.tab ? CellStyle(tone: .accent, bold: true, reverse: true) : CellStyle(tone: .hint)
            grid.put(span.label, x: span.x, y: 0, limit: grid.width - note - span.x, style: style)
        }
        if note > 0, let text = state.tabNote {
            grid.put(" \(text) ", x: grid.width - note, y: 0, style: CellStyle(tone: .warning, bold: true, reverse: true))
        }
    }

    /// The columns the source note takes at the right: its text with a space either side, and
    /// at most what the tabs leave when they show their numbers alone (the note is cut then).
    static func noteWidth(_ state: AppState, width: Int) -> Int {
        guard let text = state.tabNote, !text.isEmpty else { return 0 }
        let tabs = Tab.allCases.reduce(1) { $0 + ($1 == state.tab ? $1.title.count + 4 : 3) + 1 }
        return max(0, min(CharacterWidth.unicode.columns(text) + 2, width - tabs))
    }

    /// The tab drawn at column `x`.
    static func tab(at x: Int, width: Int, current: Tab, note: Int = 0) -> Tab? {
        spans(width: width - note, current: current).first { x >= $0.x && x < $0.x + $0.label.count }?.tab
    }
}
