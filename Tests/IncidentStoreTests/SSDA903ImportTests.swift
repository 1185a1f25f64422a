import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

/// An authority's SSDA903 return imported into the workspace like native files.
struct SSDA903ImportTests {
    let directory: TemporaryDirectory
    let workspace: Workspace

    static let header = "CHILD,SEX,DOB\n41,2,01/02/2010\n42,1,05/06/2011\n"
    static let placements = "CHILD,DECOM,DEC,PLACE,PL_POST,URN\n41,01/01/2020,,K2,GL1 1AA,SC000001\n42,01/01/2020,,K2,GL2 2BB,SC000002\n"
    /// Two periods kept, one rejected (567: its end is before its start).
    static let missing = """
        CHILD,DOB,MISSING,MIS_START,MIS_END
        41,01/02/2010,M,03/03/2024,04/03/2024
        42,05/06/2011,A,05/03/2024,
        42,05/06/2011,M,09/03/2024,08/03/2024

        """

    init() throws {
        directory = try TemporaryDirectory()
        workspace = try StoreFixture.workspace(in: directory)
    }

    func importReturn(_ name: String, missing: String = Self.missing) throws -> ImportResult {
        let folder = try directory.folder(name, ["header.csv": Self.header, "episodes.csv": Self.placements, "missing.csv": missing])
        return try workspace.importSSDA903(
            [folder], authority: "916", zone: StoreFixture.zone, attribution: StoreFixture.analyst())
    }

    @Test func recordsEachTableWithItsDigestAndRows() throws {
        let result = try importReturn("return")
        #expect(result.importID == 1)
        let record = try #require(try workspace.imports().first)
        #expect(record.files.map(\.kind) == [.ssda903Header, .ssda903Episodes, .ssda903Missing])
        let missing = try #require(record.files.first { $0.kind == .ssda903Missing })
        #expect(missing.sha256 == FileDigest.sha256(Array(Self.missing.utf8)))
        #expect((missing.rowsRead, missing.accepted, missing.rejected, missing.inserted) == (3, 2, 1, 2))
        let header = try #require(record.files.first { $0.kind == .ssda903Header })
        #expect((header.rowsRead, header.accepted, header.inserted) == (2, 2, 2))
        let counts = try workspace.recordCounts()
        #expect(counts[.children] == 2 && counts[.laEpisodes] == 2)
        let stored = try workspace.dataset()
        #expect(stored.episodes.map(\.id) == ["41/2024-03-03", "42/2024-03-05"])
        #expect(stored.episodes.map(\.placement) == ["SC000001", "SC000002"])
        #expect(stored.children.allSatisfy { $0.givenName.isEmpty && $0.familyName.isEmpty && $0.localAuthority == "916" })
    }

    @Test func keepsRejectedRowsWithTheirRuleNumbers() throws {
        _ = try importReturn("return")
        let rejects = try workspace.rejectedRows()
        #expect(rejects.count == 1)
        #expect(rejects.first?.kind == .ssda903Missing)
        #expect(rejects.first?.line == 4)
        #expect(rejects.first?.reason.contains("[567]") == true)
    }

    @Test func reimportingTheSameReturnChangesNothing() throws {
        _ = try importReturn("return")
        let before = try workspace.contents()
        let again = try importReturn("again")
        #expect(again.importID == nil)
        #expect(again.files.allSatisfy { $0.alreadyImportedBy == 1 })
        #expect(try workspace.contents() == before)
    }

    @Test func aNewMissingTableIsReadWithTheTablesImportedBefore() throws {
        _ = try importReturn("return")
        let result = try importReturn("april", missing: Self.missing + "41,01/02/2010,A,02/04/2024,02/04/2024\n")
        #expect(result.importID == 2)
        #expect(result.files.map { $0.alreadyImportedBy } == [1, 1, nil])
        let missing = try #require(result.files.first { $0.kind == .ssda903Missing })
        #expect((missing.inserted, missing.unchanged) == (1, 2))
        let stored = try workspace.dataset()
        #expect(stored.episodes.last?.placement == "SC000001")
        #expect(stored.episodes.last?.type == .away)
    }
}
