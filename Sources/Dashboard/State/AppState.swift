import IncidentModel

/// Everything the dashboard shows, as one value. ``reduce(_:_:)`` changes it; ``render(_:measure:)``
/// draws it. The large data (``IncidentIndex``, the visible rows, cached orders) are arrays
/// shared copy-on-write, so copying a state is cheap.
package struct AppState: Sendable {
    package let index: IncidentIndex
    /// The terminal's size.
    package var width: Int
    package var height: Int

    package var screen: Screen = .table
    package var overlay: Overlay?
    /// The view on screen: the incidents or one of the reports.
    package var tab: Tab = .incidents

    /// The reports' compact data, built in the background after the first screen.
    package internal(set) var reportData: ReportData?
    /// The reports of ``reportScope``, once computed.
    package internal(set) var reports: ReportSet?
    /// The scope whose reports are being computed.
    var requestedScope: ReportScope?
    /// The last few computed report sets, so that going back to a scope is instant.
    var reportCache: [ReportSet] = []
    /// Each report table's cursor, scroll and order.
    package internal(set) var reportViews: [ReportPage: ReportViewState] = [:]
    /// The table each report tab shows (its position in ``Tab/tables(in:)``).
    package internal(set) var reportTables: [Tab: Int] = [:]
    /// The Review tab: the model's review band and where decisions go.
    package var review = ReviewState()
    /// The Quality tab: what the figures rest on; its report also marks the status bar.
    package var quality = QualityState()
    /// Homes rated Good or Outstanding with at least this many incidents are watched.
    package var watchThreshold = HomeReport.defaultWatchThreshold
    /// Unicode blocks, or ASCII when the terminal's locale is not UTF-8.
    package var glyphs = ChartGlyphs.unicode
    /// Where Enter on a report row came from.
    var drillOrigin: DrillOrigin?
    /// Numbers the background jobs.
    var jobSerial = 0

    package var filter = IncidentFilter()
    /// The label of the period filter, when one is set.
    package var periodLabel: String?
    package var sort = IncidentSort()
    /// A sort asked for whose order is still being computed.
    package var pendingSort: IncidentSort?
    var orders: [IncidentColumn: ColumnOrder] = [:]
    /// The permutation of the current sort, kept so that a filter change does not rebuild it.
    var sortedOrder: (sort: IncidentSort, order: [Int32])?
    var sources: SourceLookup?

    /// Incident positions shown, in order: the sort's permutation filtered.
    package private(set) var rows: [Int32]
    /// The cursor's row (into ``rows``) and the first row on screen.
    package var cursor = 0
    package var top = 0
    /// The cursor's column (into ``TableLayout/columns``) and the first scrolling column on
    /// screen (the frozen ones are always there).
    package var column = 0
    package var firstColumn = TableLayout.frozenColumns

    /// Incident positions selected with `s`.
    package var selected: Set<Int32> = []
    /// The last search.
    package var search = ""
    /// The rows that matched the last search, while the rows are the same.
    var searchHits: SearchHits?
    /// The search whose matches are being counted off the main loop.
    var countingSearch: (query: String, version: Int)?
    /// The last search's matcher, kept for `n` and `N`.
    var keptMatcher: (query: String, matcher: SearchMatcher)?
    /// Counts changes of ``rows``, so that kept results know when they are stale.
    package private(set) var rowsVersion = 0
    /// The incidents by identifier, built off the main loop after the first screen.
    package internal(set) var identifiers: IdentifierIndex?
    /// The message of the last key or finished task, shown in full above the hint line until
    /// the next key; every message also goes to ``messageLog``.
    package var message = "" {
        didSet {
            guard message != oldValue else { return }
            announcedWork = nil
            guard !message.isEmpty else { return }
            messageLog.append(message)
            if messageLog.count > Self.messageLogLimit { messageLog.removeFirst(messageLog.count - Self.messageLogLimit) }
        }
    }
    /// The report work ``message`` announces, while it still does (its text is the work's
    /// message): cleared by any other message, and with the message when the reports arrive.
    private(set) var announcedWork: ReportWork?
    /// The session's messages, oldest first (the last ``messageLogLimit``); `m` shows them.
    package private(set) var messageLog: [String] = []
    static let messageLogLimit = 200
    /// A note on where the data came from, shown at the right of the tab bar on every screen:
    /// for example that these are the synthetic sample data. Plain text; `nil` for none.
    package var sourceNote: String?
    /// The workspace has had imports or decisions since these data were loaded (from anyone):
    /// the tab bar says so, and `R` reloads.
    package internal(set) var workspaceChanged = false
    /// What the tab bar's note says: that the workspace changed, else ``sourceNote``.
    var tabNote: String? { workspaceChanged ? "NEW DATA: R reloads" : sourceNote }
    /// The file name offered for exports.
    package var exportDefault: String

    /// A state showing every incident in start order.
    package init(index: IncidentIndex, width: Int = 80, height: Int = 24, exportDefault: String = "mfc-incidents.csv") {
        self.index = index
        self.width = width
        self.height = height
        self.exportDefault = exportDefault
        rows = (0..<Int32(index.count)).map { $0 }
    }

    /// What the reports wait for while those of the current scope are not ready: their data
    /// until it is built, then the reports themselves.
    var reportWork: ReportWork { reportData == nil ? .reportData : .reports }

    /// Says in the message what the reports wait for, until another message replaces it or
    /// the reports arrive.
    mutating func announceReportWork() {
        let work = reportWork
        message = work.message
        announcedWork = work
    }

    /// The rows an export writes: the selected ones in the view, or the whole view.
    /// O(selected) when rows are selected.
    package var exportCount: Int {
        guard !selected.isEmpty else { return rows.count }
        let compiled = RowFilter(filter, index: index)
        return selected.filter { compiled.matches(Int($0), in: index) }.count
    }

    /// Rows of the table body on screen.
    package var pageSize: Int { max(1, height - TableLayout.chromeRows) }

    /// The period the reports cover: the filter's period when one is set, else the twelve
    /// months ending with the latest incident's month.
    package var reportPeriod: ReportPeriod? {
        if let from = filter.from, let to = filter.to, let period = ReportPeriod(from: from, to: to) { return period }
        return reportData?.defaultPeriod
    }

    /// What the reports cover: ``reportPeriod`` and the filter's other parts.
    package var reportScope: ReportScope? { reportPeriod.map { ReportScope(period: $0, filter: filter) } }

    /// The incident under the cursor.
    package var currentIncident: Int32? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// Recomputes ``rows`` from the order and the filter, keeping the cursor on the same
    /// incident when it is still shown. O(n).
    mutating func refreshRows(keeping incident: Int32? = nil) {
        let order: [Int32]
        if let cached = sortedOrder, cached.sort == sort {
            order = cached.order
        } else {
            order = orders[sort.column]?.permutation(descending: sort.descending) ?? (0..<Int32(index.count)).map { $0 }
            sortedOrder = (sort, order)
        }
        rows = index.rows(order, passing: filter, inStartOrder: sort == IncidentSort())
        rowsVersion += 1
        if let incident, let k = rows.firstIndex(of: incident) {
            cursor = k
        } else {
            cursor = 0
        }
        top = max(0, cursor - pageSize / 2)
        clampScroll()
    }

    /// Keeps the cursor within the rows and on screen.
    mutating func clampScroll() {
        cursor = max(0, min(cursor, rows.count - 1))
        if cursor < top { top = cursor }
        if cursor >= top + pageSize { top = cursor - pageSize + 1 }
        top = max(0, min(top, max(0, rows.count - pageSize)))
    }
}

