// The workspace's figures: importing a data folder into a new workspace (then linking it and
// keeping the linked snapshot, as `mfc import` does), and opening the workspace to the
// dashboard's first screen (as `mfc` does: the snapshot, the registers, the index, one frame).
//
//   mfc-bench DIR --workspace [--runs N] [--rules]
//                                           N imports into new workspaces, each followed by three
//                                           openings, every step in a fresh process; medians
//   mfc-bench DIR --workspace-open WORKSPACE
//                                           one opening of an existing workspace, a SQLite file
//                                           or a PostgreSQL connection string (Benchmarks/postgres/
//                                           run.sh opens the 1M PostgreSQL workspace this way)
import Dashboard
import Foundation
import IncidentModel
import IncidentStore

/// A fixed analyst for the benchmark's imports.
private let analyst = Attribution(user: "bench", clock: { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) })

/// One import into a new workspace at `path`, linked with the model (or the rules); prints
/// `import=… link_keep=… peak_mib=…`.
func runWorkspaceImport(directory: String, path: String, rules: Bool) throws {
    let (workspace, _) = try Workspace.create(at: path, attribution: analyst)
    let (result, importing) = try time { try workspace.importFiles([directory], zone: .europeLondon, attribution: analyst) }
    guard result.importID != nil else { throw BenchError.nothingImported }
    let (_, linking) = try time { try workspace.refreshSnapshot(linker: benchLinker(rules: rules), after: result) }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print("import=\(format(importing)) link_keep=\(format(linking)) import_total=\(format(importing + linking)) "
        + "file_mib=\(format(Double(bytes) / 1_048_576, 0)) peak_mib=\(format(peakMemoryMiB(), 0))")
}

/// One opening of the workspace at `path` (a file, or a PostgreSQL connection string: the same
/// steps, reading that engine's kept snapshot) to the dashboard's first screen (120x40); prints
/// `open=… first_screen=… incidents=…`. The linker must be the import's, or the snapshot is stale.
func runWorkspaceOpen(path: String, rules: Bool) throws {
    let start = ContinuousClock.now
    let (linkage, reading) = try time { try Workspace.open(at: path).linkedIncidents(linker: benchLinker(rules: rules)) }
    guard !linkage.linkedNow else { throw BenchError.snapshotStale }
    let catalogue = IncidentCatalogue(registers: linkage.linked.registers, zone: .europeLondon)
    let (state, indexing) = time {
        AppState(index: IncidentIndex(linked: linkage.linked, catalogue: catalogue), width: 120, height: 40, exportDefault: "bench.csv")
    }
    _ = render(state)
    let elapsed = ContinuousClock.now - start
    let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("open=\(format(reading)) index=\(format(indexing)) first_screen=\(format(total)) "
        + "incidents=\(linkage.linked.incidents.count) peak_mib=\(format(peakMemoryMiB(), 0))")
}

/// Runs `runs` imports, each followed by three openings, in fresh processes; prints medians.
func runWorkspaceBenchmark(directory: String, runs: Int, rules: Bool) throws {
    let linkerArguments = rules ? ["--rules"] : []
    var figures: [String: [Double]] = [:]
    func record(_ line: Substring, prefix: String) {
        for pair in line.split(separator: " ") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]), parts[0] != "incidents" else { continue }
            figures[prefix + parts[0], default: []].append(value)
        }
    }
    for run in 1...runs {
        let path = NSTemporaryDirectory() + "mfc-bench-\(getpid())-\(run).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let imported = try child([directory, "--workspace-import", path] + linkerArguments)
        print("run \(run) import: \(imported)")
        record(imported[...], prefix: "")
        for _ in 0..<3 {
            let opened = try child([directory, "--workspace-open", path] + linkerArguments)
            print("run \(run) open: \(opened)")
            record(opened[...], prefix: "")
        }
    }
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(format(Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, 0)) GiB")
    for key in ["import", "link_keep", "import_total", "file_mib", "open", "index", "first_screen"] {
        guard let values = figures[key] else { continue }
        let unit = key.hasSuffix("mib") ? " MiB" : " s"
        print("median \(key): \(format(median(values), key.hasSuffix("mib") ? 0 : 3))\(unit) (runs: \(values.map { format($0) }.joined(separator: ", ")))")
    }
}

/// Runs this benchmark in a fresh process with `arguments`; returns its first line of output.
private func child(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BenchError.childFailed(arguments.joined(separator: " ")) }
    return String(String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? "")
}

/// Why a workspace benchmark stopped.
enum BenchError: Error, CustomStringConvertible {
    case nothingImported
    case snapshotStale
    case childFailed(String)

    var description: String {
        switch self {
        case .nothingImported: "nothing was imported"
        case .snapshotStale: "the workspace's linked snapshot was stale: the opening would link"
        case let .childFailed(arguments): "mfc-bench \(arguments) failed"
        }
    }
}
