import ArgumentParser
import Dashboard
import Foundation
import IncidentModel
import IncidentStore
import NcursesTerminal

/// `mfc dashboard [PATH...]`: the full-screen dashboard over the combined incidents (the
/// default command): on the files named, else the workspace (named, or `mfc.sqlite` in the
/// current folder), else the synthetic sample data, read-only.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Browse the combined incidents in a full-screen terminal dashboard.",
        discussion: """
            Keys: arrows or j/k move, Enter opens an incident, f filters, [ and ] sort, / searches, \
            s selects, e exports to CSV, ? lists every key, Q quits. Needs a terminal: with no tty \
            or an unknown or dumb TERM it exits with status 2.
            """
    )

    @Argument(help: "Folders or files of native CSV data (default: the workspace if there is one, else the synthetic sample data).")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Homes: watch homes rated Good or Outstanding with at least N incidents in the period.", valueName: "N"))
    var watch = HomeReport.defaultWatchThreshold

    func validate() throws {
        guard watch >= 1 else { throw ValidationError("--watch must be at least 1 (incidents in the period); the default is \(HomeReport.defaultWatchThreshold)") }
    }

    func run() throws {
        // Before the terminal is taken: a path that is not there, and the sample data note.
        try DataSource.checkExists(paths)
        if DataSource.readsSampleData(paths, workspace: workspace) { _ = try DataSource.sampleFolder() }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError(CLIError.prefix + "\(error)")
            throw ExitStatus.unreadable.exitCode
        }
        // `R` in the dashboard reads the data again (after new imports or decisions in the
        // workspace) and starts afresh on the same terminal.
        var reloads = 0
        while true {
            terminal.paint(Self.loadingScreen(terminal.size, ascii: !terminal.isUTF8))
            let loaded: DataSource.Loaded
            do {
                // SQLite's quick_check takes about 0.6 s at a million records, which the first
                // screen cannot afford: the run loop runs it in the background once the screen
                // is up.
                loaded = try DataSource.load(
                    paths, workspace: workspace, linker: linking.incidentLinker, sourceRecords: false, checking: false, quiet: true)
            } catch {
                terminal.stop()
                throw CLIError.wrapping(error)
            }
            var state = makeState(loaded, size: terminal.size)
            if reloads > 0 && state.message.isEmpty {
                state.message = "Read again: \(state.index.count) incident\(state.index.count == 1 ? "" : "s")"
            }
            if !terminal.isUTF8 {
                state.message = "The locale is not UTF-8: drawing in ASCII"
                state.glyphs = .ascii
            }
            var loop = DashboardRunLoop(state: state, terminal: terminal, exportLog: loaded)
            loop.run()
            if let damage = loop.damage {
                terminal.stop()
                throw CLIError.wrapping(damage)
            }
            guard loop.reloadRequested else { break }
            reloads += 1
        }
        terminal.stop()
    }

    /// The dashboard's first state for data just loaded: the incidents, and with a workspace its
    /// review queue and imports.
    private func makeState(_ loaded: DataSource.Loaded, size: (width: Int, height: Int)) -> AppState {
        var state = AppState(
            index: IncidentIndex(linked: loaded.linked, catalogue: loaded.catalogue), width: size.width, height: size.height,
            exportDefault: Self.defaultExportName())
        state.watchThreshold = watch
        if loaded.isSampleData { state.sourceNote = "SAMPLE DATA: synthetic" }
        if let workspace = loaded.workspace {
            // Review decisions go to the workspace the data came from; pairs decided before stay out of the queue.
            // With the workspace's kept incidents, the model reads the records when it first runs.
            var records: (@Sendable () -> Dataset)?
            if let store = loaded.sourceStore {
                records = { @Sendable () -> Dataset in (try? store.dataset()) ?? Dataset() }
            }
            state.review = ReviewState(
                workspace: workspace.path, decided: Set(((try? workspace.decisions()) ?? []).map(\.pair)), records: records)
            // The Quality view lists the workspace's imports (read in the background).
            state.quality = QualityState(sources: { @Sendable () -> [QualityReport.Source] in
                (try? workspace.qualitySources()) ?? []
            })
        }
        state.review.linker = linking.model
        if let workspace = loaded.workspace, loaded.linked.incidents.isEmpty {
            state.message = "The workspace \(workspace.path) holds no records yet: load extracts with mfc import DIR"
        }
        return state
    }

    /// "Loading…" centred, shown while the data are read and linked (three dots for `ascii`).
    static func loadingScreen(_ size: (width: Int, height: Int), ascii: Bool = false) -> Grid {
        var grid = Grid(width: size.width, height: size.height, measure: NcursesTerminal.characterWidth)
        let text = "Loading and linking the incidents" + (ascii ? "..." : "…")
        grid.put(text, x: max(0, (size.width - text.count) / 2), y: size.height / 2)
        return grid
    }

    /// `mfc-incidents-YYYY-MM-DD.csv` for today, in the current folder.
    static func defaultExportName() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        return "mfc-incidents-\(formatter.string(from: Date())).csv"
    }
}
