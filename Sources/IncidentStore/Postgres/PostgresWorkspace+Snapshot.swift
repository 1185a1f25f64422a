import Foundation
import IncidentModel

/// The linked snapshot in PostgreSQL: one per database user (each sees other rows), current
/// while the change stamp (``PostgresWorkspace/dataVersion(_:)``), the linker and the codec's
/// format are those it was linked at. The same parts as a SQLite workspace keeps.
extension PostgresWorkspace {
    func linkedIncidents(linker: IncidentLinker, sourceRecords: Bool) throws(WorkspaceError) -> WorkspaceLinkage {
        if let kept = try keptLinkage(linker: linker, sourceRecords: sourceRecords) {
            return WorkspaceLinkage(linked: kept, hasSourceRecords: sourceRecords, linkedNow: false)
        }
        let (linked, version) = try linkNow(linker: linker)
        // The snapshot is a cache: a user who may not write one still reads.
        _ = try? storeSnapshot(linked, version: version, linker: linker, partSize: Workspace.snapshotPartSize)
        return WorkspaceLinkage(linked: linked, hasSourceRecords: true, linkedNow: true)
    }

    func refreshSnapshot(linker: IncidentLinker, partSize: Int) throws(WorkspaceError) -> Bool {
        if try isSnapshotCurrent(linker: linker) { return false }
        let (linked, version) = try linkNow(linker: linker)
        try storeSnapshot(linked, version: version, linker: linker, partSize: partSize)
        return true
    }

    func refreshSnapshot(linker: IncidentLinker, written: (records: Dataset, version: Int64)) throws(WorkspaceError) -> Bool {
        if try isSnapshotCurrent(linker: linker) { return false }
        let decisions = try self.decisions()
        let linked = linker.link(written.records, decisions: LinkDecisions(decisions.map { (pair: $0.pair, verdict: $0.verdict) }))
        try storeSnapshot(linked, version: written.version, linker: linker, partSize: Workspace.snapshotPartSize)
        return true
    }

    func isSnapshotCurrent(linker: IncidentLinker) throws(WorkspaceError) -> Bool {
        try read("checking the linked snapshot") { try currentSnapshot(linker: linker) != nil }
    }

    /// The kept snapshot's incident count when it is current, else `nil`.
    private func currentSnapshot(linker: IncidentLinker) throws -> Int? {
        guard let row = try session.rows("SELECT format, linker, data_version, incidents FROM linked_snapshot WHERE owner = current_user").first,
              try Column.int(row, 0) == Int64(IncidentCodec.format), try Column.text(row, 1) == linker.signature,
              try Column.int(row, 2) == (try Self.dataVersion(session))
        else { return nil }
        return Int(try Column.int(row, 3) ?? -1)
    }

    /// The snapshot's incidents with the registers and children (every record with
    /// `sourceRecords`), read at one moment; `nil` when it must be linked again.
    private func keptLinkage(linker: IncidentLinker, sourceRecords: Bool) throws(WorkspaceError) -> LinkedData? {
        let read: (parts: [(Int, Data)], dataset: Dataset)? = try self.read("reading the linked snapshot") {
            guard let total = try currentSnapshot(linker: linker) else { return nil }
            let parts = try session.decoded("SELECT incidents, data FROM linked_snapshot_parts WHERE owner = current_user ORDER BY part") { row in
                guard case let .blob(data) = row.storage(at: 1) else { throw IncidentCodec.Damaged() }
                return (Int(try Column.int(row, 0) ?? -1), data)
            }
            guard parts.reduce(0, { $0 + $1.0 }) == total, parts.allSatisfy({ $0.0 >= 0 }) else { return nil }
            var dataset = Dataset()
            if sourceRecords {
                dataset = try fetchDataset()
            } else {
                dataset.forces = try fetch(SourceTables.forces)
                dataset.authorities = try fetch(SourceTables.authorities)
                dataset.homes = try fetch(SourceTables.homes)
                dataset.children = try fetch(SourceTables.children)
            }
            return (parts, dataset)
        }
        guard let read else { return nil }
        let parts = read.parts
        let decoded = ParallelMap.map(count: parts.count, minimumChunk: 1) { k in
            parts[k].1.withUnsafeBytes { bytes in try? IncidentCodec.decode(bytes, count: parts[k].0) }
        }
        var incidents: [CombinedIncident] = []
        incidents.reserveCapacity(parts.reduce(0) { $0 + $1.0 })
        for part in decoded {
            guard let part else { return nil }
            incidents.append(contentsOf: part)
        }
        return LinkedData(dataset: read.dataset, registers: Registers(read.dataset), markedIncidents: incidents, personLinks: [])
    }

