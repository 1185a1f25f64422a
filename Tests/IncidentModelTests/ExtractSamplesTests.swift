import Foundation
import MappingFile
import Testing
@testable import IncidentModel

struct ExtractSamplesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData").path

    let sample: Dataset

    init() throws {
        sample = try DatasetLoader.load(directory: Self.folder, zone: .europeLondon)
    }

    @Test func sampleExtractsAreTheirGeneratorsOutput() throws {
        for file in ExtractSamples.files(from: sample, zone: .europeLondon) {
            let committed = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + file.name))
            #expect([UInt8](committed) == file.bytes,
                    "SampleData/\(file.name) is stale: run mfc generate --seed 2026 --children 300 --output SampleData --extracts --force")
        }
    }

    @Test func policeExtractThroughItsMappingGivesTheSampleReports() throws {
        let mapping = try PoliceMapping.read(path: Self.folder + "/" + ExtractSamples.mappingPath)
        let extract = ExtractSource.police(path: Self.folder + "/" + ExtractSamples.policeExtractPath, mapping: mapping)
            .load(zone: .europeLondon)
        #expect(extract.policeReports.count == sample.policeReports.count)
        #expect(extract.policeReports == sample.policeReports)
        let report = try #require(extract.reports.first)
        #expect((report.rowsRead, report.rejected) == (sample.policeReports.count, 0))
    }

    @Test func ofstedListGivesTheSampleHomes() throws {
        let list = ExtractSource.ofstedHomes(path: Self.folder + "/" + ExtractSamples.ofstedPath, authorities: sample.authorities)
            .load(zone: .europeLondon)
        #expect(list.homes == sample.homes)
        let report = try #require(list.reports.first)
        #expect((report.rowsRead, report.accepted, report.rejected) == (sample.homes.count, sample.homes.count, 0))
        #expect(report.skipped.values.reduce(0, +) == 3)
        #expect(report.warnings == 0)
    }
}
