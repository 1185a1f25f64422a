import Testing
@testable import IncidentModel

/// Incidents built by hand for the query tests.
enum QueryFixture {
    static func incident(
        _ id: String, start: String, hours: Double? = 2, provenance: Provenance = .both, home: HomeURN? = "SC000001",
        authority: AuthorityCode? = "916", force: ForceCode? = "GLO", risk: RiskLevel? = nil, given: String = "Amy",
        family: String = "Smith", dob: String? = "2010-02-01"
    ) -> CombinedIncident {
        let begin = Fixture.instant(start)
        return CombinedIncident(
            id: IncidentID(id), provenance: provenance, child: nil,
            person: PersonSummary(givenName: given, familyName: family, dateOfBirth: dob.map(Fixture.date), sex: .female),
            responsibleAuthority: authority, home: home, hostAuthority: "916", force: force, start: begin,
            end: hours.map { begin.adding(seconds: Int64($0 * 3600)) }, highestRisk: risk, returnInterview: .notRecorded,
            cseConcern: false, discrepancies: [], episodeIDs: [], policeRefs: [])
    }

    static let registers: Registers = {
        var dataset = Dataset()
        dataset.homes = [
            Home(urn: "SC000001", name: "Willow House"), Home(urn: "SC000002", name: "Oak Lodge"),
            Home(urn: "SC000003", name: "Willow Court"),
        ]
        dataset.authorities = [
            Authority(code: "916", name: "Gloucestershire"), Authority(code: "330", name: "Birmingham"),
            Authority(code: "885", name: "Worcestershire"),
        ]
        dataset.forces = [PoliceForce(code: "GLO", name: "Gloucestershire Constabulary"), PoliceForce(code: "WMP", name: "West Midlands Police")]
        return Registers(dataset)
    }()

    static let catalogue = IncidentCatalogue(registers: registers, zone: .europeLondon)

    static let incidents: [CombinedIncident] = [
        incident("L-1", start: "01/03/2024 10:00", hours: 5, provenance: .both, home: "SC000001", authority: "916", force: "GLO", risk: .high, given: "Zoe", dob: "2012-06-01"),
        incident("L-2", start: "02/03/2024 10:00", hours: nil, provenance: .laOnly, home: "SC000002", authority: "330", force: "GLO", given: "amy", dob: "2008-01-01"),
        incident("P-3", start: "03/03/2024 10:00", hours: 1, provenance: .policeOnly, home: nil, authority: nil, force: "WMP", risk: .low, given: "Bea", dob: nil),
        incident("L-4", start: "01/03/2024 10:00", hours: 5, provenance: .both, home: "SC000003", authority: "916", force: "WMP", risk: .medium, given: "Cat", dob: "2012-06-01"),
        incident("L-5", start: "04/03/2024 10:00", hours: 30, provenance: .laOnly, home: "SC000001", authority: "330", force: "GLO", given: "Dan", dob: "2011-01-01"),
    ]
}

struct IncidentFilterTests {
    func ids(_ filter: IncidentFilter) -> [String] { filter.apply(QueryFixture.incidents).map(\.id.rawValue) }

    @Test func letsEverythingThroughWhenEmpty() {
        #expect(IncidentFilter().isEmpty)
        #expect(ids(IncidentFilter()) == ["L-1", "L-2", "P-3", "L-4", "L-5"])
    }

    @Test(arguments: [
        (IncidentFilter(homes: ["SC000001"]), ["L-1", "L-5"]),
        (IncidentFilter(homes: ["SC000001", "SC000003"]), ["L-1", "L-4", "L-5"]),
        (IncidentFilter(authorities: ["330"]), ["L-2", "L-5"]),
        (IncidentFilter(forces: ["WMP"]), ["P-3", "L-4"]),
        (IncidentFilter(risks: [.high, .medium]), ["L-1", "L-4"]),
        (IncidentFilter(risks: [nil]), ["L-2", "L-5"]),
        (IncidentFilter(provenances: [.policeOnly, .laOnly]), ["L-2", "P-3", "L-5"]),
        (IncidentFilter(homes: ["SC000001"], provenances: [.laOnly]), ["L-5"]),
        (IncidentFilter(authorities: ["916"], forces: ["GLO"]), ["L-1"]),
        (IncidentFilter(forces: ["GLO"], risks: [nil], provenances: [.laOnly]), ["L-2", "L-5"]),
        (IncidentFilter(homes: ["SC000002"], forces: ["WMP"]), []),
    ])
    func combinesSetsWithAndValuesWithOr(_ filter: IncidentFilter, _ expected: [String]) {
        #expect(ids(filter) == expected)
    }

