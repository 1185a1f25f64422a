/// What happened to one input file: every record read is counted as accepted or rejected.
///
/// `rowsRead == accepted + rejected` always holds; blank rows (every field empty) are counted
/// apart in ``blankRows`` because they carry no data, and rows that are not for mfc (another
/// provider type in Ofsted's list) in ``skipped``.
public struct FileReport: Hashable, Sendable {
    /// The kind of file.
    public var kind: SourceFileKind
    /// The file's name as shown in messages.
    public var file: String
    /// Data rows read (header and blank rows excluded).
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    public var blankRows = 0
    /// Rows that do not belong in mfc at all (another provider type in Ofsted's list), by
    /// reason: counted apart from ``rowsRead``, like blank rows, and named in a note.
    public var skipped: [String: Int] = [:]
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic] = []
    /// The rejected rows, with their line numbers, reasons and raw fields.
    public var rejectedRows: [RejectedRow] = []
    /// The header's column names, normalised (lower case, underscores), in file order.
    public var columns: [String] = []

    public init(kind: SourceFileKind, file: String) {
        self.kind = kind
        self.file = file
    }

    /// Number of warnings (values blanked or kept as unknown).
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }

    /// Whether the file could not be read at all.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A row that could not stand, kept so it can be written out and corrected.
public struct RejectedRow: Hashable, Sendable {
    /// 1-based line on which the row starts.
    public var line: Int
    /// Why it was rejected.
    public var reason: String
    /// The row's fields as read.
    public var fields: [String]

    public init(line: Int, reason: String, fields: [String]) {
        self.line = line
        self.reason = reason
        self.fields = fields
    }
}

/// The native input files (DESIGN section 3).
public enum SourceFileKind: String, Hashable, Sendable, CaseIterable, Codable {
    case forces
    case authorities
    case homes
    case children
    case laEpisodes = "la_episodes"
    case policeReports = "police_reports"

    /// The file's usual name in a data folder.
    public var fileName: String { rawValue + ".csv" }
}
