/// What one piece of a file gave: its rows accepted or rejected, in file order. The accepted
/// records themselves are written in place (``RowContext/readRows(_:from:to:line:into:capacity:)``).
struct RowsRead: Sendable {
    /// How many records were written.
    var count = 0
    var lines: [Int32] = []
    /// The byte offset of each accepted record (to re-read it if it is found to repeat an id).
    var offsets: [Int] = []
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
    /// The piece held more records than it had room for (it read past its end).
    var overflowed = false
}

/// Reads the rows of a file's body, or of one piece of it, with one decoder.
struct RowContext<D: RecordDecoding>: Sendable {
    let file: String
    let header: [String]
    let positions: [Int?]
    let zone: LocalTimeZone
    /// How a foreign layout's columns are named and translated; `.native` for mfc's own files.
    var context: DecodingContext = .native

    /// Every row of `[from, to)`: decoded and accepted, or rejected with its reason. Accepted
    /// records are initialised at `destination` onwards; reading stops with `overflowed` set
    /// when a record finds no room among `capacity`.
    func readRows(
        _ bytes: [UInt8], from: Int, to: Int, line: Int, into destination: UnsafeMutablePointer<D.Record>, capacity: Int
    ) -> RowsRead {
        var out = RowsRead()
        out.lines.reserveCapacity(capacity)
        out.offsets.reserveCapacity(capacity)
        var reader = CSVReader(bytes: bytes, from: from, to: to, line: line)
        let headerCount = header.count
        let columnSpecs = D.columns
        // One decoder for every row, its record swapped in and let go row by row (a record
        // borrows the reader's buffers, valid only while its row is read).
        var row = RowDecoder(
            record: .empty, file: file, columns: columnSpecs, positions: positions, zone: zone, context: context)
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
                        expected: "one field per column: quote a value that holds a comma",
                        // What the extra field holds is unknown: it may be a person's name.
                        personal: true))
                    return
                }
            }
            row.begin(record)
            defer { row.begin(.empty) }
            var decoded = D.decode(&row)
            if let rejection = row.rejection {
                reject(rejection)
                return
            }
            if let reason = row.skipReason {
                out.rowsRead -= 1
                out.skipped[reason, default: 0] += 1
                return
            }
            guard decoded != nil else { return }
            guard out.count < capacity else {
                out.overflowed = true
                return
            }
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
            // Moved, not copied: a copy would retain each of the record's strings.
            guard let accepted = decoded.take() else { return }
            (destination + out.count).initialize(to: consume accepted)
            out.count += 1
            out.lines.append(Int32(clamping: record.line))
            out.offsets.append(record.byteOffset)
        }) && !out.overflowed {}
        out.endPosition = reader.position
        return out
    }

    /// Reads every piece into the table, in file order. Each piece writes its records into its
    /// own region of one buffer, sized by its line ends; the regions are then closed up. When a
    /// piece ran past its end (a cut fell inside a quoted line break), the body is read again
    /// in one piece. A record whose id an earlier one holds is then rejected as a duplicate.
    func read(_ bytes: [UInt8], pieces: [ChunkPlan.Piece], into report: inout FileReport, table: inout ImportedTable<D.Record>) {
        guard let first = pieces.first else { return }
        // A piece other than the last ends just after a line end, so it holds at most as many
        // records as line ends; the last may hold one more (a last line with no line end). With
        // no room to spare, the regions of a file without blank or rejected rows already lie
        // end to end, and closing them up below moves nothing.
        var regions = [0]
        for (k, piece) in pieces.enumerated() {
            regions.append(regions[regions.count - 1] + piece.lineEnds + (k == pieces.count - 1 ? 1 : 0))
        }
        let capacity = regions[regions.count - 1]
        var parts: [RowsRead] = []
        table.records = [D.Record](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let target = SharedPointer(base: buffer.baseAddress)
            guard let base = target.base else { return }
            let starts = regions
            parts = ParallelMap.each(pieces.count) { k in
                target.base.map { base in
                    readRows(bytes, from: pieces[k].start, to: pieces[k].end, line: pieces[k].line,
                             into: base + starts[k], capacity: starts[k + 1] - starts[k])
                } ?? RowsRead()
            }
            let cutBadly = parts.contains(where: \.overflowed)
                || zip(parts, pieces.dropFirst()).contains { $0.0.endPosition != $0.1.start }
            if cutBadly {
                for (k, part) in parts.enumerated() { (base + regions[k]).deinitialize(count: part.count) }
                parts = [readRows(bytes, from: first.start, to: bytes.count, line: first.line, into: base, capacity: capacity)]
                regions = [0]
            }
            // Close up the regions, moving (not copying) each piece's records.
            var filled = 0
            for (k, part) in parts.enumerated() {
                if regions[k] != filled { (base + filled).moveInitialize(from: base + regions[k], count: part.count) }
                filled += part.count
            }
            initialized = filled
        }
        table.lines.reserveCapacity(table.records.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(table.records.count)
        for part in parts {
            report.rowsRead += part.rowsRead
            report.blankRows += part.blankRows
            report.accepted += part.accepted
            report.rejected += part.rejected
            report.skipped.merge(part.skipped, uniquingKeysWith: +)
            report.rejectedRows += part.rejectedRows
            report.diagnostics += part.diagnostics
            table.lines += part.lines
            offsets += part.offsets
        }
        rejectRepeatedKeys(bytes, offsets: offsets, report: &report, table: &table)
    }

    /// Rejects every record whose id an earlier record holds: its warnings give way to the
    /// rejection, its row is read again for the rejects file, and it leaves the table.
    private func rejectRepeatedKeys(
        _ bytes: [UInt8], offsets: [Int], report: inout FileReport, table: inout ImportedTable<D.Record>
    ) {
        let records = table.records
        let repeats = RepeatedKeys.find(count: records.count) { D.key(of: records[$0]) }
        guard !repeats.isEmpty else { return }
        var droppedLines = Set<Int>()
        for item in repeats {
            let line = Int(table.lines[item.index])
            droppedLines.insert(line)
            let rejection = duplicate(key: D.key(of: records[item.index]), line: line, earlier: Int(table.lines[item.first]))
            report.diagnostics.append(rejection)
            var reader = CSVReader(bytes: bytes, from: offsets[item.index], to: offsets[item.index] + 1, line: line)
            var fields: [String] = []
            _ = reader.next { fields = $0.strings }
            report.rejectedRows.append(RejectedRow(line: line, reason: rejection.description, fields: fields))
        }
        report.accepted -= repeats.count
        report.rejected += repeats.count
        report.diagnostics.removeAll { $0.severity == .warning && $0.line.map(droppedLines.contains) == true }
        // Back into file order (a stable sort by line).
        report.diagnostics = report.diagnostics.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        report.rejectedRows.sort { $0.line < $1.line }
        // Out of the table, keeping the order of the rest (swaps move records without copies).
        var next = 0
        var write = 0
        for read in table.records.indices {
            if next < repeats.count && repeats[next].index == read {
                next += 1
                continue
            }
            if write != read {
                table.records.swapAt(write, read)
                table.lines.swapAt(write, read)
            }
            write += 1
        }
        table.records.removeLast(table.records.count - write)
        table.lines.removeLast(table.lines.count - write)
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
