import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

/// A damaged workspace is refused, with a message that says so and how to recover; a stored
/// value that cannot be read stops the read instead of dropping its record.
@Suite(.enabled(if: StoreFixture.engine == .sqlite, "the pages of a SQLite workspace"))
struct DamagedWorkspaceTests {
    /// Writes every page into the main file, closes the workspace, then zeroes the page in the
    /// middle of the file.
    private func zeroAPage(of workspace: Workspace) throws -> String {
        let path = workspace.path
        try workspace.withoutTransaction("checkpoint") { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let pageText = try #require(try workspace.scalar("PRAGMA page_size"))
        let pageSize = try #require(Int(pageText))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = Int(try handle.seekToEnd())
        let pages = size / pageSize
        #expect(pages >= 4)
        try handle.seek(toOffset: UInt64((pages / 2) * pageSize))
        handle.write(Data(count: pageSize))
        try handle.close()
        return path
    }

    @Test func aWorkspaceWithAZeroedPageIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = try zeroAPage(of: try StoreFixture.importedWorkspace(in: directory))
        #expect {
            _ = try Workspace.open(at: path)
        } throws: { error in
            guard let error = error as? WorkspaceError, case .damaged = error else { return false }
            return error.description.contains("damaged") && error.description.contains("backup")
                && error.description.contains("import the extracts again")
        }
    }

    @Test func anImpossibleStoredValueStopsTheRead() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.importedWorkspace(in: directory)
        #expect(try workspace.dataset().episodes.isEmpty == false)
        try workspace.execute(sql: "UPDATE la_episodes SET type = 'Z' WHERE rowid = (SELECT min(rowid) FROM la_episodes)")
        #expect {
            _ = try workspace.dataset()
        } throws: { error in
            guard let error = error as? WorkspaceError, case let .damaged(_, detail) = error else { return false }
            return detail.contains("type")
        }
    }

    @Test(arguments: [
        "UPDATE children SET sex = 'Q'",
        "UPDATE la_episodes SET started_at = 'soon'",
        "UPDATE children SET dob = '2010-02-30'",
        "UPDATE police_reports SET risk = 99",
        "UPDATE police_reports SET cse_concern = 7",
        "UPDATE homes SET postcode = 'NOPE'",
    ])
    func everyKindOfUndecodableValueIsAnError(_ damage: String) throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.importedWorkspace(in: directory)
        try workspace.execute(sql: damage)
        #expect(throws: WorkspaceError.self) { try workspace.dataset() }
    }

    @Test func aSymlinkLoopIsNamedAsSuch() throws {
        let directory = try TemporaryDirectory()
        let a = directory.file("a.sqlite"), b = directory.file("b.sqlite")
        #expect(symlink(b, a) == 0 && symlink(a, b) == 0)
        #expect(throws: WorkspaceError.unreadableFile(.symlinkLoop(path: a))) { try Workspace.open(at: a) }
    }
}
