import Foundation
import MappingFile
import Testing
@testable import IncidentModel

/// No message names a person: over fixtures full of names, dates of birth, addresses and
/// postcodes, each row with a defect that is reported, no personal value appears in any
/// message; the rejected rows keep them, for the rejects file.
struct PersonalValueTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/personal").path

    /// Every personal value in the fixtures (names whole and in parts, dates of birth,
    /// addresses, postcodes).
    private static let personal = [
        "Danielle", "Bogusby", "Amira", "Quennell", "Tobias", "Wrenfield", "Maisie", "Oakhart", "Orla",
        "Pennyworth", "Kitty", "Marchbanks", "Lyra", "Ashdown", "Evangeline", "Hartigan", "Fairweather",
        "31/02/2011", "16-May-11", "2011-13-01", "01/01/2010", "02/02/2010", "03/03/2010", "04/04/2010",
        "13/13/2013", "1/1/11", "2011-02-30", "07.08.2009", "29/02/2011", "05/05/2011", "06/06/2011",
        "07/08/2009", "30/02/2008", "2008-01-01", "31-Jan-08", "02-Jun-10", "03-Mar-09",
        "Hollow Lane", "Birch Road", "Mill Court", "Sorrel Way", "NOTAPOSTCODE", "ZZ99 9ZZZ", "GL1 1AA",
        "NOT A POSTCODE",
    ]

    /// Every message of every file read: native files, a folder without headers, an SSDA903
    /// return, and a police extract whose mapping gives the wrong date style.
    private func everyMessage() throws -> (messages: [String], datasets: [Dataset]) {
        var datasets: [Dataset] = []
        datasets.append(try DatasetLoader.load(
            paths: [Self.folder + "/children.csv", Self.folder + "/police_reports.csv"], zone: Fixture.zone))
        datasets.append(try DatasetLoader.load(paths: [Self.folder + "/headerless"], zone: Fixture.zone))
        datasets.append(try SSDA903Loader.load(paths: [Self.folder + "/ssda903"], authority: "916", zone: Fixture.zone))
        let mapping = try PoliceMapping.read(path: Self.folder + "/extract/mapping.toml")
        for extract in ["missing_persons.csv", "headerless.csv"] {
            datasets.append(ExtractSource.police(path: Self.folder + "/extract/" + extract, mapping: mapping).load(zone: Fixture.zone))
        }
        let messages = datasets.flatMap(\.reports).flatMap { report in
            report.diagnostics.map(\.description) + report.rejectedRows.map(\.reason)
        }
        return (messages, datasets)
    }

    @Test func noPersonalValueAppearsInAnyMessage() throws {
        let (messages, datasets) = try everyMessage()
        // The fixtures give messages of every kind the policy covers.
        #expect(messages.count >= 20)
        #expect(messages.contains { $0.contains("the row has 8 fields") })
        #expect(messages.contains { $0.contains("the header row is missing") })
        #expect(messages.contains { $0.contains("Date of Birth (personal value not shown: 9 characters, shaped 99-Aaa-99)") })
        for message in messages {
            for value in Self.personal {
                #expect(!message.contains(value), "\(value) in: \(message)")
            }
        }
        // The rejected rows keep the whole row, for whoever must correct the source.
        let rejected = datasets.flatMap(\.reports).flatMap(\.rejectedRows).flatMap(\.fields)
        #expect(rejected.contains("Amira Quennell"))
    }

    @Test func describesAValueByItsShapeAndLength() {
        #expect(PersonalValue.describe("Danielle Bogusby") == "personal value not shown: 16 characters, shaped Aaaaaaaa Aaaaaaa")
        #expect(PersonalValue.describe("16-May-11") == "personal value not shown: 9 characters, shaped 99-Aaa-99")
        #expect(PersonalValue.shape("Zoë\u{1B}[2J") == "Aaa?[9A")
        #expect(PersonalValue.describe("") == "personal value not shown: empty")
    }
}
