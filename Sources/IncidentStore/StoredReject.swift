import GRDB
import IncidentModel

/// A rejected row kept in the workspace, with the import and file it came from.
package struct StoredReject: Hashable, Sendable {
    package var importID: Int64
    package var kind: SourceFileKind
    package var fileName: String
    /// 1-based line on which the row starts in its file.
    package var line: Int
    /// Why it was rejected.
    package var reason: String
    /// The row's fields as read.
    package var fields: [String]
}

extension Workspace {
    /// The rejected rows, by import and file, in line order; only those of one import when
    /// `importID` is given.
    package func rejectedRows(importID: Int64? = nil) throws(WorkspaceError) -> [StoredReject] {
        if let postgres { return try postgres.rejectedRows(importID: importID) }
        return try read("reading the rejected rows") { db in
            var sql = """
                SELECT f.import_id, f.kind, f.file_name, r.line, r.reason, r.fields
                FROM rejected_rows r JOIN import_files f ON f.id = r.import_file_id
                """
            var arguments: StatementArguments = []
            if let importID {
                sql += " WHERE f.import_id = ?"
                arguments = [importID]
            }
            sql += " ORDER BY f.import_id, f.id, r.line"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let text: String = row[5]
                var reader = CSVReader(bytes: Array(text.utf8))
                var fields: [String] = []
                _ = reader.next { fields = $0.strings }
                return StoredReject(
                    importID: row[0], kind: SourceFileKind(rawValue: row[1]) ?? .laEpisodes, fileName: row[2],
                    line: row[3], reason: row[4], fields: fields)
            }
        }
    }
}
