import GRDB
import IncidentModel

/// Writes one import's records inside its transaction, with one prepared statement per table.
struct RecordWriter {
    let db: Database
    let importID: Int64

    /// Upserts the dataset's records of `kind`; returns how many were new and how many changed
    /// a current record.
    /// An SSDA903 table writes its record kind's records; its placement episodes write none.
    func write(_ kind: SourceFileKind, from dataset: Dataset) throws -> (inserted: Int, updated: Int) {
        switch kind {
        case .ssda903Header: try write(dataset.children, into: SourceTables.children)
        case .ssda903Missing: try write(dataset.episodes, into: SourceTables.episodes)
        case .ssda903Episodes: (0, 0)
        case .forces: try write(dataset.forces, into: SourceTables.forces)
        case .authorities: try write(dataset.authorities, into: SourceTables.authorities)
        case .homes: try write(dataset.homes, into: SourceTables.homes)
        case .children: try write(dataset.children, into: SourceTables.children)
        case .laEpisodes: try write(dataset.episodes, into: SourceTables.episodes)
        case .policeReports: try write(dataset.policeReports, into: SourceTables.policeReports)
        }
    }

    private func write<R>(_ records: [R], into table: SourceTable<R>) throws -> (inserted: Int, updated: Int) {
        let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
        let statement = try db.makeStatement(sql: table.upsertSQL)
        // Rows the upsert inserted or updated (an update with no change counts nothing; the
        // history trigger's own insert is not counted by sqlite3_changes).
        var written = 0
        let importID = self.importID
        for record in records {
            written += try RowBinder.run(statement, in: db) { binder in
                table.bind(record, &binder)
                binder.int(importID)
            }
        }
        let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
        return (after - before, written - (after - before))
    }

    /// Records a file of this import and its rejected rows (fields kept as one CSV line).
    func record(_ file: ImportedFile, rejectedRows: [RejectedRow]) throws {
        try db.execute(
            sql: """
                INSERT INTO import_files (import_id, kind, file_name, sha256, size, rows_read, accepted, rejected,
                    warnings, inserted, updated, unchanged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                importID, file.kind.rawValue, file.fileName, file.sha256, file.size, file.rowsRead, file.accepted,
                file.rejected, file.warnings, file.inserted, file.updated, file.unchanged,
            ])
        let fileID = db.lastInsertedRowID
        let statement = try db.makeStatement(
            sql: "INSERT INTO rejected_rows (import_file_id, line, reason, fields) VALUES (?, ?, ?, ?)")
        for row in rejectedRows {
            var line = CSVWriter()
            line.append(row: row.fields.map(CSVCell.formatted))
            let text = String(decoding: line.bytes.dropLast(2), as: UTF8.self)
            try statement.execute(arguments: [fileID, row.line, row.reason, text])
        }
    }
}
