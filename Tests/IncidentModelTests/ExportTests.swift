import Foundation
import Testing
@testable import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

struct CSVWriterTests {
    static func reread(_ bytes: [UInt8]) -> [[String]] {
        Fixture.records(bytes).map(\.fields)
    }

    @Test func quotesOnlyWhatNeedsIt() {
        var writer = CSVWriter()
        writer.append(row: [.text("plain"), .text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text(" padded "), .empty])
        #expect(String(decoding: writer.bytes, as: UTF8.self)
            == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",\r\n")
    }

    @Test(arguments: ["=SUM(A1:A2)", "+44 1452", "-1", "@cmd", "\tx", "\rx", "\nx", "=HYPERLINK(\"http://x\")"])
    func neutralisesFormulaText(_ value: String) {
        var writer = CSVWriter()
        writer.append(row: [.text(value)])
        #expect(Self.reread(writer.bytes) == [["'" + value]])
    }

    @Test(arguments: ["-1.50", "12.00", "2024-03-01 10:00", "+1"])
    func leavesFormattedValuesAlone(_ value: String) {
        var writer = CSVWriter()
        writer.append(row: [.formatted(value)])
        #expect(Self.reread(writer.bytes) == [[value]])
    }

    @Test func leavesSafeTextAlone() {
        #expect(CSVWriter.neutralised("Amy") == "Amy")
        #expect(CSVWriter.neutralised("a=b") == "a=b")
        #expect(CSVWriter.neutralised("") == "")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func rereadsWhatItWrote(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let alphabet: [String] = ["a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "=", "+", "-", "@", "\t", "'", "é", "£", "😀", ";"]
        for _ in 0..<300 {
            let rows = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                (0..<Int.random(in: 2...6, using: &random)).map { _ in
                    (0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "" }.joined()
                }
            }
            var writer = CSVWriter()
            for row in rows { writer.append(row: row.map { $0.isEmpty ? .empty : .text($0) }) }
            let expected = rows.map { $0.map(CSVWriter.neutralised) }
            #expect(Self.reread(writer.bytes) == expected, "\(rows)")
            #expect(Fixture.records(writer.bytes).allSatisfy { $0.problem == nil })
        }
    }
}

struct IncidentExporterTests {
    static let exporter = IncidentExporter(catalogue: QueryFixture.catalogue)

    static func sample(given: String = "Amy", family: String = "Smith") -> CombinedIncident {
        var incident = QueryFixture.incident(
            "L-E1", start: "01/03/2024 10:00", hours: 12.5, home: "SC000001", authority: "330", risk: .high,
            given: given, family: family)
        incident.child = "C1"
        incident.cseConcern = true
        incident.discrepancies = [.startsApart, .differentHomes]
        incident.episodeIDs = ["E1"]
        incident.policeRefs = ["P1", "P2"]
        incident.returnInterview = .completedInTime
        return incident
    }

