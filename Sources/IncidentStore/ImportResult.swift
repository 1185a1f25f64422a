import IncidentModel

/// What an import did with one file.
public struct ImportedFile: Hashable, Sendable {
    public var kind: SourceFileKind
    /// The file's name (not its folder).
    public var fileName: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// Size in bytes.
    public var size: Int
    /// Data rows read; `rowsRead == accepted + rejected`.
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    /// Values blanked or kept as unknown in accepted rows.
    public var warnings = 0
    /// Accepted records whose source id was new to the workspace.
    public var inserted = 0
    /// Accepted records that changed a current record (its old values went to history).
    public var updated = 0
    /// Accepted records identical to the current record.
    public var unchanged = 0
    /// When these exact bytes were imported before: that import's number. Nothing was changed.
    public var alreadyImportedBy: Int64?

    public init(kind: SourceFileKind, fileName: String, sha256: String, size: Int) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.size = size
    }
}

/// The outcome of one `mfc import`.
public struct ImportResult: Sendable {
    /// The import's number, or `nil` when every file had been imported before (nothing changed).
    public var importID: Int64?
    /// Every file named, in import order.
    public var files: [ImportedFile]
    /// The reports of the files read (their warnings and rejections); files imported before
    /// are not read again and have none.
    public var reports: [FileReport]
    /// When the import went into a workspace that held no records: the records it wrote, in
    /// the order written, which are then exactly what the workspace holds, with the data
    /// version they are at. ``Workspace/refreshSnapshot(linker:after:)`` links them instead
    /// of reading them back.
    var written: (records: Dataset, version: Int64)?

    init(importID: Int64?, files: [ImportedFile], reports: [FileReport], written: (records: Dataset, version: Int64)? = nil) {
        self.importID = importID
        self.files = files
        self.reports = reports
        self.written = written
    }
}

/// An import as recorded in the workspace.
public struct ImportRecord: Hashable, Sendable {
    public var id: Int64
    public var importedAt: Instant
    /// The operating-system user who ran it.
    public var user: String
    public var files: [ImportedFile]
}

/// How far an import has gone, reported as it goes.
public enum ImportProgress: Hashable, Sendable {
    /// Reading and checking this many files (nothing is written yet).
    case reading(files: Int)
    /// Writing one file's accepted records inside the import's transaction.
    case writing(file: String, records: Int)
    /// Committing the transaction.
    case committing
    /// Committed: the import is kept whole.
    case committed
}
