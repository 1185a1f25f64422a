import IncidentModel

extension AppState {
    /// Keys while an overlay is open: text entry for the prompts and the picker.
    mutating func overlayKey(_ key: Key) -> [Effect] {
        switch overlay {
        case .none:
            return []
        case let .help(scroll):
            let last = HelpView.lastScroll(width: width, height: height)
            switch key {
            case .escape, .character("q"), .character("?"), .enter: overlay = nil
            case .character("Q"): return [.quit]
            case .down, .character("j"): overlay = .help(scroll: min(last, scroll + 1))
            case .up, .character("k"): overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .character(" "): overlay = .help(scroll: min(last, scroll + pageSize))
            case .pageUp: overlay = .help(scroll: max(0, scroll - pageSize))
            default: break
            }
            return []
        case let .search(text):
            switch edit(text, key) {
            case let .editing(next): overlay = .search(text: next)
            case .cancelled: overlay = nil
            case let .submitted(query):
                overlay = nil
                guard !query.isEmpty else { return [] }
                search = query
                return findNext(forward: true, fresh: true)
            }
            return []
        case let .exportPath(text, count):
            switch edit(text, key) {
            case let .editing(next): overlay = .exportPath(text: next, count: count)
            case .cancelled:
                overlay = nil
                message = "Export cancelled"
            case let .submitted(path):
                guard !path.isEmpty else { return [] }
                overlay = nil
                if tab == .incidents { exportDefault = path }
                message = "Exporting to \(path)…"
                return [exportEffect(path: path, replace: false)]
            }
            return []
        case let .confirmReplace(path):
            switch key {
            case .character("y"), .character("Y"):
                overlay = nil
                message = "Exporting to \(path)…"
                return [exportEffect(path: path, replace: true)]
            case .character("n"), .character("N"), .escape, .character("q"):
                overlay = nil
                message = "Export cancelled: \(path) kept"
            default: break
            }
            return []
        case let .picker(picker):
            pickerKey(picker, key)
            return []
        case let .page(page):
            var page = page
            let last = TextPageView.lastScroll(page, width: width, height: height)
            switch key {
            case .escape, .character("q"), .enter: overlay = nil
            case .character("Q"): return [.quit]
            case .down, .character("j"): page.scroll = min(last, page.scroll + 1)
            case .up, .character("k"): page.scroll = max(0, page.scroll - 1)
            case .pageDown, .character(" "): page.scroll = min(last, page.scroll + pageSize)
            case .pageUp: page.scroll = max(0, page.scroll - pageSize)
            case .home, .character("g"): page.scroll = 0
            case .end, .character("G"): page.scroll = last
            default: break
            }
            if overlay != nil { overlay = .page(page) }
            return []
        case let .decisionReason(verdict, pair, text):
            switch edit(text, key) {
            case let .editing(next): overlay = .decisionReason(verdict: verdict, pair: pair, text: next)
            case .cancelled:
                overlay = nil
                message = "No decision made"
            case let .submitted(reason):
                guard !reason.allSatisfy(\.isWhitespace) else {
                    message = "A decision needs a reason, as with mfc decide --reason"
                    return []
                }
                overlay = nil
                review.pending = pair
                message = "Recording: \(verdict.rawValue) \(pair.policeRef.rawValue) with \(pair.episodeID.rawValue)…"
                return [.decide(pair, verdict, reason: reason)]
            }
            return []
        }
    }

    /// The export of the current view: the incidents through `IncidentExporter`, a report
    /// through `ReportWriter` (the same CSV as `mfc report`).
    mutating func exportEffect(path: String, replace: Bool) -> Effect {
        let filters = filter.descriptions(in: index.catalogue)
        guard tab.isReport, let table = reportTable else {
            let period = filter.from.flatMap { from in filter.to.flatMap { ReportPeriod(from: from, to: $0) } }
            var metadata = ExportMetadata(
                contents: selected.isEmpty ? "incidents" : "selected incidents", rows: exportCount, period: period,
                filters: filters,
                sort: "\(sort.column.name) \(sort.descending ? "descending" : "ascending"), ties by start then id")
            metadata.partial = quality.report?.gaps.notice
            return .export(path: path, rows: rows, selected: selected, replace: replace, metadata: metadata)
        }
        var scope = filter
        if let period = reportPeriod {
            scope.from = period.from
            scope.to = period.to
        }
        // The rows in the order on screen; the total stays last.
        let view = reportView
        let shown = table.reordered(view.order)
        let sort = view.sortColumn.map { "\(table.columns[$0].name) \(view.descending ? "descending" : "ascending")" }
        var metadata = ExportMetadata(
            contents: "report \(table.name): \(table.title)", rows: table.allRows.count, period: reportPeriod,
            filters: filters, sort: sort ?? "the report's own order")
        metadata.partial = quality.report?.gaps.notice
        return .exportReport(
            path: path, csv: ReportWriter.csv(SuppressedTable(unsuppressed: shown)), report: table.name,
            rows: table.allRows.count, filter: scope, replace: replace, metadata: metadata)
    }

