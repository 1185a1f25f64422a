/// One problem found in an input file, located by file, line and column.
///
/// Its text reads like a compiler's: `la_episodes.csv:14:5: rejected: started_at "31/02/2024"
/// is not a real date; expected dd/mm/yyyy or yyyy-mm-dd ...`. Values are shown with control
/// characters made visible and cut to 40 characters. A problem that breaks a published rule
/// (the DfE's SSDA903 checks) carries the rule's code, shown before the message: `[567]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How a problem affected the row.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Information about the file as a whole (an ignored column).
        case note
        /// A value was blanked or kept as unknown; the row was accepted.
        case warning
        /// The row was rejected for this reason.
        case rejected
        /// The file could not be used at all.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .rejected: 2
            case .error: 3
            }
        }
    }

    public var severity: Severity
    /// The file's name as given (not its full path).
    public var file: String
    /// 1-based line, when the problem belongs to a row.
    public var line: Int?
    /// 1-based column number, when the problem belongs to a field.
    public var column: Int?
    /// The column's header name.
    public var columnName: String?
    /// The value found, as shown (control characters visible, cut to 40 characters); `nil`
    /// for a personal value, which only ``valueShape`` describes.
    public var value: String?
    /// A personal value's description in place of the value (``PersonalValue/describe(_:)``).
    public var valueShape: String?
    /// What is wrong.
    public var message: String
    /// What was expected, or what to do.
    public var expected: String?
    /// The code of the published rule the problem breaks (an SSDA903 check such as `567`), if any.
    public var rule: String?

    public init(
        severity: Severity, file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
        value: String? = nil, message: String, expected: String? = nil, rule: String? = nil, personal: Bool = false
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        if personal {
            self.value = nil
            self.valueShape = value.map(PersonalValue.describe)
        } else {
            self.value = value.map { TextSanitiser.visible($0, limit: 40) }
        }
        self.message = message
        self.expected = expected
        self.rule = rule
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): \(severity.rawValue): "
        if let rule { text += "[\(rule)] " }
        if let columnName { text += "\(columnName) " }
        if let value { text += "\"\(value)\" " }
        if let valueShape { text += "(\(valueShape)) " }
        text += message
        if let expected { text += "; expected \(expected)" }
        // File and column names come from outside too: nothing raw reaches a terminal or a log.
        return TextSanitiser.visible(text)
    }
}
