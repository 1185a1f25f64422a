import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

/// Where the data come from: files named on the command line, else the workspace (named, or
/// `mfc.sqlite` in the current folder), else the synthetic sample data (``SampleDataLocation``), read-only.
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
        /// Whether these are the synthetic sample data, read because no folder or workspace was
        /// named: the dashboard says so on screen.
        var isSampleData = false
    }

    /// The sample data folder, found at run time (``SampleDataLocation``); says on standard
    /// error that these are the synthetic sample data unless `quiet`.
    static func sampleFolder(quiet: Bool = false) throws(CLIError) -> String {
        guard let folder = SampleDataLocation.find() else {
            throw .unreadable(
                "no data folder or workspace named, and no sample data found (SampleData/ in the current folder or above it, "
                    + "or beside mfc); name a folder of extracts, or a workspace with --workspace")
        }
        if !quiet { printError(sampleNote(folder)) }
        return folder
    }

    /// The note that the data read are the sample data.
    static func sampleNote(_ folder: String) -> String {
        "note: no folder or workspace named: these are the synthetic sample data in \(folder) (fictional children; "
            + "name a folder, or import extracts into a workspace, for real data)"
    }

    /// Whether a command with these paths and workspace options reads the sample data.
    static func readsSampleData(_ paths: [String], workspace: WorkspaceOptions) -> Bool {
        paths.isEmpty && workspace.namedPath == nil && !Workspace.fileExists(at: workspace.path)
    }

    /// Refuses a path that does not exist (exit 2), before anything is read.
    static func checkExists(_ paths: [String]) throws(CLIError) {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw .unreadable("\(Sanitised.lines(path)): no such file or folder")
        }
    }

    /// Refuses a single file named where a folder of extracts is expected: files that hold no
    /// LA episodes and no police reports, so that nothing could be combined (exit 64).
    static func checkCombinable(_ paths: [String], dataset: Dataset) throws(CLIError) {
        guard !paths.isEmpty, dataset.episodes.isEmpty, dataset.policeReports.isEmpty else { return }
        var isDirectory: ObjCBool = false
        let files = paths.filter { !(FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue) }
        guard files.count == paths.count, let first = files.first else { return }
        let folder = (first as NSString).deletingLastPathComponent
        throw .usage(
            "\(Sanitised.lines(first)) is a file, not a folder: name the folder of extracts"
                + (folder.isEmpty ? "" : " (\(Sanitised.lines(folder)))")
                + ", or add la_episodes.csv or police_reports.csv; there is nothing to combine in registers alone")
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
        sourceRecords: Bool = true, checking: Bool = true, quiet: Bool = false
    ) throws -> Loaded {
        if paths.contains("-") {
            throw CLIError.usage("- (standard input) is read by validate and import; here, name a folder of extracts or a workspace")
        }
        try checkExists(paths)
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
        let folders = paths.isEmpty ? [try sampleFolder(quiet: quiet)] : paths
        let (linked, catalogue) = try load(folders, linker: linker)
        try checkCombinable(paths, dataset: linked.dataset)
        let audit = paths.isEmpty ? nil : try? options.openIfPresent()
        return Loaded(
            linked: linked, catalogue: catalogue, workspace: nil, auditWorkspace: audit,
            origin: paths.isEmpty ? "sample data" : "files", sourceStore: nil,
            paths: folders.map(ExportAudit.absolute), isSampleData: paths.isEmpty)
    }

    /// Loads the data in `paths`, in Europe/London time, and links them with `linker`.
    static func load(_ paths: [String], linker: IncidentLinker = IncidentLinker()) throws -> (LinkedData, IncidentCatalogue) {
        let zone = LocalTimeZone.europeLondon
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(paths: paths, zone: zone)
        } catch {
            throw CLIError.unreadable(error.description)
        }
        if let failed = dataset.reports.first(where: \.failed),
           let error = failed.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.unreadable(error.description)
        }
        let linked = linker.link(dataset)
        return (linked, IncidentCatalogue(registers: linked.registers, zone: zone))
    }
}
