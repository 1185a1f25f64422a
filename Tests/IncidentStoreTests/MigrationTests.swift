import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

@Suite(.enabled(if: StoreFixture.engine == .sqlite, "GRDB's migrations of a SQLite workspace (PostgresTests has the server's)"))
struct MigrationTests {
    @Test func aWorkspaceOfTheFirstSchemaOpensWithEveryMigrationAndKeepsItsData() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("old.sqlite")
        let old = try Workspace.create(at: path, attribution: StoreFixture.analyst(), schemaUpTo: "v1").workspace
        #expect(try old.appliedMigrations() == ["v1"])
        #expect(try old.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'decisions'") == "0")
        _ = try old.importFiles([directory.folder("x", StoreFixture.extract)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        let records = try old.contents()

        let opened = try Workspace.open(at: path)
        #expect(try opened.appliedMigrations() == WorkspaceSchema.migrationNames)
        let after = try opened.contents()
        for (table, rows) in records where table != "grdb_migrations" {
            #expect(after[table] == rows, "table \(table) kept")
        }
        // The new table works on the old data.
        let pair = SourcePair(policeRef: "P2", episodeID: "E2")
        try opened.decide(pair, .reject, reason: "different absence", attribution: StoreFixture.analyst())
        #expect(try opened.decisions().map(\.pair) == [pair])
    }

    @Test func aWorkspaceFromANewerMfcIsRefusedWithAHint() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory)
        try workspace.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        #expect(throws: WorkspaceError.newerSchema(path: workspace.path, unknownMigrations: ["v9-future"])) {
            try Workspace.open(at: workspace.path)
        }
        #expect(WorkspaceError.newerSchema(path: "w", unknownMigrations: ["v9"]).description.contains("upgrade mfc"))
    }
}
