import Foundation
import Testing
@testable import IncidentModel

/// The public fake SSDA903 data (Fixtures/ssda903, MIT-licensed, random values), imported as
/// they are: every problem reported by its rule, nothing lost, no crash.
struct SSDA903FixtureTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ssda903").path

    @Test func importsThePublicFakeReturn() throws {
        let dataset = try SSDA903Loader.load(paths: [Self.folder], authority: "999", zone: Fixture.zone)
        #expect(!dataset.hasUnreadableFiles)
        let missing = try #require(dataset.report(.ssda903Missing))
        for report in dataset.reports {
            #expect(report.rowsRead == report.accepted + report.rejected, "\(report.file)")
        }
        #expect(missing.rowsRead == 43)
        #expect(missing.accepted == 43)
        #expect(missing.rejected == 0)
        #expect(dataset.episodes.count == missing.accepted)
        let rules = Set(missing.diagnostics.compactMap(\.rule))
        #expect(rules == ["574", SSDA903Rule.outsidePlacements.rawValue])
        var perRule: [String: Int] = [:]
        for diagnostic in missing.diagnostics { if let rule = diagnostic.rule { perRule[rule, default: 0] += 1 } }
        #expect(perRule == ["574": 1, "no-placement": 11])
        // The children carry no names, and every one has the authority given.
        // Line 36 starts on 20/11/2017, inside the period of line 37 (02/11/2017 to 22/12/2017).
        #expect(missing.diagnostics.contains { $0.rule == "574" && $0.line == 36 })
        let header = try #require(dataset.report(.ssda903Header))
        let placements = try #require(dataset.report(.ssda903Episodes))
        #expect((header.rowsRead, header.accepted, placements.rowsRead, placements.accepted) == (2675, 2675, 5050, 5050))
        #expect(dataset.children.allSatisfy { $0.givenName.isEmpty && $0.familyName.isEmpty && $0.localAuthority == "999" })
    }
}
