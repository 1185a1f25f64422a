import IncidentModel

extension PostgresWorkspace {
    /// The import that first brought each of these digests, among the imports this user sees.
    func earlierImports(of digests: [String]) throws(WorkspaceError) -> [String: Int64] {
        try read("reading earlier imports") {
            var found: [String: Int64] = [:]
            for row in try session.rows(
                "SELECT sha256, min(import_id) FROM import_files WHERE sha256 = ANY($1) GROUP BY sha256", [.texts(digests)]) {
                if let id = try Column.int(row, 1) { found[try Column.text(row, 0)] = id }
            }
            return found
        }
    }

    /// Writes one import's records in one transaction, as the SQLite engine does: each record
    /// kind through `COPY` into a staging table, then inserted or updating the current record
    /// (its old values go to the history by trigger); the files and their rejected rows
    /// recorded; one audit entry and one change. `files` gets each fresh file's counts.
    ///
    /// Another import of the same bytes waits for this one (a lock on each digest), then finds
    /// it and is refused.
    func write(
        _ dataset: inout Dataset, files: inout [ImportedFile], fresh: [Int], kinds: [SourceFileKind], at now: Instant,
        progress: (ImportProgress) -> Void
    ) throws(WorkspaceError) -> (Int64, (records: Dataset, version: Int64)?) {
        var written: (records: Dataset, version: Int64)?
        var working = dataset
        var counted = files
        let importID: Int64 = try transaction("importing") {
            for index in fresh {
                try session.execute("SELECT pg_advisory_xact_lock(hashtext($1))", [.text(counted[index].sha256)])
                if let earlier = try session.int(
                    "SELECT min(import_id) FROM import_files WHERE sha256 = $1", [.text(counted[index].sha256)]) {
                    throw WorkspaceError.inputs(
                        message: "\(counted[index].fileName) was imported meanwhile (import \(earlier)) by another mfc; run the import again")
                }
            }
            let wasEmpty = try holdsNoRecords()
            let bulk = wasEmpty ? try holdForBulkLoad() : false
            guard let importID = try session.int("INSERT INTO imports (imported_at) VALUES ($1) RETURNING id", [.int(now.secondsSinceEpoch)])
            else { throw WorkspaceError.database(path: name, operation: "importing", reason: "no import number was given") }
            try fillResponsibleAuthorities(&working)
            for report in working.reports {
                guard let index = fresh.first(where: { kinds[$0] == report.kind }) else {
                    _ = try writeRecords(report.kind, from: working, importID: importID, bulk: bulk)
                    continue
                }
                var file = counted[index]
                progress(.writing(file: file.fileName, records: report.accepted))
                file.rowsRead = report.rowsRead
                file.accepted = report.accepted
                file.rejected = report.rejected
                file.warnings = report.warnings
                let counts = try writeRecords(report.kind, from: working, importID: importID, bulk: bulk)
                file.inserted = counts.inserted
                file.updated = counts.updated
                file.unchanged = report.accepted - counts.inserted - counts.updated
                try record(file, rejectedRows: report.rejectedRows, importID: importID)
                counted[index] = file
            }
            let done = fresh.map { counted[$0] }
            try Self.audit(session, AuditEntry.Draft(
                action: .importFiles, detail: Workspace.auditDetail(importID: importID, done),
                rows: done.reduce(0) { $0 + $1.rowsRead }), at: now)
            try Self.noteChange(session)
            if wasEmpty, try holdsExactly(working) { written = (working, try Self.dataVersion(session)) }
            progress(.committing)
            return importID
        }
        dataset = working
        files = counted
        return (importID, written)
    }

    /// Whether no record table holds a record this user sees.
    private func holdsNoRecords() throws -> Bool {
        for table in SourceTables.recordTableNames where try session.int("SELECT count(*) FROM (SELECT 1 FROM \(table) LIMIT 1) t") != 0 {
            return false
        }
        return true
    }

