import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

@Suite(.enabled(if: StoreFixture.engine == .sqlite, "the file of a SQLite workspace"))
struct WorkspaceTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func createsTheFileAndItsWALAndSHMWithMode0600() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory)
        // Writing keeps the WAL and the shared-memory file open beside the database.
        _ = try workspace.importFiles([directory.folder("x", StoreFixture.extract)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        for suffix in ["", "-wal", "-shm"] {
            let path = workspace.path + suffix
            #expect(Workspace.fileExists(at: path), "\(suffix) exists")
            #expect(try Self.mode(path) == 0o600, "mode of mfc.sqlite\(suffix)")
        }
    }

    @Test func usesWALWithFullSyncAndForeignKeys() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory)
        #expect(try workspace.scalar("PRAGMA journal_mode") == "wal")
        #expect(try workspace.scalar("PRAGMA synchronous") == "2")
        #expect(try workspace.scalar("PRAGMA foreign_keys") == "1")
        #expect(try workspace.scalar("PRAGMA secure_delete") == "1")
    }

    @Test func createOnAnExistingWorkspaceOpensItAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let first = try StoreFixture.workspace(in: directory)
        let before = try first.contents()
        let (again, created) = try Workspace.create(at: first.path, attribution: StoreFixture.analyst())
        #expect(!created)
        #expect(try again.contents() == before)
    }

    @Test func openingAMissingFileSaysHowToCreateOne() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: WorkspaceError.notFound(path: directory.file("none.sqlite"))) {
            try Workspace.open(at: directory.file("none.sqlite"))
        }
        #expect(WorkspaceError.notFound(path: "x").description.contains("mfc init"))
    }

    @Test func refusesATextFileAndLeavesItAlone() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("notes.sqlite")
        let text = Data(String(repeating: "not a database, just some notes\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkspaceError.notAWorkspace(path: path, reason: "not a SQLite database")) {
            try Workspace.open(at: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func refusesAnotherProgramsSQLiteDatabaseAndLeavesItAlone() throws {
        let directory = try TemporaryDirectory()
        let other = try StoreFixture.workspace(in: directory)
        // Make it someone else's database: another application id.
        try other.execute(sql: "PRAGMA application_id = 42")
        try other.compact()
        let path = other.path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var thrown: WorkspaceError?
        do { _ = try Workspace.open(at: path) } catch { thrown = error }
        guard case let .notAWorkspace(_, reason)? = thrown else {
            Issue.record("expected notAWorkspace, got \(String(describing: thrown))")
            return
        }
        #expect(reason.contains("did not write"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func refusesAnEmptyFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("empty.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: WorkspaceError.self) { try Workspace.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }
}
