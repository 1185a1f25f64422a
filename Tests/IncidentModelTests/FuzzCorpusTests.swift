import Foundation
import Testing
@testable import IncidentModel

/// The fuzzing corpus (`Fixtures/fuzz-corpus`: inputs that once failed) replayed through the
/// CSV reader and every row decoder: nothing traps, no row is lost, no message is unsafe.
struct FuzzCorpusTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-corpus").path

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != "README.md" }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func replays(_ name: String) throws {
        let bytes = try FileBytes.read(path: Self.folder + "/" + name)
        #expect(FuzzHarness.check(bytes) == nil)
    }

    /// The harness's checks can fail: a report that loses a row is caught.
    @Test func theHarnessCatchesALostRow() {
        var report = FileReport(kind: .forces, file: "forces.csv")
        report.rowsRead = 2
        report.accepted = 1
        #expect(FuzzHarness.check(report: report) != nil)
    }
}
