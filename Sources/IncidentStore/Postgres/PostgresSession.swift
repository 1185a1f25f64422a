import Dispatch
import Foundation
import GRDB
import Logging
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously: each call blocks the calling
/// thread until the server has answered, while the connection itself runs on its own event loop
/// thread. Calls are never made from that thread, so a wait never blocks the work it waits for.
///
/// The workspace's API is synchronous (the commands and the dashboard call it from their own
/// threads); one lock orders the calls, so a transaction's statements are never interleaved
/// with another thread's.
final class PostgresSession: @unchecked Sendable {
    let target: PostgresTarget
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let lock = NSRecursiveLock()
    /// postgres-nio's log, discarded: its messages may carry statements' values.
    static let logger = Logger(label: "mfc.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(target: PostgresTarget, group: MultiThreadedEventLoopGroup, connection: PostgresConnection) {
        self.target = target
        self.group = group
        self.connection = connection
    }

    deinit {
        _ = try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Connects, with the password from the environment or the password file, and TLS as
    /// ``PostgresTarget/effectiveTLSMode`` says.
    static func connect(_ target: PostgresTarget) throws(WorkspaceError) -> PostgresSession {
        let name = target.displayName
        let password: String?
        do {
            password = try target.password()
        } catch {
            throw .cannotConnect(target: name, reason: error.description)
        }
        var configuration: PostgresConnection.Configuration
        if let socket = target.socketPath {
            configuration = .init(unixSocketPath: socket, username: target.user, password: password, database: target.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            do {
                tls = try tlsSetting(target)
            } catch {
                throw .cannotConnect(target: name, reason: "TLS cannot be set up: \(error)")
            }
            guard case let .tcp(host) = target.address else { throw .cannotConnect(target: name, reason: "no host") }
            configuration = .init(host: host, port: target.port, username: target.user, password: password,
                                  database: target.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "mfc")]
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
            let session = PostgresSession(target: target, group: group, connection: connection)
            // Times are seconds since the epoch: no session setting changes what is stored.
            try session.execute("SET client_min_messages = warning")
            return session
        } catch {
            try? group.syncShutdownGracefully()
            throw .cannotConnect(target: name, reason: Self.reason(error))
        }
    }

    private static func tlsSetting(_ target: PostgresTarget) throws -> PostgresConnection.Configuration.TLS {
        let mode = target.effectiveTLSMode
        if mode == .disable { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .verifyFull: tls.certificateVerification = .fullVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        default: tls.certificateVerification = .none
        }
        if let root = target.rootCertificate { tls.trustRoots = .file(root) }
        let context = try NIOSSLContext(configuration: tls)
        return mode == .allow || mode == .prefer ? .prefer(context) : .require(context)
    }

    // MARK: - Statements

    /// Runs one statement and returns every row, each as stored values.
    func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [PostgresValues] {
        try decoded(sql, values) { $0 }
    }

    /// Runs one statement and returns each row decoded by `decode`, which runs on the
    /// connection's thread as the rows arrive (a large read is never kept twice).
    func decoded<R: Sendable>(
        _ sql: String, _ values: [SQLValue] = [], _ decode: @escaping @Sendable (PostgresValues) throws -> R
    ) throws -> [R] {
        try locked {
            let collector = Collector<R>()
            _ = try connection.query(query(sql, values), logger: Self.logger) { row in
                collector.append(try decode(PostgresValues(row, names: collector.names(of: row))))
            }.wait()
            return collector.take()
        }
    }

    /// The first column of the first row, or `nil`.
    func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> DatabaseValue.Storage? {
        try rows(sql, values).first.map { $0.storage(at: 0) }
    }

    /// A whole number from the first column of the first row.
    func int(_ sql: String, _ values: [SQLValue] = []) throws -> Int64? {
        if case let .int64(n)? = try scalar(sql, values) { return n }
        return nil
    }

    /// Runs one statement; returns the rows it affected, as its command tag says.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        try locked {
            let result = try connection.query(query(sql, values), logger: Self.logger).wait()
            return result.metadata.rows ?? 0
        }
    }

    /// Runs statements, one after the other, in the simple protocol (no values bound).
    func script(_ statements: [String]) throws {
        try locked {
            for statement in statements { _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger).wait() }
        }
    }

    /// Streams `count` rows of text-format `COPY` data into `table`, each written by `encode`
    /// (its values, left to right), in pieces of about 256 KiB while the server reads them.
    func copy(
        into table: String, columns: [String], count: Int, encode: @escaping @Sendable (Int, inout RowBinder) -> Void
    ) throws {
        let connection = self.connection
        try locked {
            try Self.blocking {
                try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
                    var binder = RowBinder()
                    for i in 0..<count {
                        encode(i, &binder)
                        binder.endRow()
                        if binder.copyBytes.count >= 1 << 18 { try await writer.write(ByteBuffer(bytes: binder.takeCopyBytes())) }
                    }
                    if !binder.copyBytes.isEmpty { try await writer.write(ByteBuffer(bytes: binder.takeCopyBytes())) }
                }
            }
        }
    }

    /// Runs `body` in one transaction at `isolation`: committed when it returns, rolled back
    /// when it throws.
    func transaction<T>(_ isolation: String = "READ COMMITTED", _ body: () throws -> T) throws -> T {
        try locked {
            try execute("BEGIN ISOLATION LEVEL \(isolation)")
            do {
                let value = try body()
                try execute("COMMIT")
                return value
            } catch {
                _ = try? execute("ROLLBACK")
                throw error
            }
        }
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func query(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case let .text(text): bindings.append(text)
            case let .int(number): bindings.append(number)
            case let .bytes(data): bindings.append(data.map { ByteBuffer(bytes: $0) })
            case let .texts(list): bindings.append(list)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Runs async work from a synchronous caller (never the event loop's thread) and waits.
    /// The work runs on a queue of its own, not on Swift's shared pool of threads, whose few
    /// threads may all be callers blocked here (test runners and async callers are).
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: QueueExecutor.shared) {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    // MARK: - Errors

    /// The server's SQLSTATE of an error, when it came from the server.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// What went wrong, in words that carry no values: the server's message (never its detail,
    /// which may quote a row), or the client's error code.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                return message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return error.code.description
        }
        if let error = error as? PostgresDecodingError { return "a value could not be read (\(error.code))" }
        return String(describing: error)
    }
}

