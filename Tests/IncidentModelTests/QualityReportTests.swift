import Testing
@testable import IncidentModel

/// The data-quality view's report (``QualityReport``, ``RejectLine``).
struct QualityReportTests {
    static func report() throws -> QualityReport {
        let dataset = try DatasetLoader.load(paths: [DataGapsTests.rejectedFolder], zone: Fixture.zone)
        let linked = IncidentLinker().link(dataset)
        return QualityReport(
            files: dataset.reports, incidents: linked.incidents, registers: linked.registers,
            gaps: DataGapsTests.gaps(dataset))
    }

    @Test func listsExactlyTheRejectedLinesWithColumnReasonAndValue() throws {
        let quality = try Self.report()
        let episodes = try #require(quality.sources.first { $0.name == "la_episodes.csv" })
        #expect((episodes.rowsRead, episodes.accepted, episodes.rejected) == (6, 3, 3))
        #expect(episodes.rejects.map(\.line) == [4, 5, 6])
        #expect(episodes.rejects.map(\.columnText) == ["5 started_at", "1 episode_id", "6 ended_at"])
        #expect(episodes.rejects.map(\.value) == ["31/02/2024 10:00", "901-E2", "2024-10-11T08:00"])
        #expect(episodes.rejects[0].reason.hasPrefix("is not a real date or time; expected"))
        #expect(quality.sources.filter { $0.name != "la_episodes.csv" }.allSatisfy { $0.rejects.isEmpty && $0.rejected == 0 })
        #expect(quality.rejectedRows == 3)
        #expect(quality.needsAttention)
    }

    @Test func countsLinksAndPairs() throws {
        let linkage = try Self.report().linkage
        #expect((linkage.reports, linkage.reportsLinked) == (2, 2))
        #expect((linkage.episodes, linkage.episodesPaired) == (3, 2))
        #expect(!linkage.hasUnresolved)
        #expect(linkage.lines[1] == "LA episodes paired with a police report: 2 of 3 (66.7%)")
    }

    @Test func countsHomesAndAuthoritiesTheRegistersLack() throws {
        let linked = try Fixture.link(Fixture.files(
            children: Rows.child("C1", la: "999"),
            episodes: Rows.episode("E1", la: "999", start: "01/03/2024 10:00", end: "01/03/2024 12:00", home: "SC999999")
                + Rows.episode("E2", la: "999", start: "05/03/2024 10:00", end: "05/03/2024 12:00", home: "SC999999")))
        let linkage = QualityReport.linkage(linked.incidents, registers: linked.registers)
        #expect((linkage.homesNotInRegister, linkage.incidentsAtHomesNotInRegister) == (1, 2))
        #expect((linkage.incidentsWithAuthorityNotInRegister, linkage.authoritiesNotInRegister) == (2, 1))
        #expect(linkage.incidentsWithNoAuthority == 0)
        #expect(linkage.hasUnresolved)
    }

    @Test func groupsWarningsByKindWithoutTheirValues() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: Rows.child("C1", dob: "31/02/2010") + Rows.child("C2", dob: "30/02/2011") + Rows.child("C3", sex: "Q")))
        let source = QualityReport.source(try #require(dataset.report(.children)))
        #expect(source.warnings == 3)
        let kinds = Dictionary(uniqueKeysWithValues: source.warningKinds.map { ($0.kind, $0.count) })
        #expect(kinds.values.sorted() == [1, 2])
        #expect(source.warningKinds.first?.count == 2)
        #expect(source.warningKinds.allSatisfy { !$0.kind.contains("31/02") && !$0.kind.contains("\"") })
    }

    @Test func personalValuesAreDescribedAndOthersMadeVisible() {
        #expect(RejectLine.safeValue("Olivia", column: "given_name") == "(personal field, 6 characters, not shown)")
        #expect(RejectLine.safeValue("30/08/2012", column: "dob").hasPrefix("(personal field"))
        #expect(RejectLine.safeValue("E1\u{1B}[31m", column: "episode_id") == "E1\u{241B}[31m")
        #expect(RejectLine.safeValue(String(repeating: "x", count: 60), column: "police_ref").count == 40)
    }

    @Test func aRejectionKeptAsTextReadsBackAsTheFileGaveIt() throws {
        let dataset = try DatasetLoader.load(paths: [DataGapsTests.rejectedFolder], zone: Fixture.zone)
        let report = try #require(dataset.report(.laEpisodes))
        let fromFile = QualityReport.source(report).rejects
        let fromText = report.rejectedRows.map { RejectLine(line: $0.line, storedReason: $0.reason, fields: $0.fields) }
        #expect(fromText == fromFile)
    }

    @Test func aPersonalValueKeptAsTextIsNotShown() {
        let text = "police_reports.csv:7:3: rejected: forename \"Olivia\" is longer than allowed; expected less"
        let fields = ["P7", "XAA", "Olivia"]
        let line = RejectLine(line: 7, storedReason: text, fields: fields)
        #expect(line.columnText == "3 forename")
        #expect(line.value == "(personal field, 6 characters, not shown)")
        #expect(!line.reason.contains("Olivia"))
    }
}