    /// The outcome of a key in a one-line text field.
    enum Edit {
        case editing(String)
        case submitted(String)
        case cancelled
    }

    /// Edits a one-line field: printable characters append, Backspace deletes, Ctrl-U clears,
    /// Enter submits, Esc cancels.
    func edit(_ text: String, _ key: Key) -> Edit {
        switch key {
        case let .character(c): .editing(text + String(c))
        case .backspace, .delete: .editing(String(text.dropLast()))
        case .control("u"): .editing("")
        case .control("w"):
            .editing(String(text.dropLast().reversed().drop { $0 != " " && $0 != "/" }.reversed()))
        case .enter: .submitted(text)
        case .escape: .cancelled
        default: .editing(text)
        }
    }

    mutating func openPicker(_ dimension: FilterDimension) {
        let picker = PickerState(dimension: dimension, entries: index.pickerEntries(dimension, filter: filter))
        overlay = .picker(picker)
    }

    private mutating func pickerKey(_ picker: PickerState, _ key: Key) {
        var picker = picker
        let page = max(1, PickerLayout(width: width, height: height).listRows)
        switch key {
        case .escape:
            overlay = nil
            return
        case .tab, .right:
            openPicker(FilterDimension(rawValue: (picker.dimension.rawValue + 1) % FilterDimension.allCases.count) ?? .home)
            return
        case .backTab, .left:
            let count = FilterDimension.allCases.count
            openPicker(FilterDimension(rawValue: (picker.dimension.rawValue + count - 1) % count) ?? .home)
            return
        case .enter:
            guard let entry = picker.listed(picker.cursor) else { return }
            applyFilter(entry)
            return
        case .down: picker.cursor += 1
        case .up: picker.cursor -= 1
        case .pageDown: picker.cursor += page
        case .pageUp: picker.cursor -= page
        case .home: picker.cursor = 0
        case .end: picker.cursor = picker.listedCount - 1
        case let .character(c):
            picker.query.append(c)
            narrow(&picker)
        case .backspace, .delete:
            picker.query = String(picker.query.dropLast())
            narrow(&picker)
        case .control("u"):
            picker.query = ""
            narrow(&picker)
        default: break
        }
        picker.cursor = max(0, min(picker.cursor, picker.listedCount - 1))
        if picker.cursor < picker.top { picker.top = picker.cursor }
        if picker.cursor >= picker.top + page { picker.top = picker.cursor - page + 1 }
        overlay = .picker(picker)
    }

    /// Narrows the picker to the typed text; on the Period list, text that reads as a range of
    /// dates becomes a period of its own, listed first with its count.
    private func narrow(_ picker: inout PickerState) {
        picker.narrow()
        picker.typed = nil
        picker.note = nil
        guard picker.dimension == .period else { return }
        switch index.typedPeriodEntry(picker.query, filter: filter) {
        case let .success(entry)?: picker.typed = entry
        case let .failure(problem)?: picker.note = problem.message
        case nil: break
        }
    }

    mutating func applyFilter(_ entry: PickerEntry) {
        let current = currentIncident
        entry.value.apply(to: &filter)
        if case let .period(_, _, label) = entry.value { periodLabel = label }
        overlay = nil
        refreshRows(keeping: current)
        message = "Filtered: \(entry.label), \(grouped(rows.count)) incident\(rows.count == 1 ? "" : "s")" + selectionNote
    }

    /// `m`: the session's messages in full, newest last.
    mutating func openMessages() {
        let paragraphs = messageLog.isEmpty ? ["No messages yet."] : messageLog
        var page = TextPage(title: "Messages, newest last · Esc closes", paragraphs: paragraphs)
        page.scroll = TextPageView.lastScroll(page, width: width, height: height)
        overlay = .page(page)
    }

    /// `v`: the filters, the period and the sort in full.
    mutating func openFilterList() {
        var lines = filter.descriptions(in: index.catalogue)
        if let period = filter.from.flatMap({ from in filter.to.flatMap { ReportPeriod(from: from, to: $0) } }) {
            lines.append("period: \(periodLabel ?? period.label(zone: index.catalogue.formatter.zone))")
        } else if tab.isReport, let period = reportPeriod {
            lines.append("period: \(period.label(zone: index.catalogue.formatter.zone)) (the reports' default: the 12 months to the latest record)")
        } else {
            lines.append("period: all the incidents")
        }
        if lines.count == 1 { lines.insert("No filter: every incident is shown (f adds one).", at: 0) }
        lines.append("sort: \(sort.column.title) \(sort.descending ? "descending" : "ascending")")
        lines.append("rows: \(grouped(rows.count)) of \(grouped(index.count)) incidents" + (selected.isEmpty ? "" : "; \(grouped(selected.count)) selected"))
        lines.append("F clears the filters; U unselects every row.")
        overlay = .page(TextPage(title: "Filters · Esc closes", paragraphs: lines))
    }
}
