import MappingFile
import Testing
@testable import IncidentModel

struct PoliceMappingTests {
    static let mapping = """
        [columns]
        police_ref = "Occurrence Ref"
        force = "Force"
        forename = "Forename"
        surname = "Surname"
        dob = "Date of Birth"
        sex = "Gender"
        last_seen_at = "Date/Time Last Seen"
        reported_at = "Date/Time Reported"
        found_at = "Date/Time Found"
        risk = "Risk Grade"

        [dates]
        default = "dd-MMM-yyyy HH:mm"
        dob = ["dd-MMM-yy", "dd/MM/yyyy"]

        [values.risk]
        "H" = "high"
        "M" = "medium"

        """

    func load(_ extract: String, mapping text: String = Self.mapping) throws -> Dataset {
        let mapping = try PoliceMapping.parse(text, file: "mapping.toml")
        let directory = try TemporaryDirectory()
        let path = try directory.write("extract.csv", extract)
        return ExtractSource.police(path: path, mapping: mapping).load(zone: Fixture.zone)
    }

    @Test func readsAnExtractIntoTheSameRecordsAsTheNativeFile() throws {
        let extract = """
            Risk Grade,FORENAME,surname,Occurrence Ref,Date/Time Reported,Date/Time Last Seen,Date/Time Found,Date of Birth,Gender,Force,Officer
            H,Zephyrina,Quillfeather,P1,01-Mar-2023 12:00,01-Mar-2023 11:00,01-Mar-2023 19:00,01-Feb-10,Female,GLO,PC 1
            m,Barnaby,Oddlestone,P2,10-Mar-2024 12:00,,,05/06/2011,M,GLO,PC 2

            """
        let native = Fixture.policeHeader + """
            P1,GLO,Zephyrina,Quillfeather,01/02/2010,F,,,01/03/2023 11:00,01/03/2023 12:00,01/03/2023 19:00,high,
            P2,GLO,Barnaby,Oddlestone,05/06/2011,M,,,,10/03/2024 12:00,,medium,

            """
        let mapped = try load(extract)
        let expected = Fixture.importTable(PoliceReportDecoder.self, native).records
        #expect(mapped.policeReports == expected)
        let report = try #require(mapped.reports.first)
        #expect((report.rowsRead, report.accepted, report.rejected) == (2, 2, 0))
        #expect(report.messages == ["extract.csv:1: note: column Officer not named in the mapping; ignored"])
    }

    @Test func messagesNameTheExtractsOwnLinesAndColumns() throws {
        let extract = """
            Occurrence Ref,Date/Time Reported,Date of Birth,Risk Grade,Force,Forename,Surname,Gender,Date/Time Last Seen,Date/Time Found
            P1,01/03/2023 12:00,01-Feb-10,H,GLO,A,B,F,,
            P2,10-Mar-2024 12:00,1st May,Q,GLO,A,B,F,,

            """
        let report = try #require(try load(extract).reports.first)
        #expect((report.rowsRead, report.accepted, report.rejected) == (2, 1, 1))
        #expect(report.messages == [
            "extract.csv:2:2: rejected: Date/Time Reported \"01/03/2023 12:00\" is not a date; expected a date written as \"dd-MMM-yyyy HH:mm\"",
            "extract.csv:3:3: warning: Date of Birth (personal value not shown: 7 characters, shaped 9aa Aaa) is not a date; expected a date written as \"dd-MMM-yy\" or \"dd/MM/yyyy\"; left blank",
            "extract.csv:3:4: warning: Risk Grade \"Q\" is not a known code; expected \(RiskLevel.expected); kept as unknown",
        ])
    }

    @Test func unmappedRequiredFieldNamesTheFieldAndTheColumnsFound() throws {
        let text = Self.mapping.replacingOccurrences(of: "reported_at = \"Date/Time Reported\"\n", with: "")
        let dataset = try load("Occurrence Ref,When Reported,Forename\nP1,01-Mar-2023 12:00,A\n", mapping: text)
        let report = try #require(dataset.reports.first)
        #expect(report.failed)
        #expect(dataset.policeReports.isEmpty)
        #expect(report.messages == [
            "extract.csv:1: error: required field reported_at not mapped in mapping.toml; expected a [columns] entry for each of reported_at naming one of the file's columns; found Occurrence Ref, When Reported, Forename",
        ])
    }

    @Test func mappedColumnTheFileLacksIsAnErrorWithTheMappingsLine() throws {
        let dataset = try load("Occurrence Ref,Reported On\nP1,01-Mar-2023 12:00\n")
        let report = try #require(dataset.reports.first)
        #expect(report.failed)
        let message = try #require(report.messages.first)
        #expect(message.hasPrefix("extract.csv:1: error: the mapping names columns the header lacks: force -> \"Force\" (mapping.toml:3)"))
        #expect(message.contains("reported_at -> \"Date/Time Reported\" (mapping.toml:9)"))
        #expect(message.hasSuffix("found Occurrence Ref, Reported On"))
    }

    @Test func tomlSyntaxErrorGivesTheMappingFilesLine() {
        let broken = "[columns]\npolice_ref = \"Occurrence Ref\"\nreported_at = \"Date/Time Reported\n"
        #expect {
            try PoliceMapping.parse(broken, file: "mapping.toml")
        } throws: { error in
            guard case let .syntax(file, line, _, _) = error as? PoliceMappingError else { return false }
            return file == "mapping.toml" && line == 3
        }
    }

    @Test func badDateStyleGivesItsLine() {
        let text = "[columns]\npolice_ref = \"Ref\"\nreported_at = \"Reported\"\n\n[dates]\nreported_at = \"dd/mm/yyyy hh:mm\"\n"
        #expect(throws: PoliceMappingError.invalid(
            file: "mapping.toml", line: 6,
            message: "[dates] reported_at: date style \"dd/mm/yyyy hh:mm\": \"h\" is not a pattern letter; \(DateStyle.help)")) {
            try PoliceMapping.parse(text, file: "mapping.toml")
        }
    }

    @Test func unknownFieldGivesItsLine() {
        let text = "[columns]\npolice_ref = \"Ref\"\n\"reported at\" = \"Reported\"\n"
        #expect {
            try PoliceMapping.parse(text, file: "mapping.toml")
        } throws: { error in
            guard case let .invalid(_, line, message) = error as? PoliceMappingError else { return false }
            return line == 3 && message.hasPrefix("[columns] reported at is not a field of police_reports.csv")
        }
    }

    @Test func writtenMappingReadsBack() throws {
        let mapping = try PoliceMapping.parse(Self.mapping, file: "mapping.toml")
        var again = try PoliceMapping.parse(mapping.toml, file: "mapping.toml")
        again.lines = mapping.lines
        #expect(again == mapping)
    }

    @Test func passesOverATitleAboveTheHeader() throws {
        let extract = "Missing persons export,,\n,,\nOccurrence Ref,Date/Time Reported,Force,Forename,Surname,Date of Birth,Gender,Date/Time Last Seen,Date/Time Found,Risk Grade\nP1,01-Mar-2023 12:00,GLO,,,,,,,\n"
        let report = try #require(try load(extract).reports.first)
        #expect((report.rowsRead, report.accepted) == (1, 1))
        #expect(report.messages.first == "extract.csv:1: note: lines 1-2 above the header read as a title and skipped")
    }
}
