import Testing
@testable import IncidentModel

/// The one definition of "still missing" (docs/figures.md), and the same count everywhere.
struct StillMissingTests {
    /// Child C1: E0 left open, then E1 (the authority recorded the return and the interview;
    /// the police report P1 is still open), E2 ended, and E3 open, the child's latest. A person
    /// the authority does not know (Kim Ray) has an open report P9 and a later one P10.
    static func linked() throws -> LinkedData {
        try Fixture.link(Fixture.files(
            children: Rows.child("C1", home: "SC000001"),
            episodes: Rows.episode("E0", start: "01/06/2025 10:00", home: "SC000001")
                + Rows.episode(
                    "E1", start: "07/06/2025 10:00", end: "09/06/2025 12:00", home: "SC000001", ref: "P1", offered: "Y",
                    completed: "09/06/2025 15:00")
                + Rows.episode("E2", start: "20/06/2025 10:00", end: "20/06/2025 18:00", home: "SC000001")
                + Rows.episode("E3", start: "01/07/2025 10:00", home: "SC000001"),
            police: Rows.police("P1", from: "Willow House", seen: "07/06/2025 10:30")
                + Rows.police("P9", forename: "Kim", surname: "Ray", dob: "05/05/2011", seen: "02/06/2025 10:00")
                + Rows.police(
                    "P10", forename: "Kim", surname: "Ray", dob: "05/05/2011", seen: "12/06/2025 10:00",
                    found: "12/06/2025 20:00")))
    }

    @Test func oneSourceEndedMeansTheIncidentEndedThere() throws {
        let incident = try #require(try Self.linked().incident("L-E1"))
        #expect(incident.provenance == .both)
        #expect(incident.policeRefs == ["P1"])
        #expect(incident.end == Fixture.instant("09/06/2025 12:00"))
        #expect(!incident.isStillMissing)
        #expect(incident.discrepancies.contains(.openAndClosed))
        #expect(incident.returnInterview == .completedInTime)
    }

    @Test func anOpenRecordFollowedByALaterIncidentIsADiscrepancyNotAMissingChild() throws {
        let linked = try Self.linked()
        let open = try #require(linked.incident("L-E0"))
        #expect(open.end == nil)
        #expect(!open.isStillMissing)
        #expect(open.discrepancies.contains(.openThenLater))
        #expect(open.discrepancies.labels.contains("open, later incident"))
        let police = try #require(linked.incident("P-P9"))
        #expect(police.child == nil)
        #expect(!police.isStillMissing && police.discrepancies.contains(.openThenLater))
    }

    @Test func onlyTheChildsLatestOpenIncidentIsStillMissing() throws {
        let linked = try Self.linked()
        #expect(linked.incidents.filter(\.isStillMissing).map(\.id) == ["L-E3"])
        #expect(StillMissing.count(linked.incidents) == 1)
        let latest = try #require(linked.incident("L-E3"))
        #expect(latest.discrepancies.isEmpty)
    }

    @Test func summaryAndScorecardCountTheSameStillMissing() throws {
        let linked = try Self.linked()
        let data = ReportData(linked: linked, zone: Fixture.zone)
        let period = try #require(data.defaultPeriod)
        #expect(linked.incidents.allSatisfy { period.contains($0.start) })
        let scorecard = AuthorityScorecard(data, scope: ReportScope(period: period))
        #expect(scorecard.total.stillMissing == StillMissing.count(linked.incidents))
        #expect(scorecard.rows.reduce(0) { $0 + $1.stillMissing } == 1)
        let table = scorecard.table(zone: Fixture.zone)
        let column = try #require(table.column(named: "still_missing"))
        #expect(table.total?.values[column] == .count(1))
    }

    @Test func incidentsKeptWithoutTheMarkAreMarkedAgain() throws {
        // Incidents read back from elsewhere (a workspace's snapshot of an older format) get
        // the same mark when they become linked data.
        let linked = try Self.linked()
        var unmarked = linked.incidents
        for k in unmarked.indices { unmarked[k].discrepancies.remove(.openThenLater) }
        let again = LinkedData(
            dataset: linked.dataset, registers: linked.registers, incidents: unmarked, personLinks: linked.personLinks)
        #expect(again.incidents == linked.incidents)
    }

    @Test func theExportSaysWhoIsStillMissing() throws {
        let linked = try Self.linked()
        let catalogue = IncidentCatalogue(registers: linked.registers, zone: Fixture.zone)
        let rows = Fixture.records(IncidentExporter(catalogue: catalogue).csv(linked.incidents))
        let header = try #require(rows.first?.fields)
        let column = try #require(header.firstIndex(of: "still_missing"))
        let idColumn = try #require(header.firstIndex(of: "incident_id"))
        let missing = rows.dropFirst().filter { $0.fields[column] == "Y" }.map { $0.fields[idColumn] }
        #expect(missing == ["L-E3"])
    }
}
