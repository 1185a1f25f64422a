import IncidentModel

/// Draws the state into a grid of its size. Pure: the same state gives the same grid. Only the
/// rows on screen are formatted, so drawing costs O(screen), whatever the number of incidents.
public func render(_ state: AppState, measure: CharacterWidth = .unicode) -> Grid {
    var grid = Grid(width: state.width, height: state.height, measure: measure)
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
    StatusBar.draw(state, into: &grid)
    switch state.overlay {
    case .none: StatusBar.drawHints(state, into: &grid)
    case let .help(scroll): HelpView.draw(scroll: scroll, into: &grid)
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

/// The status bar (view, row, selection, filters, message) and the hint line below it.
enum StatusBar {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let y = grid.height - 2
        grid.fill(y: y, style: .status)
        var x = 1
        let view: String
        switch (state.screen, state.overlay) {
        case (_, .help?): view = "Help"
        case (_, .picker?): view = "Filter"
        case let (.detail(detail), _): view = "Incident \(state.index[detail.incident].id.rawValue)"
        case (.table, _) where state.tab == .quality && state.quality.open != nil:
            let name = state.quality.open.flatMap { state.quality.report?.sources[$0].name } ?? ""
            view = state.tab.title + " · rejected rows of " + name
        case (.table, _):
            view = state.tab.title + (state.tab.tableLabel(state.reportPage.table).map { " · \($0)" } ?? "")
        }
        x += grid.put(view, x: x, y: y, style: CellStyle.status.emboldened()) + 2
        let (row, count): (Int, Int)
        if state.tab == .incidents || state.screen != .table {
            (row, count) = (state.rows.isEmpty ? 0 : state.cursor + 1, state.rows.count)
        } else if state.tab == .review {
            (row, count) = (state.review.queue.isEmpty ? 0 : state.review.cursor + 1, state.review.queue.count)
        } else if state.tab == .quality {
            let quality = state.quality
            let listed = quality.open != nil ? quality.openRejects.count : quality.report?.sources.count ?? 0
            (row, count) = (listed == 0 ? 0 : (quality.open != nil ? quality.rejectCursor : quality.cursor) + 1, listed)
        } else {
            let order = state.reportTable == nil ? [] : state.reportView.order
            (row, count) = (order.isEmpty ? 0 : state.reportView.cursor + 1, order.count)
        }
        x += grid.put("row \(grouped(row))/\(grouped(count))", x: x, y: y, style: .status) + 2
        // The mark: something was rejected, could not be resolved, or leaves the figures
        // partial; the key opens the Quality view.
        if state.quality.needsAttention {
            let mark = CellStyle(tone: .warning, bold: true, reverse: true)
            x += grid.put(" ! partial: \(CommandTable.qualityKey) ", x: x, y: y, style: mark) + 2
        }
        if !state.selected.isEmpty {
            x += grid.put("\(grouped(state.selected.count)) selected", x: x, y: y, style: CellStyle.status.emboldened()) + 2
        }
        let sortMark = state.sort.descending ? "▼" : "▲"
        if state.sort != IncidentSort() && state.tab == .incidents {
            x += grid.put("\(state.sort.column.title)\(sortMark)", x: x, y: y, style: .status) + 2
        }
        let messageWidth = min(grid.measure.columns(state.message), grid.width / 3)
        for chip in chips(state) where x < grid.width - messageWidth - 4 {
            let limit = grid.width - messageWidth - 3 - x
            x += grid.put(" \(chip) ", x: x, y: y, limit: limit, style: CellStyle(tone: .chip, bold: true)) + 1
        }
        if !state.message.isEmpty && x < grid.width - 2 {
            let room = grid.width - x - 1
            let w = min(grid.measure.columns(state.message), room)
            grid.put(state.message, x: grid.width - 1 - w, y: y, limit: w, style: .status)
        }
    }

    /// The active filters, one chip per dimension.
    static func chips(_ state: AppState) -> [String] {
        let f = state.filter, catalogue = state.index.catalogue
        var chips: [String] = []
        func chip(_ name: String, _ values: [String]) {
            guard let first = values.first else { return }
            chips.append("\(name): \(first)" + (values.count > 1 ? " +\(values.count - 1)" : ""))
        }
        chip("home", f.homes.sorted().map { catalogue.homeName($0) })
        chip("authority", f.authorities.sorted().map { catalogue.authorityName($0) })
        chip("host", f.hostAuthorities.sorted().map { catalogue.authorityName($0) })
        chip("force", f.forces.sorted().map { catalogue.forceName($0) })
        chip("risk", f.risks.sorted { ($0?.rawValue ?? -1) > ($1?.rawValue ?? -1) }.map { $0?.label ?? "not graded" })
        chip("known to", f.provenances.sorted { $0.rawValue < $1.rawValue }.map(\.label))
        if f.repeatsOnly { chips.append("3 in 90 days") }
        if f.from != nil || f.to != nil {
            chips.append("period: \(state.periodLabel ?? "custom")")
        } else if state.tab.isReport, let period = state.reportPeriod {
            chips.append("period: \(period.label(zone: catalogue.formatter.zone))")
        }
        return chips
    }

    static func drawHints(_ state: AppState, into grid: inout Grid) {
        let y = grid.height - 1
        let items: [(keys: String, word: String)]
        if case .detail = state.screen {
            items = [("↑↓", "scroll"), ("Esc", "back"), ("?", "help"), ("Q", "quit")]
        } else if case .picker = state.overlay {
            items = [("type", "narrow"), ("↑↓", "move"), ("Tab", "next list"), ("Enter", "apply"), ("Esc", "close")]
        } else if state.tab == .review {
            items = CommandTable.reviewHints
        } else if state.tab == .quality {
            items = CommandTable.qualityHints
        } else if state.tab != .incidents {
            items = CommandTable.reportHints(tables: state.tab.tableCount > 1)
        } else {
            items = CommandTable.hints
        }
        var x = 1
        for item in items where x < grid.width - 1 {
            x += grid.put(item.keys, x: x, y: y, style: .key) + 1
            x += grid.put(item.word, x: x, y: y, style: .hint) + 2
        }
    }

    /// A one-line prompt in place of the hint line, with a block for the text cursor.
    static func drawPrompt(_ label: String, _ text: String, into grid: inout Grid) {
        let y = grid.height - 1
        grid.fill(y: y, style: .plain)
        var x = grid.put(label, x: 0, y: y, style: .key)
        let room = grid.width - x - 2
        var shown = text
        while grid.measure.columns(shown) > room, !shown.isEmpty { shown.removeFirst() }
        x += grid.put(shown, x: x, y: y)
        grid.fill(x: x, y: y, count: 1, style: CellStyle(reverse: true))
    }
}
