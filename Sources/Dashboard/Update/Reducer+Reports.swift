import IncidentModel

/// The report tabs' part of the reducer: switching tabs, moving and sorting in a report,
/// Enter on a row (its incidents, already filtered), and keeping the reports in step with
/// the filters.
extension AppState {
    /// The report table of the current tab, when it is a report tab and its reports are up to date.
    package var reportTable: ReportTable? {
        guard let reports, reports.scope == reportScope else { return nil }
        let tables = tab.tables(in: reports)
        return tables.indices.contains(reportPage.table) ? tables[reportPage.table] : nil
    }

    /// The current tab and its table.
    var reportPage: ReportPage { ReportPage(tab: tab, table: reportTables[tab] ?? 0) }

    /// The current report table's view state.
    var reportView: ReportViewState {
        get { reportViews[reportPage] ?? ReportViewState() }
        set { reportViews[reportPage] = newValue }
    }

    /// Rows of a report's body on screen: the page less the pinned total row.
    var reportPageSize: Int { max(1, pageSize - 1) }

    mutating func show(_ target: Tab) {
        tab = target
        if target.isReport && reports?.scope != reportScope {
            announceReportWork()
        } else {
            message = ""
        }
        if target.isReport { clampReport() }
        if target == .review { message = reviewMessage }
    }

    mutating func performInReport(_ command: Command) -> [Effect] {
        guard let table = reportTable else {
            switch command {
            case .quit: return [.quit]
            case .help: overlay = .help(scroll: 0)
            case .filter: openPicker(.home)
            default: announceReportWork()
            }
            return []
        }
        var view = reportView
        switch command {
        case .moveDown: view.cursor += 1
        case .moveUp: view.cursor -= 1
        case .pageDown:
            view.cursor += reportPageSize
            view.top += reportPageSize
        case .pageUp:
            view.cursor -= reportPageSize
            view.top -= reportPageSize
        case .first: view.cursor = 0
        case .last: view.cursor = view.order.count - 1
        case .columnLeft: view.column = max(0, view.column - 1)
        case .columnRight: view.column = min(table.columns.count - 1, view.column + 1)
        case .sortAscending, .sortDescending:
            view.sortColumn = view.column
            view.descending = command == .sortDescending
            let current = view.order.indices.contains(view.cursor) ? view.order[view.cursor] : nil
            view.order = Self.order(table, column: view.column, descending: view.descending)
            view.cursor = current.flatMap { view.order.firstIndex(of: $0) } ?? 0
            message = "Sorted by \(table.columns[view.column].title) \(view.descending ? "descending" : "ascending")"
        case .open:
            reportView = view
            openReportRow(table)
            return []
        case .nextTable:
            reportView = view
            showNextTable()
            return []
        case .back: message = "Nothing to go back to: 1 shows the incidents, q or Q quits"
        case .quit: return [.quit]
        case .help: overlay = .help(scroll: 0)
        case .search: overlay = .search(text: "")
        case .nextMatch, .previousMatch:
            reportView = view
            return findNext(forward: command == .nextMatch, fresh: false)
        case .filter: openPicker(.home)
        case .clearFilters:
            filter = IncidentFilter()
            periodLabel = nil
            refreshRows()
            message = "Filters cleared" + selectionNote
        case .select, .selectAll: message = "Rows are selected in the incidents (press 1)"
        case .export: overlay = .exportPath(text: exportName(table), count: table.allRows.count)
        case .accept, .reject: message = "a and r decide the links in the Review view (7)"
        case .nextTab, .previousTab, .showIncidents, .showAuthorities, .showHomes, .showForces, .showOutOfArea, .showTrends,
             .showReview, .showQuality, .close, .showMessages, .showFilters, .unselectAll, .reload:
            break
        }
        reportView = view
        clampReport()
        return []
    }

    /// `t`: the tab's next table (the forces' register of homes, the out-of-area matrix).
    mutating func showNextTable() {
        guard tab.tableCount > 1 else {
            message = "\(tab.title) has one table (t switches tables in Forces and Out of area)"
            return
        }
        reportTables[tab] = (reportPage.table + 1) % tab.tableCount
        clampReport()
        message = reportTable.map { $0.title } ?? message
    }