    @Test func writesAHeaderAndOneTraceableRowPerIncident() {
        let rows = CSVWriterTests.reread(Self.exporter.csv([Self.sample()]))
        #expect(rows.count == 2)
        #expect(rows[0] == IncidentExporter.header)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row == [
            "incident_id": "L-E1", "provenance": "both", "start": "2024-03-01 10:00", "end": "2024-03-01 22:30",
            "still_missing": "N", "duration_hours": "12.50", "child_id": "C1", "given_name": "Amy", "family_name": "Smith",
            "dob": "2010-02-01", "sex": "F", "home_urn": "SC000001", "home_name": "Willow House",
            "responsible_authority": "330", "host_authority": "916", "force": "GLO", "out_of_area": "Y",
            "highest_risk": "high", "return_interview": "completed in 72h", "cse_concern": "Y",
            "discrepancies": "starts >24h apart; different homes", "repeat_3_in_90_days": "N", "police_refs": "P1;P2",
            "la_episode_ids": "E1", "start_utc": "2024-03-01 10:00", "end_utc": "2024-03-01 22:30",
        ])
    }

    @Test func tellsTheRepeatedHourApartInUTC() {
        // 01:30 on the last Sunday of October 2024 happens twice: in summer time, then an hour
        // later in winter time. Local time reads the same; UTC does not.
        var first = Self.sample()
        first.start = Fixture.instant("27/10/2024 01:30")
        first.end = first.start.adding(seconds: 1800)
        var second = first
        second.id = IncidentID("L-E2")
        second.start = first.start.adding(seconds: 3600)
        second.end = second.start.adding(seconds: 1800)
        let rows = CSVWriterTests.reread(Self.exporter.csv([first, second]))
        let column = { (name: String) in IncidentExporter.header.firstIndex(of: name) ?? 0 }
        #expect(rows[1][column("start")] == "2024-10-27 01:30")
        #expect(rows[2][column("start")] == "2024-10-27 01:30")
        #expect(rows[1][column("start_utc")] == "2024-10-27 00:30")
        #expect(rows[2][column("start_utc")] == "2024-10-27 01:30")
        #expect(rows[1][column("end_utc")] == "2024-10-27 01:00")
    }

    @Test func writesJSONWithTypedValues() throws {
        var ongoing = Self.sample()
        ongoing.end = nil
        let text = Self.exporter.json([Self.sample(), ongoing])
        #expect(text.contains(#""still_missing": false"#))
        #expect(text.contains(#""still_missing": true"#))
        #expect(text.contains(#""duration_hours": 12.50"#))
        #expect(text.contains(#""duration_hours": null"#))
        #expect(text.contains(#""police_refs": ["P1", "P2"]"#))
        #expect(text.contains(#""la_episode_ids": ["E1"]"#))
        #expect(text.contains(#""discrepancies": ["starts >24h apart", "different homes"]"#))
        #expect(text.contains(#""cse_concern": true"#))
        #expect(text.contains(#""child_id": "C1""#))
        #expect(text.contains(#""end_utc": null"#))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["police_refs"] as? [String] == ["P1", "P2"])
    }

    @Test func endsLinesWithCRLF() {
        let text = String(decoding: Self.exporter.csv([Self.sample()]), as: UTF8.self)
        #expect(text.hasPrefix("incident_id,provenance,start,"))
        #expect(text.hasSuffix(",P1;P2,E1,2024-03-01 10:00,2024-03-01 22:30\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 3)
    }

    @Test func leavesOngoingIncidentEndBlank() {
        var incident = Self.sample()
        incident.end = nil
        let rows = CSVWriterTests.reread(Self.exporter.csv([incident]))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["end"] == "")
        #expect(row["still_missing"] == "Y")
        #expect(row["duration_hours"] == "")
    }

    @Test(arguments: [1, 2] as [UInt64])
    func rereadsEveryExportedNameExactlyOrNeutralised(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["Amy", "O'Neil", ",", "\"", "\n", "=1+1", "+", "-", "@", " ", "Zoë", "\r\n", "\t"]
        var incidents: [CombinedIncident] = []
        for n in 0..<200 {
            let given = (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let family = (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            var incident = Self.sample(given: given, family: family)
            incident.id = IncidentID("L-\(n)")
            incidents.append(incident)
        }
        let rows = CSVWriterTests.reread(Self.exporter.csv(incidents))
        #expect(rows.count == incidents.count + 1)
        let given = IncidentExporter.header.firstIndex(of: "given_name") ?? 0
        let family = IncidentExporter.header.firstIndex(of: "family_name") ?? 0
        let duration = IncidentExporter.header.firstIndex(of: "duration_hours") ?? 0
        for (row, incident) in zip(rows.dropFirst(), incidents) {
            #expect(row.count == IncidentExporter.header.count)
            #expect(row[given] == CSVWriter.neutralised(incident.person.givenName))
            #expect(row[family] == CSVWriter.neutralised(incident.person.familyName))
            #expect(row[duration] == "12.50")
        }
    }

    @Test func neutralisesFormulaInSourceIds() {
        var incident = Self.sample()
        incident.policeRefs = ["=cmd|' /C calc'!A0"]
        let rows = CSVWriterTests.reread(Self.exporter.csv([incident]))
        let refs = IncidentExporter.header.firstIndex(of: "police_refs") ?? 0
        #expect(rows[1][refs + 1] == "E1")
        #expect(rows[1][refs] == "'=cmd|' /C calc'!A0")
    }

    @Test(arguments: [
        (12.5, "12.50"), (0, "0.00"), (1.005, "1.00"), (100.999, "101.00"), (0.25, "0.25"), (-0.5, "-0.50"),
        (-12.25, "-12.25"), (123_456.78, "123456.78"),
    ])
    func writesHoursWithTwoDecimals(_ hours: Double, _ text: String) {
        #expect(IncidentExporter.decimal(hours) == text)
    }

    @Test func writesJSONWithNullsAndEscapes() {
        var incident = Self.sample(given: "Jo \"JJ\"\n=1", family: "Smith\\")
        incident.end = nil
        let json = Self.exporter.json([incident])
        #expect(json.hasPrefix("[\n  {\"incident_id\": \"L-E1\", \"provenance\": \"both\""))
        #expect(json.contains("\"given_name\": \"Jo \\\"JJ\\\"\\n=1\""))
        #expect(json.contains("\"family_name\": \"Smith\\\\\""))
        #expect(json.contains("\"end\": null"))
        #expect(json.hasSuffix("}\n]\n"))
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["given_name"] as? String == "Jo \"JJ\"\n=1")
        #expect(Self.exporter.json([]) == "[\n]\n")
    }
}

