import IncidentModel

/// The status bar (view, row, selection, filters, period, sort) and the hint line below it.
/// Nothing on the bar is cut off silently: when the filters do not fit in full they are
/// shortened, then counted, and the bar names the key that lists them (`v`).
enum StatusBar {
    /// One filter on the bar: its dimension and first value, and how many values more.
    struct Chip: Equatable {
        var name: String
        var value: String
        var more = 0

        /// The dimension's short name, for a crowded bar.
        var shortName: String {
            switch name {
            case "authority": "auth"
            case "known to": "known"
            default: name
            }
        }

        /// The chip's text, the value cut to `limit` columns (and the name shortened) when given.
        func text(limit: Int? = nil, measure: CharacterWidth, ellipsis: String) -> String {
            var shown = value
            if let limit, measure.columns(shown) > limit {
                var cut = ""
                for character in shown {
                    if measure.columns(cut) + measure.columns(character) > limit - 1 { break }
                    cut.append(character)
                }
                shown = cut + ellipsis
            }
            return "\(limit == nil ? name : shortName): \(shown)" + (more > 0 ? " +\(more)" : "")
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, y: Int? = nil) {
        let y = y ?? grid.height - 2
        grid.fill(y: y, style: .status)
        var x = 1
        x += grid.put(viewName(state), x: x, y: y, style: CellStyle.status.emboldened()) + 2
        let (row, count) = position(state)
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
        let room = grid.width - 1 - x
        let chipStyle = CellStyle(tone: .chip, bold: true)
        for item in fitted(state, room: room, measure: grid.measure, ascii: grid.ascii) {
            x += grid.put(item.text, x: x, y: y, limit: grid.width - x, style: item.isChip ? chipStyle : .status) + 1
        }
    }

    /// The view's name: the tab (and its table), the incident open, or the overlay.
    static func viewName(_ state: AppState) -> String {
        switch (state.screen, state.overlay) {
        case (_, .help?): return "Help"
        case (_, .picker?): return "Filter"
        case let (.detail(detail), _): return "Incident \(state.index[detail.incident].id.rawValue)"
        case (.table, _) where state.tab == .quality && state.quality.open != nil:
            let name = state.quality.open.flatMap { state.quality.report?.sources[$0].name } ?? ""
            return state.tab.title + " · rejected rows of " + name
        case (.table, _):
            return state.tab.title + (state.tab.tableLabel(state.reportPage.table).map { " · \($0)" } ?? "")
        }
    }

    /// The cursor's row (from 1) and the rows of the view.
    static func position(_ state: AppState) -> (Int, Int) {
        if state.tab == .incidents || state.screen != .table {
            return (state.rows.isEmpty ? 0 : state.cursor + 1, state.rows.count)
        } else if state.tab == .review {
            return (state.review.queue.isEmpty ? 0 : state.review.cursor + 1, state.review.queue.count)
        } else if state.tab == .quality {
            let quality = state.quality
            let listed = quality.open != nil ? quality.openRejects.count : quality.report?.sources.count ?? 0
            return (listed == 0 ? 0 : (quality.open != nil ? quality.rejectCursor : quality.cursor) + 1, listed)
        }
        let order = state.reportTable == nil ? [] : state.reportView.order
        return (order.isEmpty ? 0 : state.reportView.cursor + 1, order.count)
    }

    /// The filters, the period and the sort as they fit in `room` columns: in full; else with
    /// the values shortened; else counted; each shortened form ends with the key that lists
    /// them in full.
    static func fitted(_ state: AppState, room: Int, measure: CharacterWidth, ascii: Bool) -> [(text: String, isChip: Bool)] {
        let all = chips(state)
        let filters = all.filter { $0.name != "period" }
        let period = all.first { $0.name == "period" }
        let sort = sortText(state, ascii: ascii)
        let shortSort = sort.map { String($0.dropFirst("sort: ".count)) }
        let list = "v lists"
        let ellipsis = ascii ? "~" : "…"
        func width(_ items: [(text: String, isChip: Bool)]) -> Int {
            items.reduce(0) { $0 + measure.columns($1.text) + 1 } - 1
        }
        func chipItems(_ chips: [Chip], limit: Int?) -> [(text: String, isChip: Bool)] {
            chips.map { (" " + $0.text(limit: limit, measure: measure, ellipsis: ellipsis) + " ", true) }
        }
        let tail: [(text: String, isChip: Bool)] = sort.map { [($0, false)] } ?? []
        let shortTail: [(text: String, isChip: Bool)] = shortSort.map { [($0, false)] } ?? []
        var candidates: [[(text: String, isChip: Bool)]] = [chipItems(all, limit: nil) + tail]
        for limit in [24, 16, 12, 9, 6] {
            candidates.append(chipItems(all, limit: limit) + shortTail + [(list, false)])
        }
        let counted = filters.isEmpty ? [] : [(" \(filters.count) filter\(filters.count == 1 ? "" : "s") ", true)]
        candidates.append(counted + chipItems(period.map { [$0] } ?? [], limit: 12) + shortTail + [(list, false)])
        candidates.append(counted + chipItems(period.map { [$0] } ?? [], limit: 8) + [(list, false)])
        let shortest: [(text: String, isChip: Bool)] = filters.isEmpty && period == nil
            ? tail : [(" \(all.count) filter\(all.count == 1 ? "" : "s"): v ", true)]
        return candidates.first { width($0) <= room } ?? shortest
    }

