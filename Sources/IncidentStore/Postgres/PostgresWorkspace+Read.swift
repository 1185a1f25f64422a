import IncidentModel

/// The PostgreSQL engine's reads and its small writes (decisions, export entries), each the
/// counterpart of the SQLite engine's method of the same name on ``Workspace``. Every read
/// sees only the rows the database user may see.
extension PostgresWorkspace {
    /// Every current record of `table`, in the order first imported.
    func fetch<R: Sendable>(_ table: SourceTable<R>) throws -> [R] {
        try session.decoded("SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY seq") { try table.decode($0) }
    }

    /// The current records of `table` with the given ids, in the order of `ids`.
    func fetch<R: Sendable>(_ table: SourceTable<R>, ids: [String]) throws -> [R] {
        guard !ids.isEmpty else { return [] }
        let found = try session.decoded(
            "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) WHERE \(table.key) = ANY($1)", [.texts(ids)]
        ) { (try Column.text($0, 0), try table.decode($0)) }
        let byID = Dictionary(found, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    func fetchDataset() throws -> Dataset {
        var dataset = Dataset()
        dataset.forces = try fetch(SourceTables.forces)
        dataset.authorities = try fetch(SourceTables.authorities)
        dataset.homes = try fetch(SourceTables.homes)
        dataset.children = try fetch(SourceTables.children)
        dataset.episodes = try fetch(SourceTables.episodes)
        dataset.policeReports = try fetch(SourceTables.policeReports)
        return dataset
    }

    func dataset() throws(WorkspaceError) -> Dataset {
        try read("reading the records") { try fetchDataset() }
    }

    func recordCounts() throws(WorkspaceError) -> [SourceFileKind: Int] {
        try read("counting the records") {
            var counts: [SourceFileKind: Int] = [:]
            for kind in SourceFileKind.native {
                counts[kind] = Int(try session.int("SELECT count(*) FROM \(SourceTables.name(of: kind))") ?? 0)
            }
            return counts
        }
    }

    func authorities() throws(WorkspaceError) -> [Authority] {
        try read("reading the authorities") { try fetch(SourceTables.authorities) }
    }

    func sourceRecords(of incident: CombinedIncident) throws(WorkspaceError) -> StoredSources {
        try read("reading an incident's records") {
            StoredSources(
                episodes: try fetch(SourceTables.episodes, ids: incident.episodeIDs.map(\.rawValue)),
                reports: try fetch(SourceTables.policeReports, ids: incident.policeRefs.map(\.rawValue)))
        }
    }

    func imports() throws(WorkspaceError) -> [ImportRecord] {
        try read("reading the imports") {
            var records: [Int64: ImportRecord] = [:]
            for row in try session.rows("SELECT id, imported_at, username FROM imports ORDER BY id") {
                let id = try Column.int(row, 0) ?? 0
                records[id] = ImportRecord(
                    id: id, importedAt: Instant(secondsSinceEpoch: try Column.int(row, 1) ?? 0), user: try Column.text(row, 2), files: [])
            }
            let sql = """
                SELECT import_id, kind, file_name, sha256, size, rows_read, accepted, rejected, warnings,
                       inserted, updated, unchanged
                FROM import_files ORDER BY id
                """
            for row in try session.rows(sql) {
                func number(_ at: Int) throws -> Int { Int(try Column.int(row, at) ?? 0) }
                var file = ImportedFile(
                    kind: SourceFileKind(rawValue: try Column.text(row, 1)) ?? .laEpisodes, fileName: try Column.text(row, 2),
                    sha256: try Column.text(row, 3), size: try number(4))
                file.rowsRead = try number(5)
                file.accepted = try number(6)
                file.rejected = try number(7)
                file.warnings = try number(8)
                file.inserted = try number(9)
                file.updated = try number(10)
                file.unchanged = try number(11)
                records[try Column.int(row, 0) ?? 0]?.files.append(file)
            }
            return records.values.sorted { $0.id < $1.id }
        }
    }

    func rejectedRows(importID: Int64?) throws(WorkspaceError) -> [StoredReject] {
        try read("reading the rejected rows") {
            var sql = """
                SELECT f.import_id, f.kind, f.file_name, r.line, r.reason, r.fields
                FROM rejected_rows r JOIN import_files f ON f.id = r.import_file_id
                """
            var values: [SQLValue] = []
            if let importID {
                sql += " WHERE f.import_id = $1"
                values = [.int(importID)]
            }
            sql += " ORDER BY f.import_id, f.id, r.line"
            return try session.rows(sql, values).map { row in
                var reader = CSVReader(bytes: Array(try Column.text(row, 5).utf8))
                var fields: [String] = []
                _ = reader.next { fields = $0.strings }
                return StoredReject(
                    importID: try Column.int(row, 0) ?? 0, kind: SourceFileKind(rawValue: try Column.text(row, 1)) ?? .laEpisodes,
                    fileName: try Column.text(row, 2), line: Int(try Column.int(row, 3) ?? 0), reason: try Column.text(row, 4),
                    fields: fields)
            }
        }
    }

    func versions(of kind: SourceFileKind, id: String) throws(WorkspaceError) -> [RecordVersion] {
        guard let kind = kind.recordKind else { return [] }
        let table = SourceTables.name(of: kind)
        let columns = SourceTables.columns(of: kind)
        // Each value as text, as SQLite gives it.
        let list = columns.map { "\($0)::text" }.joined(separator: ", ")
        return try read("reading a record's history") {
            func values(_ row: PostgresValues) -> [String: String?] {
                var values: [String: String?] = [:]
                for (i, name) in columns.enumerated() {
                    if case let .string(text) = row.storage(at: i) { values[name] = text } else { values[name] = .some(nil) }
                }
                return values
            }
            var versions = try session.rows(
                "SELECT \(list), import_id, replaced_by_import_id FROM \(table)_history WHERE \(columns[0]) = $1 ORDER BY history_id",
                [.text(id)]
            ).map { row in
                RecordVersion(
                    importID: try Column.int(row, columns.count) ?? 0, replacedByImportID: try Column.int(row, columns.count + 1),
                    values: values(row))
            }
            if let row = try session.rows("SELECT \(list), import_id FROM \(table) WHERE \(columns[0]) = $1", [.text(id)]).first {
                versions.append(RecordVersion(importID: try Column.int(row, columns.count) ?? 0, replacedByImportID: nil, values: values(row)))
            }
            return versions
        }
    }

    // MARK: - Decisions

    static func fetchDecisions(_ session: PostgresSession) throws -> [Decision] {
        try session.rows("SELECT id, police_ref, episode_id, verdict, reason, username, decided_at FROM decisions ORDER BY id").map { row in
            Decision(
                id: try Column.int(row, 0) ?? 0,
                pair: SourcePair(policeRef: PoliceRef(try Column.text(row, 1)), episodeID: EpisodeID(try Column.text(row, 2))),
                verdict: try Column.code(LinkVerdict.self, row, 3), reason: try Column.text(row, 4), user: try Column.text(row, 5),
                decidedAt: Instant(secondsSinceEpoch: try Column.int(row, 6) ?? 0))
        }
    }

    func decisions() throws(WorkspaceError) -> [Decision] {
        try read("reading the decisions") { try Self.fetchDecisions(session) }
    }

    /// Records a decision. A pair is decided by one user: a later decision by the same user
    /// replaces theirs (the latest counts, as in a SQLite workspace); another user's decision
    /// on a pair already decided is refused with ``WorkspaceError/alreadyDecided(path:policeRef:episodeID:user:decision:)``.
    /// Two reviewers deciding the same pair at once: the pair's row in `decided_pairs` lets
    /// exactly one of them through.
    func decide(_ pair: SourcePair, _ verdict: LinkVerdict, reason: String, at now: Instant) throws(WorkspaceError) -> Decision {
        let ref = pair.policeRef.rawValue, episode = pair.episodeID.rawValue
        return try transaction("recording a decision") {
            guard try session.int("SELECT count(*) FROM police_reports WHERE police_ref = $1", [.text(ref)]) == 1 else {
                throw WorkspaceError.unknownRecord(path: name, kind: "police report", id: ref)
            }
            guard try session.int("SELECT count(*) FROM la_episodes WHERE episode_id = $1", [.text(episode)]) == 1 else {
                throw WorkspaceError.unknownRecord(path: name, kind: "LA episode", id: episode)
            }
            guard let row = try session.rows(
                "INSERT INTO decisions (police_ref, episode_id, verdict, reason, decided_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, username",
                [.text(ref), .text(episode), .text(verdict.rawValue), .text(reason), .int(now.secondsSinceEpoch)]).first,
                let id = try Column.int(row, 0)
            else { throw WorkspaceError.database(path: name, operation: "recording a decision", reason: "no decision number was given") }
            let user = try Column.text(row, 1)
            let claimed = try session.rows("""
                INSERT INTO decided_pairs (police_ref, episode_id, decision_id) VALUES ($1, $2, $3)
                ON CONFLICT (police_ref, episode_id) DO UPDATE SET decision_id = EXCLUDED.decision_id
                WHERE decided_pairs.username = session_user
                RETURNING decision_id
                """, [.text(ref), .text(episode), .int(id)])
            if claimed.isEmpty {
                let holder = try session.rows(
                    "SELECT username, decision_id FROM decided_pairs WHERE police_ref = $1 AND episode_id = $2", [.text(ref), .text(episode)]
                ).first
                throw WorkspaceError.alreadyDecided(
                    path: name, policeRef: ref, episodeID: episode, user: try holder.map { try Column.text($0, 0) } ?? "another user",
                    decision: try holder.flatMap { try Column.int($0, 1) } ?? 0)
            }
            try Self.audit(session, AuditEntry.Draft(
                action: .decision, detail: "decision \(id): \(verdict.rawValue) police_ref \(ref) with episode \(episode)"), at: now)
            try Self.noteChange(session)
            return Decision(id: id, pair: pair, verdict: verdict, reason: reason, user: user, decidedAt: now)
        }
    }

    // MARK: - The audit log

    func auditLog(limit: Int?, actions: Set<AuditEntry.Action>) throws(WorkspaceError) -> [AuditEntry] {
        try read("reading the audit log") {
            var sql = "SELECT id, at, username, action, detail, path, row_count FROM audit_log"
            var values: [SQLValue] = []
            if !actions.isEmpty {
                sql += " WHERE action = ANY($1)"
                values = [.texts(actions.map(\.rawValue).sorted())]
            }
            sql += " ORDER BY id DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try session.rows(sql, values).reversed().map { row in
                AuditEntry(
                    id: try Column.int(row, 0) ?? 0, at: Instant(secondsSinceEpoch: try Column.int(row, 1) ?? 0),
                    user: try Column.text(row, 2), action: AuditEntry.Action(rawValue: try Column.text(row, 3)) ?? .export,
                    detail: try Column.text(row, 4), path: try Column.optionalText(row, 5), rows: try Column.int(row, 6).map(Int.init))
            }
        }
    }

    func recordExport(path: String, detail: String, rows: Int, at now: Instant) throws(WorkspaceError) {
        try transaction("logging an export") {
            try Self.audit(session, AuditEntry.Draft(action: .export, detail: detail, path: path, rows: rows), at: now)
        }
    }

    /// The change stamp: see ``dataVersion(_:)``.
    func changeStamp() throws(WorkspaceError) -> Int64 {
        try run("reading the change stamp") { try Self.dataVersion(session) }
    }
}
