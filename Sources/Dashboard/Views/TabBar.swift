/// The row of tabs at the top of the table screens: `1 Incidents  2 Authorities …`, the
/// current one reversed.
enum TabBar {
    /// Each tab's label and its left edge.
    static var spans: [(tab: Tab, x: Int, label: String)] {
        var x = 1
        var result: [(Tab, Int, String)] = []
        for tab in Tab.allCases {
            let label = " \(tab.key) \(tab.title) "
            result.append((tab, x, label))
            x += label.count + 1
        }
        return result
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        grid.fill(y: 0, style: .plain)
        for span in spans {
            let style = span.tab == state.tab ? CellStyle(tone: .accent, bold: true, reverse: true) : CellStyle(tone: .hint)
            grid.put(span.label, x: span.x, y: 0, style: style)
        }
    }

    /// The tab drawn at column `x`.
    static func tab(at x: Int) -> Tab? {
        spans.first { x >= $0.x && x < $0.x + $0.label.count }?.tab
    }
}
