/// Turns incidents into export rows: one row per incident with the source ids that trace it
/// back (`police_refs`, `la_episode_ids`, separated by `;`). The command line and the dashboard
/// both export through this type, so their files are the same for the same incidents.
///
/// `start` and `end` are local (Europe/London) wall-clock times, as the sources record them and
/// as a spreadsheet reads them; `start_utc` and `end_utc` are the same instants in UTC, so that
/// the hour repeated when the clocks go back (01:00-01:59 on the last Sunday of October) is
/// never ambiguous.
public struct IncidentExporter: Sendable {
    /// The export's columns, in order.
    public static let header = [
        "incident_id", "provenance", "start", "end", "still_missing", "duration_hours", "child_id", "given_name",
        "family_name", "dob", "sex", "home_urn", "home_name", "responsible_authority", "host_authority", "force",
        "out_of_area", "highest_risk", "return_interview", "cse_concern", "discrepancies", "repeat_3_in_90_days",
        "police_refs", "la_episode_ids", "start_utc", "end_utc",
    ]

    /// The columns whose values are yes or no (`Y`/`N` in CSV, booleans in JSON).
    static let booleanColumns: Set<String> = ["still_missing", "out_of_area", "cse_concern", "repeat_3_in_90_days"]
    /// The columns whose values are numbers in JSON.
    static let numberColumns: Set<String> = ["duration_hours"]
    /// The columns that hold ids: text in every export (never numbers), so that leading zeros
    /// and long references survive; ExportMetadata names them for a spreadsheet's import.
    public static let idColumns = ["incident_id", "child_id", "child_pseudonym", "home_urn", "police_refs", "la_episode_ids"]

    /// The columns of a pseudonymised export: names and dates of birth left out, the child id
    /// replaced by its keyed hash.
    public static let pseudonymisedHeader = header.compactMap { name -> String? in
        switch name {
        case "given_name", "family_name", "dob": nil
        case "child_id": "child_pseudonym"
        default: name
        }
    }

    public let catalogue: IncidentCatalogue
    /// When set, exports are pseudonymised (``pseudonymisedHeader``).
    public let pseudonymiser: Pseudonymiser?

    public init(catalogue: IncidentCatalogue, pseudonymiser: Pseudonymiser? = nil) {
        self.catalogue = catalogue
        self.pseudonymiser = pseudonymiser
    }

    /// How the export's times are written, for its metadata.
    public static let timesNote = "start and end are local time (Europe/London); start_utc and end_utc are the same instants in UTC"

    /// The columns this exporter writes that hold ids (text, never numbers).
    public var textColumns: [String] { Self.idColumns.filter(columns.contains) }

    /// The columns this exporter writes.
    public var columns: [String] { pseudonymiser == nil ? Self.header : Self.pseudonymisedHeader }

    /// One incident's cells, in ``columns`` order.
    public func cells(_ incident: CombinedIncident) -> [CSVCell] {
        let all = allCells(incident)
        guard let pseudonymiser else { return all }
        // child_id (6) becomes its pseudonym; given_name (7), family_name (8) and dob (9) go.
        var cells = Array(all[0..<6])
        cells.append(incident.child.map { .formatted(pseudonymiser.pseudonym($0)) } ?? .empty)
        cells.append(contentsOf: all[10...])
        return cells
    }

