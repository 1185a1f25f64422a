/// Names and formatting for showing incidents: the registers and the display time zone.
public struct IncidentCatalogue: Sendable {
    public let registers: Registers
    public let formatter: TimestampFormatter

    public init(registers: Registers, zone: LocalTimeZone) {
        self.registers = registers
        self.formatter = TimestampFormatter(zone: zone)
    }

    /// The home's name, or its URN when the register lacks it, or `""`.
    public func homeName(_ urn: HomeURN?) -> String {
        guard let urn else { return "" }
        return registers.homes[urn]?.name ?? urn.rawValue
    }

    /// The authority's name, or its code when the register lacks it.
    public func authorityName(_ code: AuthorityCode) -> String { registers.authorities[code]?.name ?? code.rawValue }

    /// The force's name, or its code when the register lacks it.
    public func forceName(_ code: ForceCode) -> String { registers.forces[code]?.name ?? code.rawValue }

    /// The child's age in whole years on the incident's start date, when the date of birth is known.
    public func age(of incident: CombinedIncident) -> Int? {
        guard let dob = incident.person.dateOfBirth else { return nil }
        return dob.age(on: formatter.zone.local(incident.start).date)
    }
}
