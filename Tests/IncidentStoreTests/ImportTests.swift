import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

struct ImportTests {
    let directory: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        directory = try TemporaryDirectory()
        workspace = try StoreFixture.workspace(in: directory)
    }

    func importFolder(_ name: String, _ files: [String: String], user: String = "analyst1") throws -> ImportResult {
        try workspace.importFiles(
            [try directory.folder(name, files)], zone: StoreFixture.zone, attribution: StoreFixture.analyst(user))
    }

    @Test func recordsEachFileWithItsDigestRowsTimeAndUser() throws {
        let result = try importFolder("first", StoreFixture.extract)
        #expect(result.importID == 1)
        let record = try #require(try workspace.imports().first)
        #expect(record.user == StoreFixture.recordedUser("analyst1"))
        #expect(record.importedAt == StoreFixture.importTime)
        let episodes = try #require(record.files.first { $0.kind == .laEpisodes })
        #expect(episodes.fileName == "la_episodes.csv")
        #expect(episodes.sha256 == FileDigest.sha256(Array(StoreFixture.episodes.utf8)))
        #expect(episodes.size == StoreFixture.episodes.utf8.count)
        #expect((episodes.rowsRead, episodes.accepted, episodes.rejected) == (4, 3, 1))
        #expect((episodes.inserted, episodes.updated, episodes.unchanged) == (3, 0, 0))
        #expect(record.files.map(\.kind) == SourceFileKind.native)
        #expect(try workspace.recordCounts()[.policeReports] == 3)
    }

    @Test func reportsReadingThenEachFileThenTheCommit() throws {
        var steps: [ImportProgress] = []
        _ = try workspace.importFiles(
            [try directory.folder("first", StoreFixture.extract)], zone: StoreFixture.zone,
            attribution: StoreFixture.analyst()) { steps.append($0) }
        #expect(steps == [
            .reading(files: 6), .writing(file: "forces.csv", records: 1), .writing(file: "authorities.csv", records: 1),
            .writing(file: "homes.csv", records: 2), .writing(file: "children.csv", records: 2),
            .writing(file: "la_episodes.csv", records: 3), .writing(file: "police_reports.csv", records: 3), .committing,
            .committed,
        ])
    }

    @Test func keepsTheSameRecordsAsReadingTheFiles() throws {
        let folder = try directory.folder("first", StoreFixture.extract)
        _ = try workspace.importFiles([folder], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        let fromFiles = try DatasetLoader.load(paths: [folder], zone: StoreFixture.zone)
        let stored = try workspace.dataset()
        #expect(stored.forces == fromFiles.forces)
        #expect(stored.authorities == fromFiles.authorities)
        #expect(stored.homes == fromFiles.homes)
        #expect(stored.children == fromFiles.children)
        #expect(stored.episodes == fromFiles.episodes)
        #expect(stored.policeReports == fromFiles.policeReports)
        #expect(try workspace.link().incidents == IncidentLinker().link(fromFiles).incidents)
    }

    @Test func reimportingTheSameFilesChangesNothing() throws {
        _ = try importFolder("first", StoreFixture.extract)
        let before = try workspace.contents()
        let again = try importFolder("again", StoreFixture.extract, user: "someone-else")
        #expect(again.importID == nil)
        #expect(again.files.allSatisfy { $0.alreadyImportedBy == 1 })
        #expect(try workspace.contents() == before)
    }

    @Test func recognisesAFileImportedBeforeUnderAnotherName() throws {
        _ = try importFolder("first", StoreFixture.extract)
        let renamed = directory.file("episodes-march.csv")
        try Data(StoreFixture.episodes.utf8).write(to: URL(fileURLWithPath: renamed))
        let result = try workspace.importFiles([renamed], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        #expect(result.importID == nil)
        #expect(result.files.first?.alreadyImportedBy == 1)
    }

    @Test func updatedExtractUpdatesBySourceIdAndMovesOldValuesToHistory() throws {
        _ = try importFolder("first", StoreFixture.extract)
        var later = StoreFixture.extract
        later["la_episodes.csv"] = StoreFixture.laterEpisodes
        let result = try importFolder("later", later)
        #expect(result.importID == 2)
        // Only the changed file is read again.
        #expect(result.files.filter { $0.alreadyImportedBy == nil }.map(\.kind) == [.laEpisodes])
        let episodes = try #require(result.files.first { $0.kind == .laEpisodes })
        #expect((episodes.inserted, episodes.updated, episodes.unchanged) == (1, 1, 2))

        let current = try #require(try workspace.dataset().episodes.first { $0.id == "E2" })
        #expect(current.endedAt?.instant == instant("10/03/2024 19:00"))
        #expect(current.returnInterviewOffered == true)
        let versions = try workspace.versions(of: .laEpisodes, id: "E2")
        #expect(versions.map(\.importID) == [1, 2])
        #expect(versions.map(\.replacedByImportID) == [2, nil])
        #expect(versions[0].values["ended_at"] == .some(String(instant("10/03/2024 18:00").secondsSinceEpoch)))
        #expect(versions[0].values["rhi_offered"] == .some("0"))
        // Unchanged records gain no history.
        #expect(try workspace.versions(of: .laEpisodes, id: "E1").count == 1)
        #expect(try workspace.scalar("SELECT count(*) FROM la_episodes_history") == "1")
        #expect(try workspace.dataset().episodes.map(\.id) == ["E1", "E2", "E3", "E5"])
    }

    @Test func episodesAloneTakeABlankAuthorityFromTheStoredChild() throws {
        _ = try importFolder("first", StoreFixture.extract)
        // The same episodes, E3's authority left blank: the child's (916) is meant, as before.
        let blank = StoreFixture.episodes.replacingOccurrences(of: "E3,C2,916,A", with: "E3,C2,,A")
        let result = try importFolder("alone", ["la_episodes.csv": blank])
        let episodes = try #require(result.files.first)
        #expect((episodes.inserted, episodes.updated, episodes.unchanged) == (0, 0, 3))
        #expect(try workspace.dataset().episodes.first { $0.id == "E3" }?.localAuthority == "916")
    }

    @Test func importFailingPartWayLeavesTheWorkspaceExactlyAsItWas() throws {
        _ = try importFolder("first", StoreFixture.extract)
        // The police reports go in after the episodes: make the database refuse one of them.
        if StoreFixture.engine == .postgres {
            try workspace.execute(sql: """
                CREATE FUNCTION refuse_p9() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.police_ref = 'P9' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$
                """)
        }
        try workspace.execute(sql: StoreFixture.sql(
            sqlite: """
                CREATE TRIGGER refuse_p9 BEFORE INSERT ON police_reports WHEN NEW.police_ref = 'P9'
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """,
            postgres: "CREATE TRIGGER refuse_p9 BEFORE INSERT ON police_reports FOR EACH ROW EXECUTE FUNCTION refuse_p9()"))
        let before = try workspace.contents()
        var later = StoreFixture.extract
        later["la_episodes.csv"] = StoreFixture.laterEpisodes
        later["police_reports.csv"] = StoreFixture.police
            + "P9,GLO,Ann,Other,01/01/2012,F,Oak Lodge,GL2 2BB,02/04/2024 10:00,,02/04/2024 12:00,low,N\n"
        var thrown: WorkspaceError?
        do { _ = try importFolder("later", later) } catch { thrown = error as? WorkspaceError }
        guard case let .database(_, operation, reason)? = thrown else {
            Issue.record("expected a database error, got \(String(describing: thrown))")
            return
        }
        #expect(operation == "importing")
        #expect(reason.contains("refused for the test"))
        #expect(try workspace.contents() == before)
        // Once the database accepts it, the same import goes through whole.
        try workspace.execute(sql: StoreFixture.sql(sqlite: "DROP TRIGGER refuse_p9", postgres: "DROP TRIGGER refuse_p9 ON police_reports"))
        let retried = try importFolder("later", later)
        // The second import kept (PostgreSQL's numbers may skip the one the failed import took).
        #expect(try workspace.imports().map(\.id) == [1, try #require(retried.importID)])
        if StoreFixture.engine == .sqlite { #expect(retried.importID == 2) }
        #expect(try workspace.recordCounts()[.policeReports] == 4)
    }

    @Test func unreadableFileImportsNothing() throws {
        let folder = try directory.folder("first", StoreFixture.extract)
        let before = try workspace.contents()
        #expect(throws: WorkspaceError.self) {
            try workspace.importFiles([folder, directory.file("missing.csv")], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        }
        #expect(try workspace.contents() == before)
    }

    @Test func keepsRejectedRowsWithTheirReasonsAndLines() throws {
        _ = try importFolder("first", StoreFixture.extract)
        let rejects = try workspace.rejectedRows()
        #expect(rejects.map(\.fileName) == ["la_episodes.csv", "police_reports.csv"])
        let reject = try #require(rejects.first)
        #expect(reject.importID == 1)
        #expect(reject.fileName == "la_episodes.csv")
        #expect(reject.line == 5)
        #expect(reject.reason.contains("repeats the id of line 3"))
        #expect(reject.fields == ["E2", "C2", "916", "M", "11/03/2024 10:00", "11/03/2024 18:00", "SC000002", "", "N", "", "N"])
        #expect(try workspace.rejectedRows(importID: 2).isEmpty)
    }

    func instant(_ text: String) -> Instant {
        guard case let .success(parsed) = DateTimeParser.parse(text) else { return Instant(secondsSinceEpoch: 0) }
        return parsed.timestamp(in: StoreFixture.zone).instant
    }
}
