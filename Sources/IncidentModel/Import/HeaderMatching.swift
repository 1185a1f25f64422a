/// How a file's header row is found and matched to a decoder's columns.
///
/// mfc's own files match by name (``NativeHeader``); a foreign layout matches through a mapping
/// or a table of synonyms, may carry a title above its header, and names its columns its own way
/// in messages.
protocol HeaderMatching: Sendable {
    /// How many non-blank rows above the header may be passed over as a title (0: the first
    /// non-blank row is the header).
    var titleRows: Int { get }
    /// Whether a row is this layout's header (it names every column the layout needs).
    func isHeader(_ row: [String]) -> Bool
    /// Where each of the decoder's columns stands in `header`, or why the header cannot be used.
    func match(_ header: [String], columns: [ColumnSpec], file: String) -> HeaderMatch
}

/// A header matched to a decoder's columns.
struct HeaderMatch: Sendable {
    /// For each schema column, its 0-based position in the file, or `nil` when absent.
    var positions: [Int?]
    /// How the rows are read: the file's own column names for messages, value maps, date styles.
    var context: DecodingContext
    /// Header names the layout does not use, in file order (noted once).
    var unknown: [String]
    /// What an unused column is told (`not used by mfc; ignored`).
    var unknownMessage = "not used by mfc; ignored"
    /// Header names that appear more than once (the first is used).
    var repeated: [String]
    /// The header's columns as the file report records them (schema names where matched).
    var reportColumns: [String]
    /// Why the file cannot be read with this header (a required column missing), if so.
    var problem: Diagnostic?
}

/// mfc's own files: columns by name, in any order and case.
struct NativeHeader: HeaderMatching {
    var titleRows: Int { 0 }

    func isHeader(_ row: [String]) -> Bool { true }

    func match(_ header: [String], columns: [ColumnSpec], file: String) -> HeaderMatch {
        let map = HeaderMap(header: header, columns: columns)
        var result = HeaderMatch(
            positions: map.positions, context: .native, unknown: map.unknown, repeated: map.repeated,
            reportColumns: header.map(HeaderMap.normalise))
        if !map.missing.isEmpty {
            result.problem = Diagnostic(
                severity: .error, file: file, line: 1,
                message: "required column\(map.missing.count == 1 ? "" : "s") \(map.missing.joined(separator: ", ")) missing",
                expected: "a header with \(columns.filter(\.required).map(\.name).joined(separator: ", ")); \(HeaderMatch.found(map.found, positions: map.positions))")
        }
        return result
    }
}

extension HeaderMatch {
    /// Header names for a message: control characters visible, each cut to 30 characters.
    static func list(_ names: [String]) -> String {
        names.map { TextSanitiser.visible($0, limit: 30) }.joined(separator: ", ")
    }

    /// The header found, for a message about a header that lacks a required column: its names
    /// when it names any of the columns, else only how many fields it has. A row that names
    /// none of them is likely the first data row of a file without a header, and its values
    /// may be a person's: they are never listed.
    static func found(_ header: [String], positions: [Int?]) -> String {
        guard namesAny(positions) else {
            return "the first row names none of them (\(header.count) field\(header.count == 1 ? "" : "s")): "
                + "if it is data, the header row is missing (its values are not shown)"
        }
        return "found \(list(header))"
    }

    /// Whether a header matched any column at all.
    static func namesAny(_ positions: [Int?]) -> Bool { positions.contains { $0 != nil } }

    /// A header name folded for matching another spelling of it: lower case, letters and digits
    /// only (`Date/Time Reported` and `date_time_reported` are the same).
    static func fold(_ name: String) -> String {
        LetterKey(name.trimmingSpaces, lettersOnly: true).text
    }
}
