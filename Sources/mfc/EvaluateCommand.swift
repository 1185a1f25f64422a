import ArgumentParser
import Foundation
import IncidentModel

/// `mfc evaluate`: how well each linker finds the true police-report / LA-episode pairs of
/// generated data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure linkage against a generated folder's truth.csv.",
        discussion: """
            Links the folder's files with the deterministic rules and with the probabilistic \
            model, and compares the police report / LA episode pairs each made with those in \
            truth.csv (written by mfc generate): precision, recall and F1, and the share of \
            police reports the model sends to review.

            --layout ssda903 measures the same with the LA's records in their SSDA903 form (no \
            names), from a folder written by mfc generate --form ssda903: the registers and \
            police_reports.csv from the folder, each ssda903/CODE/ folder as authority CODE's \
            return, and ssda903/truth.csv.
            """
    )

    @Argument(help: "A folder written by mfc generate.")
    var directory: String

    @Option(help: "The LA's records to link: native (la_episodes.csv, children.csv) or ssda903 (the returns in ssda903/).")
    var layout: InputLayout?

    @Option(help: ArgumentHelp("Output format: table (the only one; --format ssda903, the old spelling of --layout, still works).", valueName: "format"))
    var format: FormatArgument?

    /// The layout named by `--layout` (or the old `--format`).
    private var resolvedLayout: InputLayout { FormatArgument.layout(layout, format: format) }

    @OptionGroup(title: "The model's bands") var model: ModelOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("List up to this many of the model's missed true pairs, by police reference, with why each was missed.", valueName: "count"))
    var misses = 0

    func validate() throws {
        try FormatArgument.check(layout, format: format)
        _ = try FormatArgument.output(format, offered: [.table])
        if resolvedLayout != .native && resolvedLayout != .ssda903 {
            throw ValidationError("evaluate reads the LA's records as native or ssda903, not --layout \(resolvedLayout.rawValue)")
        }
    }

    func run() throws {
        let dataset: Dataset
        let truthPath: String
        try DataSource.checkExists([directory])
        do {
            switch resolvedLayout {
            case .native:
                dataset = try DatasetLoader.load(paths: [directory], zone: .europeLondon)
                truthPath = directory + "/truth.csv"
            case .ssda903:
                dataset = try Self.loadSSDA903(directory)
                truthPath = directory + "/" + SyntheticGenerator.ssda903Folder + "/truth.csv"
            case .ofstedHomes, .police:
                throw CLIError.usage("evaluate reads the LA's records as native or ssda903, not --layout \(resolvedLayout.rawValue)")
            }
        } catch {
            throw CLIError.unreadable("\(error)")
        }
        if let failed = dataset.reports.first(where: \.failed),
           let problem = failed.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.unreadable(problem.description)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: truthPath)
        } catch {
            throw CLIError.unreadable("\(truthPath): cannot read (\(error)); evaluate needs a folder written by mfc generate")
        }
        let truth = try LinkageEvaluation.truthPairs(csv: bytes)
        var table = TextTable(
            header: ["linker", "true pairs", "made", "right", "wrong", "missed", "precision", "recall", "F1", "review"],
            rightAligned: Set(1...9))
        let deterministic = IncidentLinker(personLinker: DeterministicPersonLinker()).link(dataset)
        table.append(Self.row("deterministic", LinkageEvaluation(predicted: deterministic.linkedPairs, truth: truth), truth, "-"))
        let context = LinkContext(dataset: dataset)
        let linkage = model.linker.run(context)
        let probabilistic = IncidentLinker().link(context, links: linkage.links)
        let reviewShare = dataset.policeReports.isEmpty ? 0 : Double(linkage.review.count) / Double(dataset.policeReports.count)
        table.append(Self.row(
            "probabilistic", LinkageEvaluation(predicted: probabilistic.linkedPairs, truth: truth), truth,
            Self.fixed(reviewShare * 100, 2) + "%"))
        print(table.render(), terminator: "")
        let perReport = dataset.policeReports.isEmpty ? 0 : Double(linkage.comparedPairs) / Double(dataset.policeReports.count)
        print("compared pairs after blocking: \(linkage.comparedPairs) for \(dataset.policeReports.count) police reports (\(Self.fixed(perReport, 1)) a report)")
        let kept = BlockingRecall(linkage, truth: truth)
        print("true report-child pairs that blocking kept (or a recorded police_ref made certain): \(kept.kept) of \(kept.total) (\(Self.fixed(kept.share * 100, 2))%)")
        if misses > 0 { Self.printMisses(misses, truth: truth, made: probabilistic.linkedPairs, linkage: linkage, dataset: dataset) }
    }

    /// Prints why the model missed true pairs: counts by reason, then up to `limit` police
    /// references with theirs (for `mfc explain`).
    static func printMisses(_ limit: Int, truth: Set<SourcePair>, made: Set<SourcePair>, linkage: ProbabilisticLinkage, dataset: Dataset) {
        var childOfEpisode: [EpisodeID: ChildID] = [:]
        for episode in dataset.episodes { childOfEpisode[episode.id] = episode.child }
        var reportOfRef: [PoliceRef: Int] = [:]
        for (r, report) in dataset.policeReports.enumerated() where reportOfRef[report.ref] == nil { reportOfRef[report.ref] = r }
        let review = Dictionary(linkage.review.map { ($0.report, $0) }, uniquingKeysWith: { first, _ in first })
        var reasons: [String: Int] = [:]
        var listed: [String] = []
        for pair in truth.subtracting(made).sorted(by: { $0.policeRef < $1.policeRef }) {
            guard let r = reportOfRef[pair.policeRef], let child = childOfEpisode[pair.episodeID] else { continue }
            let reason: String
            if let link = linkage.links[r] {
                reason = link.child == child ? "person linked, episodes not paired" : "linked to another child"
            } else if let candidate = review[r] {
                reason = candidate.child == child ? "sent to review" : "another child sent to review"
            } else if !linkage.candidates(ofReport: r).contains(child) {
                reason = "not compared (no shared block)"
            } else {
                reason = "below the review band"
            }
            reasons[reason, default: 0] += 1
            if listed.count < limit { listed.append("\(pair.policeRef)  \(reason)") }
        }
        print("missed true pairs by reason:")
        for (reason, count) in reasons.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { print("  \(count)  \(reason)") }
        for line in listed { print("  " + line) }
    }

    /// The registers and police reports of a generated folder, with each authority's SSDA903
    /// return from `ssda903/CODE/` in place of children.csv and la_episodes.csv.
    static func loadSSDA903(_ directory: String) throws -> Dataset {
        let zone = LocalTimeZone.europeLondon
        let native = ["forces.csv", "authorities.csv", "homes.csv", "police_reports.csv"].map { directory + "/" + $0 }
        var dataset = try DatasetLoader.load(paths: native, zone: zone)
        let folder = directory + "/" + SyntheticGenerator.ssda903Folder
        let codes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard !codes.isEmpty else {
            throw CLIError.unreadable("\(folder): no SSDA903 returns (one folder per authority code); write them with mfc generate --form ssda903")
        }
        for code in codes {
            let part = try SSDA903Loader.load(paths: [folder + "/" + code], authority: AuthorityCode(code), zone: zone)
            dataset.children += part.children
            dataset.episodes += part.episodes
            dataset.reports += part.reports
        }
        return dataset
    }

    static func row(_ name: String, _ result: LinkageEvaluation, _ truth: Set<SourcePair>, _ review: String) -> [String] {
        [name, String(truth.count), String(result.truePositives + result.falsePositives), String(result.truePositives),
         String(result.falsePositives), String(result.falseNegatives), fixed(result.precision, 4), fixed(result.recall, 4),
         fixed(result.f1, 4), review]
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
