import Foundation
import GRDB
import IncidentModel

/// Linked incidents as the workspace gives them out.
package struct WorkspaceLinkage: Sendable {
    /// The linked incidents and their registers. When ``hasSourceRecords`` is `false`, the
    /// dataset holds the registers and children only: look source records up with
    /// ``Workspace/sourceRecords(of:)``. When the incidents come from the snapshot
    /// (``linkedNow`` is `false`), `personLinks` is empty: the snapshot keeps incidents only.
    package var linked: LinkedData
    /// Whether `linked.dataset` holds the LA episodes and police reports too.
    package var hasSourceRecords: Bool
    /// Whether the incidents were linked now because the kept snapshot was missing or stale.
    package var linkedNow: Bool
}

/// The source records behind one incident, read from the workspace by id.
package struct StoredSources: Sendable, Hashable {
    package var episodes: [LAEpisode]
    package var reports: [PoliceReport]
}

/// The linked snapshot: the combined incidents of the current records, kept in the workspace so
/// that opening it does not link a million records again.
///
/// A snapshot records what it was linked from: the newest import, decision or purge in the
/// audit log (every change to the records or decisions writes one, in its own transaction), the
/// linker's signature and the codec's format. When any of these differs, the snapshot is stale:
/// the records are linked again and the new snapshot replaces it. A purge removes the snapshot
/// in its own transaction, so no removed name stays in it.
extension Workspace {
    /// Incidents per stored part: parts are encoded and decoded on every core.
    static let snapshotPartSize = 16_384

    /// The linked incidents of the current records, with the analyst's decisions applied: from
    /// the snapshot when it is current, else linked now and kept as the new snapshot (when the
    /// file can be written). With `sourceRecords`, the dataset also holds every LA episode and
    /// police report.
    package func linkedIncidents(
        linker: IncidentLinker = IncidentLinker(), sourceRecords: Bool = false
    ) throws(WorkspaceError) -> WorkspaceLinkage {
        if let postgres { return try postgres.linkedIncidents(linker: linker, sourceRecords: sourceRecords) }
        if let kept = try keptLinkage(linker: linker, sourceRecords: sourceRecords) {
            return WorkspaceLinkage(linked: kept, hasSourceRecords: sourceRecords, linkedNow: false)
        }
        let (linked, version) = try linkNow(linker: linker)
        // The snapshot is a cache: a workspace that cannot be written is still read.
        _ = try? storeSnapshot(linked, version: version, linker: linker)
        return WorkspaceLinkage(linked: linked, hasSourceRecords: true, linkedNow: true)
    }

    /// Links the current records and keeps the snapshot, unless the kept one is current.
    /// Returns whether linking was needed.
    @discardableResult
    package func refreshSnapshot(linker: IncidentLinker = IncidentLinker()) throws(WorkspaceError) -> Bool {
        try refreshSnapshot(linker: linker, partSize: Self.snapshotPartSize)
    }

    /// The same, with `partSize` incidents per stored part (tests use small parts).
    @discardableResult
    func refreshSnapshot(linker: IncidentLinker, partSize: Int) throws(WorkspaceError) -> Bool {
        if let postgres { return try postgres.refreshSnapshot(linker: linker, partSize: partSize) }
        if try isSnapshotCurrent(linker: linker) { return false }
        let (linked, version) = try linkNow(linker: linker)
        try storeSnapshot(linked, version: version, linker: linker, partSize: partSize)
        return true
    }

    /// Links and keeps the snapshot after `result`'s import: when it went into an empty
    /// workspace, from the records it wrote (they are what the workspace holds, so none is read
    /// back), else as ``refreshSnapshot(linker:)`` does. Returns whether linking was needed.
    @discardableResult
    package func refreshSnapshot(linker: IncidentLinker = IncidentLinker(), after result: ImportResult) throws(WorkspaceError) -> Bool {
        guard let written = result.written else { return try refreshSnapshot(linker: linker) }
        if let postgres { return try postgres.refreshSnapshot(linker: linker, written: written) }
        if try isSnapshotCurrent(linker: linker) { return false }
        let decisions = try read("reading the decisions") { db in try Self.fetchDecisions(db) }
        let linked = linker.link(written.records, decisions: LinkDecisions(decisions.map { (pair: $0.pair, verdict: $0.verdict) }))
        // Kept only when nothing changed since the import (the version says so).
        try storeSnapshot(linked, version: written.version, linker: linker)
        return true
    }

