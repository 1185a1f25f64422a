/// Runs a decoder over a file's bytes: the header, then every row, accepted or rejected.
///
/// A large file is read in pieces on every core (``ChunkPlan``); the pieces' results are joined
/// in file order and ids repeated across pieces are rejected as if read in one pass.
enum TableImporter {
    /// Reads a whole file. `pieces` and `minimumPieceBytes` set how a large file is split
    /// (tests use them to split small inputs).
    static func run<D: RecordDecoding>(
        _ decoder: D.Type, bytes: [UInt8], file: String, zone: LocalTimeZone,
        pieces pieceCount: Int = 0, minimumPieceBytes: Int = ChunkPlan.minimumBytes
    ) -> ImportedTable<D.Record> {
        var report = FileReport(kind: D.kind, file: file)
        var table = ImportedTable<D.Record>(records: [], lines: [], report: report)
        var reader = CSVReader(bytes: bytes)
        var header: [String]?
        var headerProblem: Diagnostic?
        while header == nil {
            let more = reader.next { record in
                guard !record.isBlank else { return }
                header = record.strings
                // A header that cannot be read (a quote left open swallows every row) makes the
                // file unusable; it must not pass as a file with no rows.
                if let problem = record.problem {
                    headerProblem = Self.diagnostic(for: problem, record: record, file: file, header: [])
                    headerProblem?.severity = .error
                }
            }
            if !more { break }
        }
        guard let header else {
            report.diagnostics.append(Diagnostic(
                severity: .error, file: file, message: "the file is empty",
                expected: "a header row naming the columns (\(D.columns.filter(\.required).map(\.name).joined(separator: ", ")))"))
            table.report = report
            return table
        }
        if let headerProblem {
            report.diagnostics.append(headerProblem)
            table.report = report
            return table
        }
        let map = HeaderMap(header: header, columns: D.columns)
        report.columns = header.map(HeaderMap.normalise)
        guard map.missing.isEmpty else {
            report.diagnostics.append(Diagnostic(
                severity: .error, file: file, line: 1,
                message: "required column\(map.missing.count == 1 ? "" : "s") \(map.missing.joined(separator: ", ")) missing",
                expected: "a header with \(D.columns.filter(\.required).map(\.name).joined(separator: ", ")); found \(map.found.map { TextSanitiser.visible($0, limit: 30) }.joined(separator: ", "))"))
            table.report = report
            return table
        }
        if !map.unknown.isEmpty {
            report.diagnostics.append(Diagnostic(
                severity: .note, file: file, line: 1,
                message: "column\(map.unknown.count == 1 ? "" : "s") \(map.unknown.map { TextSanitiser.visible($0, limit: 30) }.joined(separator: ", ")) not used by mfc; ignored"))
        }
        for name in map.repeated {
            report.diagnostics.append(Diagnostic(
                severity: .warning, file: file, line: 1, value: name,
                message: "appears more than once in the header; the first is used"))
        }
        let body = RowContext<D>(
            file: file, header: header, positions: map.positions, zone: zone)
        let pieces = ChunkPlan.pieces(
            bytes: bytes, from: reader.position, line: reader.line, pieces: pieceCount, minimumBytes: minimumPieceBytes)
        var parts = ParallelMap.chunks(count: pieces.count, minimumChunk: 1) { range in
            range.map { body.readRows(bytes, from: pieces[$0].start, to: pieces[$0].end, line: pieces[$0].line) }
        }
        // A piece that read past its end cut a quoted line break: read the file in one piece.
        if zip(parts, pieces.dropFirst()).contains(where: { $0.0.endPosition != $0.1.start }) {
            parts = [body.readRows(bytes, from: reader.position, to: bytes.count, line: reader.line)]
        }
        body.merge(parts, bytes: bytes, into: &report, table: &table)
        table.report = report
        return table
    }

    static func diagnostic(for problem: CSVRecord.Problem, record: CSVRecord, file: String, header: [String]) -> Diagnostic {
        switch problem {
        case let .unterminatedQuote(line):
            return Diagnostic(
                severity: .rejected, file: file, line: line,
                message: "a quoted field opened here is never closed; the rest of the file was read into it",
                expected: "a closing \" (write a quote inside a quoted field as \"\")")
        case let .fieldTooLong(field, length):
            return Diagnostic(
                severity: .rejected, file: file, line: record.line, column: field + 1,
                columnName: field < header.count ? HeaderMap.normalise(header[field]) : nil,
                message: "is \(length) bytes long", expected: "at most 100000 bytes in one field")
        case let .invalidUTF8(offset):
            return Diagnostic(
                severity: .rejected, file: file, line: record.line,
                message: "byte \(offset) of the file is not valid UTF-8",
                expected: "UTF-8 text (save the file as \"CSV UTF-8\"; Windows-1252 files must be converted)")
        }
    }
}
