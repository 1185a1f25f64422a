import GRDB
import IncidentModel

extension Workspace {
    /// Imports one file in a layout other than mfc's own (Ofsted's list of providers, a police
    /// force's extract read through its mapping) exactly as ``importFiles(_:zone:attribution:progress:)``
    /// imports a native file: in one transaction; skipped when the same bytes were imported
    /// before; each record inserted, or updating the current record with the same id (`urn`,
    /// `police_ref`) with its earlier values kept in the history; rejected rows kept with their
    /// reasons; the file recorded with its SHA-256 and rows, and logged in the audit log.
    ///
    /// The digest is of the extract's bytes alone: an extract imported before is skipped even
    /// when its mapping has changed since.
    package func importExtract(
        _ source: ExtractSource, zone: LocalTimeZone, attribution: Attribution,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws(WorkspaceError) -> ImportResult {
        try importInputs([(source.kind, source.path)], attribution: attribution, progress: progress) { _ in
            source.load(zone: zone)
        }
    }

    /// The authorities register: what an Ofsted list's authority names are looked up in.
    package func authorities() throws(WorkspaceError) -> [Authority] {
        if let postgres { return try postgres.authorities() }
        return try read("reading the authorities") { db in
            let table = SourceTables.authorities
            return try Row.fetchAll(db, sql: table.selectSQL).map { try table.decode($0) }
        }
    }
}
