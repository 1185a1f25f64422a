import Foundation
import GRDB
import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

/// An mfc workspace: one SQLite file, or a shared PostgreSQL database, that keeps every import,
/// the current and earlier values of every source record, the rejected rows, the analysts'
/// decisions and the audit log.
///
/// The engine is chosen by what names the workspace: a `postgres://` or `postgresql://` URL or
/// libpq's `keyword=value` pairs name a PostgreSQL database (see ``PostgresTarget``), anything
/// else a SQLite file. Both keep the same records, history, decisions and audit log, with the
/// same meaning; PostgreSQL adds roles and row-level security (``PostgresRoles``).
///
/// The file is created `0600` (SQLite gives its `-wal` and `-shm` files the same mode), in WAL
/// mode, with `synchronous=FULL`, foreign keys on and `secure_delete` on, so that a crash never
/// loses a committed import and deleted records leave no bytes behind. Its schema is versioned
/// with GRDB's migrator: an older workspace is brought up to date when it is opened.
package struct Workspace: Sendable {
    /// The workspace file, as named; for PostgreSQL, the connection string as shown in
    /// messages (``PostgresTarget/displayName``).
    package let path: String
    let engine: Engine

    /// Where the workspace is kept.
    enum Engine: Sendable {
        case sqlite(DatabaseQueue)
        case postgres(PostgresWorkspace)
    }

    private init(path: String, database: DatabaseQueue) {
        self.path = path
        self.engine = .sqlite(database)
    }

    init(postgres: PostgresWorkspace) {
        self.path = postgres.name
        self.engine = .postgres(postgres)
    }

    /// The PostgreSQL engine, when the workspace is kept there.
    var postgres: PostgresWorkspace? {
        if case let .postgres(engine) = engine { return engine }
        return nil
    }

    /// The engine's name, for messages: `SQLite` or `PostgreSQL`.
    package var engineName: String { postgres == nil ? "SQLite" : "PostgreSQL" }

    /// The SQLite database; only the SQLite engine's code asks for it.
    private func sqlite(_ operation: String) throws(WorkspaceError) -> DatabaseQueue {
        guard case let .sqlite(queue) = engine else {
            throw .database(path: path, operation: operation, reason: "not a SQLite workspace")
        }
        return queue
    }

    /// The file name used when none is given: `mfc.sqlite` in the current folder.
    package static let defaultFileName = "mfc.sqlite"

    /// Whether anything exists at `path`, a symbolic link to nothing or a link loop included
    /// (it may still not be a workspace: ``open(at:waiting:)`` says what it is).
    package static func fileExists(at path: String) -> Bool {
        if PostgresTarget.isConnectionString(path) { return true }
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// How long a writer waits for another to finish before it gives up with
    /// ``WorkspaceError/locked(path:operation:)``, in seconds.
    package static let lockWait = 10.0

    /// Opens an existing workspace, running any migrations it lacks. When another mfc is
    /// writing to it, a write waits up to ``lockWait`` seconds, and `waiting` is told once, with
    /// a message that says so.
    /// With `checking` (the default) SQLite's `quick_check` runs first, and a damaged file is
    /// refused; `mfc check` opens without it, to report what is wrong.
    package static func open(
        at path: String, waiting: (@Sendable (String) -> Void)? = nil, checking: Bool = true
    ) throws(WorkspaceError) -> Workspace {
        if PostgresTarget.isConnectionString(path) { return Workspace(postgres: try PostgresWorkspace.open(path)) }
        guard fileExists(at: path) else { throw .notFound(path: path) }
        do throws(FileReadError) {
            try FileBytes.checkRegularFile(path: path)
        } catch {
            throw .unreadableFile(error)
        }
        let workspace = try connect(path: path, isNew: false, waiting: waiting)
        if checking { try workspace.quickCheck() }
        return workspace
    }

    /// Runs SQLite's `quick_check` (every page read, every record's format checked; no index
    /// compared with its table) and throws ``WorkspaceError/damaged(path:detail:)`` unless it
    /// finds nothing wrong.
    package func quickCheck() throws(WorkspaceError) {
        // PostgreSQL checks its own pages; there is no file of mfc's to check.
        if postgres != nil { return }
        let findings = try read("checking the file") { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard findings == ["ok"] else {
            throw .damaged(path: path, detail: "SQLite's quick_check: " + findings.prefix(3).joined(separator: "; "))
        }
    }

    /// Runs SQLite's full `integrity_check` (indexes compared with their tables too); returns
    /// its findings, empty when the file is whole.
    package func integrityCheck() throws(WorkspaceError) -> [String] {
        if postgres != nil { return [] }
        let findings = try read("checking the file") { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return findings == ["ok"] ? [] : findings
    }

    /// Creates a workspace at `path`, or opens the one already there. `created` says which.
    /// A file that exists and is not a workspace is left untouched and reported. The creation
    /// is the audit log's first entry.
    package static func create(
        at path: String, attribution: Attribution
    ) throws(WorkspaceError) -> (workspace: Workspace, created: Bool) {
        try create(at: path, attribution: attribution, schemaUpTo: nil)
    }

    /// Creates a workspace whose schema stops at migration `last` (all of them when `nil`):
    /// how tests make a workspace as an older mfc wrote it.
    package static func create(
        at path: String, attribution: Attribution, schemaUpTo last: String?
    ) throws(WorkspaceError) -> (workspace: Workspace, created: Bool) {
        if PostgresTarget.isConnectionString(path) {
            let (engine, created) = try PostgresWorkspace.create(path, attribution: attribution, upTo: last)
            return (Workspace(postgres: engine), created)
        }
        if fileExists(at: path) {
            let workspace = try connect(path: path, isNew: false, upTo: last)
            try workspace.quickCheck()
            return (workspace, false)
        }
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        close(fd)
        do {
            let workspace = try connect(path: path, isNew: true, upTo: last)
            try workspace.write("creating") { db in
                try AuditLog.append(
                    db, AuditEntry.Draft(action: .initialise, detail: "workspace created, schema \(WorkspaceSchema.migrationNames.joined(separator: ", "))"),
                    at: attribution.clock(), user: attribution.user)
            }
            return (workspace, true)
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            throw error
        }
    }

    /// The migrations applied to this workspace, oldest first.
    package func appliedMigrations() throws(WorkspaceError) -> [String] {
        if let postgres { return try postgres.appliedMigrations() }
        return try read("read the schema version") { db in try WorkspaceSchema.migrator.appliedMigrations(db) }
    }

    private static func connect(
        path: String, isNew: Bool, upTo last: String? = nil, waiting: (@Sendable (String) -> Void)? = nil
    ) throws(WorkspaceError) -> Workspace {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // SQLite calls this while another connection holds the write lock: say once what we
        // are waiting for, then retry every 50 ms until the wait is over.
        configuration.busyMode = .callback { tries in
            if tries == 0 {
                waiting?("\(path): another mfc is writing to this workspace (an import, a decision or a purge); "
                    + "waiting up to \(Int(lockWait)) s for it to finish…")
            }
            guard Double(tries) * 0.05 < lockWait else { return false }
            usleep(50_000)
            return true
        }
        configuration.label = "mfc.workspace"
        configuration.prepareDatabase { db in
            // A 64 MiB page cache keeps the source-id indexes in memory through a large import;
            // reads go through a memory map (up to 1 GiB), so the linked snapshot's large parts
            // are read without a system call per page.
            try db.execute(sql: """
                PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA cache_size = -65536;
                PRAGMA mmap_size = 1073741824
                """)
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw classify(error, path: path, operation: "opening")
        }
        let workspace = Workspace(path: path, database: queue)
        // Check what the file is before anything is written to it.
        let (applicationID, objects) = try workspace.read("opening") { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        }
        if applicationID != WorkspaceSchema.applicationID {
            if !(isNew && objects == 0) {
                throw .notAWorkspace(path: path, reason: objects == 0
                    ? "an empty file or database" : "a SQLite database that mfc did not write")
            }
        }
        let migrator = WorkspaceSchema.migrator
        try workspace.withoutTransaction("opening") { db in
            if try migrator.hasBeenSuperseded(db) {
                let known = Set(migrator.migrations)
                throw WorkspaceError.newerSchema(
                    path: path, unknownMigrations: try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted())
            }
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw WorkspaceError.cannotCreate(path: path, reason: "SQLite would not use WAL mode here (got \(mode ?? "nothing")); keep workspaces on a local disk")
            }
        }
        do {
            if let last { try migrator.migrate(queue, upTo: last) } else { try migrator.migrate(queue) }
        } catch {
            throw classify(error, path: path, operation: "updating the schema")
        }
        return workspace
    }

    // MARK: - Running work

    /// Runs `body` in one write transaction: all of it is kept, or none.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try sqlite(operation).write(body)
        } catch {
            throw Self.classify(error, path: path, operation: operation)
        }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try sqlite(operation).read(body)
        } catch {
            throw Self.classify(error, path: path, operation: operation)
        }
    }

    /// Runs `body` outside any transaction (for statements that cannot run inside one).
    func withoutTransaction<T>(_ operation: String, _ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try sqlite(operation).writeWithoutTransaction(body)
        } catch {
            throw Self.classify(error, path: path, operation: operation)
        }
    }

    static func classify(_ error: any Error, path: String, operation: String) -> WorkspaceError {
        if let error = error as? WorkspaceError { return error }
        if let error = error as? UndecodableValue { return .damaged(path: path, detail: error.description) }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return .notAWorkspace(path: path, reason: "not a SQLite database") }
            if error.resultCode == .SQLITE_CORRUPT {
                return .damaged(path: path, detail: "SQLite found a damaged page while \(operation)")
            }
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return .locked(path: path, operation: operation)
            }
            return .database(path: path, operation: operation, reason: error.message ?? "\(error.resultCode)")
        }
        return .database(path: path, operation: operation, reason: String(describing: error))
    }
}

/// Who does something in the workspace, and the clock that says when. mfc passes the
/// operating-system user and the system clock; tests pass a fixed clock.
package struct Attribution: Sendable {
    /// The operating-system user name.
    package var user: String
    /// The current time.
    package var clock: @Sendable () -> Instant

    package init(user: String, clock: @escaping @Sendable () -> Instant) {
        self.user = user
        self.clock = clock
    }
}