    /// Whether this import loads the empty record tables in bulk (``copyIntoEmpty``): only when
    /// this user owns them and row-level security does not hold it (a superuser, or an owner
    /// with `BYPASSRLS`), and when it can hold them alone at once, with no other import under
    /// way. It then keeps the record tables to itself until it commits: readers and other
    /// imports wait for it (up to their lock timeout), as they would have nothing to read yet.
    /// The locks are taken without waiting, so two first imports never deadlock: each that
    /// cannot have them writes as any other import does.
    private func holdForBulkLoad() throws -> Bool {
        let tables = SourceTables.recordTableNames
        let owned = try session.int(
            """
            SELECT count(*) FROM pg_class c
            WHERE c.oid IN (SELECT to_regclass(t) FROM unnest($1::text[]) t)
              AND pg_has_role(c.relowner, 'USAGE') AND NOT row_security_active(c.oid)
            """, [.texts(tables)])
        guard owned == Int64(tables.count) else { return false }
        try session.execute("SAVEPOINT mfc_bulk_lock")
        do {
            // The foreign keys made again after the load need `imports` held against new imports.
            try session.execute("LOCK TABLE imports IN SHARE ROW EXCLUSIVE MODE NOWAIT")
            try session.execute("LOCK TABLE \(tables.joined(separator: ", ")) IN ACCESS EXCLUSIVE MODE NOWAIT")
        } catch where PostgresSession.sqlState(error) == "55P03" {
            try session.execute("ROLLBACK TO SAVEPOINT mfc_bulk_lock")
            return false
        }
        try session.execute("RELEASE SAVEPOINT mfc_bulk_lock")
        // Index builds sort in memory rather than on disk where they can.
        try session.execute("SET LOCAL maintenance_work_mem = '256MB'")
        return try holdsNoRecords()
    }

    /// Whether each record table holds as many records as `dataset` has of that kind.
    private func holdsExactly(_ dataset: Dataset) throws -> Bool {
        let counts = [
            (SourceTables.forces.name, dataset.forces.count), (SourceTables.authorities.name, dataset.authorities.count),
            (SourceTables.homes.name, dataset.homes.count), (SourceTables.children.name, dataset.children.count),
            (SourceTables.episodes.name, dataset.episodes.count), (SourceTables.policeReports.name, dataset.policeReports.count),
        ]
        for (table, count) in counts where try session.int("SELECT count(*) FROM \(table)") != Int64(count) {
            return false
        }
        return true
    }

    /// An episode with no responsible authority is its child's authority's (see the SQLite
    /// engine's ``Workspace/fillResponsibleAuthorities(_:from:)``).
    private func fillResponsibleAuthorities(_ dataset: inout Dataset) throws {
        guard !dataset.reports.contains(where: { $0.kind == .children && !$0.failed }) else { return }
        let missing = dataset.episodes.indices.filter { dataset.episodes[$0].localAuthority.rawValue.isEmpty }
        guard !missing.isEmpty else { return }
        var authority: [String: String] = [:]
        let ids = Array(Set(missing.map { dataset.episodes[$0].child.rawValue }))
        for row in try session.rows("SELECT child_id, local_authority FROM children WHERE child_id = ANY($1)", [.texts(ids)]) {
            authority[try Column.text(row, 0)] = try Column.text(row, 1)
        }
        for i in missing {
            if let code = authority[dataset.episodes[i].child.rawValue] { dataset.episodes[i].localAuthority = AuthorityCode(code) }
        }
    }

    /// Upserts the dataset's records of `kind`: how many were new and how many changed.
    private func writeRecords(
        _ kind: SourceFileKind, from dataset: Dataset, importID: Int64, bulk: Bool
    ) throws -> (inserted: Int, updated: Int) {
        switch kind {
        case .ssda903Header: try upsert(dataset.children, into: SourceTables.children, importID: importID, bulk: bulk)
        case .ssda903Missing: try upsert(dataset.episodes, into: SourceTables.episodes, importID: importID, bulk: bulk)
        case .ssda903Episodes: (0, 0)
        case .forces: try upsert(dataset.forces, into: SourceTables.forces, importID: importID, bulk: bulk)
        case .authorities: try upsert(dataset.authorities, into: SourceTables.authorities, importID: importID, bulk: bulk)
        case .homes: try upsert(dataset.homes, into: SourceTables.homes, importID: importID, bulk: bulk)
        case .children: try upsert(dataset.children, into: SourceTables.children, importID: importID, bulk: bulk)
        case .laEpisodes: try upsert(dataset.episodes, into: SourceTables.episodes, importID: importID, bulk: bulk)
        case .policeReports: try upsert(dataset.policeReports, into: SourceTables.policeReports, importID: importID, bulk: bulk)
        }
    }

