import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

/// The workspace's imports as the data-quality view lists them (``Workspace/qualitySources()``).
struct QualitySourcesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IncidentModelTests/Fixtures/rejected").path

    @Test func anImportListsTheSameRejectedLinesAsTheFiles() throws {
        let directory = try TemporaryDirectory()
        let workspace = try StoreFixture.workspace(in: directory)
        _ = try workspace.importFiles([Self.folder], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        let sources = try workspace.qualitySources()
        let episodes = try #require(sources.first { $0.name == "import 1 la_episodes.csv" })
        #expect((episodes.rowsRead, episodes.accepted, episodes.rejected) == (6, 3, 3))
        #expect(episodes.rejects.map(\.line) == [4, 5, 6])
        let files = try DatasetLoader.load(paths: [Self.folder], zone: StoreFixture.zone)
        let report = try #require(files.reports.first { $0.kind == .laEpisodes })
        #expect(episodes.rejects == QualityReport.source(report).rejects)
        #expect(sources.filter { $0.rejected == 0 }.allSatisfy { $0.rejects.isEmpty })
    }
}
