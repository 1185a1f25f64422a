import IncidentModel

extension PostgresWorkspace {
    /// Removes what ``Workspace/purge(before:dryRun:attribution:linker:)`` removes, in one
    /// transaction, among the rows this user sees (a hub sees them all; only a hub may delete
    /// records). Every user's linked snapshot goes with them, since each may hold removed names.
    /// The server's `VACUUM` (autovacuum, or the administrator's) reclaims the space.
    func purge(before cutoff: Instant, dryRun: Bool, at now: Instant, linker: IncidentLinker) throws(WorkspaceError) -> PurgeResult {
        try transaction("purging") {
            // No import or decision runs while the records are linked and removed.
            if !dryRun {
                try session.execute("LOCK TABLE la_episodes, police_reports, children, decisions IN SHARE ROW EXCLUSIVE MODE")
            }
            let dataset = try fetchDataset()
            let decisions = try Self.fetchDecisions(session)
            let linked = linker.link(dataset, decisions: LinkDecisions(decisions.map { (pair: $0.pair, verdict: $0.verdict) }))
            let selection = PurgeSelection(linked, before: cutoff)
            let (episodes, refs, children) = (selection.episodes, selection.policeRefs, selection.children)
            var result = PurgeResult()
            result.incidents = selection.incidents
            let targets: [(table: String, key: String, ids: [String])] = [
                (SourceTables.episodes.name, SourceTables.episodes.key, Array(episodes)),
                (SourceTables.policeReports.name, SourceTables.policeReports.key, Array(refs)),
                (SourceTables.children.name, SourceTables.children.key, Array(children)),
            ]
            for target in targets {
                let ids: [SQLValue] = [.texts(target.ids)]
                let history = Int(try session.int("SELECT count(*) FROM \(target.table)_history WHERE \(target.key) = ANY($1)", ids) ?? 0)
                let current = Int(try session.int("SELECT count(*) FROM \(target.table) WHERE \(target.key) = ANY($1)", ids) ?? 0)
                result.historyRows += history
                switch target.table {
                case SourceTables.episodes.name: result.episodes = current
                case SourceTables.policeReports.name: result.policeReports = current
                default: result.children = current
                }
                if !dryRun {
                    try session.execute("DELETE FROM \(target.table)_history WHERE \(target.key) = ANY($1)", ids)
                    try session.execute("DELETE FROM \(target.table) WHERE \(target.key) = ANY($1)", ids)
                }
            }
            let pairs: [SQLValue] = [.texts(Array(refs)), .texts(Array(episodes))]
            let decided = "police_ref = ANY($1) OR episode_id = ANY($2)"
            result.decisions = Int(try session.int("SELECT count(*) FROM decisions WHERE \(decided)", pairs) ?? 0)
            let removedIDs = episodes.union(refs).union(children)
            var rejected: [String] = []
            for row in try session.rows("SELECT id, fields FROM rejected_rows") {
                if Workspace.fields(of: try Column.text(row, 1)).contains(where: removedIDs.contains) {
                    rejected.append(String(try Column.int(row, 0) ?? 0))
                }
            }
            result.rejectedRows = rejected.count
            if !dryRun {
                try session.execute("DELETE FROM rejected_rows WHERE id::text = ANY($1)", [.texts(rejected)])
                try session.execute("DELETE FROM decisions WHERE \(decided)", pairs)
                try session.execute("DELETE FROM decided_pairs WHERE \(decided)", pairs)
                try session.execute("DELETE FROM linked_snapshot_parts")
                try session.execute("DELETE FROM linked_snapshot")
                let removed = result.episodes + result.policeReports + result.children
                try Self.audit(session, AuditEntry.Draft(
                    action: .purge, detail: Workspace.purgeDetail(cutoff: cutoff, result), rows: removed), at: now)
                try Self.noteChange(session)
            }
            return result
        }
    }
}
