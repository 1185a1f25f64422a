import Foundation
import Testing
@testable import IncidentModel

/// Every CSV the library writes is one table: one header, then rows with as many fields as
/// the header, read back by the RFC 4180 reader; no comment line in the body.
struct CSVRectangleTests {
    static func expectRectangle(_ bytes: [UInt8], _ name: String) throws {
        let records = Fixture.records(bytes)
        let header = try #require(records.first, "\(name)")
        #expect(records.count > 1, "\(name): no rows")
        #expect(records.allSatisfy { $0.problem == nil }, "\(name)")
        #expect(records.allSatisfy { $0.fields.count == header.fields.count }, "\(name)")
        #expect(Set(header.fields).count == header.fields.count, "\(name): a header name twice")
        #expect(!records.contains { $0.fields.first?.hasPrefix("#") == true }, "\(name): a comment line")
        #expect(!records.dropFirst().contains { $0.fields == header.fields }, "\(name): a second header")
    }

    static var tables: [ReportTable] {
        let sets = ReportSet(ReportFixture.data, scope: ReportFixture.scope)
        let matrix = OutOfAreaMatrix(ReportFixture.data, scope: ReportFixture.scope)
        let trends = Trends(ReportFixture.data, scope: ReportFixture.scope)
        return [
            sets.authorities, sets.homes, sets.forces, sets.forceHomes, sets.outOfArea, sets.outOfAreaMatrix,
            matrix.summaryTable(zone: .utc), sets.trends, trends.hoursTable(),
        ]
    }

    @Test func everyReportIsOneRectangleSuppressedOrNot() throws {
        let suppression = try Suppression(threshold: 3)
        for table in Self.tables {
            try Self.expectRectangle(ReportWriter.csv(SuppressedTable(unsuppressed: table)), table.name)
            let shared = suppression.apply(to: table)
            let bytes = ReportWriter.csv(shared)
            try Self.expectRectangle(bytes, table.name + " suppressed")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("suppressed:"), "\(table.name)")
        }
        // The rule is said elsewhere (the metadata beside the file, the JSON's field).
        let shared = suppression.apply(to: Self.tables[0])
        #expect(shared.rule != nil)
        #expect(ReportWriter.json(shared).contains("\"suppression\": \"suppressed:"))
    }

    @Test func incidentExportsAreOneRectangle() throws {
        let catalogue = IncidentCatalogue(registers: ReportFixture.linked.registers, zone: .utc)
        let incidents = ReportFixture.linked.incidents
        try Self.expectRectangle(IncidentExporter(catalogue: catalogue).csv(incidents), "incidents")
        let pseudonymiser = try Pseudonymiser(key: Array("a key of sixteen bytes or more".utf8))
        try Self.expectRectangle(
            IncidentExporter(catalogue: catalogue, pseudonymiser: pseudonymiser).csv(incidents), "pseudonymised")
    }

    /// An export written piece by piece (as a file of millions of rows is) is the same, byte
    /// for byte, as the whole export made at once, however small the pieces.
    @Test(arguments: [1, 3, 1_000])
    func incidentExportsInPiecesAreTheWholeExport(rowsPerPiece: Int) throws {
        let catalogue = IncidentCatalogue(registers: ReportFixture.linked.registers, zone: .utc)
        let incidents = ReportFixture.linked.incidents
        let exporter = IncidentExporter(catalogue: catalogue)
        var pieces: [[UInt8]] = []
        exporter.csv(incidents, rowsPerPiece: rowsPerPiece) { pieces.append($0) }
        #expect(pieces.count >= 1 + (incidents.count + rowsPerPiece - 1) / rowsPerPiece)
        #expect(pieces.flatMap { $0 } == exporter.csv(incidents))
        let path = NSTemporaryDirectory() + "mfc-pieces-\(rowsPerPiece)-\(getpid()).csv"
        defer { unlink(path) }
        #expect(try exporter.write(incidents, to: path, replace: true) == incidents.count)
        let written = try FileBytes.read(path: path)
        #expect(written == exporter.csv(incidents))
    }
}
