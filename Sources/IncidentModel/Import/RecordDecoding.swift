/// How one kind of native file becomes records: its columns and how a row is decoded.
protocol RecordDecoding {
    associatedtype Record: Sendable
    /// The kind of file.
    static var kind: SourceFileKind { get }
    /// The columns, in the order the decoder refers to them by index.
    static var columns: [ColumnSpec] { get }
    /// The column whose value must be unique within the file.
    static var keyColumn: Int { get }
    /// Decodes a row; returns `nil` only when it has rejected the row through `row`.
    static func decode(_ row: inout RowDecoder) -> Record?
    /// The record's unique key.
    static func key(of record: Record) -> String
}

/// The records read from one file, the line each came from, and the report.
public struct ImportedTable<Record: Sendable>: Sendable {
    public var records: [Record]
    /// The 1-based line of each record, parallel to `records`.
    public var lines: [Int32]
    public var report: FileReport
}

/// Runs a decoder over a file's bytes: the header, then every row, accepted or rejected.
enum TableImporter {
    static func run<D: RecordDecoding>(
        _ decoder: D.Type, bytes: [UInt8], file: String, zone: LocalTimeZone
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
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(bytes.count / 64)
        table.records.reserveCapacity(bytes.count / 64)
        table.lines.reserveCapacity(bytes.count / 64)
        let headerCount = header.count
        let columnSpecs = D.columns
        let positions = map.positions
        while reader.next({ record in
            if record.isBlank {
                report.blankRows += 1
                return
            }
            report.rowsRead += 1
            func reject(_ diagnostic: Diagnostic) {
                report.rejected += 1
                report.diagnostics.append(diagnostic)
                report.rejectedRows.append(RejectedRow(
                    line: record.line, reason: diagnostic.description, fields: record.strings))
            }
            if let problem = record.problem {
                reject(Self.diagnostic(for: problem, record: record, file: file, header: header))
                return
            }
            if record.count > headerCount {
                let extra = (headerCount..<record.count).filter { !record.withField($0) { $0.isEmpty } }
                if let first = extra.first {
                    reject(Diagnostic(
                        severity: .rejected, file: file, line: record.line, column: first + 1,
                        value: record.string(first),
                        message: "the row has \(record.count) fields but the header has \(headerCount)",
                        expected: "one field per column: quote a value that holds a comma"))
                    return
                }
            }
            var row = RowDecoder(record: record, file: file, columns: columnSpecs, positions: positions, zone: zone)
            let decoded = D.decode(&row)
            if let rejection = row.rejection {
                reject(rejection)
                return
            }
            guard let decoded else { return }
            let key = D.key(of: decoded)
            if let earlier = firstLine[key] {
                reject(Diagnostic(
                    severity: .rejected, file: file, line: record.line,
                    column: positions[D.keyColumn].map { $0 + 1 }, columnName: columnSpecs[D.keyColumn].name,
                    value: key, message: "repeats the id of line \(earlier)",
                    expected: "a unique \(columnSpecs[D.keyColumn].name); the first row is kept"))
                return
            }
            firstLine[key] = record.line
            if record.count < headerCount {
                row.warn(D.keyColumn, value: nil,
                         message: "the row has \(record.count) fields but the header has \(headerCount); the rest are read as empty")
            }
            report.accepted += 1
            // In file order: decoders read columns in the order they need them.
            report.diagnostics.append(contentsOf: row.warnings.sorted { ($0.column ?? 0) < ($1.column ?? 0) })
            table.records.append(decoded)
            table.lines.append(Int32(clamping: record.line))
        }) {}
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
