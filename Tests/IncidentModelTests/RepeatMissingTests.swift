import Testing
@testable import IncidentModel

/// "3 or more incidents in 90 days" marked on incidents, on hand-made incidents whose answers
/// are worked out in each test.
struct RepeatMissingTests {
    static func incident(_ id: String, _ start: String, given: String = "Amy", dob: String = "2010-02-01", child: ChildID? = nil)
        -> CombinedIncident
    {
        var incident = QueryFixture.incident(id, start: start, given: given, dob: dob)
        incident.child = child
        return incident
    }

    static func flagged(_ incidents: [CombinedIncident]) -> [String] {
        let flags = RepeatMissing.flags(incidents)
        return incidents.indices.filter { flags[$0] }.map { incidents[$0].id.rawValue }
    }

    @Test func threeStartsWithinExactlyNinetyDaysAreARun() {
        // 1 Nov 2023 10:00 to 30 Jan 2024 10:00 is 30 + 31 + 29 days = 90 days (GMT throughout).
        let incidents = [
            Self.incident("A1", "01/11/2023 10:00"), Self.incident("A2", "15/12/2023 10:00"), Self.incident("A3", "30/01/2024 10:00"),
        ]
        #expect(Self.flagged(incidents) == ["A1", "A2", "A3"])
    }

    @Test func aMinuteOverNinetyDaysIsNotARun() {
        let incidents = [
            Self.incident("B1", "01/11/2023 10:00"), Self.incident("B2", "01/12/2023 10:00"), Self.incident("B3", "30/01/2024 10:01"),
        ]
        #expect(Self.flagged(incidents).isEmpty)
    }

    @Test func onlyTheIncidentsOfARunAreMarked() {
        // B1..B3 span 90 days and a minute; B2, B3, B4 span 71 days: B1 stays unmarked.
        // A fifth, 200 days later, is alone.
        let incidents = [
            Self.incident("B1", "01/11/2023 10:00"), Self.incident("B2", "01/12/2023 10:00"), Self.incident("B3", "30/01/2024 10:01"),
            Self.incident("B4", "10/02/2024 10:00"), Self.incident("B5", "28/08/2024 10:00"),
        ]
        #expect(Self.flagged(incidents) == ["B2", "B3", "B4"])
    }

    @Test func twoChildrenInterleavedAreCountedApart() {
        // Four incidents within a month, but two each: no run. The same name with another date
        // of birth is another person; "amy" and "Amy" with one date of birth are one.
        let incidents = [
            Self.incident("C1", "01/11/2023 10:00"), Self.incident("D1", "02/11/2023 10:00", dob: "2011-05-05"),
            Self.incident("C2", "03/11/2023 10:00", given: "amy"), Self.incident("D2", "04/11/2023 10:00", dob: "2011-05-05"),
        ]
        #expect(Self.flagged(incidents).isEmpty)
        let third = incidents + [Self.incident("C3", "05/11/2023 10:00", given: "AMY")]
        #expect(Self.flagged(third) == ["C1", "C2", "C3"])
    }

    @Test func theAuthoritysChildIdDecidesOverTheName() {
        // Three incidents of child K1 under different spellings, and three of the same name
        // split between K1 and K2.
        let incidents = [
            Self.incident("K1a", "01/11/2023 10:00", given: "Kayleigh", child: "K1"),
            Self.incident("K2a", "02/11/2023 10:00", given: "Kayleigh", child: "K2"),
            Self.incident("K1b", "03/11/2023 10:00", given: "Kayley", child: "K1"),
            Self.incident("K1c", "04/11/2023 10:00", given: "Kay", child: "K1"),
            Self.incident("N1", "05/11/2023 10:00", given: "Kayleigh"),
        ]
        #expect(Self.flagged(incidents) == ["K1a", "K1b", "K1c"])
    }

