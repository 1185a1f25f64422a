/// What one piece of a file gave: its rows accepted or rejected, in file order.
struct RowsRead<Record: Sendable>: Sendable {
    var records: [Record] = []
    var lines: [Int32] = []
    /// The byte offset of each accepted record (to re-read it if a later merge rejects it).
    var offsets: [Int] = []
    var firstLine: [String: Int] = [:]
    var rowsRead = 0
    var accepted = 0
    var rejected = 0
    var blankRows = 0
    /// Rows that do not belong in mfc, by reason (counted apart, like blank rows).
    var skipped: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    var rejectedRows: [RejectedRow] = []
    /// Where the reader stopped: the piece's end when no record ran past it.
    var endPosition = 0
}

/// Reads the rows of a file's body, or of one piece of it, with one decoder.
struct RowContext<D: RecordDecoding>: Sendable {
    let file: String
    let header: [String]
    let positions: [Int?]
    let zone: LocalTimeZone
    /// How a foreign layout's columns are named and translated; `.native` for mfc's own files.
    var context: DecodingContext = .native

    /// Every row of `[from, to)`: decoded and accepted, or rejected with its reason.
    func readRows(_ bytes: [UInt8], from: Int, to: Int, line: Int) -> RowsRead<D.Record> {
        var out = RowsRead<D.Record>()
        let estimate = (to - from) / 64
        out.records.reserveCapacity(estimate)
        out.lines.reserveCapacity(estimate)
        out.offsets.reserveCapacity(estimate)
        out.firstLine.reserveCapacity(estimate)
        var reader = CSVReader(bytes: bytes, from: from, to: to, line: line)
        let headerCount = header.count
        let columnSpecs = D.columns
        while reader.next({ record in
            if record.isBlank {
                out.blankRows += 1
                return
            }
            out.rowsRead += 1
            func reject(_ diagnostic: Diagnostic) {
                out.rejected += 1
                out.diagnostics.append(diagnostic)
                out.rejectedRows.append(RejectedRow(
                    line: record.line, reason: diagnostic.description, fields: record.strings))
            }
            if let problem = record.problem {
                reject(TableImporter.diagnostic(for: problem, record: record, file: file, header: header))
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
            var row = RowDecoder(
                record: record, file: file, columns: columnSpecs, positions: positions, zone: zone, context: context)
            let decoded = D.decode(&row)
            if let rejection = row.rejection {
                reject(rejection)
                return
            }
            if let reason = row.skipReason {
                out.rowsRead -= 1
                out.skipped[reason, default: 0] += 1
                return
            }
            guard let decoded else { return }
            let key = D.key(of: decoded)
            if let earlier = out.firstLine[key] {
                reject(duplicate(key: key, line: record.line, earlier: earlier))
                return
            }
            out.firstLine[key] = record.line
            if record.count < headerCount {
                row.warn(D.keyColumn, value: nil,
                         message: "the row has \(record.count) fields but the header has \(headerCount); the rest are read as empty")
            }
            out.accepted += 1
            // In file order: decoders read columns in the order they need them.
            switch row.warnings.count {
            case 0: break
            case 1: out.diagnostics.append(row.warnings[0])
            default: out.diagnostics.append(contentsOf: row.warnings.sorted { ($0.column ?? 0) < ($1.column ?? 0) })
            }
            out.records.append(decoded)
            out.lines.append(Int32(clamping: record.line))
            out.offsets.append(record.byteOffset)
        }) {}
        out.endPosition = reader.position
        return out
    }

    /// Joins the pieces in file order into the report and table. A record whose id an earlier
    /// piece already holds is rejected as a duplicate, exactly as a single pass would.
    func merge(_ parts: [RowsRead<D.Record>], bytes: [UInt8], into report: inout FileReport, table: inout ImportedTable<D.Record>) {
        // Ids that an earlier piece already holds, found for every later piece in parallel.
        let repeats: [[(index: Int, earlier: Int)]] = ParallelMap.chunks(count: parts.count, minimumChunk: 1) { pieces in
            pieces.map { n in
                guard n > 0 else { return [] }
                var found: [(index: Int, earlier: Int)] = []
                for (i, record) in parts[n].records.enumerated() {
                    let key = D.key(of: record)
                    for earlierPart in parts[..<n] {
                        if let earlier = earlierPart.firstLine[key] {
                            found.append((i, earlier))
                            break
                        }
                    }
                }
                return found
            }
        }
        if parts.count == 1, let only = parts.first {
            // The common case for small files: take the arrays as they are, without copying.
            table.records = only.records
            table.lines = only.lines
        } else {
            table.records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
            table.lines.reserveCapacity(table.records.capacity)
        }
        var lateRejections = false
        for (n, part) in parts.enumerated() {
            report.rowsRead += part.rowsRead
            report.blankRows += part.blankRows
            report.skipped.merge(part.skipped, uniquingKeysWith: +)
            report.rejectedRows += part.rejectedRows
            var diagnostics = part.diagnostics
            var dropped = Set<Int>()
            for (i, earlier) in repeats[n] {
                let key = D.key(of: part.records[i])
                dropped.insert(i)
                let line = Int(part.lines[i])
                diagnostics.removeAll { $0.line == line && $0.severity == .warning }
                let rejection = duplicate(key: key, line: line, earlier: earlier)
                diagnostics.append(rejection)
                // Read the row again for the rejects file.
                var reader = CSVReader(bytes: bytes, from: part.offsets[i], to: part.offsets[i] + 1, line: line)
                var fields: [String] = []
                _ = reader.next { fields = $0.strings }
                report.rejectedRows.append(RejectedRow(line: line, reason: rejection.description, fields: fields))
                lateRejections = true
            }
            report.accepted += part.accepted - dropped.count
            report.rejected += part.rejected + dropped.count
            report.diagnostics += diagnostics
            if parts.count == 1 {
                break  // taken whole above
            } else if dropped.isEmpty {
                table.records += part.records
                table.lines += part.lines
            } else {
                for i in part.records.indices where !dropped.contains(i) {
                    table.records.append(part.records[i])
                    table.lines.append(part.lines[i])
                }
            }
        }
        if lateRejections {
            // Back into file order (a stable sort by line).
            report.diagnostics = report.diagnostics.enumerated()
                .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
            report.rejectedRows.sort { $0.line < $1.line }
        }
    }

    private func duplicate(key: String, line: Int, earlier: Int) -> Diagnostic {
        let columnSpecs = D.columns
        return Diagnostic(
            severity: .rejected, file: file, line: line,
            column: positions[D.keyColumn].map { $0 + 1 }, columnName: columnSpecs[D.keyColumn].name,
            value: key, message: "repeats the id of line \(earlier)",
            expected: "a unique \(columnSpecs[D.keyColumn].name); the first row is kept")
    }
}
