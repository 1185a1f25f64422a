// mfc-bench: times import + linking and export on a data folder (release build).
//
//   mfc-bench DIR [--runs N]     runs N fresh processes (default 5) and prints medians
//   mfc-bench DIR --once         one run in this process; prints one line of figures
//   --rules                      link with the rules instead of the model (the default)
//   mfc-bench DIR --phases       times the model's linking phases (elapsed and processor time)
//   mfc-bench DIR --phases --rules
//                                times the rules' linking phases one by one (the pairing and
//                                building five times, their median and least)
//   mfc-bench DIR --workspace    imports into a new workspace and opens it (WorkspaceBenchmark)
//   mfc-bench DIR --digest       a checksum of the probabilistic linker's whole result (the
//                                model's only: --rules does not apply)
//   mfc-bench DIR --steady N     import and link N times in one process: least and median
//
// Each run is a fresh process so that peak memory (getrusage's maximum resident set) is that
// run's own.
import Foundation
import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

/// Seconds taken by `body`.
func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = ContinuousClock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// Seconds of processor time (user and system, all threads) this process has used. On this
/// virtual machine it varies less from run to run than the wall time, so it shows a change in
/// the work done when the machine's speed drifts.
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// Peak resident memory of this process, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

/// One import and link of a folder, with the wall and processor seconds of each.
struct TimedLink {
    let linked: LinkedData
    let load: Double
    let link: Double
    let loadCPU: Double
    let linkCPU: Double
}

/// The model (the default), or the rules when `rules`.
func benchLinker(rules: Bool) -> IncidentLinker {
    rules ? IncidentLinker(personLinker: DeterministicPersonLinker()) : IncidentLinker()
}

/// Imports `directory` and links it with the model, or with the rules when `rules`.
func importAndLink(directory: String, rules: Bool) throws -> TimedLink {
    let cpuStart = processorSeconds()
    let (dataset, load) = try time { try DatasetLoader.load(paths: [directory], zone: .europeLondon) }
    let cpuLoaded = processorSeconds()
    let linker = benchLinker(rules: rules)
    let (linked, link) = time { linker.link(dataset) }
    return TimedLink(
        linked: linked, load: load, link: link, loadCPU: cpuLoaded - cpuStart, linkCPU: processorSeconds() - cpuLoaded)
}

/// One run: load, link, export; prints `key=value` pairs on one line.
func runOnce(directory: String, dashboard: Bool, rules: Bool) throws {
    let zone = LocalTimeZone.europeLondon
    let run = try importAndLink(directory: directory, rules: rules)
    let (linked, load, link) = (run.linked, run.load, run.link)
    let dataset = linked.dataset
    let catalogue = IncidentCatalogue(registers: linked.registers, zone: zone)
    let output = NSTemporaryDirectory() + "mfc-bench-\(getpid()).csv"
    let (_, export) = try time {
        try IncidentExporter(catalogue: catalogue).write(linked.incidents, to: output, replace: true)
    }
    unlink(output)
    let episodes = dataset.episodes.count
    let reports = dataset.policeReports.count
    print("episodes=\(episodes) reports=\(reports) incidents=\(linked.incidents.count) load=\(format(load)) link=\(format(link)) import_link=\(format(load + link)) load_cpu=\(format(run.loadCPU)) link_cpu=\(format(run.linkCPU)) export=\(format(export)) peak_mib=\(format(peakMemoryMiB(), 0))")
    if dashboard {
        for line in runDashboardBenchmark(linked: linked, catalogue: catalogue, loadSeconds: load + link) {
            print("dashboard " + line)
        }
    }
}

/// Import and link `runs` times in this process; prints the least and the median of each
/// figure. The least is the steadiest figure on a machine whose speed drifts: it is the run
/// the machine's host disturbed least, so two versions of the code compare best by it.
func runSteady(directory: String, runs: Int, rules: Bool) throws {
    var figures: [(name: String, values: [Double])] = [("load", []), ("link", []), ("load_cpu", []), ("link_cpu", [])]
    for _ in 0..<runs {
        let run = try importAndLink(directory: directory, rules: rules)
        for (k, value) in [run.load, run.link, run.loadCPU, run.linkCPU].enumerated() {
            figures[k].values.append(value)
        }
    }
    print(figures.map { "\($0.name)_min=\(format($0.values.min() ?? .nan)) \($0.name)_median=\(format(median($0.values)))" }
        .joined(separator: " "))
}

