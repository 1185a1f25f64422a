import Testing
@testable import IncidentModel

struct TableImporterTests {
    static let header = Fixture.episodeHeader
    static let expectedDate = "a date as dd/mm/yyyy or yyyy-mm-dd, optionally with HH:MM[:SS]"

    func episodes(_ rows: String) -> ImportedTable<LAEpisode> {
        Fixture.importTable(EpisodeDecoder.self, Self.header + rows, file: "la_episodes.csv")
    }

    func police(_ rows: String) -> ImportedTable<PoliceReport> {
        Fixture.importTable(PoliceReportDecoder.self, Fixture.policeHeader + rows, file: "police_reports.csv")
    }

    // MARK: - The header

    @Test func rejectsFileMissingARequiredColumnAndNamesColumnsFound() {
        let table = Fixture.importTable(
            EpisodeDecoder.self, "episode_id,child_id,ended_at\nE1,C1,01/03/2024\n", file: "la_episodes.csv")
        #expect(table.report.messages == [
            "la_episodes.csv:1: error: required column started_at missing; expected a header with episode_id, child_id, started_at; found episode_id, child_id, ended_at"
        ])
        #expect(table.report.failed)
        #expect(table.records.isEmpty)
    }

    @Test func namesEveryMissingColumn() {
        let table = Fixture.importTable(EpisodeDecoder.self, "episode_id,Notes\n", file: "la_episodes.csv")
        #expect(table.report.messages == [
            "la_episodes.csv:1: error: required columns child_id, started_at missing; expected a header with episode_id, child_id, started_at; found episode_id, Notes"
        ])
    }

    @Test func notesUnknownColumnsOnceForTheWholeFile() {
        let table = Fixture.importTable(
            ForceDecoder.self, "code,name,Notes,Worker\nA,Force A,x,y\nB,Force B,x,y\nC,Force C,,\n", file: "forces.csv")
        #expect(table.report.messages == ["forces.csv:1: note: columns Notes, Worker not used by mfc; ignored"])
        #expect(table.report.accepted == 3)
    }

    @Test func warnsAboutRepeatedHeaderAndUsesTheFirst() {
        let table = Fixture.importTable(ForceDecoder.self, "code,name,Name\nA,first,second\n", file: "forces.csv")
        #expect(table.report.messages == [
            "forces.csv:1: warning: \"Name\" appears more than once in the header; the first is used"
        ])
        #expect(table.records.first?.name == "first")
    }

    @Test(arguments: ["", "\n\n", "\r\n", ",,\n"])
    func reportsAnEmptyFile(_ text: String) {
        let table = Fixture.importTable(EpisodeDecoder.self, text, file: "la_episodes.csv")
        #expect(table.report.messages == [
            "la_episodes.csv: error: the file is empty; expected a header row naming the columns (episode_id, child_id, started_at)"
        ])
        #expect(table.report.failed)
        #expect(table.report.rowsRead == 0)
    }

    @Test func matchesHeadersInAnyOrderAndCase() {
        let text = "Started At,CHILD_ID, Episode_Id ,ended_at\n01/03/2024 10:00,C1,E1,01/03/2024 12:00\n"
        let table = Fixture.importTable(EpisodeDecoder.self, text, file: "la_episodes.csv")
        #expect(table.report.diagnostics.isEmpty)
        let episode = try? #require(table.records.first)
        #expect(episode?.id == "E1")
        #expect(episode?.child == "C1")
        #expect(episode?.startedAt == Fixture.time("2024-03-01 10:00"))
        #expect(episode?.endedAt == Fixture.time("2024-03-01 12:00"))
    }

    @Test func readsByteOrderMarkAndCRLFFile() {
        let text = "code,name\r\nGLO,Glos\r\n\r\nWMP,\"West\r\nMidlands\"\r\nBAD,x,extra\r\n"
        let table = Fixture.importTable(ForceDecoder.self, bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "forces.csv")
        #expect(table.records.map(\.code) == ["GLO", "WMP"])
        #expect(table.records[1].name == "West\r\nMidlands")
        #expect(table.lines == [2, 4])
        #expect(table.report.blankRows == 1)
        #expect(table.report.messages == [
            "forces.csv:6:3: rejected: (personal value not shown: 5 characters, shaped aaaaa) the row has 3 fields but the header has 2; expected one field per column: quote a value that holds a comma"
        ])
    }

    @Test func reportsUnterminatedQuoteInTheHeader() {
        // A header whose quote is never closed would swallow every row; it must not pass silently.
        let table = Fixture.importTable(ForceDecoder.self, "code,name,\"notes\nA,x,y\nB,x,y\n", file: "forces.csv")
        #expect(table.report.failed)
        #expect(table.report.messages == [
            "forces.csv:1: error: a quoted field opened at byte 11 of the line is never closed; the rest of the file was read into it; expected a closing \" (write a quote inside a quoted field as \"\")"
        ])
    }

    @Test func reportsInvalidUTF8InTheHeader() {
        let bytes = Array("code,name,cost ".utf8) + [0xA3] + Array("\nA,x,1\n".utf8)
        let table = Fixture.importTable(ForceDecoder.self, bytes: bytes, file: "forces.csv")
        #expect(table.report.failed)
        #expect(table.report.messages == [
            "forces.csv:1: error: byte 16 of line 1 (file offset 15) is not valid UTF-8; expected UTF-8 text (save the file as \"CSV UTF-8\"; Windows-1252 files must be converted)"
        ])
    }

    // MARK: - Rows that cannot stand

    @Test func rejectsRowWithoutId() {
        let table = episodes(",C1,916,M,01/03/2024 10:00,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:1: rejected: episode_id is empty; expected an identifier: a row needs its episode_id"
        ])
        #expect(table.report.rejected == 1)
        #expect(table.report.rejectedRows.first?.line == 2)
        #expect(table.report.rejectedRows.first?.fields.count == 11)
    }

    @Test func rejectsDuplicateIdSayingWhichLineCameFirst() {
        let table = episodes("""
            E1,C1,916,M,01/03/2024 10:00,,,,,,
            E2,C1,916,M,02/03/2024 10:00,,,,,,
            E1,C2,916,M,03/03/2024 10:00,,,,,,

            """)
        #expect(table.report.messages == [
            "la_episodes.csv:4:1: rejected: episode_id \"E1\" repeats the id of line 2; expected a unique episode_id; the first row is kept"
        ])
        #expect(table.records.map(\.child) == ["C1", "C1"])
        #expect((table.report.rowsRead, table.report.accepted, table.report.rejected) == (3, 2, 1))
    }

    @Test func rejectsRowWithoutStart() {
        let table = episodes("E1,C1,916,M,,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:5: rejected: started_at is empty; expected \(Self.expectedDate)"
        ])
    }

    @Test func rejectsStartThatIsNotADate() {
        let table = episodes("E1,C1,916,M,yesterday,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:5: rejected: started_at \"yesterday\" is not a date; expected \(Self.expectedDate)"
        ])
    }

    @Test func rejectsImpossibleDateWithItsOwnMessage() {
        let table = episodes("E1,C1,916,M,31/02/2024,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:5: rejected: started_at \"31/02/2024\" is not a real date or time; expected \(Self.expectedDate)"
        ])
    }

    @Test func rejectsEndBeforeStart() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,01/03/2024 09:59,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:6: rejected: ended_at \"01/03/2024 09:59\" is before started_at; expected an end at or after the start"
        ])
        #expect(table.records.isEmpty)
    }

    @Test func acceptsDateOnlyEndOnTheStartDay() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,01/03/2024,,,,,\n")
        #expect(table.report.diagnostics.isEmpty)
        #expect(table.records.first?.endedAt?.isDateOnly == true)
    }

    @Test func rejectsUnreadableEndRatherThanReadingItAsOpen() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,soon,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:6: rejected: ended_at \"soon\" is not a date; expected \(Self.expectedDate)"
        ])
    }

    @Test func rejectsRowWithTooManyFields() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,,,,,,,extra\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:12: rejected: (personal value not shown: 5 characters, shaped aaaaa) the row has 12 fields but the header has 11; expected one field per column: quote a value that holds a comma"
        ])
    }

    @Test func acceptsRaggedEmptyTrailingFields() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,,,,,,,,,\n")
        #expect(table.report.diagnostics.isEmpty)
        #expect(table.report.accepted == 1)
    }

    @Test func warnsAboutShortRowAndReadsTheRestAsEmpty() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:1: warning: episode_id the row has 5 fields but the header has 11; the rest are read as empty"
        ])
        #expect(table.records.first?.endedAt == nil)
    }

    @Test func rejectsInvalidUTF8WithByteOffset() {
        let rows = Array((Self.header + "E1,C1,916,M,01/03/2024 10:00,,,,,,\n").utf8)
        let bad = Array("E2,C1,916,M,02/03/2024 10:00,,,,,,Cost ".utf8) + [0xA3] + Array("5\n".utf8)
        let table = Fixture.importTable(EpisodeDecoder.self, bytes: rows + bad, file: "la_episodes.csv")
        let offset = rows.count + bad.count - 3
        #expect(table.report.messages == [
            "la_episodes.csv:3: rejected: byte 40 of line 3 (file offset \(offset)) is not valid UTF-8; expected UTF-8 text (save the file as \"CSV UTF-8\"; Windows-1252 files must be converted)"
        ])
        #expect(table.records.map(\.id) == ["E1"])
    }

    @Test func rejectsRowWithUnterminatedQuote() {
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,,,,,,\nE2,C1,916,M,\"02/03/2024,,,,,,\nE3,C1,916,M,03/03/2024,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:3: rejected: a quoted field opened at byte 13 of the line is never closed; the rest of the file was read into it; expected a closing \" (write a quote inside a quoted field as \"\")"
        ])
        #expect((table.report.rowsRead, table.report.accepted, table.report.rejected) == (2, 1, 1))
    }

    @Test func rejectsHugeField() {
        let huge = String(repeating: "x", count: 100_001)
        let table = episodes("E1,C1,916,M,01/03/2024 10:00,,\(huge),,,,\nE2,C1,916,M,02/03/2024,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:7: rejected: placement_urn is 100001 bytes long; expected at most 100000 bytes in one field"
        ])
        #expect(table.records.map(\.id) == ["E2"])
    }

    @Test func keepsLineNumbersRightAfterMultilineField() {
        let table = Fixture.importTable(
            ForceDecoder.self, "code,name\nA,\"two\nlines\"\n\nB,x,y\n", file: "forces.csv")
        #expect(table.lines == [2])
        #expect(table.report.messages.first?.hasPrefix("forces.csv:5:3: rejected:") == true)
    }

    // MARK: - Values a row can do without

    @Test func keepsReportWithBadDateOfBirthAsUnknown() {
        let table = police("P1,GLO,Amy,Smith,31/02/2010,F,,,01/03/2024 10:00,01/03/2024 12:00,,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:5: warning: dob (personal value not shown: 10 characters, shaped 99/99/9999) is not a real date or time; expected \(Self.expectedDate); left blank"
        ])
        #expect(table.report.accepted == 1)
        #expect(table.records.first?.dateOfBirth == nil)
    }

    @Test func keepsReportWithBadPostcodeBlank() {
        let table = police("P1,GLO,Amy,Smith,01/02/2010,F,Willow House,NOTAPC,01/03/2024 10:00,01/03/2024 12:00,,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:8: warning: missing_from_postcode (personal value not shown: 6 characters, shaped AAAAAA) is not a UK postcode; expected a UK postcode such as GL1 2AB; left blank"
        ])
        #expect(table.records.first?.missingFromPostcode == nil)
        #expect(table.records.first?.missingFrom == "Willow House")
    }

    @Test func keepsReportWithBadRiskAsUnknown() {
        let table = police("P1,GLO,Amy,Smith,01/02/2010,F,,,01/03/2024 10:00,01/03/2024 12:00,,extreme,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:12: warning: risk \"extreme\" is not a known code; expected no apparent risk, very low, low, medium or high; kept as unknown"
        ])
        #expect(table.report.accepted == 1)
        #expect(table.records.first?.risk == nil)
    }

    @Test func keepsReportWithBadSexAsUnknown() {
        let table = police("P1,GLO,Amy,Smith,01/02/2010,X,,,01/03/2024 10:00,01/03/2024 12:00,,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:6: warning: sex \"X\" is not a known code; expected M, F or U (Male, Female, Unknown; 1 or 2); kept as unknown"
        ])
        #expect(table.records.first?.sex == .unknown)
    }

    @Test func keepsEpisodeWithUnknownTypeAsMissing() {
        let table = episodes("E1,C1,916,Q,01/03/2024 10:00,,,,,,\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:4: warning: type \"Q\" is not a known episode type; expected M (missing) or A (away without authorisation); read as M"
        ])
        #expect(table.records.first?.type == .missing)
    }

    @Test func keepsEpisodeWithBadFlagAndInterviewDate() {
        let table = episodes("E1,C1,916,A,01/03/2024 10:00,01/03/2024 12:00,,,maybe,later,Y\n")
        #expect(table.report.messages == [
            "la_episodes.csv:2:9: warning: rhi_offered \"maybe\" is not a known code; expected Y or N; kept as unknown",
            "la_episodes.csv:2:10: warning: rhi_completed_at \"later\" is not a date; expected \(Self.expectedDate); left blank",
        ])
        let episode = try? #require(table.records.first)
        #expect(episode?.type == .away)
        #expect(episode?.returnInterviewOffered == nil)
        #expect(episode?.returnInterviewCompletedAt == nil)
        #expect(episode?.cseConcern == true)
    }

    @Test(arguments: [
        ("M", Sex.male), ("male", .male), ("MALE", .male), ("1", .male), ("f", .female), ("Female", .female),
        ("2", .female), ("u", .unknown), ("Unknown", .unknown), ("", .unknown),
    ])
    func readsSexCodesInAnyCase(_ code: String, _ sex: Sex) {
        let table = police("P1,,,,,\(code),,,01/03/2024,,,,\n")
        #expect(table.report.diagnostics.isEmpty)
        #expect(table.records.first?.sex == sex)
    }

    @Test(arguments: [
        ("High", RiskLevel.high), ("high", .high), ("HIGH", .high), ("Very-Low", .veryLow), ("very low", .veryLow),
        ("No Apparent Risk", .noApparentRisk), ("medium", .medium), ("LOW", .low),
    ])
    func readsRiskGradesInAnyCase(_ code: String, _ risk: RiskLevel) {
        let table = police("P1,,,,,,,,01/03/2024,,,\(code),\n")
        #expect(table.report.diagnostics.isEmpty)
        #expect(table.records.first?.risk == risk)
    }

    @Test func usesReportedTimeWhenLastSeenIsBlank() {
        let table = police("P1,GLO,,,,,,,,01/03/2024 12:00,,,\n")
        #expect(table.report.accepted == 1)
        #expect(table.records.first?.startedAt == Fixture.time("2024-03-01 12:00"))
    }

    @Test func rejectsReportWithNoUsableStart() {
        let table = police("P1,GLO,,,,,,,,,,,\nP2,GLO,,,,,,,soon,never,,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:10: rejected: reported_at is empty; expected \(Self.expectedDate)",
            "police_reports.csv:3:10: rejected: reported_at \"never\" is not a date; expected \(Self.expectedDate)",
        ])
        #expect(table.report.rejected == 2)
    }

    @Test func rejectsReportFoundBeforeLastSeen() {
        let table = police("P1,GLO,,,,,,,01/03/2024 10:00,01/03/2024 12:00,28/02/2024,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:11: rejected: found_at \"28/02/2024\" is before the time last seen; expected a time at or after last_seen_at (or reported_at)"
        ])
    }

    @Test func rejectsReportWithoutRef() {
        let table = police(" ,GLO,,,,,,,01/03/2024 10:00,,,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:1: rejected: police_ref is empty; expected an identifier: a row needs its police_ref"
        ])
    }

    @Test func trimsSpacesAroundValues() {
        let table = police("  P1 , GLO ,Amy, Smith ,01/02/2010 , f ,,,01/03/2024 10:00,,,,\n")
        let report = try? #require(table.records.first)
        #expect(report?.ref == "P1")
        #expect(report?.force == "GLO")
        #expect(report?.surname == "Smith")
        #expect(report?.sex == .female)
        #expect(report?.dateOfBirth == CivilDate(year: 2010, month: 2, day: 1))
    }

    @Test func showsControlCharactersInValuesVisibly() {
        let table = police("P1,,,,,\"X\u{1B}[31m\",,,01/03/2024,,,,\n")
        #expect(table.report.messages == [
            "police_reports.csv:2:6: warning: sex \"X\u{241B}[31m\" is not a known code; expected M, F or U (Male, Female, Unknown; 1 or 2); kept as unknown"
        ])
    }

    @Test func countsEveryRowReadAsAcceptedOrRejected() {
        let table = episodes("""
            E1,C1,916,M,01/03/2024 10:00,,,,,,
            ,C1,916,M,01/03/2024 10:00,,,,,,
            E3,C1,916,M,bad,,,,,,

            E4,C1,916,M,01/03/2024 10:00,01/03/2024 11:00,,,,,
            E1,C1,916,M,01/03/2024 10:00,,,,,,

            """)
        #expect((table.report.rowsRead, table.report.accepted, table.report.rejected) == (5, 2, 3))
        #expect(table.report.blankRows == 1)
        #expect(table.report.rejectedRows.map(\.line) == [3, 4, 7])
    }
}
