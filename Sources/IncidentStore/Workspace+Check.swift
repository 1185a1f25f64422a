import Foundation
import GRDB
import IncidentModel

/// What `mfc check` found in a workspace.
package struct WorkspaceCheck: Sendable, Hashable {
    /// SQLite's `integrity_check` findings (pages, tables, indexes; no values); empty when whole.
    package var integrity: [String] = []
    /// Stored values or counts that do not agree with what mfc writes; empty when all do.
    package var problems: [String] = []
    /// The records of each kind read back whole (every value decoded).
    package var records: [SourceFileKind: Int] = [:]
    /// The decisions read back whole.
    package var decisions = 0
    /// The incidents of the kept linked snapshot read back whole; `nil` when none is kept.
    package var snapshotIncidents: Int?

    /// Whether nothing is wrong.
    package var isWhole: Bool { integrity.isEmpty && problems.isEmpty }
}

extension Workspace {
    /// Checks the whole workspace: SQLite's full `integrity_check`, then every stored record,
    /// decision and snapshot part read back and decoded, and each table's count compared with
    /// the records decoded (and the snapshot's count with its parts'). Reads only.
    package func check() throws(WorkspaceError) -> WorkspaceCheck {
        var result = WorkspaceCheck()
        result.integrity = try integrityCheck()
        do {
            let dataset = try self.dataset()
            let decoded: [SourceFileKind: Int] = [
                .forces: dataset.forces.count, .authorities: dataset.authorities.count, .homes: dataset.homes.count,
                .children: dataset.children.count, .laEpisodes: dataset.episodes.count,
                .policeReports: dataset.policeReports.count,
            ]
            result.records = decoded
            for (kind, count) in try recordCounts() where decoded[kind] != count {
                result.problems.append("\(SourceTables.name(of: kind)): \(count) rows counted, \(decoded[kind] ?? 0) read")
            }
        } catch .damaged(_, let detail) {
            result.problems.append(detail)
        }
        do {
            result.decisions = try decisions().count
        } catch .damaged(_, let detail) {
            result.problems.append(detail)
        }
        let (snapshot, problems) = try checkSnapshot()
        result.snapshotIncidents = snapshot
        result.problems += problems
        return result
    }

    /// Decodes every part of the kept snapshot: its incident count, and what does not agree.
    private func checkSnapshot() throws(WorkspaceError) -> (Int?, [String]) {
        if let postgres { return try postgres.checkSnapshot() }
        return try read("checking the linked snapshot") { db in
            guard let declared = try Int.fetchOne(db, sql: "SELECT incidents FROM linked_snapshot WHERE id = 1") else {
                return (nil, [])
            }
            var problems: [String] = []
            var total = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT part, incidents, data FROM linked_snapshot_parts ORDER BY part")
            while let row = try rows.next() {
                let part = try Column.int(row, 0) ?? -1
                let count = try Column.int(row, 1).map(Int.init) ?? -1
                guard count >= 0, let data = row[2] as Data? else {
                    problems.append("linked snapshot part \(part): its count or its data cannot be read")
                    continue
                }
                let decoded = data.withUnsafeBytes { bytes in (try? IncidentCodec.decode(bytes, count: count))?.count }
                if decoded == nil { problems.append("linked snapshot part \(part): its incidents cannot be decoded") }
                total += count
            }
            if total != declared {
                problems.append("linked snapshot: \(declared) incidents recorded, \(total) in its parts")
            }
            return (declared, problems)
        }
    }
}