/// Runs `runs` fresh processes and prints the median of each figure.
func runMany(directory: String, runs: Int, rules: Bool) throws {
    var figures: [String: [Double]] = [:]
    var counts = ""
    var dashboardLines: [String] = []
    for run in 1...runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [directory, "--once"] + (run == runs ? ["--dashboard"] : [])
            + (rules ? ["--rules"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("run \(run) failed with status \(process.terminationStatus)\n".utf8))
            exit(1)
        }
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") {
            if line.hasPrefix("dashboard ") { dashboardLines.append(String(line)); continue }
            for pair in line.split(separator: " ") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Double(parts[1]) else { continue }
                if ["episodes", "reports", "incidents"].contains(String(parts[0])) {
                    if run == 1 { counts += "\(pair) " }
                } else {
                    figures[String(parts[0]), default: []].append(value)
                }
            }
        }
        print("run \(run): \(text.split(separator: "\n").first ?? "")")
    }
    print("data: \(counts)")
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(format(Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, 0)) GiB")
    for key in ["load", "link", "import_link", "load_cpu", "link_cpu", "export", "peak_mib"] {
        guard let values = figures[key] else { continue }
        let unit = key == "peak_mib" ? " MiB" : " s"
        print("median \(key): \(format(median(values), key == "peak_mib" ? 0 : 3))\(unit) (runs: \(values.map { format($0, key == "peak_mib" ? 0 : 3) }.joined(separator: ", ")))")
    }
    for line in dashboardLines { print(line) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let directory = arguments.first, !directory.hasPrefix("-") else {
    FileHandle.standardError.write(Data("usage: mfc-bench DIR [--runs N] [--rules] [--once [--dashboard]] [--phases] [--steady N] [--digest] [--workspace]\n".utf8))
    exit(2)
}
/// Whether to link with the rules rather than the model.
let rules = arguments.contains("--rules")
/// The value after `option`, if any.
func value(after option: String) -> String? {
    guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
do {
    if let path = value(after: "--workspace-import") {
        try runWorkspaceImport(directory: directory, path: path, rules: rules)
    } else if let path = value(after: "--workspace-open") {
        try runWorkspaceOpen(path: path, rules: rules)
    } else if arguments.contains("--workspace") {
        try runWorkspaceBenchmark(
            directory: directory, runs: value(after: "--runs").flatMap(Int.init).map { max(1, $0) } ?? 3, rules: rules)
    } else if arguments.contains("--digest") {
        try printProbabilisticDigest(directory: directory)
    } else if arguments.contains("--phases") && !rules {
        try printProbabilisticPhases(directory: directory)
    } else if arguments.contains("--phases") {
        let (dataset, load) = try time { try DatasetLoader.load(paths: [directory], zone: .europeLondon) }
        let (context, c) = time { LinkContext(dataset: dataset) }
        let (links, l) = time { DeterministicPersonLinker().linkPersons(context) }
        let (pairs, p) = time { EpisodePairer().pair(context, links: links) }
        // Pairing, building and marking repeated in this process, for a steadier figure.
        var builds: [Double] = []
        var incidents = 0
        for _ in 0..<5 {
            let (linked, b) = time { IncidentLinker().link(context, links: links) }
            builds.append(b)
            incidents = linked.incidents.count
        }
        let (_, all) = time { IncidentLinker(personLinker: DeterministicPersonLinker()).link(dataset) }
        print("load=\(format(load)) context=\(format(c)) persons=\(format(l)) pairs=\(format(p)) pair_build_mark=\(format(median(builds))) (min \(format(builds.min() ?? .nan))) incidents=\(incidents) all_link=\(format(all)) \(pairs.count)")
    } else if let count = value(after: "--steady").flatMap(Int.init) {
        try runSteady(directory: directory, runs: max(1, count), rules: rules)
    } else if arguments.contains("--once") {
        try runOnce(
            directory: directory, dashboard: arguments.contains("--dashboard"),
            rules: rules)
    } else {
        var runs = 5
        if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let n = Int(arguments[index + 1]) {
            runs = max(1, n)
        }
        try runMany(directory: directory, runs: runs, rules: rules)
    }
} catch {
    FileHandle.standardError.write(Data("mfc-bench: \(error)\n".utf8))
    exit(1)
}
