import GRDB
import IncidentModel

/// One version of a source record: its values as one import brought them.
package struct RecordVersion: Hashable, Sendable {
    /// The import that brought these values.
    package var importID: Int64
    /// The import that replaced them; `nil` for the current values.
    package var replacedByImportID: Int64?
    /// Column name -> value as stored (times as seconds since 1970 UTC); `nil` for no value.
    package var values: [String: String?]
}

extension Workspace {
    /// Every version of one record, oldest first, the current one last: what each agency sent
    /// over time. Empty when the workspace has never held the record.
    package func versions(of kind: SourceFileKind, id: String) throws(WorkspaceError) -> [RecordVersion] {
        if let postgres { return try postgres.versions(of: kind, id: id) }
        guard let kind = kind.recordKind else { return [] }
        let table = SourceTables.name(of: kind)
        let columns = SourceTables.columns(of: kind)
        let list = columns.joined(separator: ", ")
        return try read("reading a record's history") { db in
            func values(_ row: Row) -> [String: String?] {
                var values: [String: String?] = [:]
                for (i, name) in columns.enumerated() {
                    let value = row[i] as DatabaseValue
                    values[name] = value.isNull ? nil : (String.fromDatabaseValue(value) ?? value.description)
                }
                return values
            }
            var versions = try Row.fetchAll(
                db, sql: "SELECT \(list), import_id, replaced_by_import_id FROM \(table)_history WHERE \(columns[0]) = ? ORDER BY history_id",
                arguments: [id]
            ).map { row in
                RecordVersion(importID: row[columns.count], replacedByImportID: row[columns.count + 1], values: values(row))
            }
            if let row = try Row.fetchOne(db, sql: "SELECT \(list), import_id FROM \(table) WHERE \(columns[0]) = ?", arguments: [id]) {
                versions.append(RecordVersion(importID: row[columns.count], replacedByImportID: nil, values: values(row)))
            }
            return versions
        }
    }
}
