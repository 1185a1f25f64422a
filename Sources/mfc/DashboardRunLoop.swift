import Dashboard
import Foundation
import IncidentModel
import IncidentStore
import NcursesTerminal

/// Runs the dashboard: reads input, reduces actions, performs effects and paints. Effects that
/// take time (sort orders, the source look-up, exports) run on background queues and come back
/// as actions through a mailbox, which the loop drains between key presses. Every export is
/// logged in the workspace's audit log, when there is a workspace; decisions from the Review
/// tab are written to the workspace's decisions as `mfc decide` writes them.
struct DashboardRunLoop {
    var state: AppState
    let terminal: NcursesTerminal
    /// Where the data came from, and the workspace that logs exports.
    let exportLog: DataSource.Loaded?
    private let mailbox = Mailbox()
    private var quitting = false
    private var prefetching = false
    private let prefetchQueue = DispatchQueue(label: "mfc.dashboard.prefetch", qos: .utility)
    private let check = CheckResult()
    /// Why the dashboard stopped: the workspace's quick_check, run after the first screen,
    /// found it damaged. `nil` when it stopped as asked.
    private(set) var damage: WorkspaceError?
    /// The user asked to read the data again (`R`): the caller loads them and runs anew.
    private(set) var reloadRequested = false
    /// The workspace's change stamp, watched in the background.
    private let changes = ChangeWatch()

    init(state: AppState, terminal: NcursesTerminal, exportLog: DataSource.Loaded? = nil) {
        self.state = state
        self.terminal = terminal
        self.exportLog = exportLog
    }

    mutating func run() {
        paint()
        prefetching = true
        dispatch(.started)
        prefetching = false
        if let workspace = exportLog?.workspace {
            let check = self.check
            DispatchQueue.global(qos: .utility).async {
                do throws(WorkspaceError) { try workspace.quickCheck() } catch { check.fail(error) }
            }
            changes.start(workspace, every: ChangeWatch.interval) { [mailbox] in mailbox.post(.workspaceChanged) }
        }
        defer { changes.stop() }
        while !quitting {
            if let damage = check.failure {
                self.damage = damage
                break
            }
            var changed = false
            if let action = terminal.nextAction(waiting: 40) {
                dispatch(action)
                changed = true
            }
            for action in mailbox.take() {
                dispatch(action)
                changed = true
            }
            if changed && !quitting { paint() }
        }
    }

    private func paint() {
        terminal.paint(render(state, measure: NcursesTerminal.characterWidth))
    }

    private mutating func dispatch(_ action: Action) {
        for effect in reduce(&state, action) { perform(effect) }
    }

    private mutating func perform(_ effect: Effect) {
        let index = state.index
        let mailbox = self.mailbox
        switch effect {
        case .quit:
            quitting = true
        case .reload:
            reloadRequested = true
            quitting = true
        case let .run(job):
            DispatchQueue.global(qos: .userInitiated).async { mailbox.post(job.run()) }
        case let .computeOrder(column):
            // Asked for at start: one after another in the background. Asked for by a key:
            // at once, unless already under way.
            if prefetching {
                prefetchQueue.async {
                    if mailbox.claim(column) { mailbox.post(.orderReady(index.order(for: column))) }
                }
            } else if mailbox.claim(column) {
                DispatchQueue.global(qos: .userInitiated).async { mailbox.post(.orderReady(index.order(for: column))) }
            }
        case .buildSources:
            if let store = exportLog?.sourceStore {
                // The records stay in the workspace: each detail reads its own by id.
                dispatch(.sourcesReady(SourceLookup { incident in
                    guard let found = try? store.sourceRecords(of: incident) else {
                        return IncidentSources(episodes: [], reports: [])
                    }
                    return IncidentSources(episodes: found.episodes, reports: found.reports)
                }))
                return
            }
            DispatchQueue.global(qos: .utility).async {
                mailbox.post(.sourcesReady(SourceLookup(index.linked.dataset)))
            }
        case let .decide(pair, verdict, reason):
            let workspace = exportLog?.workspace
            let changes = self.changes
            DispatchQueue.global(qos: .userInitiated).async {
                guard let workspace else {
                    mailbox.post(.decisionFailed(pair, reason: "decisions need a workspace: mfc init, then mfc import DIR"))
                    return
                }
                do throws(WorkspaceError) {
                    let decision = try workspace.decide(pair, verdict, reason: reason, attribution: WorkspaceOptions.attribution)
                    // One's own decision is on screen already: not news.
                    changes.absorb(try workspace.changeStamp())
                    mailbox.post(.decisionRecorded(pair, verdict, id: decision.id))
                } catch {
                    mailbox.post(.decisionFailed(pair, reason: error.description))
                }
            }
        case let .exportReport(path, csv, report, rows, filter, replace, metadata):
            let exportLog = self.exportLog
            let zone = index.catalogue.formatter.zone
            let known = state.quality.report != nil
            DispatchQueue.global(qos: .userInitiated).async {
                let target = Self.expandingHome(path)
                do throws(FileWriteError) {
                    try AtomicFileWriter.write(csv, to: target, replace: replace)
                    try Self.describe(exportLog, metadata, known: known, beside: target, zone: zone)
                    try Self.log(exportLog, path: target, shown: path, what: "dashboard report \(report) as csv", filter: filter, rows: rows)
                    mailbox.post(.exportFinished(path: path, rows: rows))
                } catch {
                    mailbox.post(.exportFailed(path: path, error: error))
                }
            }
        case let .export(path, rows, selected, replace, metadata):
            let exportLog = self.exportLog
            let filter = state.filter
            let zone = index.catalogue.formatter.zone
            let known = state.quality.report != nil
            DispatchQueue.global(qos: .userInitiated).async {
                let chosen = selected.isEmpty ? rows : rows.filter(selected.contains)
                let incidents = chosen.map { index[$0] }
                let target = Self.expandingHome(path)
                do throws(FileWriteError) {
                    let count = try IncidentExporter(catalogue: index.catalogue)
                        .write(incidents, to: target, replace: replace)
                    var described = metadata
                    described.rows = count
                    try Self.describe(exportLog, described, known: known, beside: target, zone: zone)
                    try Self.log(
                        exportLog, path: target, shown: path,
                        what: selected.isEmpty ? "dashboard incidents as csv" : "dashboard selected incidents as csv",
                        filter: filter, rows: count)
                    mailbox.post(.exportFinished(path: path, rows: count))
                } catch {
                    mailbox.post(.exportFailed(path: path, error: error))
                }
            }
        }
    }

