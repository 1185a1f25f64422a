/// Writes report tables as CSV and JSON: the files `mfc report` writes.
public enum ReportWriter {
    /// CSV (RFC 4180, CRLF): one table, the header then the rows and the total, every row with
    /// the same number of fields; unknown figures are blank, hidden counts `c`. The suppression
    /// rule is not in the file: it goes in the metadata beside it (``ExportMetadata``). Text
    /// from the data is neutralised against formulas.
    public static func csv(_ shared: SuppressedTable) -> [UInt8] {
        var writer = CSVWriter()
        let table = shared.table
        writer.append(header: table.columns.map(\.name))
        for r in table.allRows.indices {
            writer.append(row: table.columns.indices.map { c in
                if table.allRows[r].values[c] == .unknown { return .empty }
                let text = shared.text(row: r, column: c)
                if text.isEmpty { return .empty }
                return table.columns[c].kind == .text ? .text(text) : .formatted(text)
            })
        }
        return writer.bytes
    }

    /// JSON: the report's name, title and rule, then `rows` and `total` as objects keyed by
    /// column name. Counts and numbers are JSON numbers (`null` when not computable), series
    /// arrays, hidden cells the string `"c"`, unknown figures `null`.
    public static func json(_ shared: SuppressedTable) -> String {
        let table = shared.table
        var out = "{\n  \"report\": \(JSONText.quoted(table.name)),\n  \"title\": \(JSONText.quoted(table.title)),\n"
        out += "  \"suppression\": " + (shared.rule.map(JSONText.quoted) ?? "null") + ",\n"
        func object(_ r: Int) -> String {
            let row = table.allRows[r]
            let fields = table.columns.indices.map { c -> String in
                let key = JSONText.quoted(table.columns[c].name) + ": "
                if shared.hidden.contains(CellPosition(row: r, column: c)) { return key + "\"c\"" }
                switch row.values[c] {
                case let .text(value): return key + JSONText.quoted(value)
                case let .count(value): return key + String(value)
                case let .number(value):
                    guard let value else { return key + "null" }
                    if case let .number(decimals) = table.columns[c].kind { return key + ReportValue.fixed(value, decimals) }
                    return key + ReportValue.fixed(value, 2)
                case let .series(values), let .bar(values): return key + "[" + values.map(String.init).joined(separator: ", ") + "]"
                case .unknown: return key + "null"
                }
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        out += "  \"rows\": [\n"
        out += table.rows.indices.map { "    " + object($0) }.joined(separator: ",\n")
        out += table.rows.isEmpty ? "  ],\n" : "\n  ],\n"
        out += "  \"total\": " + (table.total == nil ? "null" : object(table.rows.count)) + "\n}\n"
        return out
    }
}
