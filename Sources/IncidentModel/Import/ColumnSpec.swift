/// A column an input file may carry.
struct ColumnSpec: Sendable {
    /// The header name, lower case with underscores.
    let name: String
    /// Whether the header must contain the column.
    let required: Bool
    /// Whether the column holds a person's data (a name, a date of birth, an address or a
    /// postcode of where a person lives or went missing from): messages describe its values
    /// (``PersonalValue``) and never show them.
    var personal = false

    static func required(_ name: String) -> ColumnSpec { ColumnSpec(name: name, required: true) }
    static func optional(_ name: String) -> ColumnSpec { ColumnSpec(name: name, required: false) }
    /// An optional column of personal data.
    static func personal(_ name: String) -> ColumnSpec { ColumnSpec(name: name, required: false, personal: true) }
}

/// Where each of a schema's columns stands in one file's header.
struct HeaderMap: Sendable {
    /// For each schema column, its 0-based position in the file, or `nil` when absent.
    let positions: [Int?]
    /// Header names the schema does not know, in file order.
    let unknown: [String]
    /// Header names that appear more than once (the first is used).
    let repeated: [String]
    /// Required columns the header lacks.
    let missing: [String]
    /// The header as found, for messages.
    let found: [String]

    /// Matches a header row to a schema: names compared without regard to case, surrounding
    /// spaces, or spaces versus underscores, in any order.
    init(header: [String], columns: [ColumnSpec]) {
        let normalised = header.map(HeaderMap.normalise)
        var firstIndex: [String: Int] = [:]
        var repeated: [String] = []
        for (i, name) in normalised.enumerated() where !name.isEmpty {
            if firstIndex[name] == nil { firstIndex[name] = i } else { repeated.append(header[i]) }
        }
        positions = columns.map { firstIndex[$0.name] }
        let known = Set(columns.map(\.name))
        unknown = zip(header, normalised).filter { !$0.1.isEmpty && !known.contains($0.1) }.map(\.0)
        missing = zip(columns, positions).filter { $0.0.required && $0.1 == nil }.map(\.0.name)
        self.repeated = repeated
        found = header
    }

    static func normalise(_ name: String) -> String {
        name.trimmingSpaces.lowercased().replacingOccurrences(" ", with: "_")
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Every occurrence of `target` replaced (no Foundation).
    func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
