import IncidentModel

/// The dashboard's views, on tabs reached by number keys and `Tab`.
public enum Tab: Int, CaseIterable, Sendable, Hashable {
    case incidents, authorities, homes, forces, outOfArea, trends

    /// The tab's title.
    public var title: String {
        switch self {
        case .incidents: "Incidents"
        case .authorities: "Authorities"
        case .homes: "Homes"
        case .forces: "Forces"
        case .outOfArea: "Out of area"
        case .trends: "Trends"
        }
    }

    /// The number key that opens it.
    public var key: Character { Character(String(rawValue + 1)) }

    /// The tab after this one, wrapping round (`delta` -1 for the one before).
    func moved(by delta: Int) -> Tab {
        let n = Tab.allCases.count
        return Tab(rawValue: ((rawValue + delta) % n + n) % n) ?? .incidents
    }

    /// The report table the tab shows, from a computed set.
    func table(in reports: ReportSet) -> ReportTable? {
        switch self {
        case .incidents: nil
        case .authorities: reports.authorities
        case .homes: reports.homes
        case .forces: reports.forces
        case .outOfArea: reports.outOfArea
        case .trends: reports.trends
        }
    }
}

/// The cursor, scroll and order of one report tab.
public struct ReportViewState: Sendable, Equatable {
    /// Row positions (into the table's ``ReportTable/rows``) in display order.
    public var order: [Int] = []
    public var cursor = 0
    public var top = 0
    /// The cursor's column, and the first scrollable column on screen.
    public var column = 0
    public var firstColumn = 0
    /// The column sorted by, and the direction; `nil` for the report's own order.
    public var sortColumn: Int?
    public var descending = false
}

/// Where Enter on a report row came from, so that Esc in the incidents returns there.
struct DrillOrigin: Sendable {
    var tab: Tab
    var filter: IncidentFilter
    var periodLabel: String?
    var view: ReportViewState
}
