import GRDB
import IncidentModel

/// How one kind of source record is kept: its table, its columns (the source id first), and how
/// a record becomes a row and back.
///
/// Each table holds the current values, one row per source id, with the import that last set
/// them; a trigger copies the values an update replaces into `<table>_history`.
struct SourceTable<Record>: Sendable {
    let kind: SourceFileKind
    let name: String
    /// Column names; the first is the source id.
    let columns: [String]
    let id: @Sendable (Record) -> String
    /// Binds the record's values, in ``columns`` order.
    let bind: @Sendable (Record, inout RowBinder) -> Void
    /// The record from a row of ``selectSQL``; throws ``UndecodableValue`` for a value mfc
    /// would not have written.
    let decode: @Sendable (any StoredRow) throws -> Record

    var key: String { columns[0] }

    /// Inserts a record, or updates the current row with the same id when any value differs
    /// (an update with no change is skipped, so the history gains a row only for real changes).
    var upsertSQL: String {
        let values = columns.map { _ in "?" }.joined(separator: ", ")
        let assignments = (columns.dropFirst() + ["import_id"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let differs = columns.dropFirst().map { "\(name).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        return """
            INSERT INTO \(name) (\(columns.joined(separator: ", ")), import_id) VALUES (\(values), ?)
            ON CONFLICT (\(key)) DO UPDATE SET \(assignments) WHERE \(differs)
            """
    }

    /// Every current record, in the order first imported.
    var selectSQL: String { "SELECT \(columns.joined(separator: ", ")) FROM \(name) ORDER BY rowid" }
}

/// A stored value that cannot be read back as what was written: a sign of a damaged file or of
/// a change made outside mfc. It stops the command; a record is never read half-way or skipped.
struct UndecodableValue: Error, CustomStringConvertible {
    /// The column, and what was found in it (its kind, never the value).
    let column: String
    let found: String

    var description: String { "a stored value of \(column) cannot be read (\(found))" }
}

/// One row's stored values, by position, whichever engine read them: SQLite's rows (GRDB) and
/// PostgreSQL's are decoded by the same code.
protocol StoredRow {
    /// The value at `index`, as SQLite would hold it.
    func storage(at index: Int) -> DatabaseValue.Storage
    /// The column's name, for an error.
    func columnName(at index: Int) -> String
}

extension Row: StoredRow {
    func storage(at index: Int) -> DatabaseValue.Storage { (self[index] as DatabaseValue).storage }
    func columnName(at index: Int) -> String {
        let names = Array(columnNames)
        return index < names.count ? names[index] : "column \(index + 1)"
    }
}

/// Conversions between model values and column values. Each throws ``UndecodableValue``
/// when the stored value is not what mfc writes there.
enum Column {
    /// The value at `at`.
    private static func value(_ row: any StoredRow, _ at: Int) -> DatabaseValue.Storage { row.storage(at: at) }

    private static func kind(_ storage: DatabaseValue.Storage) -> String {
        switch storage {
        case .null: "NULL"
        case .int64: "an integer"
        case .double: "a real number"
        case .string: "text"
        case .blob: "a blob"
        }
    }

    /// Text that must be there (an id, a name column that mfc writes as "" when blank).
    static func text(_ row: any StoredRow, _ at: Int) throws -> String {
        let storage = value(row, at)
        guard case let .string(text) = storage else { throw UndecodableValue(column: row.columnName(at: at), found: kind(storage)) }
        return text
    }

    /// Text, or `nil` for NULL.
    static func optionalText(_ row: any StoredRow, _ at: Int) throws -> String? {
        let storage = value(row, at)
        switch storage {
        case .null: return nil
        case let .string(text): return text
        default: throw UndecodableValue(column: row.columnName(at: at), found: kind(storage))
        }
    }

    /// A whole number, or `nil` for NULL.
    static func int(_ row: any StoredRow, _ at: Int) throws -> Int64? {
        let storage = value(row, at)
        switch storage {
        case .null: return nil
        case let .int64(number): return number
        default: throw UndecodableValue(column: row.columnName(at: at), found: kind(storage))
        }
    }

    /// A coded value stored as its raw text; it must be one of the type's.
    static func code<T: RawRepresentable>(_ type: T.Type, _ row: any StoredRow, _ at: Int) throws -> T where T.RawValue == String {
        guard let value = try optionalCode(type, row, at) else {
            throw UndecodableValue(column: row.columnName(at: at), found: "NULL")
        }
        return value
    }

    /// A coded value stored as its raw text, or `nil` for NULL.
    static func optionalCode<T: RawRepresentable>(_ type: T.Type, _ row: any StoredRow, _ at: Int) throws -> T? where T.RawValue == String {
        guard let text = try optionalText(row, at) else { return nil }
        guard let value = T(rawValue: text) else {
            throw UndecodableValue(column: row.columnName(at: at), found: "text that is not one of its codes")
        }
        return value
    }

    /// A coded value stored as its raw number, or `nil` for NULL.
    static func optionalNumber<T: RawRepresentable>(_ type: T.Type, _ row: any StoredRow, _ at: Int) throws -> T? where T.RawValue == Int {
        guard let number = try int(row, at) else { return nil }
        guard let value = T(rawValue: Int(number)) else {
            throw UndecodableValue(column: row.columnName(at: at), found: "a number that is not one of its codes")
        }
        return value
    }

    /// A time from two columns (its moment and, for a date-only time, its day's end), or `nil`.
    static func time(_ row: any StoredRow, _ at: Int) throws -> Timestamp? {
        guard let seconds = try int(row, at) else { return nil }
        if let dayEnd = try int(row, at + 1) {
            guard dayEnd > seconds else {
                throw UndecodableValue(column: row.columnName(at: at + 1), found: "a day's end before its start")
            }
            return Timestamp(dayStart: Instant(secondsSinceEpoch: seconds), nextDayStart: Instant(secondsSinceEpoch: dayEnd))
        }
        return Timestamp(instant: Instant(secondsSinceEpoch: seconds))
    }

    /// A time that must be there (an episode's start).
    static func requiredTime(_ row: any StoredRow, _ at: Int) throws -> Timestamp {
        guard let time = try time(row, at) else { throw UndecodableValue(column: row.columnName(at: at), found: "NULL") }
        return time
    }

    /// A flag stored as 1 or 0, or `nil` for NULL.
    static func flag(_ row: any StoredRow, _ at: Int) throws -> Bool? {
        guard let number = try int(row, at) else { return nil }
        guard number == 0 || number == 1 else {
            throw UndecodableValue(column: row.columnName(at: at), found: "a number other than 0 or 1")
        }
        return number == 1
    }

    /// A date stored as `yyyy-mm-dd` (as `CivilDate.description` writes it), or `nil` for NULL.
    static func date(_ row: any StoredRow, _ at: Int) throws -> CivilDate? {
        guard let text = try optionalText(row, at) else { return nil }
        guard let date = date(text) else {
            throw UndecodableValue(column: row.columnName(at: at), found: "text that is not a real yyyy-mm-dd date")
        }
        return date
    }

    /// A postcode as mfc normalised it, or `nil` for NULL.
    static func postcode(_ row: any StoredRow, _ at: Int) throws -> Postcode? {
        guard let text = try optionalText(row, at) else { return nil }
        guard let postcode = Postcode(text) else {
            throw UndecodableValue(column: row.columnName(at: at), found: "text that is not a postcode")
        }
        return postcode
    }

    /// `yyyy-mm-dd`, as written by `CivilDate.description`; `nil` unless it is a real date.
    static func date(_ text: String) -> CivilDate? {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"))
        guard parts.count == 3 else { return nil }
        func number(_ digits: Substring.UTF8View.SubSequence) -> Int? {
            var value = 0
            for b in digits {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return digits.isEmpty ? nil : value
        }
        guard let year = number(parts[0]), let month = number(parts[1]), let day = number(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
