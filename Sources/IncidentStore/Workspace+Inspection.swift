import GRDB

extension Workspace {
    /// Every table's rows as text, by table name, each table in rowid order: a snapshot to
    /// compare a workspace before and after an operation.
    package func contents() throws(WorkspaceError) -> [String: [[String]]] {
        if let postgres { return try postgres.contents() }
        return try read("reading the workspace") { db in
            var contents: [String: [[String]]] = [:]
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                contents[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { row in
                    row.databaseValues.map(\.description)
                }
            }
            return contents
        }
    }

    /// Runs SQL statements in one transaction (tests use it to break an import part-way).
    package func execute(sql: String) throws(WorkspaceError) {
        if let postgres { return try postgres.execute(sql: sql) }
        try write("running SQL") { db in try db.execute(sql: sql) }
    }

    /// The first column of the first row of a query, as text.
    package func scalar(_ sql: String) throws(WorkspaceError) -> String? {
        if let postgres { return try postgres.scalar(sql) }
        return try read("running SQL") { db in
            guard let value = try DatabaseValue.fetchOne(db, sql: sql) else { return nil }
            switch value.storage {
            case .null: return nil
            case let .int64(number): return String(number)
            case let .double(number): return String(number)
            case let .string(text): return text
            case let .blob(data): return String(decoding: data, as: UTF8.self)
            }
        }
    }
}
