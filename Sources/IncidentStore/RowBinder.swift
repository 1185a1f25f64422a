import GRDB
import GRDBSQLite
import IncidentModel

/// Binds one row's values to a prepared statement, left to right, straight through SQLite's C
/// interface: a million-row import makes no argument arrays and no boxed values.
///
/// Made with ``init()`` instead, it writes rows in PostgreSQL's `COPY` text format to
/// ``copyBytes``: the same record descriptions feed both engines.
struct RowBinder {
    private let statement: SQLiteStatement?
    private var index: Int32 = 1
    /// The first binding that failed, if any.
    private(set) var failure: Int32 = SQLITE_OK
    /// `COPY` text: rows ended by a newline, values by a tab, NULL as `\N`.
    private(set) var copyBytes: [UInt8] = []

    init(_ statement: SQLiteStatement) { self.statement = statement }

    /// A binder that writes `COPY` text.
    init() { statement = nil }

    /// Ends a `COPY` row.
    mutating func endRow() {
        if copyBytes.last == 9 { copyBytes[copyBytes.count - 1] = 10 } else { copyBytes.append(10) }
        index = 1
    }

    /// Takes the `COPY` text written so far.
    mutating func takeCopyBytes() -> [UInt8] {
        defer { copyBytes.removeAll(keepingCapacity: true) }
        return copyBytes
    }

    /// One `COPY` value and its separator; `\`, tab, newline and carriage return escaped.
    private mutating func copyValue(_ value: String?) {
        defer { copyBytes.append(9) }
        guard var value else { copyBytes.append(contentsOf: [92, 78]); return }
        value.withUTF8 { bytes in
            for b in bytes {
                switch b {
                case 92: copyBytes.append(contentsOf: [92, 92])
                case 9: copyBytes.append(contentsOf: [92, 116])
                case 10: copyBytes.append(contentsOf: [92, 110])
                case 13: copyBytes.append(contentsOf: [92, 114])
                default: copyBytes.append(b)
                }
            }
        }
    }

    /// Binds text, or NULL for `nil`. Empty text stays empty text.
    mutating func text(_ value: String?) {
        defer { index += 1 }
        guard let statement else { return copyValue(value) }
        guard var value else { return check(sqlite3_bind_null(statement, index)) }
        let code = value.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                return sqlite3_bind_text(statement, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(statement, index, $0, Int32(bytes.count), transient)
            }
        }
        check(code)
    }

    /// Binds an integer, or NULL for `nil`.
    mutating func int(_ value: Int64?) {
        defer { index += 1 }
        guard let statement else { return copyValue(value.map { String($0) }) }
        guard let value else { return check(sqlite3_bind_null(statement, index)) }
        check(sqlite3_bind_int64(statement, index, value))
    }

    /// Binds an integer, or NULL for `nil`.
    mutating func int(_ value: Int?) { int(value.map(Int64.init)) }

    /// Binds a flag as 1 or 0, or NULL for `nil`.
    mutating func flag(_ value: Bool?) { int(value.map { $0 ? Int64(1) : 0 }) }

    /// Binds a time as its moment and, for a date-only time, its day's end (two columns).
    mutating func time(_ value: Timestamp?) {
        int(value?.instant.secondsSinceEpoch)
        int(value.flatMap { $0.isDateOnly ? $0.latest.secondsSinceEpoch : nil })
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
    }

    /// SQLite copies the bytes before the bind returns.
    private var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    /// Runs a statement once with the values bound by `bind`, then resets it. Returns the rows
    /// changed by the statement itself (not by its triggers).
    static func run(_ statement: Statement, in db: Database, bind: (inout RowBinder) -> Void) throws -> Int {
        let raw = statement.sqliteStatement
        var binder = RowBinder(raw as SQLiteStatement)
        bind(&binder)
        defer { sqlite3_reset(raw) }
        guard binder.failure == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: binder.failure), message: db.lastErrorMessage)
        }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