    /// Whether the kept snapshot matches the current records, decisions and `linker`.
    package func isSnapshotCurrent(linker: IncidentLinker = IncidentLinker()) throws(WorkspaceError) -> Bool {
        if let postgres { return try postgres.isSnapshotCurrent(linker: linker) }
        return try read("checking the linked snapshot") { db in try Self.currentSnapshot(db, linker: linker) != nil }
    }

    /// The source records an incident names, looked up by id.
    package func sourceRecords(of incident: CombinedIncident) throws(WorkspaceError) -> StoredSources {
        if let postgres { return try postgres.sourceRecords(of: incident) }
        return try read("reading an incident's records") { db in
            StoredSources(
                episodes: try Self.fetch(db, SourceTables.episodes, ids: incident.episodeIDs.map(\.rawValue)),
                reports: try Self.fetch(db, SourceTables.policeReports, ids: incident.policeRefs.map(\.rawValue)))
        }
    }

    /// A number that grows with every import, decision and purge, by anyone: read it again
    /// to notice that the workspace changed (the dashboard offers to reload). Cheap: one
    /// small query.
    package func changeStamp() throws(WorkspaceError) -> Int64 {
        if let postgres { return try postgres.changeStamp() }
        return try read("reading the change stamp") { db in try Self.dataVersion(db) }
    }

    // MARK: - Reading and writing

    /// The number of the newest change to the records or decisions; 0 when none.
    static func dataVersion(_ db: Database) throws -> Int64 {
        let actions = [AuditEntry.Action.importFiles, .decision, .purge].map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log WHERE action IN (\(actions))") ?? 0
    }

    /// The kept snapshot's incident count when it is current, else `nil`.
    private static func currentSnapshot(_ db: Database, linker: IncidentLinker) throws -> Int? {
        guard let row = try Row.fetchOne(db, sql: "SELECT format, linker, data_version, incidents FROM linked_snapshot WHERE id = 1"),
              row[0] as Int == IncidentCodec.format, row[1] as String == linker.signature,
              row[2] as Int64 == (try dataVersion(db))
        else { return nil }
        return row[3]
    }

    /// The snapshot's incidents with the registers and children (every record, with
    /// `sourceRecords`), when the snapshot is current and whole; `nil` when it must be linked
    /// again.
    ///
    /// Each part is decoded on another core as soon as it is read, straight into its place in
    /// the one array of incidents, while the next parts and then the registers are read.
    private func keptLinkage(linker: IncidentLinker, sourceRecords: Bool) throws(WorkspaceError) -> LinkedData? {
        guard let total = try read("checking the linked snapshot", { db in try Self.currentSnapshot(db, linker: linker) })
        else { return nil }
        let damaged = DamageFlag()
        let decoding = DispatchGroup()
        var dataset = Dataset()
        var whole = false
        var failure: WorkspaceError?
        let incidents = [CombinedIncident](unsafeUninitializedCapacity: total) { buffer, initialized in
            initialized = 0
            let target = SharedTarget(base: buffer.baseAddress)
            var parts: [Range<Int>] = []
            do throws(WorkspaceError) {
                try read("reading the linked snapshot") { db in
                    // The snapshot may have been replaced since it was checked.
                    guard try Self.currentSnapshot(db, linker: linker) == total else { return }
                    let rows = try Row.fetchCursor(db, sql: "SELECT incidents, data FROM linked_snapshot_parts ORDER BY part")
                    var offset = 0
                    while let row = try rows.next() {
                        let count: Int = row[0], data: Data = row[1]
                        guard count >= 0, offset + count <= total else { return }
                        let part = parts.count, start = offset
                        parts.append(start..<(start + count))
                        DispatchQueue.global(qos: .userInitiated).async(group: decoding) {
                            guard let base = target.base else { return }
                            let decoded = data.withUnsafeBytes { bytes in
                                (try? IncidentCodec.decode(bytes, count: count, into: base + start)) != nil
                            }
                            if !decoded { damaged.mark(part) }
                        }
                        offset += count
                    }
                    guard offset == total else { return }
                    if sourceRecords {
                        dataset = try Self.fetchDataset(db)
                        whole = true
                        return
                    }
                    dataset.forces = try Self.fetch(db, SourceTables.forces)
                    dataset.authorities = try Self.fetch(db, SourceTables.authorities)
                    dataset.homes = try Self.fetch(db, SourceTables.homes)
                    dataset.children = try Self.fetch(db, SourceTables.children)
                    whole = true
                }
            } catch {
                failure = error
            }
            decoding.wait()
            let failed = damaged.parts
            if whole && failed.isEmpty {
                initialized = total
            } else if let base = buffer.baseAddress {
                // A damaged part initialised nothing; the others are released.
                for (k, part) in parts.enumerated() where !failed.contains(k) {
                    (base + part.lowerBound).deinitialize(count: part.count)
                }
            }
        }
        if let failure { throw failure }
        guard incidents.count == total else { return nil }
        return LinkedData(dataset: dataset, registers: Registers(dataset), markedIncidents: incidents, personLinks: [])
    }

