import GRDB
import IncidentModel

extension Workspace {
    /// The current value of every source record, in the order first imported. The dataset's
    /// file reports are empty: ``imports()`` says what was read.
    package func dataset() throws(WorkspaceError) -> Dataset {
        if let postgres { return try postgres.dataset() }
        return try read("reading the records") { db in try Self.fetchDataset(db) }
    }

    static func fetchDataset(_ db: Database) throws -> Dataset {
        var dataset = Dataset()
        dataset.forces = try fetch(db, SourceTables.forces)
        dataset.authorities = try fetch(db, SourceTables.authorities)
        dataset.homes = try fetch(db, SourceTables.homes)
        dataset.children = try fetch(db, SourceTables.children)
        dataset.episodes = try fetch(db, SourceTables.episodes)
        dataset.policeReports = try fetch(db, SourceTables.policeReports)
        return dataset
    }

    /// The current records linked into incidents, with the analyst's decisions applied.
    package func link(with linker: IncidentLinker = IncidentLinker()) throws(WorkspaceError) -> LinkedData {
        let data = try dataset()
        return linker.link(data, decisions: try linkDecisions())
    }

    /// The number of current records of each kind.
    package func recordCounts() throws(WorkspaceError) -> [SourceFileKind: Int] {
        if let postgres { return try postgres.recordCounts() }
        return try read("counting the records") { db in
            var counts: [SourceFileKind: Int] = [:]
            for kind in SourceFileKind.native {
                counts[kind] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(SourceTables.name(of: kind))") ?? 0
            }
            return counts
        }
    }

    static func fetch<R>(_ db: Database, _ table: SourceTable<R>) throws -> [R] {
        var records: [R] = []
        records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0)
        let rows = try Row.fetchCursor(db, sql: table.selectSQL)
        while let row = try rows.next() { records.append(try table.decode(row)) }
        return records
    }
}
