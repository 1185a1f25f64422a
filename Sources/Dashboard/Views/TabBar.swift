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
        for span in spans(width: grid.width, current: state.tab) {
            let style = span.tab == state.tab ? CellStyle(tone: .accent, bold: true, reverse: true) : CellStyle(tone: .hint)
            grid.put(span.label, x: span.x, y: 0, style: style)
        }
    }

    /// The tab drawn at column `x`.
    static func tab(at x: Int, width: Int, current: Tab) -> Tab? {
        spans(width: width, current: current).first { x >= $0.x && x < $0.x + $0.label.count }?.tab
    }
}