struct AtomicFileWriterTests {
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    static func leftovers(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    @Test func createsTheFileWithMode0600EvenUnderUmask022() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("out.csv")
        let old = umask(0o022)
        defer { umask(old) }
        try AtomicFileWriter.write(Array("a,b\r\n".utf8), to: path, replace: false)
        #expect(Self.mode(path) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("a,b\r\n".utf8))
        #expect(try Self.leftovers(directory).isEmpty)
    }

    @Test func refusesToReplaceWithoutPermission() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("out.csv", "old")
        #expect(throws: FileWriteError.exists(path: path)) {
            try AtomicFileWriter.write(Array("new".utf8), to: path, replace: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try Self.leftovers(directory).isEmpty)
        #expect(FileWriteError.exists(path: path).description == "\(path) already exists; use --force to replace it")
    }

    @Test func replacesWhenAllowedAndTightensTheMode() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("out.csv", "old")
        chmod(path, 0o644)
        try AtomicFileWriter.write(Array("new".utf8), to: path, replace: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(Self.mode(path) == 0o600)
        #expect(try Self.leftovers(directory).isEmpty)
    }

    @Test func reportsAFolderThatDoesNotExist() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("missing/out.csv")
        #expect(throws: FileWriteError.self) {
            try AtomicFileWriter.write(Array("x".utf8), to: path, replace: true)
        }
        #expect(!AtomicFileWriter.exists(path))
    }

    @Test func exportsIncidentsThroughTheWriter() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("incidents.csv")
        let exporter = IncidentExporterTests.exporter
        let count = try exporter.write([IncidentExporterTests.sample()], to: path, replace: false)
        #expect(count == 1)
        #expect(Self.mode(path) == 0o600)
        let bytes = try FileBytes.read(path: path)
        #expect(bytes == exporter.csv([IncidentExporterTests.sample()]))
        #expect(throws: FileWriteError.exists(path: path)) { try exporter.write([], to: path, replace: false) }
    }
}

/// The rejects file's `fields` column: a rejected row written back as read.
struct RejectedFieldsTests {
    @Test func writesARejectedRowsFieldsWithoutAFormulaPrefix() {
        let fields = ["=SUM(A1)", "-5", "@x", "plain, with comma", "say \"hi\""]
        let line = CSVWriter.sourceLine(fields)
        #expect(line == "=SUM(A1),-5,@x,\"plain, with comma\",\"say \"\"hi\"\"\"")
        #expect(Fixture.records(line + "\n").first?.fields == fields)
        var writer = CSVWriter()
        writer.append(row: [.text("=file.csv"), .source(line)])
        // The column holding the row is unprefixed; other text from the data still is.
        #expect(Fixture.records(writer.bytes).first?.fields == ["'=file.csv", line])
    }
}
