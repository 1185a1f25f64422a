import Foundation
import GRDB
import IncidentModel

/// A workspace kept in a PostgreSQL database: the engine behind ``Workspace`` when the
/// workspace is named by a connection string. Every operation is one transaction on one
/// connection, with the same meaning as in a SQLite workspace.
struct PostgresWorkspace: Sendable {
    let session: PostgresSession

    /// The connection string as shown in messages.
    var name: String { session.target.displayName }

    /// Connects to an existing workspace, running any migrations it lacks.
    static func open(_ text: String) throws(WorkspaceError) -> PostgresWorkspace {
        let workspace = try connect(text)
        guard try workspace.isWorkspace() else { throw .notFound(path: workspace.name) }
        try workspace.migrate(upTo: nil)
        return workspace
    }

    /// Creates the schema in the database named, or opens the workspace already there.
    /// A database that holds other tables and no workspace is left untouched.
    static func create(
        _ text: String, attribution: Attribution, upTo last: String?
    ) throws(WorkspaceError) -> (PostgresWorkspace, Bool) {
        let workspace = try connect(text)
        if try workspace.isWorkspace() {
            try workspace.migrate(upTo: last)
            return (workspace, false)
        }
        let others = try workspace.run("creating") {
            try workspace.session.int("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") ?? 0
        }
        guard others == 0 else {
            throw .notAWorkspace(path: workspace.name, reason: "a database with \(others) tables that mfc did not make; use an empty database")
        }
        try workspace.migrate(upTo: last) {
            try workspace.session.execute(
                "INSERT INTO audit_log (at, action, detail) VALUES ($1, 'init', $2)",
                [.int(attribution.clock().secondsSinceEpoch),
                 .text("workspace created, schema \(PostgresSchema.migrationNames.joined(separator: ", "))")])
        }
        return (workspace, true)
    }

    private static func connect(_ text: String) throws(WorkspaceError) -> PostgresWorkspace {
        let target: PostgresTarget
        do {
            target = try PostgresTarget.parse(text)
        } catch {
            throw .cannotConnect(target: "the PostgreSQL workspace", reason: error.description)
        }
        let session = try PostgresSession.connect(target)
        let workspace = PostgresWorkspace(session: session)
        // A writer waits for another's locks as long as a SQLite workspace's writer does.
        try workspace.run("opening") {
            try session.execute("SET lock_timeout = '\(Int(Workspace.lockWait))s'")
        }
        return workspace
    }

    /// Whether the database holds an mfc workspace.
    private func isWorkspace() throws(WorkspaceError) -> Bool {
        try run("opening") { try session.int("SELECT (to_regclass('mfc_migrations') IS NOT NULL)::int::int8") == 1 }
    }

    /// The migrations applied, oldest first.
    func appliedMigrations() throws(WorkspaceError) -> [String] {
        try run("reading the schema version") {
            guard try session.int("SELECT (to_regclass('mfc_migrations') IS NOT NULL)::int::int8") == 1 else { return [] }
            return try session.rows("SELECT identifier FROM mfc_migrations ORDER BY applied_order").map { try Column.text($0, 0) }
        }
    }

    /// Runs the migrations not yet applied (up to `last`), each with the others in one
    /// transaction; `then` runs in that transaction too. Two mfc that migrate at once take
    /// turns. A schema from a newer mfc is refused.
    private func migrate(upTo last: String?, then: (() throws -> Void)? = nil) throws(WorkspaceError) {
        let known = PostgresSchema.migrationNames
        let wanted = last.flatMap { known.firstIndex(of: $0) }.map { Array(known[...$0]) } ?? known
        let applied = try appliedMigrations()
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .newerSchema(path: name, unknownMigrations: unknown.sorted()) }
        guard wanted.contains(where: { !applied.contains($0) }) || then != nil else { return }
        try transaction("updating the schema") {
            try session.execute("SELECT pg_advisory_xact_lock(hashtext('mfc schema'))")
            try session.execute("""
                CREATE TABLE IF NOT EXISTS mfc_migrations (
                    identifier text PRIMARY KEY, applied_order bigint NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let done = Set(try session.rows("SELECT identifier FROM mfc_migrations").map { try Column.text($0, 0) })
            for (order, migration) in PostgresSchema.migrations.enumerated() where wanted.contains(migration.name) && !done.contains(migration.name) {
                try session.script(migration.statements())
                try session.execute(
                    "INSERT INTO mfc_migrations (identifier, applied_order) VALUES ($1, $2)",
                    [.text(migration.name), .int(Int64(order))])
            }
            try then?()
        }
    }

    // MARK: - Running work

    /// Runs `body` in one transaction: all of it is kept, or none.
    func transaction<T>(_ operation: String, isolation: String = "READ COMMITTED", _ body: () throws -> T) throws(WorkspaceError) -> T {
        try run(operation) { try session.transaction(isolation, body) }
    }

    /// Reads in one transaction that sees one moment of the database.
    func read<T>(_ operation: String, _ body: () throws -> T) throws(WorkspaceError) -> T {
        try transaction(operation, isolation: "REPEATABLE READ, READ ONLY", body)
    }

    /// Runs `body`, and says what failed in the workspace's terms.
    func run<T>(_ operation: String, _ body: () throws -> T) throws(WorkspaceError) -> T {
        do {
            return try body()
        } catch {
            throw classify(error, operation: operation)
        }
    }

    func classify(_ error: any Error, operation: String) -> WorkspaceError {
        if let error = error as? WorkspaceError { return error }
        if let error = error as? UndecodableValue { return .damaged(path: name, detail: error.description) }
        switch PostgresSession.sqlState(error) {
        // lock_timeout, a deadlock, a serialization failure: another writer held what this needed.
        case "55P03", "40P01", "40001": return .locked(path: name, operation: operation)
        default: return .database(path: name, operation: operation, reason: PostgresSession.reason(error))
        }
    }

    // MARK: - Change stamp

    /// The number of changes to the records or decisions so far (imports, decisions, purges),
    /// whoever made them: the same for every user, whatever rows they may see.
    static func dataVersion(_ session: PostgresSession) throws -> Int64 {
        try session.int("SELECT count(*) FROM data_changes") ?? 0
    }

    /// Records a change to the records or decisions, in the caller's transaction.
    static func noteChange(_ session: PostgresSession) throws {
        try session.execute("INSERT INTO data_changes DEFAULT VALUES")
    }

    /// Appends an audit entry in the caller's transaction. The server records who.
    static func audit(_ session: PostgresSession, _ entry: AuditEntry.Draft, at: Instant) throws {
        try session.execute(
            "INSERT INTO audit_log (at, action, detail, path, row_count) VALUES ($1, $2, $3, $4, $5)",
            [.int(at.secondsSinceEpoch), .text(entry.action.rawValue), .text(entry.detail), .text(entry.path),
             .int(entry.rows.map(Int64.init))])
    }
}
