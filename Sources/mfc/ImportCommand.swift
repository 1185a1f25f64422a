import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc import`: loads extracts into the workspace, all of an import or none of it.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import extracts (native CSV files, an SSDA903 return, Ofsted's homes list, police extracts) into the workspace.",
        discussion: """
            Everything named is imported in one transaction: all of it is kept, or none. A file \
            imported before (the same bytes, under any name) is skipped. Records that repeat a \
            source id (episode_id, police_ref, urn, child_id, code) update the current record, and \
            its earlier values stay in the history. Rejected rows are kept: see mfc rejects. Each \
            import is recorded with its files' names, SHA-256, rows and user, and logged in mfc audit.

            --layout ssda903 --authority CODE reads an authority's SSDA903 return (header.csv, \
            episodes.csv, missing.csv, or files with their headers): each missing period becomes an \
            LA episode of the authority, its home the placement episode covering its start, and the \
            DfE's checks are reported with their rule numbers. --layout ofsted-homes reads Ofsted's \
            list of providers into the homes register (its children's homes; other provider types \
            are skipped and counted), looking the authorities' names up in the workspace's \
            authorities or --authorities FILE. --layout police --mapping FILE reads a police \
            force's own extract through a mapping (write one with mfc mapping suggest). A path of \
            - reads standard input (recorded as the file stdin). Progress goes to standard error \
            when it is a terminal; --quiet keeps it quiet.
            """)

    @Argument(help: "Data folders or files, or - for standard input.")
    var paths: [String]

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @OptionGroup var input: LayoutOptions

    @Option(parsing: .unconditional, help: "Show at most this many messages of each file (0 for all).")
    var limit = 20

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        try input.check(paths: paths)
        _ = try FormatArgument.output(input.format, offered: [.table])
    }

    func run() throws {
        try DataSource.checkExists(paths)
        let stdin = try StandardInput(paths)
        defer { stdin.remove() }
        let opened = try workspace.open()
        let result: ImportResult
        let say = progress
        let report: (ImportProgress) -> Void = { step in
            switch step {
            case let .reading(files): say.progress("reading \(files) file\(files == 1 ? "" : "s")…")
            case let .writing(file, records): say.progress("writing \(file): \(records) records…")
            case .committing: say.progress("committing…")
            case .committed: say.progress("committed")
            }
        }
        do {
            result = try input.importFiles(stdin.paths, into: opened, zone: .europeLondon, progress: report)
        } catch {
            throw CLIError.wrapping(error)
        }
        // Link now, so that the dashboard opens on the kept incidents instead of linking.
        do {
            if try opened.isSnapshotCurrent(linker: linking.incidentLinker) == false {
                progress.progress("linking…")
                try opened.refreshSnapshot(linker: linking.incidentLinker, after: result)
                progress.progress("linked")
            }
        } catch {
            printError("warning: the incidents could not be linked and kept now (\(error)); they will be linked when next read")
        }
        DiagnosticsList.print(result.reports, limit: limit, more: "mfc validate --limit 0 lists all")
        var table = TextTable(
            header: ["file", "read", "accepted", "rejected", "warnings", "new", "updated", "unchanged"],
            rightAligned: [1, 2, 3, 4, 5, 6, 7])
        for file in result.files {
            if let earlier = file.alreadyImportedBy {
                table.append([file.fileName, "-", "-", "-", "-", "-", "-", "already imported (import \(earlier))"])
            } else {
                table.append([file.fileName] + [file.rowsRead, file.accepted, file.rejected, file.warnings, file.inserted,
                                                file.updated, file.unchanged].map(String.init))
            }
        }
        print(table.render(), terminator: "")
        guard let id = result.importID else {
            print("nothing new: every file was imported before; the workspace is unchanged")
            return
        }
        let rejected = result.files.reduce(0) { $0 + ($1.alreadyImportedBy == nil ? $1.rejected : 0) }
        print("import \(id) saved in \(opened.path)" + (rejected > 0 ? "; \(rejected) rejected rows: mfc rejects --import \(id)" : ""))
    }
}
