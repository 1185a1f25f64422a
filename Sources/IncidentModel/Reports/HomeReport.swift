/// One home's figures in a period (the inquiry's R1 and R6).
public struct HomeRow: Hashable, Sendable {
    /// The home; `nil` for the total row and for incidents with no known home.
    public var urn: HomeURN?
    public var name: String
    public var hostAuthority: AuthorityCode?
    public var force: ForceCode?
    public var rating: OfstedRating?
    public var places: Int?
    public var incidents = 0
    /// Distinct children with an incident at the home.
    public var children = 0
    public var highRisk = 0
    /// Incidents the police graded at all: none, and ``highRisk`` is unknown, not 0.
    public var riskGraded = 0
    public var knownToBoth = 0
    /// Incidents in each of the twelve months ending with the period's last month.
    public var monthly = [Int](repeating: 0, count: 12)
    /// Rated Good or Outstanding with at least the watch threshold of incidents.
    public var isWatched = false

    /// incidents / places; `nil` when the places are unknown or 0.
    public var incidentsPerPlace: Double? { places.flatMap { ratio(incidents, $0) } }
    /// 100 * knownToBoth / incidents.
    public var percentKnownToBoth: Double? { percent(knownToBoth, incidents) }
}

/// The homes report: every home in the register (incidents or not), any other home the
/// incidents name, a row for incidents with no known home (when there are any), and the
/// total. The watch flag marks homes rated Good or Outstanding with at least
/// `watchThreshold` incidents in the period (the inquiry's R6).
public struct HomeReport: Sendable {
    public let scope: ReportScope
    public let watchThreshold: Int
    /// Homes in URN order, then "Home unknown".
    public let rows: [HomeRow]
    public let total: HomeRow
    public let months: [MonthCode]

    /// The default watch threshold: 50 incidents in the period.
    public static let defaultWatchThreshold = 50

    /// One pass over the scope's incidents: O(n + children + homes).
    public init(_ data: ReportData, scope: ReportScope, watchThreshold: Int = HomeReport.defaultWatchThreshold) {
        self.scope = scope
        self.watchThreshold = watchThreshold
        months = scope.period.sparklineMonths(zone: data.zone)
        let unknown = data.homes.count
        var rows = data.homes.map { urn -> HomeRow in
            let home = data.registers.homes[urn]
            return HomeRow(
                urn: urn, name: home?.name ?? urn.rawValue, hostAuthority: home?.localAuthority, force: home?.policeForce,
                rating: home?.rating, places: home?.places)
        }
        rows.append(HomeRow(urn: nil, name: "Home unknown"))
        var total = HomeRow(urn: nil, name: "All homes")
        var tallies = DistinctChildren(children: data.childCount, groups: unknown + 1)
        var allTallies = DistinctChildren(children: data.childCount, groups: 1)
        data.forEach(in: scope, sparkline: true) { fact, inPeriod, sparkMonth in
            let g = fact.home >= 0 ? Int(fact.home) : unknown
            if let m = sparkMonth {
                rows[g].monthly[m] += 1
                total.monthly[m] += 1
            }
            guard inPeriod else { return }
            rows[g].count(fact)
            total.count(fact)
            tallies.add(group: Int32(g), child: fact.child)
            allTallies.add(group: 0, child: fact.child)
        }
        let children = tallies.counts
        for g in rows.indices {
            rows[g].children = children[g]
            rows[g].isWatched = (rows[g].rating?.isGoodOrBetter ?? false) && rows[g].incidents >= watchThreshold
        }
        total.children = allTallies.counts[0]
        let places = rows.compactMap(\.places)
        total.places = places.isEmpty ? nil : places.reduce(0, +)
        // Homes the register lacks appear only with incidents; "Home unknown" likewise.
        let registered = data.registers.homes
        self.rows = rows.filter { row in row.urn.map { registered[$0] != nil } ?? false || row.incidents > 0 }
        self.total = total
    }

    /// The homes on the watch list.
    public var watched: [HomeRow] { rows.filter(\.isWatched) }
}

extension HomeRow {
    mutating func count(_ fact: IncidentFact) {
        incidents += 1
        if fact.provenance == 0 { knownToBoth += 1 }
        if fact.traits.contains(.highRisk) { highRisk += 1 }
        if fact.traits.contains(.riskGraded) { riskGraded += 1 }
    }
}
