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

    /// The report of a file that could not be read at all: one error, no rows.
    public static func unreadable(kind: SourceFileKind, file: String, message: String) -> FileReport {
        var report = FileReport(kind: kind, file: file)
        report.diagnostics.append(Diagnostic(severity: .error, file: file, message: message))
        return report
    }

    /// The report of a file that could be read but was not, because another file of its set
    /// (an SSDA903 return's table) could not: one error, its rows unknown (not zero).
    public static func notRead(kind: SourceFileKind, file: String, because reason: String) -> FileReport {
        var report = FileReport(kind: kind, file: file)
        report.notRead = true
        report.diagnostics.append(Diagnostic(
            severity: .error, file: file,
            message: "not read, because \(reason); its rows are neither accepted nor rejected (how many is unknown)",
            expected: "every table of the set readable"))
        return report
    }

    /// Whether the file was left unread because another file of its set could not be read
    /// (its rows are unknown); it also counts as ``failed``.
    public var notRead = false

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

/// The input files: the native ones (DESIGN section 3) and the SSDA903 return's tables.
public enum SourceFileKind: String, Hashable, Sendable, CaseIterable, Codable {
    case forces
    case authorities
    case homes
    case children
    case laEpisodes = "la_episodes"
    case policeReports = "police_reports"
    /// The SSDA903 `Header` table: one row per child (`CHILD`, `SEX`, `DOB`, ...).
    case ssda903Header = "ssda903_header"
    /// The SSDA903 `Episodes` table: the child's placement episodes (not missing episodes).
    case ssda903Episodes = "ssda903_episodes"
    /// The SSDA903 `Missing` table: missing and away periods, with dates only.
    case ssda903Missing = "ssda903_missing"

    /// The native files, in the order they are loaded and imported.
    public static let native: [SourceFileKind] = [.forces, .authorities, .homes, .children, .laEpisodes, .policeReports]

    /// The SSDA903 tables mfc reads, in the order they are read.
    public static let ssda903: [SourceFileKind] = [.ssda903Header, .ssda903Episodes, .ssda903Missing]

    /// The file's usual name in a data folder (`header.csv`, `episodes.csv` and `missing.csv`
    /// for the SSDA903 tables).
    public var fileName: String {
        switch self {
        case .ssda903Header: "header.csv"
        case .ssda903Episodes: "episodes.csv"
        case .ssda903Missing: "missing.csv"
        default: rawValue + ".csv"
        }
    }

    /// The native kind of record the file's rows become: children for the SSDA903 `Header`,
    /// LA episodes for its `Missing` table; `nil` for its placement `Episodes`, which only
    /// supply the homes of the missing periods.
    public var recordKind: SourceFileKind? {
        switch self {
        case .ssda903Header: .children
        case .ssda903Missing: .laEpisodes
        case .ssda903Episodes: nil
        default: self
        }
    }
}
