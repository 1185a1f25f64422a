import IncidentModel

/// The dashboard's views, on tabs reached by number keys and `Tab`.
package enum Tab: Int, CaseIterable, Sendable, Hashable {
    case incidents, authorities, homes, forces, outOfArea, trends, review, quality

    /// The tab's title.
    package var title: String {
        switch self {
        case .incidents: "Incidents"
        case .authorities: "Authorities"
        case .homes: "Homes"
        case .forces: "Forces"
        case .outOfArea: "Out of area"
        case .trends: "Trends"
        case .review: "Review"
        case .quality: "Quality"
        }
    }

    /// A shorter title, for tab bars that do not fit the full ones.
    var shortTitle: String {
        switch self {
        case .incidents: "Inc"
        case .authorities: "Auth"
        case .outOfArea: "OOA"
        case .trends: "Trend"
        case .review: "Rev"
        case .quality: "Qual"
        default: title
        }
    }

    /// Whether the tab shows report tables.
    var isReport: Bool { self != .incidents && self != .review && self != .quality }

    /// The number key that opens it.
    package var key: Character { Character(String(rawValue + 1)) }

    /// The tab after this one, wrapping round (`delta` -1 for the one before).
    func moved(by delta: Int) -> Tab {
        let n = Tab.allCases.count
        return Tab(rawValue: ((rawValue + delta) % n + n) % n) ?? .incidents
    }

    /// The report tables the tab shows, from a computed set; `t` moves between them.
    func tables(in reports: ReportSet) -> [ReportTable] {
        switch self {
        case .incidents, .review, .quality: []
        case .authorities: [reports.authorities]
        case .homes: [reports.homes]
        case .forces: [reports.forces, reports.forceHomes]
        case .outOfArea: [reports.outOfArea, reports.outOfAreaMatrix]
        case .trends: [reports.trends]
        }
    }

    /// The number of tables the tab has.
    var tableCount: Int {
        switch self {
        case .incidents, .review, .quality: 0
        case .forces, .outOfArea: 2
        default: 1
        }
    }

    /// Words for a tab's second table in the status bar, after the tab's title.
    func tableLabel(_ table: Int) -> String? {
        switch (self, table) {
        case (.forces, 1): "register of homes"
        case (.outOfArea, 1): "matrix"
        default: nil
        }
    }
}

/// One report table of one tab: its view state is kept apart from the tab's other tables.
package struct ReportPage: Hashable, Sendable {
    package var tab: Tab
    /// The table's position in the tab's tables.
    package var table: Int
}

/// The cursor, scroll and order of one report tab.
package struct ReportViewState: Sendable, Equatable {
    /// Row positions (into the table's ``ReportTable/rows``) in display order.
    package var order: [Int] = []
    package var cursor = 0
    package var top = 0
    /// The cursor's column, and the first scrollable column on screen.
    package var column = 0
    package var firstColumn = 0
    /// The column sorted by, and the direction; `nil` for the report's own order.
    package var sortColumn: Int?
    package var descending = false
    /// The terminal columns of the table's longest name, for its layout.
    var longestName = 0
}

/// Where Enter on a report row came from, so that Esc in the incidents returns there.
struct DrillOrigin: Sendable {
    var tab: Tab
    var table: Int
    var filter: IncidentFilter
    var periodLabel: String?
    var view: ReportViewState
}
