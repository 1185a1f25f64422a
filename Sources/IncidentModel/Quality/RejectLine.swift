/// A rejected row as the data-quality view lists it: line, column, reason, and the value shown
/// safely. Values of personal fields (names, dates of birth, addresses, postcodes) are
/// described, never shown; other values have their control characters made visible and are cut
/// to 40 characters.
public struct RejectLine: Hashable, Sendable {
    /// 1-based line on which the row starts.
    public var line: Int
    /// 1-based column number, when the reason belongs to one field.
    public var column: Int?
    /// The column's header name.
    public var columnName: String?
    /// Why the row was rejected, without the value.
    public var reason: String
    /// The value, shown safely (see ``safeValue(_:column:)``); `nil` when the reason names none.
    public var value: String?

    public init(line: Int, column: Int?, columnName: String?, reason: String, value: String?) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.reason = reason
        self.value = value
    }

    /// The line of a rejection's diagnostic.
    public init(_ diagnostic: Diagnostic) {
        let reason = (diagnostic.rule.map { "[\($0)] " } ?? "") + diagnostic.message
            + (diagnostic.expected.map { "; expected \($0)" } ?? "")
        self.init(
            line: diagnostic.line ?? 0, column: diagnostic.column, columnName: diagnostic.columnName, reason: reason,
            value: diagnostic.value.map { Self.safeValue($0, column: diagnostic.columnName) })
    }

    /// The column as shown: `5 started_at`, `5`, or empty.
    public var columnText: String {
        [column.map(String.init), columnName].compactMap { $0 }.joined(separator: " ")
    }

    /// The columns whose values are personal: never shown, only described.
    public static let personalColumns: Set<String> = [
        "given_name", "family_name", "forename", "surname", "dob", "missing_from", "missing_from_postcode",
    ]

    /// `value` as it may be shown for `column`: described (`personal field, 7 characters`) when
    /// the column is personal, else made visible and cut to 40 characters.
    public static func safeValue(_ value: String, column: String?) -> String {
        if let column, personalColumns.contains(column.lowercased()) {
            return "(personal field, \(value.count) character\(value.count == 1 ? "" : "s"), not shown)"
        }
        return TextSanitiser.visible(value, limit: 40)
    }
}

extension RejectLine {
    /// The line of a rejection kept as text (a workspace keeps each rejected row's reason as the
    /// diagnostic's description, `file:line:column: rejected: column "value" message`, and its
    /// fields): the column and value are read back, the value from the fields, shown safely.
    public init(line: Int, storedReason text: String, fields: [String]) {
        let marker = ": rejected: "
        guard let split = text.range(of: marker) else {
            self.init(line: line, column: nil, columnName: nil, reason: text, value: nil)
            return
        }
        let location = text[..<split.lowerBound].split(separator: ":")
        let column = location.count >= 3 ? location.last.flatMap { Int($0) } : nil
        var rest = String(text[split.upperBound...])
        var rule = ""
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            rule = String(rest[...close]) + " "
            rest = String(rest[rest.index(after: close)...]).trimmingPrefix(" ")
        }
        var columnName: String?
        var value: String?
        if let column, fields.indices.contains(column - 1), let space = rest.firstIndex(of: " ") {
            let name = String(rest[..<space])
            let shown = "\"" + TextSanitiser.visible(fields[column - 1], limit: 40) + "\" "
            let after = rest[rest.index(after: space)...]
            if after.hasPrefix(shown) {
                columnName = name
                value = Self.safeValue(fields[column - 1], column: name)
                rest = String(after.dropFirst(shown.count))
            }
        }
        let reason = rule + rest
        self.init(line: line, column: column, columnName: columnName, reason: reason, value: value)
    }
}

extension String {
    /// The string without leading copies of `prefix`.
    fileprivate func trimmingPrefix(_ prefix: Character) -> String {
        String(drop { $0 == prefix })
    }
}