/// A value bound to a statement.
enum SQLValue: Sendable {
    case text(String?)
    case int(Int64?)
    case bytes([UInt8]?)
    case texts([String])
}

/// One row's values as stored, read from a PostgreSQL row.
struct PostgresValues: StoredRow, Sendable {
    let values: [DatabaseValue.Storage]
    /// The columns' names, shared by the rows of one result.
    let names: [String]

    init(_ row: PostgresRow, names: [String]) {
        var values: [DatabaseValue.Storage] = []
        values.reserveCapacity(names.count)
        for cell in row { values.append(Self.storage(cell)) }
        self.values = values
        self.names = names
    }

    func storage(at index: Int) -> DatabaseValue.Storage { index < values.count ? values[index] : .null }
    func columnName(at index: Int) -> String { index < names.count ? names[index] : "column \(index + 1)" }

    /// A cell as the value SQLite would hold: whole numbers, text, bytes or NULL.
    static func storage(_ cell: PostgresCell) -> DatabaseValue.Storage {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8: return (try? cell.decode(Int64.self)).map { .int64($0) } ?? .null
        case .int4: return (try? cell.decode(Int32.self)).map { .int64(Int64($0)) } ?? .null
        case .int2: return (try? cell.decode(Int16.self)).map { .int64(Int64($0)) } ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .int64($0 ? 1 : 0) } ?? .null
        case .bytea: return (try? cell.decode(ByteBuffer.self)).map { .blob(Data($0.readableBytesView)) } ?? .null
        case .float8, .float4, .numeric: return (try? cell.decode(Double.self)).map { .double($0) } ?? .null
        default: return (try? cell.decode(String.self)).map { .string($0) } ?? .null
        }
    }
}

/// Rows decoded on the connection's thread, taken once the query is done.
private final class Collector<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [R] = []
    private var columnNames: [String]?

    /// The columns' names, read from the first row.
    func names(of row: PostgresRow) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let columnNames { return columnNames }
        let names = row.map(\.columnName)
        columnNames = names
        return names
    }

    func append(_ row: R) {
        lock.lock()
        storage.append(row)
        lock.unlock()
    }

    func take() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// The outcome of async work, handed to the waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let result else { throw CancellationError() }
        return try result.get()
    }
}

/// Runs tasks' jobs on one serial queue of its own: the async side of ``PostgresSession``'s
/// blocking calls, never on a thread that may be waiting for it.
private final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = QueueExecutor()
    private let queue = DispatchQueue(label: "mfc.postgres.async")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
