import GRDB
import IncidentModel

/// An analyst's decision on a police report / LA episode pair, as kept in the workspace.
package struct Decision: Hashable, Sendable {
    package var id: Int64
    package var pair: SourcePair
    package var verdict: LinkVerdict
    /// Why, in the analyst's words. Kept in the decisions table only, never in the audit log.
    package var reason: String
    /// The operating-system user who decided.
    package var user: String
    package var decidedAt: Instant
}

extension Workspace {
    /// Records a decision on a pair; the latest decision on a pair is the one applied on every
    /// link. Both records must be in the workspace. The audit log gets the ids and the verdict.
    @discardableResult
    package func decide(
        _ pair: SourcePair, _ verdict: LinkVerdict, reason: String, attribution: Attribution
    ) throws(WorkspaceError) -> Decision {
        let now = attribution.clock()
        if let postgres { return try postgres.decide(pair, verdict, reason: reason, at: now) }
        return try write("recording a decision") { db in
            guard try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM police_reports WHERE police_ref = ?)",
                arguments: [pair.policeRef.rawValue]) == true
            else { throw WorkspaceError.unknownRecord(path: path, kind: "police report", id: pair.policeRef.rawValue) }
            guard try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM la_episodes WHERE episode_id = ?)",
                arguments: [pair.episodeID.rawValue]) == true
            else { throw WorkspaceError.unknownRecord(path: path, kind: "LA episode", id: pair.episodeID.rawValue) }
            try db.execute(
                sql: """
                    INSERT INTO decisions (police_ref, episode_id, verdict, reason, user, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [pair.policeRef.rawValue, pair.episodeID.rawValue, verdict.rawValue, reason, attribution.user,
                            now.secondsSinceEpoch])
            let id = db.lastInsertedRowID
            try AuditLog.append(
                db, AuditEntry.Draft(
                    action: .decision,
                    detail: "decision \(id): \(verdict.rawValue) police_ref \(pair.policeRef.rawValue) with episode \(pair.episodeID.rawValue)"),
                at: now, user: attribution.user)
            return Decision(id: id, pair: pair, verdict: verdict, reason: reason, user: attribution.user, decidedAt: now)
        }
    }

    /// Every decision, oldest first.
    package func decisions() throws(WorkspaceError) -> [Decision] {
        if let postgres { return try postgres.decisions() }
        return try read("reading the decisions") { db in try Self.fetchDecisions(db) }
    }

    static func fetchDecisions(_ db: Database) throws -> [Decision] {
            try Row.fetchAll(
                db, sql: "SELECT id, police_ref, episode_id, verdict, reason, user, decided_at FROM decisions ORDER BY id"
            ).map { row in
                // A verdict that cannot be read stops the read: it is never guessed.
                Decision(
                    id: row[0], pair: SourcePair(policeRef: PoliceRef(try Column.text(row, 1)), episodeID: EpisodeID(try Column.text(row, 2))),
                    verdict: try Column.code(LinkVerdict.self, row, 3), reason: try Column.text(row, 4), user: try Column.text(row, 5),
                    decidedAt: Instant(secondsSinceEpoch: try Column.int(row, 6) ?? 0))
            }
    }

    /// The decisions as the linker applies them (the latest on each pair counts).
    package func linkDecisions() throws(WorkspaceError) -> LinkDecisions {
        LinkDecisions(try decisions().map { (pair: $0.pair, verdict: $0.verdict) })
    }
}
