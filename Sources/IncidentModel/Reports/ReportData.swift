/// The combined incidents reduced, once, to the small numbers every figure is computed from:
/// one ``IncidentFact`` per incident (in the incidents' own order, by start) with integer codes
/// for the child, the authorities, the home and the force, and the local month, weekday and
/// hour of the start.
///
/// Building costs one pass with a few dictionary look-ups per incident, split over every core
/// (O(n)); each report is then a pass over the facts of its period, found by binary search.
public struct ReportData: Sendable {
    /// The time zone of months, weekdays and hours (Europe/London for real data).
    public let zone: LocalTimeZone
    public let registers: Registers
    /// Authorities by code: the register's, sorted, then any others the incidents name.
    public let authorities: [AuthorityCode]
    /// Homes by code: the register's, sorted, then any others the incidents name.
    public let homes: [HomeURN]
    /// Forces by code: the register's, sorted, then any others the incidents name.
    public let forces: [ForceCode]
    /// The dataset's children (their current placements feed the forces' register).
    public let children: [Child]
    /// Distinct children: the authority's child ids, then people known only to the police
    /// (by name and date of birth).
    public let childCount: Int
    let facts: [IncidentFact]

    /// The number of incidents.
    public var count: Int { facts.count }

    /// The latest incident start, when there are incidents.
    public var latestStart: Instant? { facts.last.map { Instant(secondsSinceEpoch: $0.start) } }

    /// The default period: the twelve calendar months ending with the latest start's month;
    /// `nil` when there are no incidents.
    public var defaultPeriod: ReportPeriod? {
        latestStart.map { ReportPeriod.twelveMonths(endingWith: $0, zone: zone) }
    }

    /// Reduces linked incidents (which are ordered by start) to facts.
    public init(linked: LinkedData, zone: LocalTimeZone) {
        self.zone = zone
        registers = linked.registers
        children = linked.dataset.children
        var authorityCodes = Interner(Array(linked.registers.authorities.keys).sorted())
        var homeCodes = Interner(Array(linked.registers.homes.keys).sorted())
        var forceCodes = Interner(Array(linked.registers.forces.keys).sorted())
        var childCodes = Interner(linked.dataset.children.map(\.id))
        let incidents = linked.incidents
        // First on every core, with the registers' codes only; a code the registers lack is
        // left as `unresolved` and settled in order afterwards.
        let (a, h, f, c) = (authorityCodes, homeCodes, forceCodes, childCodes)
        var facts = ParallelMap.map(count: incidents.count) { k in
            IncidentFact(incidents[k], zone: zone, authority: a.existing, home: h.existing, force: f.existing, child: c.existing)
        }
        var people = Interner<PersonKey>()
        for k in facts.indices where facts[k].hasUnresolved {
            let incident = incidents[k]
            if facts[k].authority == IncidentFact.unresolved, let code = incident.responsibleAuthority {
                facts[k].authority = authorityCodes.code(code)
            }
            if facts[k].host == IncidentFact.unresolved, let code = incident.hostAuthority {
                facts[k].host = authorityCodes.code(code)
            }
            if facts[k].home == IncidentFact.unresolved, let urn = incident.home { facts[k].home = homeCodes.code(urn) }
            if facts[k].force == IncidentFact.unresolved, let code = incident.force { facts[k].force = forceCodes.code(code) }
            if facts[k].child == IncidentFact.unresolved {
                facts[k].child = incident.child.map { childCodes.code($0) } ?? -1 - people.code(PersonKey(incident.person))
            }
        }
        // People known only to the police are numbered after the authority's children.
        let laChildren = Int32(childCodes.values.count)
        for k in facts.indices where facts[k].child < 0 { facts[k].child = laChildren - 1 - facts[k].child }
        authorities = authorityCodes.values
        homes = homeCodes.values
        forces = forceCodes.values
        childCount = childCodes.values.count + people.values.count
        self.facts = facts
    }

    /// The positions `[lower, upper)` of the facts whose start falls in `[from, to)`: two
    /// binary searches, as the facts are ordered by start.
    func positions(from: Instant, to: Instant) -> Range<Int> {
        let lower = firstPosition(atOrAfter: from.secondsSinceEpoch)
        let upper = firstPosition(atOrAfter: to.secondsSinceEpoch)
        return lower..<max(lower, upper)
    }

    private func firstPosition(atOrAfter seconds: Int64) -> Int {
        var low = 0, high = facts.count
        while low < high {
            let mid = (low + high) / 2
            if facts[mid].start < seconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The authority's name, or its code when the register lacks it.
    func authorityName(_ code: Int32) -> String {
        let authority = authorities[Int(code)]
        return registers.authorities[authority]?.name ?? authority.rawValue
    }
}

/// A person known only from police reports: name and date of birth, as reported.
struct PersonKey: Hashable, Sendable {
    let given: String
    let family: String
    let dateOfBirth: CivilDate?

    init(_ person: PersonSummary) {
        given = person.givenName.lowercased()
        family = person.familyName.lowercased()
        dateOfBirth = person.dateOfBirth
    }
}