    /// Reads every record and decision this user sees, with the change stamp, at one moment,
    /// and links them.
    private func linkNow(linker: IncidentLinker) throws(WorkspaceError) -> (LinkedData, Int64) {
        let (dataset, decisions, version) = try read("reading the records") {
            (try fetchDataset(), try Self.fetchDecisions(session), try Self.dataVersion(session))
        }
        let linked = linker.link(dataset, decisions: LinkDecisions(decisions.map { (pair: $0.pair, verdict: $0.verdict) }))
        return (linked, version)
    }

    /// Replaces this user's snapshot with `linked`, unless the data changed since `version`.
    private func storeSnapshot(_ linked: LinkedData, version: Int64, linker: IncidentLinker, partSize size: Int) throws(WorkspaceError) {
        let incidents = linked.incidents
        let partCount = (incidents.count + size - 1) / size
        let parts = ParallelMap.map(count: partCount, minimumChunk: 1) { k in
            IncidentCodec.encode(incidents[(k * size)..<min(incidents.count, (k + 1) * size)])
        }
        try transaction("keeping the linked incidents") {
            guard try Self.dataVersion(session) == version else { return }
            try session.execute("DELETE FROM linked_snapshot_parts WHERE owner = current_user")
            try session.execute("DELETE FROM linked_snapshot WHERE owner = current_user")
            for (k, data) in parts.enumerated() {
                try session.execute(
                    "INSERT INTO linked_snapshot_parts (part, incidents, data) VALUES ($1, $2, $3)",
                    [.int(Int64(k)), .int(Int64(min(size, incidents.count - k * size))), .bytes(data)])
            }
            try session.execute(
                "INSERT INTO linked_snapshot (format, linker, data_version, incidents, created_at) VALUES ($1, $2, $3, $4, $5)",
                [.int(Int64(IncidentCodec.format)), .text(linker.signature), .int(version), .int(Int64(incidents.count)),
                 .int(Int64(Date().timeIntervalSince1970))])
        }
    }

    /// Decodes every part of this user's snapshot: its incident count, and what does not agree.
    func checkSnapshot() throws(WorkspaceError) -> (Int?, [String]) {
        try read("checking the linked snapshot") {
            guard let declared = try session.int("SELECT incidents FROM linked_snapshot WHERE owner = current_user") else { return (nil, []) }
            var problems: [String] = []
            var total = 0
            for row in try session.rows("SELECT part, incidents, data FROM linked_snapshot_parts WHERE owner = current_user ORDER BY part") {
                let part = try Column.int(row, 0) ?? -1
                let count = Int(try Column.int(row, 1) ?? -1)
                guard count >= 0, case let .blob(data) = row.storage(at: 2) else {
                    problems.append("linked snapshot part \(part): its count or its data cannot be read")
                    continue
                }
                if data.withUnsafeBytes({ bytes in (try? IncidentCodec.decode(bytes, count: count)) }) == nil {
                    problems.append("linked snapshot part \(part): its incidents cannot be decoded")
                }
                total += count
            }
            if total != Int(declared) { problems.append("linked snapshot: \(declared) incidents recorded, \(total) in its parts") }
            return (Int(declared), problems)
        }
    }
}
