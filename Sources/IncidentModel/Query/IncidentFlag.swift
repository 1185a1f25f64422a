/// A mark an incident carries, for filtering: the facts the Flags column and the detail show.
public enum IncidentFlag: String, CaseIterable, Sendable, Hashable, Codable {
    /// A source recorded a concern about child sexual exploitation.
    case cse
    /// The home stands in another authority than the child's own.
    case outOfArea = "out-of-area"
    /// The sources disagree (start, end or home).
    case discrepancy
    /// Still missing: no end recorded and no later incident.
    case ongoing
    /// The police graded the risk high.
    case highRisk = "high-risk"

    /// The words for the flag in the picker and the filter's description.
    public var label: String {
        switch self {
        case .cse: "CSE concern"
        case .outOfArea: "out of area"
        case .discrepancy: "discrepancy between the sources"
        case .ongoing: "ongoing: still missing"
        case .highRisk: "high risk"
        }
    }

    /// Whether an incident carries the flag. An unknown (out of area not known, CSE not
    /// recorded) does not count as carrying it.
    public func holds(for incident: CombinedIncident) -> Bool {
        switch self {
        case .cse: incident.cseConcern == true
        case .outOfArea: incident.isOutOfArea == true
        case .discrepancy: !incident.discrepancies.isEmpty
        case .ongoing: incident.isStillMissing
        case .highRisk: incident.isHighRisk
        }
    }

    /// The flag's bit, for indexes that keep an incident's flags in one byte.
    public var bit: UInt8 {
        switch self {
        case .cse: 1 << 0
        case .outOfArea: 1 << 1
        case .discrepancy: 1 << 2
        case .ongoing: 1 << 3
        case .highRisk: 1 << 4
        }
    }

    /// The bits of a set of flags.
    public static func mask(_ flags: Set<IncidentFlag>) -> UInt8 { flags.reduce(0) { $0 | $1.bit } }
}
