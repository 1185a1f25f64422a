import GRDB

extension PostgresWorkspace {
    /// Every table's rows this user sees, each row as its text form, in the table's key order.
    func contents() throws(WorkspaceError) -> [String: [[String]]] {
        try read("reading the workspace") {
            var contents: [String: [[String]]] = [:]
            let tables = try session.rows("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
                .map { try Column.text($0, 0) }
            for table in tables {
                contents[table] = try session.rows("SELECT t::text FROM \(table) t ORDER BY 1").map { [try Column.text($0, 0)] }
            }
            return contents
        }
    }

    /// Runs SQL statements in one transaction.
    func execute(sql: String) throws(WorkspaceError) {
        try transaction("running SQL") { try session.script([sql]) }
    }

    /// The first column of the first row of a query, as text.
    func scalar(_ sql: String) throws(WorkspaceError) -> String? {
        try read("running SQL") {
            switch try session.scalar(sql) {
            case nil, .null?: return nil
            case let .int64(number)?: return String(number)
            case let .double(number)?: return String(number)
            case let .string(text)?: return text
            case let .blob(data)?: return String(decoding: data, as: UTF8.self)
            }
        }
    }
}
