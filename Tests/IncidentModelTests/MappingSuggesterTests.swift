import MappingFile
import Testing
@testable import IncidentModel

struct MappingSuggesterTests {
    @Test func matchesARealisticHeaderAndGuessesTheDateStyles() throws {
        let extract = """
            Occurrence Ref,Forename,Surname,Date of Birth,Gender,Missing From Address,Post Code,Date/Time Last Seen,Date/Time Reported,Date/Time Found,Risk Grade,CSE Flag,Officer in Case
            MP/24/0001,Ann,Example,16-May-11,F,1 Sample Road,ZZ1 1AA,01/10/2024 13:54,01/10/2024 15:11,,H,N,PC 1
            MP/24/0002,Bob,Example,02-Jan-10,M,1 Sample Road,ZZ1 1AA,02/10/2024 13:54,2024-10-02T15:11,03/10/2024 01:00,M,N,PC 2
            MP/24/0003,Cat,Example,,U,1 Sample Road,ZZ1 1AA,02/10/2024 13:54,03/10/2024 15:11,,NAR,,PC 2

            """
        let suggestion = MappingSuggester.suggest(bytes: Array(extract.utf8), file: "extract.csv")
        #expect(suggestion.mapping.columns == [
            "police_ref": "Occurrence Ref", "forename": "Forename", "surname": "Surname", "dob": "Date of Birth",
            "sex": "Gender", "missing_from": "Missing From Address", "missing_from_postcode": "Post Code",
            "last_seen_at": "Date/Time Last Seen", "reported_at": "Date/Time Reported", "found_at": "Date/Time Found",
            "risk": "Risk Grade", "cse_concern": "CSE Flag",
        ])
        #expect(suggestion.unmatchedRequired.isEmpty)
        #expect(suggestion.unmatchedOptional == ["force"])
        #expect(suggestion.unusedColumns == ["Officer in Case"])
        #expect(suggestion.mapping.dateStyles.mapValues { $0.map(\.pattern) } == [
            "dob": ["dd-MMM-yy"], "last_seen_at": ["dd/MM/yyyy HH:mm"],
            "reported_at": ["dd/MM/yyyy HH:mm", "yyyy-MM-dd'T'HH:mm"], "found_at": ["dd/MM/yyyy HH:mm"],
        ])
        #expect(suggestion.mapping.values == ["risk": ["H": "high", "M": "medium", "NAR": "no apparent risk"]])
        // The file it writes is a mapping mfc reads, and reads the extract with.
        let mapping = try PoliceMapping.parse(suggestion.text, file: "mapping.toml")
        #expect(mapping.columns == suggestion.mapping.columns)
        let directory = try TemporaryDirectory()
        let path = try directory.write("extract.csv", extract)
        let dataset = ExtractSource.police(path: path, mapping: mapping).load(zone: Fixture.zone)
        let report = try #require(dataset.reports.first)
        #expect((report.accepted, report.rejected) == (3, 0))
        #expect(dataset.policeReports.map(\.risk) == [.high, .medium, .noApparentRisk])
    }

    @Test func unmatchedRequiredFieldIsCommentedOutWithATodo() throws {
        let extract = "Ref No.,Logged,First Name\nA1,01/10/2024 15:11,Ann\n"
        let suggestion = MappingSuggester.suggest(bytes: Array(extract.utf8), file: "extract.csv")
        #expect(suggestion.unmatchedRequired == ["police_ref", "reported_at"])
        #expect(suggestion.mapping.columns == ["forename": "First Name"])
        #expect(suggestion.text.contains("# TODO: police_ref is required: name the column that holds it.\n# police_ref = \"\""))
        #expect(suggestion.text.contains("# TODO: reported_at is required"))
        // Read as it is, the mapping says which required fields are missing and what was found.
        let mapping = try PoliceMapping.parse(suggestion.text, file: "mapping.toml")
        let directory = try TemporaryDirectory()
        let path = try directory.write("extract.csv", extract)
        let report = try #require(ExtractSource.police(path: path, mapping: mapping).load(zone: Fixture.zone).reports.first)
        #expect(report.messages == [
            "extract.csv:1: error: required fields police_ref, reported_at not mapped in mapping.toml; expected a [columns] entry for each of police_ref, reported_at naming one of the file's columns; found Ref No., Logged, First Name",
        ])
    }

    @Test func dateStyleItCannotGuessIsATodo() {
        let extract = "Occurrence Ref,Date/Time Reported\nA1,1st October 2024\n"
        let suggestion = MappingSuggester.suggest(bytes: Array(extract.utf8), file: "extract.csv")
        #expect(suggestion.undatedFields == ["reported_at"])
        #expect(suggestion.text.contains("# TODO: no known style fits reported_at on line 2; write its style."))
    }
}

/// A police extract without its header row: the first row is data, and its values (a name, a
/// date of birth) are not written into the suggested mapping as "columns not used".
struct HeaderlessSuggestionTests {
    @Test func aDataRowIsNotListedAsColumns() {
        let extract = Array("P9,Orla,Pennyworth,03-Mar-09,01/03/2024 12:00\n".utf8)
        let suggestion = MappingSuggester.suggest(bytes: extract, file: "extract.csv", mappingFile: "mapping.toml")
        #expect(suggestion.mapping.columns.isEmpty)
        for value in ["Orla", "Pennyworth", "03-Mar-09"] { #expect(!suggestion.text.contains(value)) }
    }
}