    /// Keeps the report cursor within the rows and on screen, and its column in view.
    mutating func clampReport() {
        guard reportTable != nil else { return }
        var view = reportView
        let count = view.order.count
        view.cursor = max(0, min(view.cursor, count - 1))
        let page = reportPageSize
        if view.cursor < view.top { view.top = view.cursor }
        if view.cursor >= view.top + page { view.top = view.cursor - page + 1 }
        view.top = max(0, min(view.top, max(0, count - page)))
        if let table = reportTable {
            let frozen = ReportLayout.frozenColumns(table)
            view.column = max(0, min(view.column, table.columns.count - 1))
            view.firstColumn = max(frozen, view.firstColumn)
            if view.column >= frozen && view.column != ReportLayout.pinnedColumn(table) {
                if view.column < view.firstColumn { view.firstColumn = view.column }
                while view.firstColumn < view.column
                    && !ReportLayout.fits(table, from: view.firstColumn, through: view.column, width: reportWidth)
                {
                    view.firstColumn += 1
                }
            }
        }
        reportView = view
    }

    /// The width the report table is drawn in: the trends leave room for their grid.
    var reportWidth: Int { tab == .trends && width >= TrendsView.besideWidth ? width - TrendsView.gridWidth - 1 : width }

    /// Enter on a report row: the incidents behind it (behind the cursor's cell, where the cell
    /// has its own filter: a cell of the out-of-area matrix), already filtered.
    mutating func openReportRow(_ table: ReportTable) {
        let view = reportView
        guard view.order.indices.contains(view.cursor) else { return }
        let row = table.rows[view.order[view.cursor]]
        guard let drill = row.drill(at: view.column) else {
            message = "No filter picks these incidents out (the value is unknown)"
            return
        }
        let cellLabel = row.cellDrills[view.column] == nil ? nil : table.columns[view.column].title
        drillOrigin = DrillOrigin(tab: tab, table: reportPage.table, filter: filter, periodLabel: periodLabel, view: view)
        filter = drill
        periodLabel = Self.periodText(drill, zone: index.catalogue.formatter.zone)
        tab = .incidents
        refreshRows()
        cursor = 0
        clampScroll()
        message = "\(Self.rowLabel(table, row))\(cellLabel.map { " in \($0)" } ?? "") · Esc returns"
    }

    /// Esc in the incidents after Enter on a report row: back to that report and its filters.
    mutating func returnFromDrill() {
        guard let origin = drillOrigin else {
            message = "Nothing to go back to: q or Q quits"
            return
        }
        drillOrigin = nil
        filter = origin.filter
        periodLabel = origin.periodLabel
        refreshRows()
        reportTables[origin.tab] = origin.table
        show(origin.tab)
        reportView = origin.view
        clampReport()
    }

    /// A report row's name for messages: the authority, home, force or month.
    static func rowLabel(_ table: ReportTable, _ row: ReportRow) -> String {
        let texts = row.values.prefix(4).map { value -> String in
            if case let .text(t) = value { return t }
            return ""
        }
        if table.name == "out-of-area" && texts.count == 4 { return "\(texts[1]) children in \(texts[3])" }
        if texts.count > 1 && !texts[1].isEmpty { return texts[1] }
        return texts.first ?? ""
    }

    /// "2024-03-01 to 2024-03-31" for a drill filter's period.
    static func periodText(_ filter: IncidentFilter, zone: LocalTimeZone) -> String? {
        guard let from = filter.from, let to = filter.to, let period = ReportPeriod(from: from, to: to) else { return nil }
        return period.label(zone: zone)
    }

    /// The rows of `table` ordered by a column: numbers by value, text ignoring case, ties in
    /// the report's own order.
    static func order(_ table: ReportTable, column: Int, descending: Bool) -> [Int] {
        let rows = table.rows
        if table.columns[column].kind == .text {
            let keys = rows.map { $0.values[column].text().lowercased() }
            return rows.indices.sorted { a, b in
                keys[a] != keys[b] ? (descending ? keys[a] > keys[b] : keys[a] < keys[b]) : a < b
            }
        }
        let keys = rows.map { $0.values[column].sortKey ?? -1 }
        return rows.indices.sorted { a, b in
            keys[a] != keys[b] ? (descending ? keys[a] > keys[b] : keys[a] < keys[b]) : a < b
        }
    }

