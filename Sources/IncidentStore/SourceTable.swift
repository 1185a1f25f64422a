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
    /// The record from a row of ``selectSQL``.
    let decode: @Sendable (Row) -> Record

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

/// Conversions between model values and column values.
enum Column {
    static func time(_ row: Row, _ at: Int) -> Timestamp? {
        guard let seconds = row[at] as Int64? else { return nil }
        if let dayEnd = row[at + 1] as Int64? {
            return Timestamp(dayStart: Instant(secondsSinceEpoch: seconds), nextDayStart: Instant(secondsSinceEpoch: dayEnd))
        }
        return Timestamp(instant: Instant(secondsSinceEpoch: seconds))
    }

    static func flag(_ row: Row, _ at: Int) -> Bool? { (row[at] as Int64?).map { $0 != 0 } }

    /// `yyyy-mm-dd`, as written by `CivilDate.description`.
    static func date(_ text: String?) -> CivilDate? {
        guard let text else { return nil }
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