    @Test(arguments: [
        (IncidentFilter(unknownHome: true), ["P-3"]),
        (IncidentFilter(homes: ["SC000002"], unknownHome: true), ["L-2", "P-3"]),
        (IncidentFilter(forces: ["GLO"], unknownHome: true), []),
    ])
    func theUnknownHomeIsAValueOfTheHomes(_ filter: IncidentFilter, _ expected: [String]) {
        #expect(filter.narrowsHomes && !filter.isEmpty)
        #expect(ids(filter) == expected)
    }

    // L-2 and L-5 are placed by 330 in 916's area; P-3's authority is unknown, so its area is too.
    static let flagCases: [(Set<IncidentFlag>, [String])] = [
        ([.outOfArea], ["L-2", "L-5"]),
        ([.outOfArea, .ongoing], ["L-2"]),
        ([.ongoing], ["L-2"]),
        ([.highRisk], ["L-1"]),
        ([.cse], []),
        ([.discrepancy], []),
    ]

    @Test(arguments: flagCases)
    func flagsMustAllHold(_ flags: Set<IncidentFlag>, _ expected: [String]) {
        #expect(ids(IncidentFilter(flags: flags)) == expected)
        for incident in QueryFixture.incidents {
            let bits = IncidentFlag.allCases.filter { $0.holds(for: incident) }.reduce(UInt8(0)) { $0 | $1.bit }
            #expect((bits & IncidentFlag.mask(flags) == IncidentFlag.mask(flags)) == expected.contains(incident.id.rawValue))
        }
    }

    @Test func describesTheUnknownHomeAndTheFlags() {
        let filter = IncidentFilter(homes: ["SC000002"], unknownHome: true, flags: [.ongoing, .cse])
        #expect(filter.descriptions(in: QueryFixture.catalogue) == [
            "home: Oak Lodge (SC000002), home not known", "flags (all of): CSE concern, ongoing: still missing",
        ])
    }

    @Test func usesAHalfOpenPeriod() {
        let from = Fixture.instant("02/03/2024 10:00"), to = Fixture.instant("04/03/2024 10:00")
        #expect(ids(IncidentFilter(from: from, to: to)) == ["L-2", "P-3"])
        #expect(ids(IncidentFilter(from: from)) == ["L-2", "P-3", "L-5"])
        #expect(ids(IncidentFilter(to: from)) == ["L-1", "L-4"])
        #expect(ids(IncidentFilter(forces: ["GLO"], from: from, to: to)) == ["L-2"])
    }

    @Test func dropsIncidentsWithAnUnknownValueWhenThatValueIsFiltered() {
        #expect(!IncidentFilter(homes: ["SC000001"]).matches(QueryFixture.incidents[2]))
        #expect(!IncidentFilter(authorities: ["916"]).matches(QueryFixture.incidents[2]))
    }
}

struct IncidentSortTests {
    func ids(_ column: IncidentColumn, descending: Bool = false) -> [String] {
        IncidentSort(column: column, descending: descending)
            .apply(QueryFixture.incidents, in: QueryFixture.catalogue).map(\.id.rawValue)
    }

    @Test(arguments: [
        // Ties (L-1 and L-4 start together) break by start then id, in both directions.
        (IncidentColumn.start, ["L-1", "L-4", "L-2", "P-3", "L-5"], ["L-5", "P-3", "L-2", "L-1", "L-4"]),
        (.duration, ["P-3", "L-1", "L-4", "L-5", "L-2"], ["L-2", "L-5", "L-1", "L-4", "P-3"]),
        (.child, ["L-2", "P-3", "L-4", "L-5", "L-1"], ["L-1", "L-5", "L-4", "P-3", "L-2"]),
        (.age, ["P-3", "L-1", "L-4", "L-5", "L-2"], ["L-2", "L-5", "L-1", "L-4", "P-3"]),
        (.home, ["P-3", "L-2", "L-4", "L-1", "L-5"], ["L-1", "L-5", "L-4", "L-2", "P-3"]),
        (.authority, ["P-3", "L-2", "L-5", "L-1", "L-4"], ["L-1", "L-4", "L-2", "L-5", "P-3"]),
        (.force, ["L-1", "L-2", "L-5", "L-4", "P-3"], ["L-4", "P-3", "L-1", "L-2", "L-5"]),
        (.provenance, ["L-1", "L-4", "L-2", "L-5", "P-3"], ["P-3", "L-2", "L-5", "L-1", "L-4"]),
        (.risk, ["L-2", "L-5", "P-3", "L-4", "L-1"], ["L-1", "L-4", "P-3", "L-2", "L-5"]),
        (.id, ["L-1", "L-2", "L-4", "L-5", "P-3"], ["P-3", "L-5", "L-4", "L-2", "L-1"]),
    ])
    func sortsByEachColumnBothWays(_ column: IncidentColumn, _ ascending: [String], _ descending: [String]) {
        #expect(ids(column) == ascending)
        #expect(ids(column, descending: true) == descending)
    }

