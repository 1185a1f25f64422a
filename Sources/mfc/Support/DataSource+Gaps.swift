import IncidentModel
import IncidentStore

extension DataSource.Loaded {
    /// The rows rejected on the way in: per file read, or per file of each of the workspace's
    /// imports.
    func rejectedRows() throws -> [DataGaps.Rejected] {
        guard let workspace else {
            return linked.dataset.reports.map { DataGaps.Rejected(source: $0.file, rows: $0.rejected) }
        }
        let imports: [ImportRecord]
        do {
            imports = try workspace.imports()
        } catch {
            throw CLIError.unreadable(error.description)
        }
        return imports.flatMap { record in
            record.files.map { DataGaps.Rejected(source: "import \(record.id) \($0.fileName)", rows: $0.rejected) }
        }
    }

    /// What makes these figures partial: rejected rows, and sides that cannot be linked or placed.
    func gaps() throws -> DataGaps {
        DataGaps(
            incidents: linked.incidents, registers: linked.registers, rejected: try rejectedRows(),
            zone: catalogue.formatter.zone)
    }

    /// Says on standard error, in one line, what makes the figures partial, if anything does.
    func noticeIfPartial() throws {
        if let notice = try gaps().notice { printError(notice) }
    }
}
