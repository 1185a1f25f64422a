import IncidentModel

/// Draws the state into a grid of its size. Pure: the same state gives the same grid. Only the
/// rows on screen are formatted, so drawing costs O(screen), whatever the number of incidents.
package func render(_ state: AppState, measure: CharacterWidth = .unicode) -> Grid {
    var grid = Grid(width: state.width, height: state.height, measure: measure, ascii: state.glyphs == .ascii)
    guard state.width >= TableLayout.minimumWidth && state.height >= TableLayout.minimumHeight else {
        TooSmallView.draw(into: &grid)
        return grid
    }
    switch state.screen {
    case .table:
        TabBar.draw(state, into: &grid)
        switch state.tab {
        case .incidents: TableView.draw(state, into: &grid)
        case .review: ReviewView.draw(state, into: &grid)
        case .quality: QualityView.draw(state, into: &grid)
        default: ReportView.draw(state, into: &grid)
        }
    case let .detail(detail): DetailView.draw(detail, state: state, into: &grid)
    }
    switch state.overlay {
    case .none:
        // A message takes the hint line, and the lines above it when it is long: the status bar
        // moves up over the table until the next key.
        let message = MessageView.lines(state.message, in: grid)
        StatusBar.draw(state, into: &grid, y: grid.height - 1 - max(1, message.count))
        if message.isEmpty { StatusBar.drawHints(state, into: &grid) } else { MessageView.draw(message, into: &grid) }
        return grid
    case let .help(scroll): HelpView.draw(scroll: scroll, into: &grid)
    case let .page(page): TextPageView.draw(page, into: &grid)
    case let .picker(picker):
        StatusBar.drawHints(state, into: &grid)
        PickerView.draw(picker, state: state, into: &grid)
    case let .search(text): StatusBar.drawPrompt("/", text, into: &grid)
    case let .exportPath(text, n):
        StatusBar.drawPrompt("Export \(grouped(n)) row\(n == 1 ? "" : "s") to: ", text, into: &grid)
    case let .decisionReason(verdict, pair, text):
        StatusBar.drawPrompt("\(verdict == .accept ? "Accept" : "Reject") \(pair.policeRef.rawValue) with \(pair.episodeID.rawValue) · reason: ", text, into: &grid)
    case let .confirmReplace(path):
        grid.fill(y: grid.height - 1, style: .warning)
        grid.put("\(path) exists. Replace it? (y/n)", x: 1, y: grid.height - 1, style: .warning)
    }
    StatusBar.draw(state, into: &grid)
    return grid
}

/// The screen shown when the terminal is smaller than the table needs.
enum TooSmallView {
    static func draw(into grid: inout Grid) {
        let lines = [
            "Terminal too small",
            "\(grid.width)x\(grid.height); mfc needs \(TableLayout.minimumWidth)x\(TableLayout.minimumHeight)",
            "Enlarge the window, or press Q to quit",
        ]
        let top = max(0, (grid.height - lines.count) / 2)
        for (k, line) in lines.enumerated() {
            let w = grid.measure.columns(line)
            grid.put(line, x: max(0, (grid.width - w) / 2), y: top + k, style: k == 0 ? .warning : .plain)
        }
    }
}