    /// Every cell of ``header``, names included.
    private func allCells(_ incident: CombinedIncident) -> [CSVCell] {
        let f = catalogue.formatter
        let utc = TimestampFormatter(zone: .utc)
        func text(_ value: String?) -> CSVCell { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        func yesNo(_ value: Bool?) -> CSVCell { value.map { .formatted($0 ? "Y" : "N") } ?? .empty }
        return [
            text(incident.id.rawValue),
            .formatted(incident.provenance.rawValue),
            .formatted(f.string(incident.start)),
            incident.end.map { .formatted(f.string($0)) } ?? .empty,
            yesNo(incident.isStillMissing),
            incident.durationHours.map { .formatted(Self.decimal($0)) } ?? .empty,
            text(incident.child?.rawValue),
            text(incident.person.givenName),
            text(incident.person.familyName),
            incident.person.dateOfBirth.map { .formatted($0.description) } ?? .empty,
            .formatted(incident.person.sex.rawValue),
            text(incident.home?.rawValue),
            text(incident.home.map { catalogue.homeName($0) }),
            text(incident.responsibleAuthority?.rawValue),
            text(incident.hostAuthority?.rawValue),
            text(incident.force?.rawValue),
            yesNo(incident.isOutOfArea),
            incident.highestRisk.map { .formatted($0.label) } ?? .empty,
            // Unknown is blank: an interview the authority did not record.
            incident.returnInterview == .notRecorded ? .empty : .formatted(incident.returnInterview.rawValue),
            yesNo(incident.cseConcern),
            incident.discrepancies.isEmpty ? .formatted("") : .formatted(incident.discrepancies.labels.joined(separator: "; ")),
            yesNo(incident.isRepeat),
            text(Self.list(incident.policeRefs)),
            text(Self.list(incident.episodeIDs)),
            .formatted(utc.string(incident.start)),
            incident.end.map { .formatted(utc.string($0)) } ?? .empty,
        ]
    }

    /// Source ids joined with `;` (most incidents have one, written without joining).
    private static func list(_ ids: [some SourceIdentifier]) -> String {
        ids.count == 1 ? ids[0].rawValue : ids.map(\.rawValue).joined(separator: ";")
    }

    /// The incidents as CSV bytes, header first.
    public func csv(_ incidents: [CombinedIncident]) -> [UInt8] {
        var bytes: [UInt8] = []
        csv(incidents) { bytes += $0 }
        return bytes
    }

    /// How many incidents are formatted at a time when the CSV is given in pieces: a few
    /// megabytes of text, so that an export of millions never holds its whole text at once.
    public static let rowsPerPiece = 1 << 15

    /// The incidents as CSV, given to `body` in order in pieces (the header first), at most
    /// `rowsPerPiece` rows at a time: each piece's rows formatted on every core.
    public func csv<E: Error>(
        _ incidents: [CombinedIncident], rowsPerPiece: Int = rowsPerPiece, _ body: ([UInt8]) throws(E) -> Void
    ) throws(E) {
        var writer = CSVWriter(capacity: 512)
        writer.append(header: columns)
        try body(writer.bytes)
        try incidents.withUnsafeBufferPointer { (buffer) throws(E) in
            // Each incident is read in place: a copy would retain each of its strings.
            let all = BorrowedBuffer(buffer: buffer)
            for start in stride(from: 0, to: buffer.count, by: max(1, rowsPerPiece)) {
                let end = min(buffer.count, start + max(1, rowsPerPiece))
                let parts = ParallelMap.chunks(count: end - start, minimumChunk: 4_096) { range in
                    var chunk = CSVWriter(capacity: range.count * 200)
                    for i in range { chunk.append(row: cells(all.buffer[start + i])) }
                    return [chunk.bytes]
                }
                for part in parts { try body(part) }
            }
        }
    }

    /// The incidents as a JSON array of objects keyed by ``columns``, with typed values: yes
    /// or no as `true`/`false`, durations as numbers, `police_refs`, `la_episode_ids` and
    /// `discrepancies` as arrays of strings, ids and times as strings, and unknown as `null`.
    /// Text is not neutralised here: JSON is not opened by spreadsheets.
    public func json(_ incidents: [CombinedIncident]) -> String {
        let names = columns
        var out = "[\n"
        for (n, incident) in incidents.enumerated() {
            out += "  {"
            for (i, cell) in cells(incident).enumerated() {
                if i > 0 { out += ", " }
                out += "\"\(names[i])\": " + jsonValue(column: names[i], cell: cell, incident: incident)
            }
            out += n == incidents.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// One cell as a JSON value of its column's type.
    private func jsonValue(column: String, cell: CSVCell, incident: CombinedIncident) -> String {
        switch column {
        case "police_refs": return Self.array(incident.policeRefs.map(\.rawValue))
        case "la_episode_ids": return Self.array(incident.episodeIDs.map(\.rawValue))
        case "discrepancies": return Self.array(incident.discrepancies.labels)
        default: break
        }
        let value: String
        switch cell {
        case let .text(text), let .formatted(text), let .source(text): value = text
        case .empty: return "null"
        }
        if Self.booleanColumns.contains(column) { return value == "Y" ? "true" : value == "N" ? "false" : "null" }
        if Self.numberColumns.contains(column) { return value }
        return JSONText.quoted(value)
    }

    /// Strings as a JSON array.
    private static func array(_ values: [String]) -> String {
        "[" + values.map(JSONText.quoted).joined(separator: ", ") + "]"
    }

    /// Writes the incidents to a CSV file atomically with mode `0600`; returns the row count.
    @discardableResult
    public func write(_ incidents: [CombinedIncident], to path: String, replace: Bool) throws(FileWriteError) -> Int {
        try AtomicFileWriter.write(to: path, replace: replace) { (file: AtomicFileWriter.Sink) throws(FileWriteError) in
            try csv(incidents) { (piece: [UInt8]) throws(FileWriteError) in try file.write(piece) }
        }
        return incidents.count
    }

    /// Hours with two decimals, `12.50`.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        let whole = ASCIIDigits.count(magnitude / 100)
        let sign = hundredths < 0 ? 1 : 0
        return String(unsafeUninitializedCapacity: sign + whole + 3) { buffer in
            if sign == 1 { buffer[0] = 0x2D }
            var i = ASCIIDigits.write(magnitude / 100, width: whole, into: buffer, at: sign)
            buffer[i] = 0x2E
            i = ASCIIDigits.write(magnitude % 100, width: 2, into: buffer, at: i + 1)
            return i
        }
    }
}

/// JSON string literals, escaped by hand (no Foundation in the hot path).
enum JSONText {
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