    /// The export file name offered for a report: the incidents' name with the report's.
    func exportName(_ table: ReportTable) -> String {
        exportDefault.contains("incidents")
            ? exportDefault.replacingFirst("incidents", with: table.name) : "mfc-\(table.name).csv"
    }

    // MARK: Keeping the reports up to date

    func buildReportDataJob() -> Effect {
        let linked = index.linked, zone = index.catalogue.formatter.zone
        return .run(BackgroundJob("report data", serial: 0) { .reportDataReady(ReportData(linked: linked, zone: zone)) })
    }

    /// Asks for the reports of the current scope when those shown are of another.
    mutating func requestReportsIfStale() -> [Effect] {
        guard let data = reportData, let scope = reportScope else { return [] }
        if reports?.scope == scope || requestedScope == scope { return [] }
        if let cached = reportCache.first(where: { $0.scope == scope }) {
            receive(cached)
            return []
        }
        requestedScope = scope
        jobSerial += 1
        let threshold = watchThreshold
        return [.run(BackgroundJob("reports", serial: jobSerial) {
            .reportsReady(ReportSet(data, scope: scope, watchThreshold: threshold))
        })]
    }

    /// Takes computed reports: shown when they are of the current scope.
    mutating func receive(_ set: ReportSet) {
        if requestedScope == set.scope { requestedScope = nil }
        if !reportCache.contains(where: { $0.scope == set.scope }) {
            reportCache.append(set)
            if reportCache.count > 4 { reportCache.removeFirst() }
        }
        guard set.scope == reportScope else { return }
        reports = set
        for target in Tab.allCases {
            for (k, table) in target.tables(in: set).enumerated() {
                let page = ReportPage(tab: target, table: k)
                var view = reportViews[page] ?? ReportViewState()
                view.order = view.sortColumn.map { Self.order(table, column: $0, descending: view.descending) }
                    ?? Array(table.rows.indices)
                view.longestName = ReportLayout.longestName(table)
                reportViews[page] = view
            }
        }
        if tab.isReport {
            clampReport()
            if announcedWork != nil { message = "" }
        }
    }

    mutating func clickReport(x: Int, y: Int) {
        guard let table = reportTable else { return }
        var view = reportView
        if y == TableLayout.headerRow {
            if let hit = ReportLayout(table: table, view: view, width: reportWidth, longestName: view.longestName).column(at: x) {
                view.column = hit
            }
        } else if y > TableLayout.headerRow && y <= TableLayout.headerRow + reportPageSize {
            let k = view.top + y - TableLayout.headerRow - 1
            guard k < view.order.count else { return }
            view.cursor = k
        }
        reportView = view
        clampReport()
    }

    /// The next report row whose text contains the search, wrapping round.
    mutating func findInReport(forward: Bool, fresh: Bool) {
        guard let table = reportTable else { return }
        var view = reportView
        let needle = search.lowercased()
        let n = view.order.count
        guard n > 0 else { return }
        var k = fresh ? (forward ? view.cursor - 1 : view.cursor + 1) : view.cursor
        for _ in 0..<n {
            k = forward ? (k + 1) % n : (k - 1 + n) % n
            let row = table.rows[view.order[k]]
            let hit = row.values.contains { value in
                if case let .text(t) = value { return t.lowercased().contains(needle) }
                return false
            }
            if hit {
                view.cursor = k
                reportView = view
                clampReport()
                message = "/\(search)"
                return
            }
        }
        message = "No match for “\(search)” in the view"
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let chars = Array(self), pattern = Array(target)
        guard !pattern.isEmpty, chars.count >= pattern.count else { return self }
        for start in 0...(chars.count - pattern.count) where Array(chars[start..<(start + pattern.count)]) == pattern {
            return String(chars[..<start]) + replacement + String(chars[(start + pattern.count)...])
        }
        return self
    }
}