    @Test func linkedIncidentsCarryTheMarkAndFiltersAndExportsUseIt() throws {
        // The report fixture's C1 has incidents on 10 Jan, 1 Feb and 15 Mar 2024: 65 days.
        let incidents = ReportFixture.linked.incidents
        let marked = incidents.filter(\.isRepeat)
        #expect(marked.map(\.child) == ["C1", "C1", "C1"])
        #expect(IncidentFilter(repeatsOnly: true).apply(incidents) == marked)
        let catalogue = IncidentCatalogue(registers: ReportFixture.linked.registers, zone: ReportFixture.zone)
        #expect(incidents.map { IncidentColumn.repeatMissing.text($0, in: catalogue) }.filter { $0 == "yes" }.count == 3)
        let exporter = IncidentExporter(catalogue: catalogue)
        let column = try #require(IncidentExporter.header.firstIndex(of: "repeat_3_in_90_days"))
        for incident in incidents {
            #expect(exporter.cells(incident)[column] == .formatted(incident.isRepeat ? "Y" : "N"))
        }
        // The reports follow the filter: the scorecard counts the three, of one child.
        var filter = IncidentFilter()
        filter.repeatsOnly = true
        let scorecard = AuthorityScorecard(ReportFixture.data, scope: ReportScope(period: ReportFixture.period, filter: filter))
        #expect(scorecard.total.incidents == 3)
        #expect(scorecard.total.childrenRepeatedIn90Days == 1)
    }
}

extension RepeatMissingTests {
    /// The linker marks incidents from the child numbers it already has; on generated data
    /// (police-only incidents with and without a linked child among them) that gives exactly the
    /// marks found by child id and name, and incidents of each kind are marked. The rules leave
    /// some reports of this data unlinked (the model links them all), so both kinds occur.
    @Test func linkersMarkEqualsTheMarkByIdAndName() throws {
        let folder = try TemporaryDirectory()
        try SyntheticGenerator.write(GeneratorConfiguration(seed: 31, children: 300), to: folder.path, replace: true)
        let linked = IncidentLinker(personLinker: DeterministicPersonLinker()).link(try DatasetLoader.load(paths: [folder.path], zone: .europeLondon))
        let byIdAndName = RepeatMissing.flags(linked.incidents)
        #expect(linked.incidents.map(\.isRepeat) == byIdAndName)
        let marked = linked.incidents.filter(\.isRepeat)
        #expect(marked.contains { $0.provenance == .both })
        #expect(marked.contains { $0.provenance == .policeOnly })
        #expect(linked.incidents.contains { $0.child == nil })
        #expect(linked.incidents.contains { !$0.isRepeat })
    }

    @Test func marksWhatEachChildsOwnIncidentsGive() {
        // Many children's incidents interleaved in start order (the mark shares the children
        // among the cores), checked against each child's incidents taken on their own.
        var random = SeededRandom(seed: 90)
        let base = Self.incident("X", "01/01/2024 00:00")
        var seconds = base.start.secondsSinceEpoch
        var incidents: [CombinedIncident] = []
        for n in 0..<20_000 {
            seconds += Int64(random.below(3 * 3600))
            var incident = base
            incident.id = IncidentID("X\(n)")
            incident.child = ChildID("C\(random.below(400))")
            incident.start = Instant(secondsSinceEpoch: seconds)
            incidents.append(incident)
        }
        var expected = [Bool](repeating: false, count: incidents.count)
        var byChild: [ChildID: [Int]] = [:]
        for (i, incident) in incidents.enumerated() { byChild[incident.child ?? "", default: []].append(i) }
        for own in byChild.values {
            for k in own.indices.dropFirst(2)
            where incidents[own[k]].start.secondsSinceEpoch - incidents[own[k - 2]].start.secondsSinceEpoch <= RepeatMissing.window {
                for m in (k - 2)...k { expected[own[m]] = true }
            }
        }
        #expect(expected.contains(true) && expected.contains(false))
        #expect(RepeatMissing.flags(incidents) == expected)
    }
}
