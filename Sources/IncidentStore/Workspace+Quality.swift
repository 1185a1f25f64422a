import IncidentModel

extension Workspace {
    /// Each file of each import as the data-quality view lists it: rows read, accepted and
    /// rejected, the warnings' count (the workspace keeps no warnings), and the rejected rows
    /// read back from their kept reasons and fields.
    package func qualitySources() throws(WorkspaceError) -> [QualityReport.Source] {
        struct Key: Hashable {
            var importID: Int64
            var fileName: String
        }
        var rejects: [Key: [RejectLine]] = [:]
        for row in try rejectedRows() {
            rejects[Key(importID: row.importID, fileName: row.fileName), default: []].append(
                RejectLine(line: row.line, storedReason: row.reason, fields: row.fields))
        }
        return try imports().flatMap { record in
            record.files.map { file in
                QualityReport.Source(
                    name: "import \(record.id) \(file.fileName)", rowsRead: file.rowsRead, accepted: file.accepted,
                    rejected: file.rejected, warnings: file.warnings,
                    rejects: rejects[Key(importID: record.id, fileName: file.fileName)] ?? [])
            }
        }
    }
}
