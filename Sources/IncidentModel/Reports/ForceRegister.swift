/// One police force's row (the inquiry's R4): the homes in its area and the incidents there.
public struct ForceRow: Hashable, Sendable {
    /// The force; `nil` for the total row and for incidents with no known force.
    public var force: ForceCode?
    public var name: String
    /// Homes in the register whose `police_force` is this force.
    public var homes = 0
    /// Their registered places (homes without a number add nothing).
    public var places = 0
    /// Children in `children.csv` whose current placement is one of those homes and whose
    /// responsible authority is not the home's host authority.
    public var childrenPlacedByOtherAuthorities = 0
    /// Incidents in the period whose force (the home's, else the reporting force) is this one.
    public var incidents = 0
    /// Of those, known to the police only.
    public var policeOnly = 0
}

/// The police register of homes: per force, the homes in its area with their places, the
/// children other authorities placed there, and the period's incidents; and for each force the
/// list of its homes with names and addresses, to hand to the police.
public struct ForceRegister: Sendable {
    public let scope: ReportScope
    /// Forces in code order (register forces always; others only with incidents), then
    /// "Force unknown" when incidents lack a force.
    public let rows: [ForceRow]
    public let total: ForceRow
    /// Each force's homes from the register, by name.
    public let homes: [ForceCode: [Home]]

    /// One pass over the scope's incidents and one over the registers: O(n + homes + children).
    public init(_ data: ReportData, scope: ReportScope) {
        self.scope = scope
        let unknown = data.forces.count
        var rows = data.forces.map { ForceRow(force: $0, name: data.registers.forces[$0]?.name ?? $0.rawValue) }
        rows.append(ForceRow(force: nil, name: "Force unknown"))
        var total = ForceRow(force: nil, name: "All forces")
        var position: [ForceCode: Int] = [:]
        for (k, code) in data.forces.enumerated() { position[code] = k }
        var homes: [ForceCode: [Home]] = [:]
        for home in data.registers.homes.values {
            guard let force = home.policeForce, let k = position[force] else { continue }
            rows[k].homes += 1
            rows[k].places += home.places ?? 0
            homes[force, default: []].append(home)
        }
        for child in data.children {
            guard let urn = child.placement, let home = data.registers.homes[urn], let force = home.policeForce,
                  let k = position[force], let host = home.localAuthority, host != child.localAuthority else { continue }
            rows[k].childrenPlacedByOtherAuthorities += 1
        }
        data.forEach(in: scope) { fact, _, _ in
            let g = fact.force >= 0 ? Int(fact.force) : unknown
            rows[g].incidents += 1
            total.incidents += 1
            if fact.provenance == 1 {
                rows[g].policeOnly += 1
                total.policeOnly += 1
            }
        }
        for row in rows {
            total.homes += row.homes
            total.places += row.places
            total.childrenPlacedByOtherAuthorities += row.childrenPlacedByOtherAuthorities
        }
        let registered = data.registers.forces
        self.rows = rows.filter { row in row.force.map { registered[$0] != nil } ?? false || row.incidents > 0 }
        self.total = total
        self.homes = homes.mapValues { $0.sorted { ($0.name, $0.urn) < ($1.name, $1.urn) } }
    }
}
