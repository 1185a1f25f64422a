/// Everything the generator has decided before it writes a file: the registers, the children
/// and every incident, in compact form. Times are local wall-clock minutes since 1970-01-01.
struct GeneratedWorld: Sendable {
    struct Force: Sendable {
        let code: String
        let name: String
    }

    struct Authority: Sendable {
        let code: String
        let name: String
        let town: String
        let force: Int
        let postcodeOutward: String
        /// Relative size: children and homes are drawn in proportion.
        let weight: Double
        var childrenLookedAfter = 0
    }

    struct Home: Sendable {
        let urn: String
        let name: String
        let provider: String
        /// Street address without the postcode: `<number> <street>, <town>`.
        var address: String
        /// Usually the home's alone; some homes share theirs with another home of their
        /// authority on the same street (see ``NoiseRates/sharedPostcode``).
        var postcode: String
        let authority: Int
        let rating: OfstedRating
        let places: Int
        /// How prone the home's children are to go missing, around 1.
        let missingFactor: Double
    }

    struct Child: Sendable {
        let id: String
        let authority: Int
        let givenName: Int32
        let familyName: String
        let dob: CivilDate
        let sex: Sex
        let home: Int32
        /// The home before a move during the period, or -1.
        let previousHome: Int32
        /// The minute the child moved to `home`; incidents before it are from `previousHome`.
        let movedAt: Int64
        /// Whether the child is at risk of sexual exploitation (most CSE concerns fall here).
        let cseProne: Bool
        /// Incidents of this child: `incidents[incidentStart..<incidentEnd]` before sorting.
        var incidentStart = 0
        var incidentEnd = 0

        var forename: NamePools.Forename {
            sex == .female ? NamePools.girls[Int(givenName)] : NamePools.boys[Int(givenName)]
        }

        func home(at minute: Int64) -> Int32 { previousHome >= 0 && minute < movedAt ? previousHome : home }
    }

    /// One true absence of one child.
    struct Incident: Sendable {
        enum Provenance: UInt8, Sendable {
            case both, policeOnly, laOnly
        }

        let child: Int32
        let home: Int32
        let start: Int64
        /// The true end, or -1 while the child is still missing at the end of the period.
        let end: Int64
        let provenance: Provenance
        /// Seeds the per-incident details (see ``IncidentDetails``).
        let noise: UInt64
        /// Whether the child was found in a second force's area, which filed its own report.
        let secondReport: Bool

        var isOpen: Bool { end < 0 }
        var hasEpisode: Bool { provenance != .policeOnly }
        var hasPoliceReport: Bool { provenance != .laOnly }
    }

    var forces: [Force] = []
    var authorities: [Authority] = []
    var homes: [Home] = []
    var children: [Child] = []
    var incidents: [Incident] = []
    /// The first minute after the period.
    let periodEnd: Int64
    /// The first minute of the period.
    let periodStart: Int64

    init(configuration: GeneratorConfiguration) {
        periodEnd = Int64(configuration.periodEnd.daysSinceEpoch + 1) * LocalMinute.perDay
        periodStart = periodEnd - Int64(configuration.periodDays) * LocalMinute.perDay
    }

    /// The force that polices a home's area.
    func force(ofHome home: Int) -> Int { authorities[homes[home].authority].force }
}