    /// The sort: the incidents' column and direction, or a report's sorted column.
    static func sortText(_ state: AppState, ascii: Bool) -> String? {
        let up = ascii ? "^" : "▲", down = ascii ? "v" : "▼"
        if state.tab == .incidents || state.screen != .table {
            let sort = state.pendingSort ?? state.sort
            return "sort: \(sort.column.title)\(sort.descending ? down : up)"
        }
        guard state.tab.isReport, let table = state.reportTable, let column = state.reportView.sortColumn,
              table.columns.indices.contains(column) else { return nil }
        return "sort: \(table.columns[column].title)\(state.reportView.descending ? down : up)"
    }

    /// The active filters, one chip per dimension, then the period.
    static func chips(_ state: AppState) -> [Chip] {
        let f = state.filter, catalogue = state.index.catalogue
        var chips: [Chip] = []
        func chip(_ name: String, _ values: [String]) {
            guard let first = values.first else { return }
            chips.append(Chip(name: name, value: first, more: values.count - 1))
        }
        chip("home", f.homes.sorted().map { catalogue.homeName($0) } + (f.unknownHome ? [IncidentFilter.unknownHomeLabel] : []))
        chip("authority", f.authorities.sorted().map { catalogue.authorityName($0) })
        chip("host", f.hostAuthorities.sorted().map { catalogue.authorityName($0) })
        chip("force", f.forces.sorted().map { catalogue.forceName($0) })
        chip("risk", f.risks.sorted { ($0?.rawValue ?? -1) > ($1?.rawValue ?? -1) }.map { $0?.label ?? "not graded" })
        chip("known to", f.provenances.sorted { $0.rawValue < $1.rawValue }.map(\.label))
        chip("flags", IncidentFlag.allCases.filter(f.flags.contains).map(\.rawValue) + (f.repeatsOnly ? ["3 in 90 days"] : []))
        if f.from != nil || f.to != nil {
            chip("period", [state.periodLabel ?? "custom"])
        } else if state.tab.isReport, let period = state.reportPeriod {
            chip("period", [period.label(zone: catalogue.formatter.zone)])
        }
        return chips
    }

    /// The hint line: the view's most useful keys, as many as fit whole.
    static func drawHints(_ state: AppState, into grid: inout Grid) {
        let y = grid.height - 1
        let items: [(keys: String, word: String)]
        if case .detail = state.screen {
            items = [("↑↓", "scroll"), ("n N", "child's incidents"), ("Esc", "back"), ("m", "messages"), ("?", "help"), ("Q", "quit")]
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
        let shown = fittedHints(items, width: grid.width - 1, measure: grid.measure)
        var x = 1
        for item in shown.items {
            x += grid.put(item.keys, x: x, y: y, style: .key) + 1
            x += grid.put(item.word, x: x, y: y, style: .hint) + shown.gap
        }
    }

    /// The hints that fit whole in `width`: two spaces between them, else one; else the last
    /// ones before help and quit are left out (the help lists every key).
    static func fittedHints(_ items: [(keys: String, word: String)], width: Int, measure: CharacterWidth)
        -> (items: [(keys: String, word: String)], gap: Int)
    {
        func needed(_ items: [(keys: String, word: String)], _ gap: Int) -> Int {
            items.reduce(0) { $0 + measure.columns($1.keys) + 1 + measure.columns($1.word) + gap } - gap
        }
        if needed(items, 2) <= width { return (items, 2) }
        var kept = items
        while kept.count > 2 && needed(kept, 1) > width { kept.remove(at: kept.count - 3) }
        return (kept, 1)
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

/// The last message, in full: on the hint line, and on the lines above it when it is long (the
/// status bar moves up for it). A message longer than a third of the screen ends with the key
/// that shows every message.
enum MessageView {
    /// The message's lines at the grid's width, at most a third of its height.
    static func lines(_ message: String, in grid: Grid) -> [String] {
        guard !message.isEmpty else { return [] }
        let wrapped = TextWrap.lines(message, width: grid.width - 2, measure: grid.measure, indent: 2)
        let most = max(1, grid.height / 3)
        guard wrapped.count > most else { return wrapped }
        let more = " … m shows it all"
        var kept = Array(wrapped.prefix(most))
        var last = kept[most - 1]
        while !last.isEmpty && grid.measure.columns(last + more) > grid.width - 2 { last.removeLast() }
        kept[most - 1] = last + more
        return kept
    }

    static func draw(_ lines: [String], into grid: inout Grid) {
        let top = grid.height - lines.count
        for (k, line) in lines.enumerated() {
            grid.fill(y: top + k, style: .plain)
            grid.put(line, x: 1, y: top + k, style: CellStyle(bold: true))
        }
    }
}