    /// Logs an export in the workspace's audit log, when there is one; a file that cannot be
    /// logged is removed (by ``ExportAudit``) and reported as a failed export.
    static func log(
        _ exportLog: DataSource.Loaded?, path target: String, shown path: String, what: String, filter: IncidentFilter,
        rows: Int
    ) throws(FileWriteError) {
        guard let exportLog else { return }
        do throws(ExportAuditError) {
            try ExportAudit.record(exportLog, path: target, what: what, filter: filter, rows: rows)
        } catch {
            throw FileWriteError.failed(path: path, step: "log the export (the file was removed)", reason: error.reason)
        }
    }

    /// Writes what an export holds beside it, completed with the source and the time; whether
    /// the figures are partial comes from the Quality report, worked out here when the export
    /// came before it.
    static func describe(
        _ exportLog: DataSource.Loaded?, _ metadata: ExportMetadata, known: Bool, beside target: String,
        zone: LocalTimeZone
    ) throws(FileWriteError) {
        var described = metadata
        if let exportLog, let completed = try? exportLog.completing(metadata) {
            described = completed
            if !known { described.partial = (try? exportLog.quality())?.gaps.notice }
        } else {
            described.exportedAt = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        }
        try described.write(beside: target, zone: zone)
    }

    /// `~/x.csv` as a path under `$HOME`.
    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}

/// Actions posted by background work, taken by the run loop. Also remembers which column
/// orders are being computed, so that each is computed once.
/// The background quick_check's finding, read by the loop between key presses.
final class CheckResult: @unchecked Sendable {
    private let lock = NSLock()
    private var error: WorkspaceError?

    func fail(_ error: WorkspaceError) {
        lock.lock()
        self.error = error
        lock.unlock()
    }

    var failure: WorkspaceError? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}

final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    private var claimed: Set<IncidentColumn> = []

    func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    func take() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions = []
        return taken
    }

    /// Claims a column's computation; false when it is already claimed.
    func claim(_ column: IncidentColumn) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return claimed.insert(column).inserted
    }
}

/// Watches a workspace's change stamp (``Workspace/changeStamp()``) from a background timer,
/// and calls back once when it grows past the stamp of the data on screen. The dashboard's own
/// decisions are absorbed, so that only other analysts' imports and decisions are news.
final class ChangeWatch: @unchecked Sendable {
    /// How often the stamp is read: one small query.
    static let interval: DispatchTimeInterval = .seconds(3)
    private let lock = NSLock()
    private var seen: Int64?
    private var told = false
    private var timer: DispatchSourceTimer?

    /// Reads the stamp now (the data on screen) and then every `interval`.
    func start(_ workspace: Workspace, every interval: DispatchTimeInterval, changed: @escaping @Sendable () -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now(), repeating: interval)
        timer.setEventHandler { [weak self] in
            guard let self, let stamp = try? workspace.changeStamp() else { return }
            if self.note(stamp) { changed() }
        }
        lock.withLock { self.timer = timer }
        timer.resume()
    }

    func stop() {
        lock.withLock {
            timer?.cancel()
            timer = nil
        }
    }

    /// Takes `stamp` as seen (a change made here).
    func absorb(_ stamp: Int64) {
        lock.withLock { seen = max(seen ?? stamp, stamp) }
    }

    /// Whether `stamp` is news: past the one seen first, and not yet told.
    private func note(_ stamp: Int64) -> Bool {
        lock.withLock {
            guard let seen else {
                self.seen = stamp
                return false
            }
            guard stamp > seen, !told else { return false }
            told = true
            return true
        }
    }
}