/// The full-screen views.
package enum Screen: Sendable, Equatable {
    case table
    case detail(DetailState)
}

/// What the detail screen shows: one incident, its sources and the child's other incidents.
package struct DetailState: Sendable, Equatable {
    package var incident: Int32
    package var sources: IncidentSources
    /// The child's incidents in time order, this one included.
    package var childIncidents: [Int32]
    /// The positions of the incident's police reports in the dataset, for their links.
    package var reportIndexes: [Int] = []
    /// Lines scrolled off the top.
    package var scroll = 0
}

/// A box drawn over the screen that takes the keys while it is open.
package enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case picker(PickerState)
    /// Typing a search.
    case search(text: String)
    /// Typing the export path; `count` rows will be written.
    case exportPath(text: String, count: Int)
    /// Asking before replacing an existing file.
    case confirmReplace(path: String)
    /// Typing the reason for a decision on the review item under the cursor.
    case decisionReason(verdict: LinkVerdict, pair: SourcePair, text: String)
    /// Text to read in full, wrapped to the screen: the messages, the filters.
    case page(TextPage)
}

/// A box of text to read, wrapped to the screen's width and scrolled with the keys.
package struct TextPage: Sendable, Equatable {
    package var title: String
    /// Paragraphs: each is wrapped on its own.
    package var paragraphs: [String]
    /// Lines scrolled off the top.
    package var scroll = 0
}

/// The filter picker: a dimension's values with counts, narrowed by the typed text.
package struct PickerState: Sendable, Equatable {
    package var dimension: FilterDimension
    package var query = ""
    package var entries: [PickerEntry]
    /// Positions in ``entries`` that contain the query.
    package var shown: [Int]
    /// On the Period list, the period typed in (`2024-01-01 to 2024-03-31`), listed first.
    package var typed: PickerEntry?
    /// Why the text typed cannot be a period, shown in place of the values.
    package var note: String?
    package var cursor = 0
    package var top = 0

    init(dimension: FilterDimension, entries: [PickerEntry]) {
        self.dimension = dimension
        self.entries = entries
        shown = Array(entries.indices)
    }

    /// The number of lines listed: the typed period, then the values shown.
    package var listedCount: Int { (typed == nil ? 0 : 1) + shown.count }

    /// The entry on line `k` of the list.
    package func listed(_ k: Int) -> PickerEntry? {
        if let typed {
            if k == 0 { return typed }
            return shown.indices.contains(k - 1) ? entries[shown[k - 1]] : nil
        }
        return shown.indices.contains(k) ? entries[shown[k]] : nil
    }

    /// Narrows to the entries whose label or code contains the query, case and accents ignored.
    mutating func narrow() {
        let needle = TextFold.key(query)
        shown = needle.isEmpty ? Array(entries.indices) : entries.indices.filter { entries[$0].search.contains(needle) }
        cursor = 0
        top = 0
    }
}
