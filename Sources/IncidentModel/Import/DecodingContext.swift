/// What a row decoder needs beyond the row itself, for files in a layout other than mfc's own:
/// the names the file gives the schema's columns (so messages name the file's own columns),
/// values to translate before decoding, the date styles to read dates with, and the registers a
/// decoder looks names up in. The native files need none of it.
struct DecodingContext: Sendable {
    /// Per schema column: the name shown in messages; empty for the schema's own names.
    var columnNames: [String] = []
    /// Per schema column: source values (folded by ``ValueMapKey``) and what they stand for;
    /// empty when nothing is translated.
    var valueMaps: [[String: String]] = []
    /// Per schema column: the styles its dates are written in, tried in order; an empty list
    /// (or an empty array) reads mfc's own (ISO 8601 or dd/mm/yyyy).
    var dateStyles: [[DateStyle]] = []
    /// The authorities by name, for a list that names the host authority rather than its code.
    var authorities: AuthorityNames?

    /// The native files' context: nothing to translate.
    static let native = DecodingContext()

    /// The name of schema column `column` in messages.
    func name(of column: Int, schema: [ColumnSpec]) -> String {
        column < columnNames.count ? columnNames[column] : schema[column].name
    }

    /// The value `text` stands for in schema column `column`, when a value map translates it.
    func translated(_ text: String, column: Int) -> String? {
        guard column < valueMaps.count, !valueMaps[column].isEmpty else { return nil }
        return valueMaps[column][ValueMapKey.fold(text)]
    }

    /// The date styles of schema column `column`; empty for mfc's own.
    func styles(of column: Int) -> [DateStyle] {
        column < dateStyles.count ? dateStyles[column] : []
    }
}

/// How a value-map key and a value are compared: without regard to case or surrounding spaces.
enum ValueMapKey {
    static func fold(_ text: String) -> String { text.trimmingSpaces.lowercased() }
}
