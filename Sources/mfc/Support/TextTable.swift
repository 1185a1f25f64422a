import IncidentModel

/// A plain-text table for the command line: columns padded to their widest cell (cut at
/// `maximumWidth` with `…`), control characters made visible.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns whose text is aligned right (numbers).
    var rightAligned: Set<Int> = []
    var maximumWidth = 32

    init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines of text, header first, then a rule.
    func render() -> String {
        let cells = ([header] + rows).map { row in row.map { TextSanitiser.visible($0, limit: maximumWidth) } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for (n, row) in cells.enumerated() {
            let line = row.enumerated().map { i, cell in
                let padding = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? padding + cell : cell + padding
            }.joined(separator: "  ")
            out += line.trimmingTrailingSpaces + "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
