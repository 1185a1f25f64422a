import IncidentModel
import IncidentStore

extension DataSource.Loaded {
    /// The sources as the data-quality view lists them: each file read, or each file of each of
    /// the workspace's imports.
    func qualitySources() throws -> [QualityReport.Source] {
        guard let workspace else { return linked.dataset.reports.map(QualityReport.source) }
        do {
            return try workspace.qualitySources()
        } catch {
            throw CLIError.unreadable(error.description)
        }
    }

    /// The data-quality view's report: sources, linkage, and what makes the figures partial.
    func quality() throws -> QualityReport {
        let sources = try qualitySources()
        let gaps = DataGaps(
            incidents: linked.incidents, registers: linked.registers,
            rejected: sources.map { DataGaps.Rejected(source: $0.name, rows: $0.rejected) },
            zone: catalogue.formatter.zone)
        return QualityReport(
            sources: sources, linkage: QualityReport.linkage(linked.incidents, registers: linked.registers), gaps: gaps)
    }

    /// Says on standard error, in one line, what makes the figures partial, if anything does,
    /// and returns that line for an export's metadata.
    @discardableResult
    func noticeIfPartial() throws -> String? {
        let notice = try DataGaps(
            incidents: linked.incidents, registers: linked.registers,
            rejected: qualitySources().map { DataGaps.Rejected(source: $0.name, rows: $0.rejected) },
            zone: catalogue.formatter.zone
        ).notice
        if let notice { printError(notice) }
        return notice
    }
}
