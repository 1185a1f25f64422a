import Foundation
import Testing
@testable import IncidentModel

/// What an export holds, written beside it (``ExportMetadata``).
struct ExportMetadataTests {
    static var metadata: ExportMetadata {
        let catalogue = IncidentCatalogue(registers: ReportFixture.linked.registers, zone: .utc)
        var metadata = ExportMetadata(
            contents: "report authorities: Authorities scorecard", rows: 4, period: ReportFixture.period,
            filters: IncidentFilter(homes: ["SC000001"], risks: [.high]).descriptions(in: catalogue),
            sort: "percent_rhi_offered descending")
        metadata.source = "workspace /data/mfc.sqlite, latest import 3 at 2024-07-02 09:00 (la_episodes.csv)"
        metadata.exportedAt = ReportFixture.at(2024, 7, 3, 10).instant
        metadata.suppression = "suppressed: counts from 1 to 2 are shown as c"
        return metadata
    }

    @Test func saysPeriodFiltersSortSourceAndTime() {
        let text = Self.metadata.text(file: "authorities.csv", zone: .utc)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "file: authorities.csv")
        #expect(lines[1] == "contents: report authorities: Authorities scorecard")
        #expect(lines[2] == "rows: 4")
        #expect(lines[3].hasPrefix("period: 2023-07-01 to 2024-06-30"))
        #expect(lines[4] == "filters: home: Oak House (SC000001); risk: high")
        #expect(lines[5] == "sort: percent_rhi_offered descending")
        #expect(lines[6] == "source: workspace /data/mfc.sqlite, latest import 3 at 2024-07-02 09:00 (la_episodes.csv)")
        #expect(lines[7] == "exported at: 2024-07-03 10:00 UTC")
        #expect(lines[8] == "suppression: suppressed: counts from 1 to 2 are shown as c")
        #expect(lines[9].hasPrefix("completeness: complete"))
    }

    @Test func namesTheTextColumnsAndHowTimesAreWritten() {
        var metadata = Self.metadata
        #expect(!metadata.text(file: "a.csv", zone: .utc).contains("text columns"))
        metadata.textColumns = IncidentExporter(catalogue: QueryFixture.catalogue).textColumns
        metadata.times = IncidentExporter.timesNote
        let lines = metadata.text(file: "a.csv", zone: .utc).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("text columns: incident_id, child_id, home_urn, police_refs, la_episode_ids (ids:") })
        #expect(lines.last == "times: " + IncidentExporter.timesNote)
        #expect(lines[0] == "file: a.csv")
    }

    @Test func isWrittenBesideTheExportWithMode0600() throws {
        let directory = try TemporaryDirectory()
        let export = directory.file("authorities.csv")
        var metadata = Self.metadata
        metadata.source = "line one\nline two\u{1B}[31m"
        try metadata.write(beside: export, zone: .utc)
        let path = ExportMetadata.path(beside: export)
        #expect(path == export + ".meta")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Each value stays on its line, with control characters made visible.
        #expect(text.contains("source: line one\u{240A}line two\u{241B}[31m\n"))
        #expect(text.split(separator: "\n").count == 11)
    }
}
