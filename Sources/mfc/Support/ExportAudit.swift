import Foundation
import IncidentModel
import IncidentStore

/// Logs an export in the workspace's audit log. When the log cannot be written the exported
/// file is removed, so that every export left on disk is in the log.
enum ExportAudit {
    /// Logs `rows` incidents written to `path` from `loaded`, filtered by `filter`. Does nothing
    /// when there is no workspace to log into (files read with no workspace present).
    static func record(
        _ loaded: DataSource.Loaded, path: String, what: String, filter: IncidentFilter, rows: Int
    ) throws(ExportAuditError) {
        guard let workspace = loaded.auditWorkspace else { return }
        do {
            try workspace.recordExport(
                path: absolute(path), what: "\(what) from \(loaded.origin)",
                filter: filter.auditText(formatter: loaded.catalogue.formatter), rows: rows,
                attribution: WorkspaceOptions.attribution)
        } catch {
            unlink(path)
            throw ExportAuditError(path: path, reason: error.description)
        }
    }

    /// The path made absolute, so the log says where the file went.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// An export that could not be logged (and was therefore removed).
struct ExportAuditError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "\(path): removed because the export could not be logged: \(reason)" }
}
