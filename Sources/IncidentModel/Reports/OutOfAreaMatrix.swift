/// One cell of the out-of-area matrix: a responsible authority's children placed in a host
/// authority's homes, and their incidents in the period.
public struct OutOfAreaCell: Hashable, Sendable {
    public var responsible: AuthorityCode
    public var host: AuthorityCode
    public var responsibleName: String
    public var hostName: String
    /// Distinct children with an incident in this cell.
    public var children = 0
    public var incidents = 0

    /// Whether the host is another authority.
    public var isOutOfArea: Bool { responsible != host }
    /// incidents / children.
    public var incidentsPerChild: Double? { ratio(incidents, children) }
}

/// One responsible authority's incidents per child in its own area against out of it.
public struct OutOfAreaSummary: Hashable, Sendable {
    public var responsible: AuthorityCode
    public var name: String
    public var childrenInArea = 0
    public var incidentsInArea = 0
    public var childrenOutOfArea = 0
    public var incidentsOutOfArea = 0

    public var incidentsPerChildInArea: Double? { ratio(incidentsInArea, childrenInArea) }
    public var incidentsPerChildOutOfArea: Double? { ratio(incidentsOutOfArea, childrenOutOfArea) }
}

/// Responsible authority x host authority (the inquiry's R3). Only incidents whose responsible
/// and host authorities are both known count; ``unplaced`` counts the others.
public struct OutOfAreaMatrix: Sendable {
    public let scope: ReportScope
    /// Non-empty cells, by responsible then host code.
    public let cells: [OutOfAreaCell]
    /// Per responsible authority with incidents, in code order.
    public let summaries: [OutOfAreaSummary]
    /// The responsible and host authorities that appear, in code order.
    public let responsibles: [AuthorityCode]
    public let hosts: [AuthorityCode]
    /// Incidents in the scope with either authority unknown.
    public let unplaced: Int
    /// Distinct children over every cell.
    public let children: Int

    /// One pass over the scope's incidents: O(n + children + authorities²).
    public init(_ data: ReportData, scope: ReportScope) {
        self.scope = scope
        let n = data.authorities.count
        var incidents = [Int](repeating: 0, count: n * n)
        var cellChildren = DistinctChildren(children: data.childCount, groups: n * n)
        // Groups 2a (in area) and 2a+1 (out of area).
        var inOut = DistinctChildren(children: data.childCount, groups: 2 * n)
        var all = DistinctChildren(children: data.childCount, groups: 1)
        var unplaced = 0
        data.forEach(in: scope) { fact, _, _ in
            guard fact.authority >= 0 && fact.host >= 0 else {
                unplaced += 1
                return
            }
            let cell = Int(fact.authority) * n + Int(fact.host)
            incidents[cell] += 1
            cellChildren.add(group: Int32(cell), child: fact.child)
            all.add(group: 0, child: fact.child)
            inOut.add(group: fact.authority * 2 + (fact.authority == fact.host ? 0 : 1), child: fact.child)
        }
        let split = inOut.counts
        var cells: [OutOfAreaCell] = []
        var summaries: [OutOfAreaSummary] = []
        for a in 0..<n {
            var summary = OutOfAreaSummary(responsible: data.authorities[a], name: data.authorityName(Int32(a)))
            for h in 0..<n where incidents[a * n + h] > 0 {
                let cell = OutOfAreaCell(
                    responsible: data.authorities[a], host: data.authorities[h], responsibleName: summary.name,
                    hostName: data.authorityName(Int32(h)), children: cellChildren.counts[a * n + h], incidents: incidents[a * n + h])
                if a == h { summary.incidentsInArea += cell.incidents } else { summary.incidentsOutOfArea += cell.incidents }
                cells.append(cell)
            }
            summary.childrenInArea = split[2 * a]
            summary.childrenOutOfArea = split[2 * a + 1]
            if summary.incidentsInArea + summary.incidentsOutOfArea > 0 { summaries.append(summary) }
        }
        cells.sort { ($0.responsible, $0.host) < ($1.responsible, $1.host) }
        summaries.sort { $0.responsible < $1.responsible }
        self.cells = cells
        self.summaries = summaries
        responsibles = Array(Set(cells.map(\.responsible))).sorted()
        hosts = Array(Set(cells.map(\.host))).sorted()
        self.unplaced = unplaced
        self.children = all.counts[0]
    }
}