    @Test func breaksTiesByStartInBothDirections() {
        // All but P-3 share a return-interview value; ties run by start, then id.
        #expect(ids(.returnInterview) == ["L-1", "L-4", "L-2", "P-3", "L-5"])
        #expect(ids(.returnInterview, descending: true) == ["L-1", "L-4", "L-2", "P-3", "L-5"])
    }

    @Test func givesAPermutationOfTheInput() {
        for column in IncidentColumn.allCases {
            let order = IncidentSort(column: column).permutation(QueryFixture.incidents, in: QueryFixture.catalogue)
            #expect(order.sorted() == Array(QueryFixture.incidents.indices))
        }
    }

    @Test func formatsCells() {
        let incident = QueryFixture.incidents[0]
        let catalogue = QueryFixture.catalogue
        #expect(IncidentColumn.start.text(incident, in: catalogue) == "2024-03-01 10:00")
        #expect(IncidentColumn.duration.text(incident, in: catalogue) == "5h 0m")
        #expect(IncidentColumn.duration.text(QueryFixture.incidents[1], in: catalogue) == "ongoing")
        #expect(IncidentColumn.age.text(incident, in: catalogue) == "11")
        #expect(IncidentColumn.home.text(incident, in: catalogue) == "Willow House")
        #expect(IncidentColumn.authority.text(incident, in: catalogue) == "Gloucestershire")
        #expect(IncidentColumn.force.text(incident, in: catalogue) == "Gloucestershire Constabulary")
        #expect(IncidentColumn.provenance.text(QueryFixture.incidents[2], in: catalogue) == "police only")
        #expect(IncidentColumn.risk.text(incident, in: catalogue) == "high")
    }

    @Test(arguments: [(0.75, "45m"), (5.5, "5h 30m"), (30, "1d 6h"), (0, "0m"), (48.01, "2d 0h")])
    func writesDurations(_ hours: Double, _ text: String) {
        #expect(IncidentColumn.durationText(hours) == text)
    }
}

struct RegisterLookupTests {
    let registers = QueryFixture.registers

    @Test func findsByCodeInAnyCase() throws {
        #expect(try registers.home(matching: "sc000002") == "SC000002")
        #expect(try registers.authority(matching: " 330 ") == "330")
        #expect(try registers.force(matching: "wmp") == "WMP")
    }

    @Test func findsByExactName() throws {
        #expect(try registers.home(matching: "willow house") == "SC000001")
        #expect(try registers.authority(matching: "Birmingham") == "330")
    }

    @Test func findsByUniqueSubstring() throws {
        #expect(try registers.home(matching: "oak") == "SC000002")
        #expect(try registers.authority(matching: "worcester") == "885")
        #expect(try registers.force(matching: "midlands") == "WMP")
    }

    @Test func listsCandidatesWhenAmbiguous() {
        #expect(throws: LookupError.ambiguous(kind: "home", text: "Willow", candidates: ["SC000001 Willow House", "SC000003 Willow Court"])) {
            try registers.home(matching: "Willow")
        }
        let error = LookupError.ambiguous(kind: "authority", text: "shire", candidates: ["885 Worcestershire", "916 Gloucestershire"])
        #expect(error.description == "\"shire\" matches 2 authorities: 885 Worcestershire, 916 Gloucestershire; give the code or more of the name")
    }

    @Test func explainsWhenNothingMatches() {
        #expect(throws: LookupError.self) { try registers.force(matching: "Kent") }
        do {
            _ = try registers.home(matching: "Elm")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "no home matches \"Elm\"; give an Ofsted URN (SC123456) or part of the home's name")
        }
    }
}

struct ChildColumnTests {
    @Test func showsTheNameOrForANamelessChildItsID() {
        var named = QueryFixture.incident("L-1", start: "01/03/2024 10:00")
        named.child = "C-7"
        #expect(IncidentColumn.child.text(named, in: QueryFixture.catalogue) == "Amy Smith")
        var nameless = QueryFixture.incident("L-2", start: "01/03/2024 10:00", given: "", family: "")
        #expect(IncidentColumn.child.text(nameless, in: QueryFixture.catalogue) == "")
        nameless.child = "566910"
        #expect(IncidentColumn.child.text(nameless, in: QueryFixture.catalogue) == "(no name) 566910")
    }
}