    /// Reads every record and decision (in one transaction, with the data version they are
    /// at) and links them.
    private func linkNow(linker: IncidentLinker) throws(WorkspaceError) -> (LinkedData, Int64) {
        let (dataset, decisions, version) = try read("reading the records") { db in
            (try Self.fetchDataset(db), try Self.fetchDecisions(db), try Self.dataVersion(db))
        }
        let linked = linker.link(dataset, decisions: LinkDecisions(decisions.map { (pair: $0.pair, verdict: $0.verdict) }))
        return (linked, version)
    }

    /// Replaces the snapshot with `linked`, linked from data at `version`, unless the data
    /// changed since (then the snapshot is left for the next link).
    private func storeSnapshot(
        _ linked: LinkedData, version: Int64, linker: IncidentLinker, partSize size: Int = Self.snapshotPartSize
    ) throws(WorkspaceError) {
        let incidents = linked.incidents
        let partCount = (incidents.count + size - 1) / size
        let parts = ParallelMap.map(count: partCount, minimumChunk: 1) { k in
            Data(IncidentCodec.encode(incidents[(k * size)..<min(incidents.count, (k + 1) * size)]))
        }
        try write("keeping the linked incidents") { db in
            guard try Self.dataVersion(db) == version else { return }
            try Self.deleteSnapshot(db)
            let insert = try db.makeStatement(sql: "INSERT INTO linked_snapshot_parts (part, incidents, data) VALUES (?, ?, ?)")
            for (k, data) in parts.enumerated() {
                try insert.execute(arguments: [k, min(size, incidents.count - k * size), data])
            }
            try db.execute(
                sql: "INSERT INTO linked_snapshot (id, format, linker, data_version, incidents, created_at) VALUES (1, ?, ?, ?, ?, ?)",
                arguments: [IncidentCodec.format, linker.signature, version, incidents.count, Int64(Date().timeIntervalSince1970)])
        }
    }

    /// Removes the snapshot (inside the caller's transaction).
    static func deleteSnapshot(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM linked_snapshot; DELETE FROM linked_snapshot_parts")
    }

    /// The current records of `table` with the given ids, in the order of `ids`.
    private static func fetch<R>(_ db: Database, _ table: SourceTable<R>, ids: [String]) throws -> [R] {
        guard !ids.isEmpty else { return [] }
        let statement = try db.cachedStatement(
            sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) WHERE \(table.key) = ?")
        return try ids.compactMap { id in try Row.fetchOne(statement, arguments: [id]).map { try table.decode($0) } }
    }
}

/// The result array's address, shared with the workers that decode into disjoint parts of it.
private struct SharedTarget: @unchecked Sendable {
    let base: UnsafeMutablePointer<CombinedIncident>?
}

/// The parts that failed to decode, marked by the workers.
private final class DamageFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: Set<Int> = []

    func mark(_ part: Int) {
        lock.lock()
        failed.insert(part)
        lock.unlock()
    }

    var parts: Set<Int> {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }
}