    /// `COPY` into a staging table, then one `INSERT ... ON CONFLICT DO UPDATE` that changes a
    /// current record only when a value differs. Records that share a source id within the
    /// import are applied in turn (first, second, ... occurrence), as SQLite applies them row by
    /// row, so the history keeps every version.
    private func upsert<R: Sendable>(
        _ records: [R], into table: SourceTable<R>, importID: Int64, bulk: Bool
    ) throws -> (inserted: Int, updated: Int) {
        guard !records.isEmpty else { return (0, 0) }
        if let inserted = try copyIntoEmpty(records, into: table, importID: importID, bulk: bulk) { return (inserted, 0) }
        let stage = "mfc_stage_" + table.name
        let types = Dictionary(uniqueKeysWithValues: (PostgresSchema.recordTables.first { $0.name == table.name }?.columns ?? []).map {
            ($0.0, $0.1.replacingOccurrences(of: " NOT NULL", with: ""))
        })
        let definitions = table.columns.map { "\($0) \(types[$0] ?? "text")" }.joined(separator: ", ")
        try session.execute("DROP TABLE IF EXISTS pg_temp.\(stage)")
        try session.execute("CREATE TEMP TABLE \(stage) (ord bigserial, gen bigint NOT NULL DEFAULT 1, \(definitions)) ON COMMIT DROP")
        try session.copy(into: stage, columns: table.columns, count: records.count) { i, binder in table.bind(records[i], &binder) }
        let key = table.key
        var generations: Int64 = 1
        if try session.int("SELECT count(*) - count(DISTINCT \(key)) FROM \(stage)") != 0 {
            try session.execute("""
                UPDATE \(stage) s SET gen = g.n
                FROM (SELECT ord, row_number() OVER (PARTITION BY \(key) ORDER BY ord) AS n FROM \(stage)) g
                WHERE s.ord = g.ord
                """)
            generations = try session.int("SELECT max(gen) FROM \(stage)") ?? 1
        }
        let columns = table.columns.joined(separator: ", ")
        let assignments = (table.columns.dropFirst() + ["import_id"]).map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        let differs = table.columns.dropFirst().map { "\(table.name).\($0) IS DISTINCT FROM EXCLUDED.\($0)" }.joined(separator: " OR ")
        var inserted = 0, updated = 0
        for generation in 1...max(1, generations) {
            let row = try session.rows("""
                WITH w AS (
                    INSERT INTO \(table.name) (\(columns), import_id)
                    SELECT \(columns), $1 FROM \(stage) WHERE gen = $2 ORDER BY ord
                    ON CONFLICT (\(key)) DO UPDATE SET \(assignments) WHERE \(differs)
                    RETURNING (xmax = 0) AS fresh
                )
                SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) FROM w
                """, [.int(importID), .int(generation)])
            inserted += Int(try row.first.flatMap { try Column.int($0, 0) } ?? 0)
            updated += Int(try row.first.flatMap { try Column.int($0, 1) } ?? 0)
        }
        try session.execute("DROP TABLE pg_temp.\(stage)")
        return (inserted, updated)
    }

