import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

struct PurgeTests {
    /// Midnight starting 1 January 2024, Europe/London (GMT).
    static let cutoff = Instant(secondsSinceEpoch: 1_704_067_200)

    let directory: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        directory = try TemporaryDirectory()
        workspace = try StoreFixture.importedWorkspace(in: directory)
        // A later extract with another spelling of Zephyrina's surname, so that history holds it.
        var later = StoreFixture.extract
        later["police_reports.csv"] = StoreFixture.police.replacingOccurrences(of: "P1,GLO,Zephyrina,Quillfeather", with: "P1,GLO,Zephyrina,Quilfeathers")
        _ = try workspace.importFiles(
            [try directory.folder("later", later)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
    }

    /// The bytes of the workspace file and its WAL and shared-memory files, as Latin-1 text.
    func fileText() throws -> String {
        var text = ""
        for suffix in ["", "-wal", "-shm"] where Workspace.fileExists(at: workspace.path + suffix) {
            let data = try Data(contentsOf: URL(fileURLWithPath: workspace.path + suffix))
            text += String(decoding: data.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        }
        return text
    }

    @Test func removesIncidentsEndedBeforeTheDateWithTheirRowsAndHistory() throws {
        try workspace.decide(SourcePair(policeRef: "P1", episodeID: "E1"), .accept, reason: "checked", attribution: StoreFixture.analyst())
        let result = try workspace.purge(before: Self.cutoff, dryRun: false, attribution: StoreFixture.analyst())
        #expect(result == PurgeResult(
            incidents: 2, episodes: 1, policeReports: 2, children: 1, historyRows: 1, decisions: 1, rejectedRows: 2))
        // Both imports rejected a duplicate P4 row, which names a removed report; the duplicate
        // E2 row names a kept episode.
        #expect(try workspace.rejectedRows().map(\.fields.first) == ["E2"])
        let dataset = try workspace.dataset()
        #expect(dataset.episodes.map(\.id) == ["E2", "E3"])
        #expect(dataset.policeReports.map(\.ref) == ["P2"])
        #expect(dataset.children.map(\.id) == ["C2"])
        #expect(try workspace.versions(of: .policeReports, id: "P1").isEmpty)
        #expect(try workspace.decisions().isEmpty)
        let purge = try #require(try workspace.auditLog(actions: [.purge]).first)
        #expect(purge.rows == 4)
        #expect(purge.detail.contains("2024-01-01 00:00"))
    }

    @Test(.enabled(if: StoreFixture.engine == .sqlite, "a SQLite file's bytes; PostgreSQL's VACUUM is the server's"))
    func leavesNoTraceOfTheRemovedNamesInTheFile() throws {
        let before = try fileText()
        #expect(before.contains("Quillfeather") && before.contains("Quilfeathers") && before.contains("Vexleigh"))
        _ = try workspace.purge(before: Self.cutoff, dryRun: false, attribution: StoreFixture.analyst())
        let after = try fileText()
        for name in ["Zephyrina", "Quillfeather", "Quilfeathers", "Hortensia", "Vexley", "Hortense", "Vexleigh"] {
            #expect(!after.contains(name), "\(name) left in the file")
        }
        // The kept child is still there: the search can find names.
        #expect(after.contains("Oddlestone"))
    }

    @Test func keepsOngoingAndLaterIncidents() throws {
        _ = try workspace.purge(before: Instant(secondsSinceEpoch: 1_900_000_000), dryRun: false, attribution: StoreFixture.analyst())
        let incidents = try workspace.link().incidents
        #expect(incidents.map(\.id) == ["L-E3"])
        #expect(incidents.first?.isStillMissing == true)
    }

    @Test func dryRunCountsAndChangesNothing() throws {
        let before = try workspace.contents()
        let result = try workspace.purge(before: Self.cutoff, dryRun: true, attribution: StoreFixture.analyst())
        #expect(result.incidents == 2)
        #expect(try workspace.contents() == before)
    }
}
