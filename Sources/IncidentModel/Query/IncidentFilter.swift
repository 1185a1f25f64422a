/// Which incidents to show. Every set that is empty lets everything through; the sets combine
/// with "and"; values within one set combine with "or", except ``flags``, which must all hold.
public struct IncidentFilter: Hashable, Sendable {
    /// The home the child went missing from.
    public var homes: Set<HomeURN> = []
    /// Incidents whose home is not known, besides those of ``homes`` (an "or" with them).
    public var unknownHome = false
    /// The responsible authority (the child's own authority, not the home's host authority).
    public var authorities: Set<AuthorityCode> = []
    /// The host authority: the one the home stands in (an out-of-area cell's column).
    public var hostAuthorities: Set<AuthorityCode> = []
    /// The force of the home's area (or the reporting force when the home is unknown).
    public var forces: Set<ForceCode> = []
    /// The highest police risk grade; `nil` in the set stands for "not graded".
    public var risks: Set<RiskLevel?> = []
    public var provenances: Set<Provenance> = []
    /// The period `[from, to)` in which the incident's start falls.
    public var from: Instant?
    public var to: Instant?
    /// Only incidents marked as one of 3 or more of the child's within 90 days
    /// (``CombinedIncident/isRepeat``).
    public var repeatsOnly = false
    /// Flags every incident shown carries (all of them: CSE and out of area means both).
    public var flags: Set<IncidentFlag> = []

    public init(
        homes: Set<HomeURN> = [], authorities: Set<AuthorityCode> = [], forces: Set<ForceCode> = [],
        risks: Set<RiskLevel?> = [], provenances: Set<Provenance> = [], from: Instant? = nil, to: Instant? = nil,
        hostAuthorities: Set<AuthorityCode> = [], repeatsOnly: Bool = false, unknownHome: Bool = false,
        flags: Set<IncidentFlag> = []
    ) {
        self.homes = homes
        self.authorities = authorities
        self.hostAuthorities = hostAuthorities
        self.forces = forces
        self.risks = risks
        self.provenances = provenances
        self.from = from
        self.to = to
        self.repeatsOnly = repeatsOnly
        self.unknownHome = unknownHome
        self.flags = flags
    }

    /// Whether the filter narrows by home: named homes, or the unknown one.
    public var narrowsHomes: Bool { !homes.isEmpty || unknownHome }

    /// Whether nothing is filtered out.
    public var isEmpty: Bool { self == IncidentFilter() }

    /// Whether an incident passes.
    public func matches(_ incident: CombinedIncident) -> Bool {
        if !provenances.isEmpty && !provenances.contains(incident.provenance) { return false }
        if let from, incident.start < from { return false }
        if let to, incident.start >= to { return false }
        if narrowsHomes && !(incident.home.map(homes.contains) ?? unknownHome) { return false }
        if !authorities.isEmpty && !(incident.responsibleAuthority.map(authorities.contains) ?? false) { return false }
        if !hostAuthorities.isEmpty && !(incident.hostAuthority.map(hostAuthorities.contains) ?? false) { return false }
        if !forces.isEmpty && !(incident.force.map(forces.contains) ?? false) { return false }
        if !risks.isEmpty && !risks.contains(incident.highestRisk) { return false }
        if repeatsOnly && !incident.isRepeat { return false }
        if !flags.allSatisfy({ $0.holds(for: incident) }) { return false }
        return true
    }

    /// The incidents that pass, in their order.
    public func apply(_ incidents: [CombinedIncident]) -> [CombinedIncident] {
        isEmpty ? incidents : incidents.filter(matches)
    }
}
