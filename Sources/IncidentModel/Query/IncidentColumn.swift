/// The columns of the incidents table, shared by the command line's table, the dashboard and
/// sorting. Each column has a title, the text of a cell, and an order.
public enum IncidentColumn: String, CaseIterable, Sendable, Hashable, Codable {
    case start
    case duration
    case child
    case age
    case home
    case authority
    case force
    case provenance
    case risk
    case returnInterview = "rhi"
    case flags
    /// One of 3 or more of the child's incidents within 90 days (``RepeatMissing``).
    case repeatMissing = "repeat"
    case id

    /// The header text.
    public var title: String {
        switch self {
        case .start: "Start"
        case .duration: "Duration"
        case .child: "Child"
        case .age: "Age"
        case .home: "Home"
        case .authority: "Authority"
        case .force: "Force"
        case .provenance: "Known to"
        case .risk: "Risk"
        case .returnInterview: "Return interview"
        case .flags: "Flags"
        case .repeatMissing: "3 in 90d"
        case .id: "Incident"
        }
    }

    /// The child's name; for a child recorded without one (an SSDA903 return carries no
    /// names), the authority's child id, so that the row still says whose it is.
    static func childText(_ incident: CombinedIncident) -> String {
        let name = incident.person.fullName
        guard name.isEmpty, let child = incident.child else { return name }
        return "(no name) \(child.rawValue)"
    }

    /// The column's name on the command line (`--sort start`).
    public var name: String { rawValue }

    /// The cell's text for an incident.
    public func text(_ incident: CombinedIncident, in catalogue: IncidentCatalogue) -> String {
        switch self {
        case .start: catalogue.formatter.string(incident.start)
        case .duration: incident.durationHours.map(Self.durationText) ?? (incident.isStillMissing ? "ongoing" : "no end")
        case .child: Self.childText(incident)
        case .age: catalogue.age(of: incident).map(String.init) ?? ""
        case .home: catalogue.homeName(incident.home)
        case .authority: incident.responsibleAuthority.map { catalogue.authorityName($0) } ?? ""
        case .force: incident.force.map { catalogue.forceName($0) } ?? ""
        case .provenance: incident.provenance.label
        case .risk: incident.highestRisk?.label ?? ""
        case .returnInterview: incident.returnInterview.rawValue
        case .flags: Self.flags(incident).joined(separator: " ")
        case .repeatMissing: incident.isRepeat ? "yes" : ""
        case .id: incident.id.rawValue
        }
    }

    /// Whether the column orders by number (``numericKey(_:in:)``) rather than by text.
    public var isNumeric: Bool {
        switch self {
        case .start, .duration, .age, .risk: true
        default: false
        }
    }

    /// A number that orders incidents by this column, when the column is numeric; `nil` for
    /// text columns, which order by ``text(_:in:)`` without regard to case.
    public func numericKey(_ incident: CombinedIncident, in catalogue: IncidentCatalogue) -> Double? {
        switch self {
        case .start: Double(incident.start.secondsSinceEpoch)
        case .duration:  // still missing: the longest; no end recorded but a later incident: unknown, first
            incident.durationHours ?? (incident.isStillMissing ? .infinity : -1)
        case .age: catalogue.age(of: incident).map(Double.init) ?? -1
        case .risk: incident.highestRisk.map { Double($0.rawValue) } ?? -1
        default: nil
        }
    }

    /// "3d 4h", "5h 20m", "45m".
    public static func durationText(_ hours: Double) -> String {
        let minutes = Int((hours * 60).rounded())
        if minutes >= 24 * 60 { return "\(minutes / 1440)d \(minutes / 60 % 24)h" }
        if minutes >= 60 { return "\(minutes / 60)h \(minutes % 60)m" }
        return "\(minutes)m"
    }

    /// Short flags: out of area, CSE concern, discrepancy.
    public static func flags(_ incident: CombinedIncident) -> [String] {
        var flags: [String] = []
        if incident.isOutOfArea == true { flags.append("OOA") }
        if incident.cseConcern == true { flags.append("CSE") }
        if !incident.discrepancies.isEmpty { flags.append("DISC") }
        return flags
    }
}

/// An order of incidents: a column and a direction, ties broken by start then id.
public struct IncidentSort: Hashable, Sendable {
    public var column: IncidentColumn
    public var descending: Bool

    public init(column: IncidentColumn = .start, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// The incidents in this order. Each incident's key is computed once; O(n log n).
    public func apply(_ incidents: [CombinedIncident], in catalogue: IncidentCatalogue) -> [CombinedIncident] {
        permutation(incidents, in: catalogue).map { incidents[$0] }
    }

    /// The indexes of `incidents` in this order.
    public func permutation(_ incidents: [CombinedIncident], in catalogue: IncidentCatalogue) -> [Int] {
        var order = Array(incidents.indices)
        let tieBreak = { (a: Int, b: Int) -> Bool in
            (incidents[a].start, incidents[a].id) < (incidents[b].start, incidents[b].id)
        }
        if column.isNumeric {
            let keys = incidents.map { column.numericKey($0, in: catalogue) ?? 0 }
            order.sort { a, b in
                if keys[a] != keys[b] { return descending ? keys[a] > keys[b] : keys[a] < keys[b] }
                return tieBreak(a, b)
            }
        } else {
            let keys = incidents.map { column.text($0, in: catalogue).lowercased() }
            order.sort { a, b in
                if keys[a] != keys[b] { return descending ? keys[a] > keys[b] : keys[a] < keys[b] }
                return tieBreak(a, b)
            }
        }
        return order
    }
}
