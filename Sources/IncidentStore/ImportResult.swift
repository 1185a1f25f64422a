import IncidentModel

/// What an import did with one file.
package struct ImportedFile: Hashable, Sendable {
    package var kind: SourceFileKind
    /// The file's name (not its folder).
    package var fileName: String
    /// SHA-256 of the file's bytes, lower-case hex.
    package var sha256: String
    /// Size in bytes.
    package var size: Int
    /// Data rows read; `rowsRead == accepted + rejected`.
    package var rowsRead = 0
    package var accepted = 0
    package var rejected = 0
    /// Values blanked or kept as unknown in accepted rows.
    package var warnings = 0
    /// Accepted records whose source id was new to the workspace.
    package var inserted = 0
    /// Accepted records that changed a current record (its old values went to history).
    package var updated = 0
    /// Accepted records identical to the current record.
    package var unchanged = 0
    /// When these exact bytes were imported before: that import's number. Nothing was changed.
    package var alreadyImportedBy: Int64?

    package init(kind: SourceFileKind, fileName: String, sha256: String, size: Int) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.size = size
    }
}

/// The outcome of one `mfc import`.
package struct ImportResult: Sendable {
    /// The import's number, or `nil` when every file had been imported before (nothing changed).
    package var importID: Int64?
    /// Every file named, in import order.
    package var files: [ImportedFile]
    /// The reports of the files read (their warnings and rejections); files imported before
    /// are not read again and have none.
    package var reports: [FileReport]
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
package struct ImportRecord: Hashable, Sendable {
    package var id: Int64
    package var importedAt: Instant
    /// The operating-system user who ran it.
    package var user: String
    package var files: [ImportedFile]
}

/// How far an import has gone, reported as it goes.
package enum ImportProgress: Hashable, Sendable {
    /// Reading and checking this many files (nothing is written yet).
    case reading(files: Int)
    /// Writing one file's accepted records inside the import's transaction.
    case writing(file: String, records: Int)
    /// Committing the transaction.
    case committing
    /// Committed: the import is kept whole.
    case committed
}
