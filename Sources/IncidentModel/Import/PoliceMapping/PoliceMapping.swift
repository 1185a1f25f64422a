/// How a police force's own extract stands for `police_reports.csv`: for each field, the
/// extract's column that holds it; the styles its dates are written in; and values to translate
/// (a risk grade `H` for `high`). Read from a TOML file by the `MappingFile` module:
///
/// ```toml
/// [columns]
/// police_ref = "Occurrence Ref"
/// reported_at = "Date/Time Reported"
///
/// [dates]
/// default = "dd/MM/yyyy HH:mm"    # every date field without its own
/// dob = ["dd-MMM-yy", "dd/MM/yyyy"]
///
/// [values.risk]
/// "H" = "high"
/// ```
///
/// Column names are matched without regard to case, spacing or punctuation; value-map keys
/// without regard to case. A field without a column is blank in every report; `police_ref` and
/// `reported_at` must have one. A date field without a style reads mfc's own (ISO 8601 or
/// dd/mm/yyyy).
public struct PoliceMapping: Hashable, Sendable {
    /// The mapping file's name, for messages.
    public var file: String
    /// Field of `police_reports.csv` -> the extract's column.
    public var columns: [String: String]
    /// Date field (or `default`) -> the styles its values are written in, tried in order.
    public var dateStyles: [String: [DateStyle]]
    /// Field -> the extract's value (any case) -> the value mfc reads.
    public var values: [String: [String: String]]
    /// Where each key was written in the mapping file (`columns.police_ref` -> line), for messages.
    package var lines: [String: Int] = [:]

    /// The fields of `police_reports.csv`, in its column order.
    public static var fields: [String] { PoliceReportDecoder.columns.map(\.name) }
    /// The fields a mapping must give a column.
    public static var requiredFields: [String] { PoliceReportDecoder.columns.filter(\.required).map(\.name) }
    /// The fields that hold dates.
    public static let dateFields = ["dob", "last_seen_at", "reported_at", "found_at"]

    public init(
        file: String, columns: [String: String], dateStyles: [String: [DateStyle]] = [:],
        values: [String: [String: String]] = [:]
    ) {
        self.file = file
        self.columns = columns
        self.dateStyles = dateStyles
        self.values = values
    }

    /// The styles of a date field: its own, else the default, else none (mfc's own).
    public func styles(of field: String) -> [DateStyle] {
        guard Self.dateFields.contains(field) else { return [] }
        return dateStyles[field] ?? dateStyles["default"] ?? []
    }

    /// The line of the mapping file that names `key` (`columns.police_ref`), when known.
    func line(of key: String) -> Int? { lines[key] }

    /// The mapping as a TOML file (the `MappingFile` module reads it back).
    public var toml: String {
        var text = "[columns]\n"
        for field in Self.fields {
            if let column = columns[field] { text += "\(field) = \(TOMLText.quoted(column))\n" }
        }
        if !dateStyles.isEmpty {
            text += "\n[dates]\n"
            for key in ["default"] + Self.dateFields {
                guard let styles = dateStyles[key] else { continue }
                text += "\(key) = \(TOMLText.list(styles.map(\.pattern)))\n"
            }
        }
        for field in Self.fields {
            guard let map = values[field], !map.isEmpty else { continue }
            text += "\n[values.\(field)]\n"
            for (from, to) in map.sorted(by: { $0.key < $1.key }) {
                text += "\(TOMLText.quoted(from)) = \(TOMLText.quoted(to))\n"
            }
        }
        return text
    }
}

/// TOML text written by mfc.
enum TOMLText {
    /// A TOML basic string: quotes, backslashes and control characters escaped as JSON escapes
    /// them (TOML's basic strings take the same escapes).
    static func quoted(_ text: String) -> String { JSONText.quoted(text) }

    /// One string, or an array of them.
    static func list(_ items: [String]) -> String {
        items.count == 1 ? quoted(items[0]) : "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
