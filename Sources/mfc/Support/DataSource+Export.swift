import Foundation
import IncidentModel
import IncidentStore

extension DataSource.Loaded {
    /// Where the data came from, for an export's metadata: the folders or files read, or the
    /// workspace with its latest import.
    func sourceText() throws -> String {
        guard let workspace else {
            return (origin == "sample data" ? "sample data " : "") + "folder or files " + paths.joined(separator: ", ")
        }
        let imports: [ImportRecord]
        do {
            imports = try workspace.imports()
        } catch {
            throw CLIError.unreadable(error.description)
        }
        let latest = imports.last.map {
            "latest import \($0.id) at \(catalogue.formatter.string($0.importedAt)) ("
                + $0.files.map(\.fileName).joined(separator: ", ") + ")"
        } ?? "no import yet"
        return "workspace \(ExportAudit.absolute(workspace.path)), \(latest)"
    }

    /// The metadata completed with what only the run knows: the source and the time of export.
    /// (Whether the figures are partial is set by the caller, who has worked it out once.)
    func completing(_ metadata: ExportMetadata, now: Date = Date()) throws -> ExportMetadata {
        var metadata = metadata
        metadata.source = try sourceText()
        metadata.exportedAt = Instant(secondsSinceEpoch: Int64(now.timeIntervalSince1970))
        return metadata
    }
}
