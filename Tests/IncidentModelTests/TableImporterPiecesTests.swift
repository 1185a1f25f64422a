import Testing
@testable import IncidentModel

/// Reading a file in pieces on several cores must give exactly what one pass gives.
struct TableImporterPiecesTests {
    static let header =
        "episode_id,child_id,local_authority,type,started_at,ended_at,placement_urn,police_ref,rhi_offered,rhi_completed_at,cse_concern\n"

    /// A body with repeated ids across the file, bad rows, warnings, blank lines and quoted
    /// line breaks, built from a fixed seed.
    static func body(seed: UInt64, rows: Int) -> String {
        var random = SeededGenerator(seed: seed)
        var text = ""
        for n in 0..<rows {
            let id = random.below(10) == 0 ? "E\(random.below(UInt64(max(1, n))))" : "E\(n)"
            switch random.below(12) {
            case 0: text += "\(id),C1,916,M,31/02/2024,,,,,,\n"  // rejected: impossible start
            case 1: text += "\n"  // blank
            case 2: text += "\(id),C1,916,M,01/03/2024 10:00,,\"SC0\n00001\",,,,\n"  // quoted line break
            case 3: text += "\(id),C1,916,X,01/03/2024 10:00,,,,maybe,,\n"  // two warnings
            default: text += "\(id),C\(random.below(50)),916,M,0\(1 + random.below(9))/03/2024 10:00,,SC000001,,Y,,N\n"
            }
        }
        return text
    }

    @Test(arguments: [1, 2, 3, 7, 16])
    func givesTheSameResultAsOnePass(pieces: Int) {
        for seed in UInt64(1)...UInt64(12) {
            let bytes = Array((Self.header + Self.body(seed: seed, rows: 400)).utf8)
            let whole = TableImporter.run(EpisodeDecoder.self, bytes: bytes, file: "e.csv", zone: .utc)
            let split = TableImporter.run(
                EpisodeDecoder.self, bytes: bytes, file: "e.csv", zone: .utc, pieces: pieces, minimumPieceBytes: 1)
            #expect(split.records == whole.records, "seed \(seed), \(pieces) pieces")
            #expect(split.lines == whole.lines)
            #expect(split.report.rowsRead == whole.report.rowsRead)
            #expect(split.report.accepted == whole.report.accepted)
            #expect(split.report.rejected == whole.report.rejected)
            #expect(split.report.blankRows == whole.report.blankRows)
            #expect(split.report.rejectedRows.map(\.line) == whole.report.rejectedRows.map(\.line))
            #expect(split.report.diagnostics.map(\.line) == whole.report.diagnostics.map(\.line))
            #expect(split.report.rowsRead == split.report.accepted + split.report.rejected)
        }
    }

    @Test func rejectsAnIdRepeatedInALaterPieceAndDropsItsWarnings() {
        let body = "E1,C1,916,M,01/03/2024 10:00,,,,,,\nE2,C1,916,M,01/03/2024 10:00,,,,,,\n"
            + "E1,C1,916,X,01/03/2024 10:00,,,,,,\n"
        let bytes = Array((Self.header + body).utf8)
        let split = TableImporter.run(
            EpisodeDecoder.self, bytes: bytes, file: "e.csv", zone: .utc, pieces: 3, minimumPieceBytes: 1)
        #expect(split.records.map(\.id) == ["E1", "E2"])
        #expect(split.report.diagnostics.map(\.description) == [
            "e.csv:4:1: rejected: episode_id \"E1\" repeats the id of line 2; expected a unique episode_id; the first row is kept"
        ])
        #expect(split.report.rejectedRows.first?.fields.first == "E1")
    }

    @Test func cutsOnlyAfterALineFeedAndNumbersLinesAcrossPieces() {
        let text = "a\nb\r\nc\rd\n\"e\nf\"\ng\n"
        let pieces = ChunkPlan.pieces(bytes: Array(text.utf8), from: 0, line: 1, pieces: 4, minimumBytes: 1)
        for piece in pieces.dropFirst() { #expect(Array(text.utf8)[piece.start - 1] == 0x0A) }
        #expect(pieces.first?.start == 0)
        #expect(pieces.last?.end == text.utf8.count)
        // Every piece's first line is the number of line ends before it, plus one.
        for piece in pieces {
            #expect(piece.line == 1 + ChunkPlan.countLineEnds(Array(text.utf8), from: 0, to: piece.start))
        }
    }
}

extension SeededGenerator {
    /// A number in `0..<n`.
    mutating func below(_ n: UInt64) -> UInt64 { next() % max(1, n) }
}

extension TableImporterPiecesTests {
    /// Each piece is given room for one record more than its line ends: a last row with no line
    /// end, and rows ended by a lone CR, must still all be read.
    @Test(arguments: [1, 2, 5])
    func readsEveryRowWhateverTheLineEnds(pieces: Int) {
        let rows = (1...9).map { "E\($0),C1,916,M,01/03/2024 10:00,,,,,," }
        for body in [rows.joined(separator: "\n"), rows.joined(separator: "\r"), rows.joined(separator: "\r\n") + "\r\n"] {
            let bytes = Array((Self.header + body).utf8)
            let table = TableImporter.run(
                EpisodeDecoder.self, bytes: bytes, file: "e.csv", zone: .utc, pieces: pieces, minimumPieceBytes: 1)
            #expect(table.records.map(\.id.rawValue) == (1...9).map { "E\($0)" })
            #expect(table.lines == (2...10).map(Int32.init))
        }
    }

    /// Whole and split reads give the same messages word for word, not only on the same lines.
    @Test func givesTheSameMessagesAsOnePass() {
        let bytes = Array((Self.header + Self.body(seed: 5, rows: 600)).utf8)
        let whole = TableImporter.run(EpisodeDecoder.self, bytes: bytes, file: "e.csv", zone: .utc)
        let split = TableImporter.run(
            EpisodeDecoder.self, bytes: bytes, file: "e.csv", zone: .utc, pieces: 6, minimumPieceBytes: 1)
        #expect(split.report.diagnostics.map(\.description) == whole.report.diagnostics.map(\.description))
        #expect(split.report.rejectedRows == whole.report.rejectedRows)
        #expect(whole.report.diagnostics.contains { $0.message.hasPrefix("repeats the id of line") })
    }
}

extension TableImporterPiecesTests {
    /// Line ends counted a word at a time agree with a byte-by-byte count: LF, CRLF and a lone
    /// CR, at every alignment and range.
    @Test func countsLineEndsAsTheReaderDoes() {
        var random = SeededGenerator(seed: 42)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x61, 0x62, 0x2C, 0x22, 0xC3, 0xA9]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 200] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet[Int(random.below(UInt64(random.below(2) == 0 ? 3 : 8)))] }
                for from in Set([0, min(1, length), length / 3]) {
                    for to in Set([length, max(from, length - 1), max(from, length / 2)]) {
                        var expected = 0
                        for i in from..<to where bytes[i] == 0x0A || (bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                            expected += 1
                        }
                        #expect(ChunkPlan.countLineEnds(bytes, from: from, to: to) == expected, "\(bytes) \(from)..<\(to)")
                    }
                }
            }
        }
    }
}
