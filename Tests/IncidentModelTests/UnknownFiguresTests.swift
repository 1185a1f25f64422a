import Foundation
import Testing
@testable import IncidentModel

/// Unknown is never zero: figures whose inputs lack the field are unknown, and no flag is
/// raised from them (docs/figures.md, "What each input supports").
struct UnknownFiguresTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ssda903").path

    /// The public fake SSDA903 return alone: no interviews, no CSE, no police.
    static func ssda903Scorecard() throws -> (AuthorityScorecard, ReportTable) {
        let dataset = try SSDA903Loader.load(paths: [Self.folder], authority: "999", zone: Fixture.zone)
        let data = ReportData(linked: IncidentLinker().link(dataset), zone: Fixture.zone)
        let from = Instant(secondsSinceEpoch: 0)
        let to = Fixture.instant("01/01/2100")
        let period = try #require(ReportPeriod(from: from, to: to))
        let scorecard = AuthorityScorecard(data, scope: ReportScope(period: period))
        return (scorecard, scorecard.table(zone: Fixture.zone))
    }

    @Test func anSSDA903ReturnAloneGivesUnknownInterviewAndCSEFiguresAndNoFlag() throws {
        let (scorecard, table) = try Self.ssda903Scorecard()
        let row = try #require(scorecard.rows.first { $0.authority == "999" })
        #expect(row.incidents == 43)
        #expect(row.interviewsDue > 0 && row.interviewsRecorded == 0)
        #expect(row.interviewsUnknown && row.cseUnknown && row.highRiskUnknown)
        #expect(row.percentInterviewOffered == nil)
        #expect(!row.lowInterviewRate)
        #expect(!row.flagWords.contains("LOW-RHI"))
        // No police record at all: the share known to both is unknown, and not flagged either.
        #expect(row.knownToBothUnknown && !row.lowShareKnownToBoth)
        #expect(row.flagWords.isEmpty)
        let r = try #require(scorecard.rows.firstIndex { $0.authority == "999" })
        for name in [
            "rhi_offered", "percent_rhi_offered", "rhi_within_72h", "percent_rhi_within_72h", "cse_concern", "high_risk",
            "percent_known_to_both",
        ] {
            let c = try #require(table.column(named: name))
            #expect(table.rows[r].values[c] == .unknown, "\(name)")
            #expect(table.rows[r].values[c].text() == "n/a", "\(name)")
        }
        #expect(table.rows[r].values[try #require(table.column(named: "rhi_recorded"))] == .count(0))
    }

    @Test func theirCSVCellsAreBlankAndTheirJSONNull() throws {
        let (scorecard, table) = try Self.ssda903Scorecard()
        let shared = SuppressedTable(unsuppressed: table)
        let records = Fixture.records(ReportWriter.csv(shared))
        let header = try #require(records.first?.fields)
        let r = try #require(scorecard.rows.firstIndex { $0.authority == "999" })
        let row = records[r + 1].fields
        for name in ["rhi_offered", "percent_rhi_offered", "rhi_within_72h", "percent_rhi_within_72h", "cse_concern", "high_risk"] {
            let c = try #require(header.firstIndex(of: name))
            #expect(row[c] == "", "\(name)")
        }
        #expect(row[try #require(header.firstIndex(of: "incidents"))] == "43")
        let json = ReportWriter.json(shared)
        #expect(json.contains("\"percent_rhi_offered\": null"))
        #expect(json.contains("\"cse_concern\": null"))
        #expect(!json.contains("\"percent_rhi_offered\": 0"))
    }

    @Test func anIncidentsCSVLeavesUnrecordedInterviewAndCSEBlank() throws {
        let dataset = try SSDA903Loader.load(paths: [Self.folder], authority: "999", zone: Fixture.zone)
        let linked = IncidentLinker().link(dataset)
        let ended = try #require(linked.incidents.first { $0.end != nil })
        #expect(ended.cseConcern == nil)
        #expect(ended.returnInterview == .notRecorded)
        let catalogue = IncidentCatalogue(registers: linked.registers, zone: Fixture.zone)
        let records = Fixture.records(IncidentExporter(catalogue: catalogue).csv([ended]))
        let header = try #require(records.first?.fields)
        for name in ["cse_concern", "return_interview"] {
            #expect(records[1].fields[try #require(header.firstIndex(of: name))] == "", "\(name)")
        }
    }

    @Test func recordedInterviewsAloneMakeTheRateAndUnrecordedOnesAreLeftOut() throws {
        // Two ended episodes: one with an interview offered, one with nothing recorded.
        let linked = try Fixture.link(Fixture.files(
            children: Rows.child("C1"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", offered: "Y", cse: "N")
                + Rows.episode("E2", start: "05/03/2024 10:00", end: "05/03/2024 12:00")))
        let data = ReportData(linked: linked, zone: Fixture.zone)
        let scorecard = AuthorityScorecard(data, scope: ReportScope(period: try #require(data.defaultPeriod)))
        let row = try #require(scorecard.rows.first)
        #expect((row.interviewsDue, row.interviewsRecorded, row.interviewsOffered) == (2, 1, 1))
        #expect(row.percentInterviewOffered == 100)
        #expect(!row.interviewsUnknown)
        #expect((row.cseConcern, row.cseRecorded, row.cseUnknown) == (0, 1, false))
    }
}
