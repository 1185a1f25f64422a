import Foundation
import Testing
@testable import IncidentModel

/// What makes figures partial, said in one line (``DataGaps``).
struct DataGapsTests {
    static let rejectedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/rejected").path

    static func gaps(_ dataset: Dataset) -> DataGaps {
        let linked = IncidentLinker().link(dataset)
        return DataGaps(
            incidents: linked.incidents, registers: linked.registers,
            rejected: dataset.reports.map { DataGaps.Rejected(source: $0.file, rows: $0.rejected) }, zone: Fixture.zone)
    }

    @Test func rejectedRowsAreCountedPerFileAndNamedInTheNotice() throws {
        let dataset = try DatasetLoader.load(paths: [Self.rejectedFolder], zone: Fixture.zone)
        let gaps = Self.gaps(dataset)
        #expect(gaps.gaps == [.rejectedRows([DataGaps.Rejected(source: "la_episodes.csv", rows: 3)])])
        #expect(gaps.rejectedRows == 3)
        let notice = try #require(gaps.notice)
        #expect(notice == "partial figures: 3 rows rejected and left out (la_episodes.csv 3); see mfc quality")
        #expect(!notice.contains("Olivia") && !notice.contains("\n"))
    }

    @Test func completeDataHaveNoNotice() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: Rows.child("C1", home: "SC000001"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", home: "SC000001", ref: "P1"),
            police: Rows.police("P1", seen: "01/03/2024 10:30", found: "01/03/2024 11:30")))
        let gaps = Self.gaps(dataset)
        #expect(gaps.isComplete)
        #expect(gaps.notice == nil)
    }

    @Test func missingRegistersAreGapsWithTheirCounts() throws {
        var files = Fixture.files(
            children: Rows.child("C1", home: "SC000001"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", home: "SC000001"),
            police: Rows.police("P9", forename: "Kim", surname: "Ray", seen: "01/03/2024 10:30", found: "01/03/2024 11:30"))
        files["homes.csv"] = nil
        files["authorities.csv"] = nil
        let gaps = Self.gaps(try Fixture.load(files))
        #expect(gaps.gaps.contains(.noHomesRegister(unplaced: 2)))
        #expect(gaps.gaps.contains(.noAuthoritiesRegister(authorities: 1)))
        #expect(gaps.notice?.contains("no homes register: 2 incidents") == true)
    }

    @Test func oneSideAloneCannotBeKnownToBoth() throws {
        let gaps = Self.gaps(try Fixture.load(Fixture.files(
            children: Rows.child("C1"), episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00"))))
        #expect(gaps.gaps == [.noPoliceReports(incidents: 1)])
    }

    @Test func sourcesThatDoNotOverlapInTimeCannotPair() throws {
        let gaps = Self.gaps(try Fixture.load(Fixture.files(
            children: Rows.child("C1"),
            episodes: Rows.episode("E1", start: "01/03/2023 10:00", end: "01/03/2023 12:00")
                + Rows.episode("E2", start: "01/04/2023 10:00", end: "01/04/2023 12:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:30", found: "01/03/2024 11:30"))))
        #expect(gaps.gaps == [.noOverlapInTime(
            la: Fixture.date("2023-03-01")...Fixture.date("2023-04-01"),
            police: Fixture.date("2024-03-01")...Fixture.date("2024-03-01"))])
        #expect(gaps.notice?.contains("do not overlap in time") == true)
    }
}
