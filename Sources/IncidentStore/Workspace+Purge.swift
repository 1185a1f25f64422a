import Foundation
import GRDB
import IncidentModel

/// What a purge removed (or, for a dry run, would remove).
package struct PurgeResult: Hashable, Sendable {
    /// Incidents that ended before the cut-off.
    package var incidents = 0
    package var episodes = 0
    package var policeReports = 0
    /// Children left with no incident.
    package var children = 0
    /// Earlier values of the removed records.
    package var historyRows = 0
    /// Decisions on pairs of removed records.
    package var decisions = 0
    /// Rejected rows that name a removed episode, police report or child in one of their fields.
    package var rejectedRows = 0
}

extension Workspace {
    /// Removes every incident that ended before `cutoff`, with its LA episodes and police reports,
    /// their earlier values in the history, the decisions on them, the children who are left
    /// with no incident, and the rejected rows that name any of those records. Ongoing incidents and those ending on or after the cut-off stay.
    ///
    /// The removal is one transaction, logged in the audit log with its counts. The file is then
    /// vacuumed and its WAL truncated; with `secure_delete` on, the removed names leave no bytes
    /// in the workspace. A dry run counts and changes nothing.
    package func purge(
        before cutoff: Instant, dryRun: Bool, attribution: Attribution, linker: IncidentLinker = IncidentLinker()
    ) throws(WorkspaceError) -> PurgeResult {
        try quickCheck()
        let now = attribution.clock()
        if let postgres { return try postgres.purge(before: cutoff, dryRun: dryRun, at: now, linker: linker) }
        let result: PurgeResult = try write("purging") { db in
            let dataset = try Self.fetchDataset(db)
            let decisions = try Self.fetchDecisions(db)
            let linked = linker.link(dataset, decisions: LinkDecisions(decisions.map { (pair: $0.pair, verdict: $0.verdict) }))
            let selection = PurgeSelection(linked, before: cutoff)
            let (episodes, refs, children) = (selection.episodes, selection.policeRefs, selection.children)
            var result = PurgeResult()
            result.incidents = selection.incidents
            try db.execute(sql: "CREATE TEMP TABLE purge_ids (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id))")
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.purge_ids") }
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO temp.purge_ids (kind, id) VALUES (?, ?)")
            for id in episodes { try insert.execute(arguments: ["e", id]) }
            for id in refs { try insert.execute(arguments: ["p", id]) }
            for id in children { try insert.execute(arguments: ["c", id]) }
            let targets: [(table: String, key: String, kind: String)] = [
                (SourceTables.episodes.name, SourceTables.episodes.key, "e"),
                (SourceTables.policeReports.name, SourceTables.policeReports.key, "p"),
                (SourceTables.children.name, SourceTables.children.key, "c"),
            ]
            for target in targets {
                let matching = "\(target.key) IN (SELECT id FROM temp.purge_ids WHERE kind = '\(target.kind)')"
                let history = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(target.table)_history WHERE \(matching)") ?? 0
                let current = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(target.table) WHERE \(matching)") ?? 0
                result.historyRows += history
                switch target.kind {
                case "e": result.episodes = current
                case "p": result.policeReports = current
                default: result.children = current
                }
                if !dryRun {
                    try db.execute(sql: "DELETE FROM \(target.table)_history WHERE \(matching)")
                    try db.execute(sql: "DELETE FROM \(target.table) WHERE \(matching)")
                }
            }
            let decided = """
                police_ref IN (SELECT id FROM temp.purge_ids WHERE kind = 'p')
                OR episode_id IN (SELECT id FROM temp.purge_ids WHERE kind = 'e')
                """
            result.decisions = try Int.fetchOne(db, sql: "SELECT count(*) FROM decisions WHERE \(decided)") ?? 0
            // Rejected rows are few; a row goes when any of its fields is a removed id.
            let removedIDs = episodes.union(refs).union(children)
            var rejected: [Int64] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, fields FROM rejected_rows") {
                if Self.fields(of: row[1]).contains(where: removedIDs.contains) { rejected.append(row[0]) }
            }
            result.rejectedRows = rejected.count
            if !dryRun {
                let delete = try db.makeStatement(sql: "DELETE FROM rejected_rows WHERE id = ?")
                for id in rejected { try delete.execute(arguments: [id]) }
                try db.execute(sql: "DELETE FROM decisions WHERE \(decided)")
                // The linked snapshot holds the removed names too: it goes, and is linked again.
                try Self.deleteSnapshot(db)
                let removed = result.episodes + result.policeReports + result.children
                try AuditLog.append(
                    db, AuditEntry.Draft(action: .purge, detail: Self.purgeDetail(cutoff: cutoff, result), rows: removed),
                    at: now, user: attribution.user)
            }
            return result
        }
        if !dryRun { try compact() }
        return result
    }

    /// A purge's audit entry: the cut-off and the counts, no ids.
    static func purgeDetail(cutoff: Instant, _ result: PurgeResult) -> String {
        "purge of incidents ended before \(TimestampFormatter(zone: .europeLondon).string(cutoff)): \(result.incidents) incidents; "
            + "\(result.episodes) episodes, \(result.policeReports) police reports, \(result.children) children, "
            + "\(result.historyRows) history rows, \(result.decisions) decisions, "
            + "\(result.rejectedRows) rejected rows removed"
    }

    /// The fields of a rejected row as stored (one CSV line), trimmed as ids are on import.
    static func fields(of line: String) -> [String] {
        var reader = CSVReader(bytes: Array(line.utf8))
        var fields: [String] = []
        _ = reader.next { fields = $0.strings.map { $0.trimmingCharacters(in: .whitespaces) } }
        return fields
    }

    /// Rewrites the file without free pages and empties the WAL, so that no deleted bytes remain.
    package func compact() throws(WorkspaceError) {
        // PostgreSQL reclaims space itself (VACUUM); see docs/hub.md.
        if postgres != nil { return }
        try withoutTransaction("compacting the workspace") { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
