import GRDB
import IncidentModel

/// One line of the append-only audit log: what was done, when, by which operating-system user.
/// It holds ids, paths and counts, never a person's data.
package struct AuditEntry: Hashable, Sendable {
    /// What kind of thing was done.
    package enum Action: String, Hashable, Sendable, CaseIterable {
        /// The workspace was created.
        case initialise = "init"
        /// Files were imported.
        case importFiles = "import"
        /// Rows were written to a file (incidents, rejected rows).
        case export
        /// An analyst accepted or rejected a police report / LA episode pair.
        case decision
        /// Records were removed under the retention rule.
        case purge
        /// A PostgreSQL workspace's role was made or granted to users (`mfc grant`).
        case grant
    }

    /// The entry's number: entries are numbered in the order written.
    package var id: Int64
    package var at: Instant
    /// The operating-system user.
    package var user: String
    package var action: Action
    /// What was done, in ids and counts.
    package var detail: String
    /// The file written, for exports.
    package var path: String?
    /// Rows read, written or removed.
    package var rows: Int?

    /// An entry before it is written.
    struct Draft {
        var action: Action
        var detail: String
        var path: String? = nil
        var rows: Int? = nil
    }
}

/// Writes and reads the audit log. The table refuses updates and deletes (triggers), so entries
/// can only be added; they are added inside the transaction of the change they record.
enum AuditLog {
    static func append(_ db: Database, _ entry: AuditEntry.Draft, at: Instant, user: String) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, user, action, detail, path, row_count) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [at.secondsSinceEpoch, user, entry.action.rawValue, entry.detail, entry.path, entry.rows])
    }
}

extension Workspace {
    /// The audit log, oldest first; `limit` keeps only the most recent entries.
    package func auditLog(limit: Int? = nil, actions: Set<AuditEntry.Action> = []) throws(WorkspaceError) -> [AuditEntry] {
        if let postgres { return try postgres.auditLog(limit: limit, actions: actions) }
        return try read("reading the audit log") { db in
            var sql = "SELECT id, at, user, action, detail, path, row_count FROM audit_log"
            var arguments: [String] = []
            if !actions.isEmpty {
                sql += " WHERE action IN (\(actions.map { _ in "?" }.joined(separator: ", ")))"
                arguments = actions.map(\.rawValue).sorted()
            }
            sql += " ORDER BY id DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            return rows.reversed().map { row in
                AuditEntry(
                    id: row[0], at: Instant(secondsSinceEpoch: row[1]), user: row[2],
                    action: AuditEntry.Action(rawValue: row[3]) ?? .export, detail: row[4], path: row[5], rows: row[6])
            }
        }
    }

    /// Logs an export: the file written, what was exported and how it was filtered (ids and
    /// dates only), and the number of rows.
    package func recordExport(
        path: String, what: String, filter: String, rows: Int, attribution: Attribution
    ) throws(WorkspaceError) {
        let detail = filter.isEmpty ? what : "\(what); filter: \(filter)"
        if let postgres { return try postgres.recordExport(path: path, detail: detail, rows: rows, at: attribution.clock()) }
        try write("logging an export") { db in
            try AuditLog.append(
                db, AuditEntry.Draft(action: .export, detail: detail, path: path, rows: rows),
                at: attribution.clock(), user: attribution.user)
        }
    }
}
