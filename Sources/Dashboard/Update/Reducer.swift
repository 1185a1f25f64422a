import IncidentModel

/// Applies an action to the state and returns the effects for the run loop. Pure: no I/O, no
/// clock; everything it needs is in the state and the action. Each key press costs at most a
/// pass over the visible rows (filtering, searching), never formatting of rows off screen.
package func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = state.reduce(action)
    return effects + state.requestReportsIfStale() + state.requestReviewIfNeeded()
}

extension AppState {
    mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case let .key(key):
            if overlay != nil { return overlayKey(key) }
            // A message stays until the next key (`m` shows them all again).
            message = ""
            guard let command = CommandTable.command(for: key) else { return [] }
            return perform(command)
        case let .command(command):
            return perform(command)
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
            clampScroll()
            revealColumn()
            return []
        case let .click(x, y):
            click(x: x, y: y)
            return []
        case let .scroll(delta):
            scroll(by: delta)
            return []
        case .started:
            return [.buildSources] + TableLayout.columns.filter { orders[$0] == nil }.map(Effect.computeOrder)
                + (reportData == nil ? [buildReportDataJob()] : []) + requestQuality()
                + (identifiers == nil ? [buildIdentifiersJob()] : [])
        case let .reportDataReady(data):
            reportData = data
            return []
        case let .reportsReady(set):
            receive(set)
            return []
        case let .reviewReady(data):
            receive(data)
            return []
        case let .qualityReady(report):
            quality.report = report
            quality.requested = false
            clampQuality()
            return []
        case let .decisionRecorded(pair, verdict, id):
            recorded(pair, verdict, id: id)
            return []
        case .workspaceChanged:
            guard !workspaceChanged else { return [] }
            workspaceChanged = true
            message = "The workspace has new imports or decisions since these data were read: R reloads"
            return []
        case let .decisionFailed(pair, reason):
            if review.pending == pair { review.pending = nil }
            message = "Decision not recorded: \(reason)"
            return []
        case let .orderReady(order):
            orders[order.column] = order
            if let pending = pendingSort, pending.column == order.column { applySort(pending) }
            return []
        case let .sourcesReady(lookup):
            sources = lookup
            return []
        case let .identifiersReady(built):
            identifiers = built
            return []
        case let .searchCounted(hits):
            receive(hits)
            return []
        case let .exportFinished(path, count):
            message = "Exported \(count) row\(count == 1 ? "" : "s") to \(path)"
            return []
        case let .exportFailed(path, error):
            if case .exists = error {
                overlay = .confirmReplace(path: path)
            } else {
                message = "Export failed: \(error)"
            }
            return []
        }
    }

    /// A command from the action table, in the current screen.
    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .close: return canGoBack ? perform(.back) : [.quit]
        case .showMessages:
            openMessages()
            return []
        case .showFilters:
            openFilterList()
            return []
        case .unselectAll:
            unselectAll()
            return []
        case .reload: return [.reload]
        default: break
        }
        if case .detail = screen { return performInDetail(command) }
        if let target = command.tab {
            show(target)
            return []
        }
        if command == .nextTab || command == .previousTab {
            show(tab.moved(by: command == .nextTab ? 1 : -1))
            return []
        }
        if tab == .review { return performInReview(command) }
        if tab == .quality { return performInQuality(command) }
        if tab != .incidents { return performInReport(command) }
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: page(by: 1)
        case .pageUp: page(by: -1)
        case .first: move(by: -cursor)
        case .last: move(by: rows.count - cursor)
        case .columnLeft: moveColumn(by: -1)
        case .columnRight: moveColumn(by: 1)
        case .open: openDetail()
        case .back:
            if drillOrigin == nil && !selected.isEmpty {
                unselectAll()
            } else {
                returnFromDrill()
            }
        case .quit: return [.quit]
        case .search: overlay = .search(text: "")
        case .nextMatch: return findNext(forward: true, fresh: false)
        case .previousMatch: return findNext(forward: false, fresh: false)
        case .filter: openPicker(.home)
        case .clearFilters:
            let current = currentIncident
            filter = IncidentFilter()
            periodLabel = nil
            refreshRows(keeping: current)
            message = "Filters cleared" + selectionNote
        case .sortAscending: return requestSort(descending: false)
        case .sortDescending: return requestSort(descending: true)
        case .select: toggleSelection()
        case .selectAll:
            selected.formUnion(rows)
            message = "\(grouped(rows.count)) row\(rows.count == 1 ? "" : "s") in the view selected; \(grouped(selected.count)) in all (U unselects)"
        case .export:
            guard !rows.isEmpty else {
                message = "Nothing to export: no rows in the view"
                return []
            }
            let count = exportCount
            guard count > 0 else {
                message = "Nothing to export: the \(grouped(selected.count)) selected row\(selected.count == 1 ? " is" : "s are") "
                    + "not in the view. U unselects every row (then e exports the view); F clears the filters"
                return []
            }
            overlay = .exportPath(text: exportDefault, count: count)
        case .help: overlay = .help(scroll: 0)
        case .nextTable: message = "t switches tables in the Forces and Out of area views"
        case .accept, .reject: message = "a and r decide the links in the Review view (7)"
        case .nextTab, .previousTab, .showIncidents, .showAuthorities, .showHomes, .showForces, .showOutOfArea, .showTrends,
             .showReview, .showQuality, .close, .showMessages, .showFilters, .unselectAll, .reload:
            break
        }
        return []
    }

    /// Whether Esc has somewhere to go back to: from an incident to the table, from a drill to
    /// its report, from a file's rejected rows to the Quality view. `q` quits when it has not.
    var canGoBack: Bool {
        if case .detail = screen { return true }
        if tab == .incidents { return drillOrigin != nil }
        if tab == .quality { return quality.open != nil }
        return false
    }

    // MARK: Moving

    mutating func move(by delta: Int) {
        cursor += delta
        clampScroll()
    }

    mutating func page(by pages: Int) {
        let delta = pages * pageSize
        cursor += delta
        top += delta
        clampScroll()
    }

    mutating func scroll(by delta: Int) {
        if case .detail = screen, overlay == nil {
            _ = performInDetail(delta > 0 ? .moveDown : .moveUp)
            if abs(delta) > 1 { scroll(by: delta > 0 ? delta - 1 : delta + 1) }
            return
        }
        if case var .picker(picker) = overlay {
            picker.cursor = max(0, min(picker.listedCount - 1, picker.cursor + delta))
            overlay = .picker(picker)
            return
        }
        guard overlay == nil else { return }
        top = max(0, min(top + delta, max(0, rows.count - pageSize)))
        cursor = max(top, min(cursor, top + pageSize - 1))
        clampScroll()
    }

    mutating func click(x: Int, y: Int) {
        guard overlay == nil, screen == .table, width >= TableLayout.minimumWidth,
              height >= TableLayout.minimumHeight else { return }
        if y == 0 {
            if let hit = TabBar.tab(at: x, width: width, current: tab, note: TabBar.noteWidth(self, width: width)) { show(hit) }
            return
        }
        if tab == .review {
            clickReview(y: y)
            return
        }
        if tab == .quality { return }
        if tab != .incidents {
            clickReport(x: x, y: y)
            return
        }
        let layout = TableLayout(state: self)
        let body = TableLayout.headerRow + 1
        if y == TableLayout.headerRow {
            if let hit = layout.column(at: x) {
                column = hit
                revealColumn()
            }
        } else if y >= body && y < body + pageSize && top + y - body < rows.count {
            cursor = top + y - body
            if let hit = layout.column(at: x) { column = hit }
            clampScroll()
        }
    }

    mutating func moveColumn(by delta: Int) {
        column = max(0, min(TableLayout.columns.count - 1, column + delta))
        revealColumn()
    }

    /// Scrolls sideways so that the cursor's column is on screen.
    mutating func revealColumn() {
        firstColumn = max(firstColumn, TableLayout.frozenColumns)
        guard column >= TableLayout.frozenColumns else { return }
        if column < firstColumn { firstColumn = column }
        while firstColumn < column && !TableLayout.fits(from: firstColumn, through: column, in: self) {
            firstColumn += 1
        }
    }

    // MARK: Selecting, sorting, searching

    mutating func toggleSelection() {
        guard let incident = currentIncident else { return }
        if selected.remove(incident) == nil { selected.insert(incident) }
        message = "\(grouped(selected.count)) selected"
        move(by: 1)
    }

    /// Empties the selection, in every view.
    mutating func unselectAll() {
        guard !selected.isEmpty else {
            message = "No row is selected"
            return
        }
        let count = selected.count
        selected = []
        message = "\(grouped(count)) row\(count == 1 ? "" : "s") unselected"
    }

    /// After a change of filters: how many rows are still selected, and the key that empties them.
    var selectionNote: String {
        selected.isEmpty ? "" : "; \(grouped(selected.count)) row\(selected.count == 1 ? "" : "s") still selected (U unselects)"
    }

    mutating func requestSort(descending: Bool) -> [Effect] {
        let target = IncidentSort(column: TableLayout.columns[column], descending: descending)
        // Start ascending is the incidents' own order: no computation needed.
        if orders[target.column] != nil || target == IncidentSort() {
            applySort(target)
            return []
        }
        pendingSort = target
        message = "Sorting by \(target.column.title)…"
        return [.computeOrder(target.column)]
    }

    mutating func applySort(_ target: IncidentSort) {
        let current = currentIncident
        sort = target
        pendingSort = nil
        refreshRows(keeping: current)
        message = "Sorted by \(target.column.title) \(target.descending ? "descending" : "ascending")"
    }
}
