/// A cell of an exported row.
public enum CSVCell: Hashable, Sendable {
    /// Text from the data: neutralised when it could run as a spreadsheet formula.
    case text(String)
    /// A value mfc itself formatted (a count, a duration, a date): written as it is.
    case formatted(String)
    /// A rejected row's fields as read, for the rejects file: written as they are, never
    /// prefixed, so that the row can be corrected and read again as it was. That file is for
    /// fixing the source (mode 0600), not for a spreadsheet.
    case source(String)
    /// Nothing.
    case empty
}

/// Writes RFC 4180 CSV: a field is quoted when it holds a comma, a quote, a line break or
/// leading or trailing spaces, and quotes inside are doubled. Lines end with CRLF, as RFC 4180
/// and spreadsheets expect.
///
/// Text cells that begin with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed are
/// prefixed with `'` so that a spreadsheet shows them as text instead of running them
/// (OWASP's advice on CSV injection).
public struct CSVWriter: Sendable {
    /// The UTF-8 byte order mark, which Excel needs to read a CSV as UTF-8 (`--bom`).
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// A writer whose buffer starts with room for `capacity` bytes.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one row.
    public mutating func append(row: [CSVCell]) {
        for (i, cell) in row.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            switch cell {
            case let .text(value): appendField(Self.neutralised(value))
            case let .formatted(value), let .source(value): appendField(value)
            case .empty: break
            }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends a header row (names are mfc's own, written as they are).
    public mutating func append(header: [String]) {
        append(row: header.map(CSVCell.formatted))
    }

    /// A rejected row's fields as one CSV line (no line end), each written as read: the
    /// rejects file's `fields` column.
    public static func sourceLine(_ fields: [String]) -> String {
        var inner = CSVWriter()
        inner.append(row: fields.map(CSVCell.source))
        return String(decoding: inner.bytes.dropLast(2), as: UTF8.self)
    }

    /// The text with a leading `'` when it could be read as a formula.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A:
            return "'" + value
        default:
            return value
        }
    }

    private mutating func appendField(_ value: String) {
        var value = value
        value.withUTF8 { appendField(bytes: $0) }
    }

    private mutating func appendField(bytes utf8: UnsafeBufferPointer<UInt8>) {
        guard let first = utf8.first, let last = utf8.last else { return }
        var needsQuotes = first == 0x20 || last == 0x20
        if !needsQuotes {
            for b in utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for b in utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }
}
