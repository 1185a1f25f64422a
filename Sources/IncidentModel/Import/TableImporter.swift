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
        run(decoder, bytes: bytes, file: file, zone: zone, header: NativeHeader(),
            pieces: pieceCount, minimumPieceBytes: minimumPieceBytes)
    }

    /// Reads a whole file whose header is found and matched by `layout` (a foreign layout's
    /// mapping or synonyms).
    static func run<D: RecordDecoding>(
        _ decoder: D.Type, bytes: [UInt8], file: String, zone: LocalTimeZone, header layout: some HeaderMatching,
        pieces pieceCount: Int = 0, minimumPieceBytes: Int = ChunkPlan.minimumBytes
    ) -> ImportedTable<D.Record> {
        var report = FileReport(kind: D.kind, file: file)
        var table = ImportedTable<D.Record>(records: [], lines: [], report: report)
        if let (encoding, mark) = WideEncoding.detect(bytes) {
            report.diagnostics.append(WideEncoding.diagnostic(encoding, byteOrderMark: mark, file: file))
            table.report = report
            return table
        }
        var reader = CSVReader(bytes: bytes)
        var header: [String]?
        var headerProblem: Diagnostic?
        var headerLine = 1
        while header == nil {
            let more = reader.next { record in
                guard !record.isBlank else { return }
                header = record.strings
                headerLine = record.line
                // A header that cannot be read (a quote left open swallows every row) makes the
                // file unusable; it must not pass as a file with no rows.
                if let problem = record.problem {
                    headerProblem = Self.diagnostic(for: problem, record: record, file: file, header: [])
                    headerProblem?.severity = .error
                }
            }
            if !more { break }
        }
        guard var header else {
            report.diagnostics.append(Diagnostic(
                severity: .error, file: file, message: "the file is empty",
                expected: "a header row naming the columns (\(D.columns.filter(\.required).map(\.name).joined(separator: ", ")))"))
            table.report = report
            return table
        }
        if headerProblem == nil, layout.titleRows > 0, !layout.isHeader(header),
           let found = Self.headerBelowTitle(reader, layout: layout) {
            report.diagnostics.append(Diagnostic(
                severity: .note, file: file, line: headerLine,
                message: "line\(found.line - headerLine == 1 ? "" : "s") \(headerLine)\(found.line - headerLine == 1 ? "" : "-\(found.line - 1)") above the header read as a title and skipped"))
            (header, headerLine, reader) = (found.header, found.line, found.reader)
        }
        if let headerProblem {
            report.diagnostics.append(headerProblem)
            table.report = report
            return table
        }
        let match = layout.match(header, columns: D.columns, file: file)
        // A row that names no column is not a header: it may be a person's data.
        report.columns = HeaderMatch.namesAny(match.positions) ? match.reportColumns : []
        if var problem = match.problem {
            problem.line = headerLine
            report.diagnostics.append(problem)
            table.report = report
            return table
        }
        if !match.unknown.isEmpty {
            report.diagnostics.append(Diagnostic(
                severity: .note, file: file, line: headerLine,
                message: "column\(match.unknown.count == 1 ? "" : "s") \(HeaderMatch.list(match.unknown)) \(match.unknownMessage)"))
        }
        for name in match.repeated {
            report.diagnostics.append(Diagnostic(
                severity: .warning, file: file, line: headerLine, value: name,
                message: "appears more than once in the header; the first is used"))
        }
        let body = RowContext<D>(
            file: file, header: header, positions: match.positions, zone: zone, context: match.context)
        let pieces = ChunkPlan.pieces(
            bytes: bytes, from: reader.position, line: reader.line, pieces: pieceCount, minimumBytes: minimumPieceBytes)
        body.read(bytes, pieces: pieces, into: &report, table: &table)
        if !report.skipped.isEmpty {
            let total = report.skipped.values.reduce(0, +)
            let reasons = report.skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            report.diagnostics.append(Diagnostic(
                severity: .note, file: file,
                message: "\(total) row\(total == 1 ? "" : "s") skipped, not for mfc: \(reasons)"))
        }
        table.report = report
        return table
    }

    /// The header among the next few non-blank rows below a title, with a reader placed after
    /// it; `nil` when none of them is the header (the first row is then taken as the header).
    private static func headerBelowTitle(
        _ start: CSVReader, layout: some HeaderMatching
    ) -> (header: [String], line: Int, reader: CSVReader)? {
        var reader = start
        var rows = 0
        var found: (header: [String], line: Int)?
        while found == nil, rows < layout.titleRows {
            let more = reader.next { record in
                guard !record.isBlank, record.problem == nil else { return }
                rows += 1
                let names = record.strings
                if layout.isHeader(names) { found = (names, record.line) }
            }
            if !more { break }
        }
        return found.map { ($0.header, $0.line, reader) }
    }

    static func diagnostic(for problem: CSVRecord.Problem, record: CSVRecord, file: String, header: [String]) -> Diagnostic {
        switch problem {
        case let .unterminatedQuote(line, column):
            return Diagnostic(
                severity: .rejected, file: file, line: line,
                message: "a quoted field opened at byte \(column) of the line is never closed; the rest of the file was read into it",
                expected: "a closing \" (write a quote inside a quoted field as \"\")")
        case let .fieldTooLong(field, length):
            return Diagnostic(
                severity: .rejected, file: file, line: record.line, column: field + 1,
                columnName: field < header.count ? HeaderMap.normalise(header[field]) : nil,
                message: "is \(length) bytes long", expected: "at most 100000 bytes in one field")
        case let .invalidUTF8(offset, line, column):
            return Diagnostic(
                severity: .rejected, file: file, line: record.line,
                message: "byte \(column) of line \(line) (file offset \(offset)) is not valid UTF-8",
                expected: "UTF-8 text (save the file as \"CSV UTF-8\"; Windows-1252 files must be converted)")
        }
    }
}
