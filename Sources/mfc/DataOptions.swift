import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

/// Where the data come from: files named on the command line, else the workspace (named, or
/// `mfc.sqlite` in the current folder), else `SampleData/`, read-only.
struct DataSource {
    /// The linked incidents and where they came from.
    struct Loaded: Sendable {
        var linked: LinkedData
        var catalogue: IncidentCatalogue
        /// The workspace the data came from; `nil` when files were read.
        var workspace: Workspace?
        /// The workspace that logs exports: the one read, else one that exists when files were
        /// read; `nil` when there is none (nothing to log into).
        var auditWorkspace: Workspace?
        /// What was read, for messages and the audit log: `workspace mfc.sqlite`, `files`.
        var origin: String
        /// The workspace to read source records from, by id, when `linked.dataset` holds the
        /// registers and children only (the incidents came from the workspace's snapshot).
        var sourceStore: Workspace?
        /// The files or folders read (absolute paths); empty when a workspace was read.
        var paths: [String] = []
    }

    /// The folder to read when none is named: `SampleData` in the current folder, else the one
    /// beside this package's sources (so `swift run mfc` works from anywhere in the checkout).
    static func defaultFolder() -> String {
        let local = FileManager.default.currentDirectoryPath + "/SampleData"
        if FileManager.default.fileExists(atPath: local + "/la_episodes.csv") { return "SampleData" }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent("SampleData").path
    }

    /// Loads and links: the files in `paths` when any are named, else the workspace when one is
    /// named or exists (its kept snapshot of linked incidents when current), else the sample
    /// data. With `sourceRecords`, every LA episode and police report is in memory too; without,
    /// a workspace's records may be left on disk (see ``Loaded/sourceStore``). Without
    /// `checking`, the workspace's quick_check is left to the caller (the dashboard runs it
    /// after its first screen), and nothing is printed while a write waits for another writer
    /// (the dashboard owns the terminal).
    static func load(
        _ paths: [String], workspace options: WorkspaceOptions, linker: IncidentLinker = IncidentLinker(),
        sourceRecords: Bool = true, checking: Bool = true
    ) throws -> Loaded {
        let zone = LocalTimeZone.europeLondon
        if paths.isEmpty, let workspace = try options.openIfPresent(checking: checking, announcingWaits: checking) {
            let linkage: WorkspaceLinkage
            do {
                linkage = try workspace.linkedIncidents(linker: linker, sourceRecords: sourceRecords)
            } catch {
                throw CLIError.wrapping(error)
            }
            let linked = linkage.linked
            return Loaded(
                linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: zone),
                workspace: workspace, auditWorkspace: workspace, origin: "workspace \(workspace.path)",
                sourceStore: linkage.hasSourceRecords ? nil : workspace)
        }
        if !paths.isEmpty, options.workspace != nil {
            throw CLIError.usage("name either a workspace (--workspace) or data files, not both")
        }
        let (linked, catalogue) = try load(paths, linker: linker)
        let audit = paths.isEmpty ? nil : try? options.openIfPresent()
        return Loaded(
            linked: linked, catalogue: catalogue, workspace: nil, auditWorkspace: audit,
            origin: paths.isEmpty ? "sample data" : "files", sourceStore: nil,
            paths: (paths.isEmpty ? [defaultFolder()] : paths).map(ExportAudit.absolute))
    }

    /// Loads the data in `paths` (or the default folder), in Europe/London time, and links them
    /// with `linker`.
    static func load(_ paths: [String], linker: IncidentLinker = IncidentLinker()) throws -> (LinkedData, IncidentCatalogue) {
        let zone = LocalTimeZone.europeLondon
        let dataset = try DatasetLoader.load(paths: paths.isEmpty ? [defaultFolder()] : paths, zone: zone)
        if let failed = dataset.reports.first(where: \.failed),
           let error = failed.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.unreadable(error.description)
        }
        let linked = linker.link(dataset)
        return (linked, IncidentCatalogue(registers: linked.registers, zone: zone))
    }
}

/// Errors the commands report before exiting, each with its ``ExitStatus``.
enum CLIError: Error, CustomStringConvertible {
    /// A file or the workspace could not be read at all (exit 2).
    case unreadable(String)
    /// A value on the command line is wrong (exit 64).
    case usage(String)
    /// The workspace is locked by another writer (exit 75).
    case locked(String)
    /// What the command names is not there (exit 1).
    case notFound(String)

    /// The error as the command line reports it: a workspace's error by its kind (locked,
    /// damaged, a record not found, ...), any other as input that could not be read.
    static func wrapping(_ error: any Error) -> CLIError {
        if let error = error as? CLIError { return error }
        guard let error = error as? WorkspaceError else { return .unreadable(String(describing: error)) }
        switch error {
        case .locked: return .locked(error.description)
        case .unknownRecord: return .notFound(error.description)
        default: return .unreadable(error.description)
        }
    }

    /// The exit status of this kind of failure.
    var status: ExitStatus {
        switch self {
        case .unreadable: .unreadable
        case .usage: .usage
        case .locked: .locked
        case .notFound: .rejectedOrNotFound
        }
    }

    var description: String {
        switch self {
        case let .unreadable(text), let .usage(text), let .locked(text), let .notFound(text): text
        }
    }
}