    /// Into a table that holds no record, the records go straight in with `COPY`: every one is
    /// new. Returns `nil`, having changed nothing, when the table is not empty, or when two
    /// records share a source id (or one this user cannot see is there): then they are upserted.
    ///
    /// With `bulk` (the import holds the tables alone, see ``holdForBulkLoad()``), the table's
    /// indexes, its unique source id and its foreign key are dropped for the load and made again
    /// after it, in the same transaction: building an index once from the loaded rows is several
    /// times faster than updating it row by row, and the foreign key is checked by one query
    /// rather than once a row.
    private func copyIntoEmpty<R: Sendable>(_ records: [R], into table: SourceTable<R>, importID: Int64, bulk: Bool) throws -> Int? {
        guard try session.int("SELECT count(*) FROM (SELECT 1 FROM \(table.name) LIMIT 1) t") == 0 else { return nil }
        try session.execute("SAVEPOINT mfc_copy")
        do {
            let rebuild = bulk ? try dropIndexes(of: table.name) : []
            try session.copy(into: table.name, columns: table.columns + ["import_id"], count: records.count) { i, binder in
                table.bind(records[i], &binder)
                binder.int(importID)
            }
            for statement in rebuild { try session.execute(statement) }
        } catch where ["23505", "0A000"].contains(PostgresSession.sqlState(error)) {
            // 23505: a source id twice; 0A000: the table's row-level security holds this user,
            // and COPY does not check policies.
            try session.execute("ROLLBACK TO SAVEPOINT mfc_copy")
            return nil
        }
        try session.execute("RELEASE SAVEPOINT mfc_copy")
        return records.count
    }

    /// Drops `table`'s indexes, unique constraints and foreign keys; returns the statements that
    /// make them again, as they were.
    private func dropIndexes(of table: String) throws -> [String] {
        var drop: [String] = [], make: [String] = []
        for row in try session.rows(
            "SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype IN ('u', 'f')",
            [.text(table)]) {
            let name = try Column.text(row, 0)
            drop.append("ALTER TABLE \(table) DROP CONSTRAINT \(name)")
            make.append("ALTER TABLE \(table) ADD CONSTRAINT \(name) \(try Column.text(row, 1))")
        }
        for row in try session.rows(
            """
            SELECT indexname::text, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = $1
              AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = to_regclass($1))
            """, [.text(table)]) {
            drop.append("DROP INDEX \(try Column.text(row, 0))")
            make.append(try Column.text(row, 1))
        }
        for statement in drop { try session.execute(statement) }
        return make
    }

    /// Records a file of this import and its rejected rows (fields kept as one CSV line).
    private func record(_ file: ImportedFile, rejectedRows: [RejectedRow], importID: Int64) throws {
        guard let fileID = try session.int(
            """
            INSERT INTO import_files (import_id, kind, file_name, sha256, size, rows_read, accepted, rejected,
                warnings, inserted, updated, unchanged)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
            """,
            [.int(importID), .text(file.kind.rawValue), .text(file.fileName), .text(file.sha256), .int(Int64(file.size)),
             .int(Int64(file.rowsRead)), .int(Int64(file.accepted)), .int(Int64(file.rejected)), .int(Int64(file.warnings)),
             .int(Int64(file.inserted)), .int(Int64(file.updated)), .int(Int64(file.unchanged))])
        else { throw WorkspaceError.database(path: name, operation: "importing", reason: "no file number was given") }
        guard !rejectedRows.isEmpty else { return }
        let lines: [(Int64, String, String)] = rejectedRows.map { row in
            var line = CSVWriter()
            line.append(row: row.fields.map(CSVCell.formatted))
            return (Int64(row.line), row.reason, String(decoding: line.bytes.dropLast(2), as: UTF8.self))
        }
        // Through a staging table: COPY does not go into a table under row-level security.
        try session.execute("DROP TABLE IF EXISTS pg_temp.mfc_stage_rejects")
        try session.execute("CREATE TEMP TABLE mfc_stage_rejects (ord bigserial, line bigint, reason text, fields text) ON COMMIT DROP")
        try session.copy(into: "mfc_stage_rejects", columns: ["line", "reason", "fields"], count: lines.count) { i, binder in
            binder.int(lines[i].0)
            binder.text(lines[i].1)
            binder.text(lines[i].2)
        }
        try session.execute(
            "INSERT INTO rejected_rows (import_file_id, line, reason, fields) SELECT $1, line, reason, fields FROM mfc_stage_rejects ORDER BY ord",
            [.int(fileID)])
        try session.execute("DROP TABLE pg_temp.mfc_stage_rejects")
    }
}
