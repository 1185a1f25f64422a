import IncidentModel
import Testing
@testable import Dashboard

/// The dashboard counts who is still missing as the library does (``StillMissing``).
struct StillMissingScreenTests {
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        Fixture.at(year, month, day, hour, minute)
    }

    /// C1: E0 left open, then E1 (ended; its police report P1 still open), then E2 open, the
    /// child's latest.
    static let dataset = Dataset(
        forces: [PoliceForce(code: "F1", name: "Testshire Police")],
        authorities: [Authority(code: "901", name: "Northtown")],
        homes: [Home(urn: "SC000001", name: "Oak House", localAuthority: "901", policeForce: "F1")],
        children: [
            Child(id: "C1", localAuthority: "901", givenName: "Amy", familyName: "Able", dateOfBirth: Fixture.dob(2010, 1, 1),
                  sex: .female, placement: "SC000001")
        ],
        episodes: [
            LAEpisode(id: "E0", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2025, 6, 1, 10), placement: "SC000001"),
            LAEpisode(id: "E1", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2025, 6, 7, 10),
                      endedAt: at(2025, 6, 9, 12), placement: "SC000001", policeRef: "P1", returnInterviewOffered: true),
            LAEpisode(id: "E2", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2025, 7, 1, 10), placement: "SC000001"),
        ],
        policeReports: [
            PoliceReport(ref: "P1", force: "F1", forename: "Amy", surname: "Able", dateOfBirth: Fixture.dob(2010, 1, 1), sex: .female,
                         missingFrom: "Oak House", lastSeenAt: at(2025, 6, 7, 10, 30), reportedAt: at(2025, 6, 7, 11))
        ]
    )

    @Test func incidentsAndScorecardShowTheLibrarysStillMissing() throws {
        let linked = IncidentLinker().link(Self.dataset)
        #expect(StillMissing.count(linked.incidents) == 1)
        let catalogue = IncidentCatalogue(registers: linked.registers, zone: Fixture.zone)
        var state = AppState(index: IncidentIndex(linked: linked, catalogue: catalogue), width: 80, height: 24)
        state.runJobs(state.send(.started))
        let lines = render(state).lines
        #expect(lines.filter { $0.contains("Amy Able") }.count == 3)
        #expect(lines.filter { $0.contains("ongoing") }.count == 1)
        #expect(lines.filter { $0.contains("no end") }.count == 1)
        state.send(.key(.character("2")))
        let table = try #require(state.reportTable)
        let column = try #require(table.column(named: "still_missing"))
        #expect(table.total?.values[column] == .count(StillMissing.count(linked.incidents)))
    }
}
