import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import IncidentModel

struct PseudonymiserTests {
    static let key = Array("correct horse battery staple".utf8)

    @Test func sameIdAndKeyGiveTheSamePseudonymAndAnotherKeyAnother() throws {
        let one = try Pseudonymiser(key: Self.key)
        let again = try Pseudonymiser(key: Self.key)
        let other = try Pseudonymiser(key: Array("another key, quite different".utf8))
        #expect(one.pseudonym("C1") == again.pseudonym("C1"))
        #expect(one.pseudonym("C1") != one.pseudonym("C2"))
        #expect(one.pseudonym("C1") != other.pseudonym("C1"))
        #expect(one.pseudonym("C1").count == 64)
    }

    @Test func matchesHMACSHA256() throws {
        // Computed independently with `printf C1 | openssl dgst -sha256 -hmac "correct horse battery staple"`.
        #expect(try Pseudonymiser(key: Self.key).pseudonym("C1")
            == "5bfc34a94f355ede4c30729ca8ad9c3ac03413eea4b9231b3d9424e636633535")
    }

    @Test func exportDropsNamesAndDatesOfBirthAndNeverWritesTheKey() throws {
        let catalogue = IncidentCatalogue(registers: ReportFixture.linked.registers, zone: .utc)
        let exporter = IncidentExporter(catalogue: catalogue, pseudonymiser: try Pseudonymiser(key: Self.key))
        let csv = String(decoding: exporter.csv(ReportFixture.linked.incidents), as: UTF8.self)
        let json = exporter.json(ReportFixture.linked.incidents)
        for text in [csv, json] {
            for secret in ["Amy", "Able", "Dunn", "2010-01-01", "correct horse", ",C1,"] { #expect(!text.contains(secret), "\(secret)") }
        }
        #expect(csv.hasPrefix("incident_id,provenance,start,end,still_missing,duration_hours,child_pseudonym,sex,home_urn,"))
        #expect(csv.contains(try Pseudonymiser(key: Self.key).pseudonym("C1")))
        #expect(exporter.columns.count == IncidentExporter.header.count - 3)
    }

    @Test func shortOrMissingKeyFilesAreRefusedWithoutShowingTheKey() throws {
        let folder = try TemporaryDirectory()
        let short = try folder.write("short.key", "abc\n")
        #expect(throws: PseudonymiserError.tooShort(path: short, bytes: 3)) { try Pseudonymiser(keyFile: short) }
        #expect(throws: PseudonymiserError.unreadable(path: folder.file("none"))) { try Pseudonymiser(keyFile: folder.file("none")) }
        // A named pipe is refused at once, not waited on.
        let pipe = folder.file("key.fifo")
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: PseudonymiserError.unreadable(path: pipe)) { try Pseudonymiser(keyFile: pipe) }
        // A trailing line break is not part of the key.
        let withNewline = try folder.write("k1", "correct horse battery staple\n")
        #expect(try Pseudonymiser(keyFile: withNewline).pseudonym("C1") == Pseudonymiser(key: Self.key).pseudonym("C1"))
    }
}
