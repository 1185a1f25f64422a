import Foundation
import Testing
@testable import IncidentModel

/// Header names, file names and values with control bytes are shown with the bytes made
/// visible; UTF-16 and UTF-32 files are one encoding error, named, with no NUL anywhere.
struct ControlBytesTests {
    /// Nothing in `text` that a terminal acts on (C0, C1, DEL, bidirectional overrides).
    private func isSafe(_ text: String) -> Bool { !text.unicodeScalars.contains(where: TextSanitiser.isUnsafe) }

    @Test func headerWithControlBytesIsShownSafely() throws {
        // BEL, BS, FF, ESC and CR in the names of an extract's columns, which lacks its required ones.
        let header = "Occurrence Ref,URN,Occ\u{07}Ref,Fore\u{08}name,\u{0C}Surname,\u{1B}[31mRisk,Date\rSeen\n"
        let directory = try TemporaryDirectory()
        let path = try directory.write("ex\u{1B}]0;title\u{07}.csv", header + "P1,A,B,H,01/01/2024\n")
        let mapping = PoliceMapping(file: "m\u{1B}.toml", columns: ["police_ref": "Occurrence Ref", "reported_at": "Reported"])
        let police = ExtractSource.police(path: path, mapping: mapping).load(zone: Fixture.zone)
        let ofsted = ExtractSource.ofstedHomes(path: path, authorities: []).load(zone: Fixture.zone)
        let native = try DatasetLoader.load(paths: [try directory.write("homes.csv", header)], zone: Fixture.zone)
        let messages = [police, ofsted, native].flatMap(\.reports).flatMap(\.diagnostics).map(\.description)
        #expect(messages.count >= 3)
        for message in messages { #expect(isSafe(message), "\(message.debugDescription)") }
        #expect(messages.contains { $0.contains("Occ\u{2407}Ref") })
    }

    @Test(arguments: [
        (WideEncoding.utf16LE, false), (.utf16BE, false), (.utf32LE, false), (.utf32BE, false),
        (.utf16LE, true), (.utf16BE, true), (.utf32LE, true), (.utf32BE, true),
    ])
    func wideEncodingIsOneNamedError(encoding: WideEncoding, byteOrderMark: Bool) throws {
        let text = "child_id,local_authority,given_name\nC1,916,Zoë\n"
        var bytes: [UInt8] = []
        let units = Array(text.unicodeScalars)
        switch encoding {
        case .utf16LE, .utf16BE:
            let big = encoding == .utf16BE
            if byteOrderMark { bytes += big ? [0xFE, 0xFF] : [0xFF, 0xFE] }
            for unit in text.utf16 { bytes += big ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        case .utf32LE, .utf32BE:
            let big = encoding == .utf32BE
            if byteOrderMark { bytes += big ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0] }
            for scalar in units {
                let v = scalar.value
                let le = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
                bytes += big ? le.reversed() : le
            }
        }
        #expect(WideEncoding.detect(bytes)?.encoding == encoding)
        #expect(WideEncoding.detect(bytes)?.byteOrderMark == byteOrderMark)
        let table = Fixture.importTable(ChildDecoder.self, bytes: bytes, file: "children.csv")
        #expect(table.report.failed && table.report.rowsRead == 0)
        let messages = table.report.diagnostics.map(\.description)
        #expect(messages.count == 1)
        #expect(messages.first?.contains(encoding.rawValue) == true)
        #expect(!messages.joined().utf8.contains(0))
    }

    @Test func utf8WithAStrayNulIsNotTakenForAWideEncoding() {
        #expect(WideEncoding.detect(Array("child_id,local_authority\nC1,9\u{0}16\n".utf8)) == nil)
        #expect(WideEncoding.detect(Array("Zoë,Łukasz,Ærø\n".utf8)) == nil)
    }
}
