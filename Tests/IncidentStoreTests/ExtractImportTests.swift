import Foundation
import IncidentModel
import MappingFile
import Testing
@testable import IncidentStore

struct ExtractImportTests {
    let directory: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        directory = try TemporaryDirectory()
        workspace = try StoreFixture.workspace(in: directory)
    }

    static let ofstedHeader = "URN,Provider Type,Setting Name,Local Authority,Overall Effectiveness,Max Users\n"

    func ofsted(_ name: String, _ rows: String) throws -> ExtractSource {
        let folder = try directory.folder(name, ["providers.csv": Self.ofstedHeader + rows])
        return .ofstedHomes(path: folder + "/providers.csv", authorities: try workspace.authorities())
    }

    func importExtract(_ source: ExtractSource) throws -> ImportResult {
        try workspace.importExtract(source, zone: StoreFixture.zone, attribution: StoreFixture.analyst())
    }

    @Test func ofstedListUpdatesHomesByURNWithHistory() throws {
        _ = try workspace.importFiles(
            [try directory.folder("first", StoreFixture.extract)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        #expect(try workspace.authorities().map(\.code) == ["916"])
        let result = try importExtract(try ofsted("ofsted", """
            SC000001,Children's home,Willow House,Gloucestershire,Requires improvement to be good,5
            SC000009,Children's home,Elm House,Gloucestershire,Good,2
            SC900001,Independent Fostering Agency,Acme Fostering,Gloucestershire,Good,
            SC000010,Children's home,Yew House,Nowhere Council,Good,2

            """))
        let file = try #require(result.files.first)
        #expect(file.kind == .homes)
        #expect(file.fileName == "providers.csv")
        #expect((file.rowsRead, file.accepted, file.rejected) == (3, 2, 1))
        #expect((file.inserted, file.updated, file.unchanged) == (1, 1, 0))
        let willow = try #require(try workspace.dataset().homes.first { $0.urn == "SC000001" })
        #expect((willow.rating, willow.places, willow.localAuthority) == (.requiresImprovement, 5, "916"))
        let versions = try workspace.versions(of: .homes, id: "SC000001")
        #expect(versions.map(\.importID) == [1, 2])
        let rejects = try workspace.rejectedRows(importID: 2)
        #expect(rejects.map(\.line) == [5])
        #expect(rejects.first?.reason.contains("Local Authority \"Nowhere Council\" is not an authority") == true)
        #expect(try workspace.imports().last?.files.first?.sha256 == FileDigest.sha256(Array((Self.ofstedHeader + """
            SC000001,Children's home,Willow House,Gloucestershire,Requires improvement to be good,5
            SC000009,Children's home,Elm House,Gloucestershire,Good,2
            SC900001,Independent Fostering Agency,Acme Fostering,Gloucestershire,Good,
            SC000010,Children's home,Yew House,Nowhere Council,Good,2

            """).utf8)))
    }

    @Test func policeExtractImportsThroughItsMappingAndReimportChangesNothing() throws {
        let mapping = try PoliceMapping.parse("""
            [columns]
            police_ref = "Occurrence Ref"
            reported_at = "Reported"
            risk = "Risk Grade"
            [dates]
            reported_at = "dd-MMM-yyyy HH:mm"
            [values.risk]
            H = "high"

            """, file: "mapping.toml")
        let folder = try directory.folder("police", ["extract.csv": """
            Occurrence Ref,Reported,Risk Grade
            P1,01-Mar-2023 12:00,H
            P2,01/03/2023 12:00,H

            """])
        let source = ExtractSource.police(path: folder + "/extract.csv", mapping: mapping)
        let first = try importExtract(source)
        let file = try #require(first.files.first)
        #expect((file.kind, file.rowsRead, file.accepted, file.rejected, file.inserted) == (.policeReports, 2, 1, 1, 1))
        #expect(try workspace.dataset().policeReports.map(\.risk) == [.high])
        #expect(try workspace.rejectedRows().map(\.line) == [3])
        let before = try workspace.contents()
        let again = try importExtract(source)
        #expect(again.importID == nil)
        #expect(again.files.first?.alreadyImportedBy == 1)
        #expect(try workspace.contents() == before)
    }
}
