import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

struct AuditLogTests {
    @Test func importsExportsAndDecisionsAppearInOrderWithTimeAndUser() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory, at: Instant(secondsSinceEpoch: 1_700_000_000))
        _ = try workspace.importFiles(
            [try directory.folder("first", StoreFixture.extract)], zone: StoreFixture.zone,
            attribution: StoreFixture.analyst("amy", at: Instant(secondsSinceEpoch: 1_700_000_100)))
        try workspace.recordExport(
            path: "/tmp/home.csv", what: "incidents as csv", filter: "home SC000001", rows: 2,
            attribution: StoreFixture.analyst("raj", at: Instant(secondsSinceEpoch: 1_700_000_200)))
        try workspace.decide(
            SourcePair(policeRef: "P2", episodeID: "E2"), .reject, reason: "Barnaby was elsewhere",
            attribution: StoreFixture.analyst("amy", at: Instant(secondsSinceEpoch: 1_700_000_300)))

        let log = try workspace.auditLog()
        #expect(log.map(\.action) == [.initialise, .importFiles, .export, .decision])
        #expect(log.map(\.user) == ["analyst1", "amy", "raj", "amy"].map(StoreFixture.recordedUser))
        #expect(log.map(\.at.secondsSinceEpoch) == [1_700_000_000, 1_700_000_100, 1_700_000_200, 1_700_000_300])
        #expect(log[1].rows == 4 + 4 + 2 + 1 + 1 + 2)
        #expect(log[1].detail.contains("la_episodes.csv"))
        #expect(log[2].path == "/tmp/home.csv")
        #expect(log[2].rows == 2)
        #expect(log[2].detail.contains("home SC000001"))
        #expect(log[3].detail.contains("P2") && log[3].detail.contains("E2"))
        #expect(try workspace.auditLog(limit: 1).map(\.action) == [.decision])
        #expect(try workspace.auditLog(actions: [.export]).count == 1)
    }

    @Test func holdsNoPersonalData() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory)
        _ = try workspace.importFiles(
            [try directory.folder("first", StoreFixture.extract)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        try workspace.decide(
            SourcePair(policeRef: "P2", episodeID: "E2"), .reject, reason: "Barnaby Oddlestone was elsewhere",
            attribution: StoreFixture.analyst())
        _ = try workspace.purge(before: Instant(secondsSinceEpoch: 1_704_067_200), dryRun: false, attribution: StoreFixture.analyst())
        let text = try workspace.auditLog().map { "\($0.detail) \($0.path ?? "")" }.joined(separator: "\n")
        for name in ["Zephyrina", "Quillfeather", "Barnaby", "Oddlestone", "Hortens", "Vexle", "2010-02-01"] {
            #expect(!text.contains(name), "\(name) in the audit log")
        }
    }

    @Test func refusesToChangeOrDeleteEntries() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory)
        let before = try workspace.auditLog()
        #expect(throws: WorkspaceError.self) { try workspace.execute(sql: "DELETE FROM audit_log") }
        #expect(throws: WorkspaceError.self) { try workspace.execute(sql: StoreFixture.sql(
            sqlite: "UPDATE audit_log SET user = 'nobody'", postgres: "UPDATE audit_log SET username = 'nobody'")) }
        #expect(try workspace.auditLog() == before)
    }
}
