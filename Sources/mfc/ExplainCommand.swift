import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc explain`: why a police report links (or not) to each candidate child.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the probabilistic model's per-field weights for a police report's candidates.",
        discussion: """
            For a police reference (or an LA episode id, whose police reports are explained), \
            lists every candidate child that blocking let through, best first, with each \
            field's agreement level and weight and the total, and the band the best one falls in. \
            Reads the files named, else the workspace (--workspace, MFC_WORKSPACE or mfc.sqlite \
            in the current folder), else the synthetic sample data. --format json writes the same \
            as JSON. Exit status 1 when no police report or LA episode has the id.
            """
    )

    @Argument(help: "A police reference or an LA episode id.")
    var id: String

    @Argument(help: "Data folder or files (default: the workspace if there is one, else the synthetic sample data).")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "The model's bands") var model: ModelOptions

    @Option(help: ArgumentHelp("Output format: table or json.", valueName: "format"), transform: OutputFormat.parse)
    var format: OutputFormat = .table

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv: explain writes table or json") }
    }

    func run() throws {
        let dataset = try records()
        let linker = model.linker
        let context = LinkContext(dataset: dataset)
        let linkage = linker.run(context)
        var reports = dataset.policeReports.indices.filter { dataset.policeReports[$0].ref.rawValue == id }
        let isEpisode = dataset.episodes.contains { $0.id.rawValue == id }
        if reports.isEmpty, isEpisode {
            // Pair with the links already made, to find the reports of this episode's incident.
            let linked = IncidentLinker(personLinker: linker).link(context, links: linkage.links)
            let refs = Set(linked.incidents.first { $0.episodeIDs.contains(EpisodeID(id)) }?.policeRefs ?? [])
            reports = dataset.policeReports.indices.filter { refs.contains(dataset.policeReports[$0].ref) }
        }
        guard !reports.isEmpty || isEpisode else {
            throw CLIError.notFound("no police report or LA episode has the id \"\(TextSanitiser.visible(id, limit: 40))\"")
        }
        if format == .json {
            return StandardOutput.writeData(Array(json(reports, dataset: dataset, linkage: linkage, linker: linker).text.utf8))
        }
        if reports.isEmpty { print("LA episode \(TextSanitiser.visible(id)) has no police report linked to it") }
        for r in reports {
            let report = dataset.policeReports[r]
            print("police report \(report.ref)")
            if let link = linkage.links[r] {
                print("  linked to child \(link.child) (\(link.method.rawValue)\(link.weight.map { ", weight " + LinkExplanation.signed($0) } ?? ""))")
            } else if let review = linkage.review.first(where: { $0.report == r }) {
                print("  for review: child \(review.child), weight \(LinkExplanation.signed(review.weight))")
            } else {
                print("  not linked")
            }
            let explanations = linkage.explain(report: r)
            if explanations.isEmpty { print("  no candidate child shares a block with this report") }
            for explanation in explanations.prefix(5) {
                print("  candidate child \(explanation.child): total \(LinkExplanation.signed(explanation.total))")
                var table = TextTable(header: ["field", "level", "weight"], rightAligned: [2])
                for field in explanation.fields { table.append([field.field, field.level, LinkExplanation.signed(field.weight)]) }
                print(table.render().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            }
        }
        let t = linker.thresholds
        print("bands: linked at \(LinkExplanation.signed(t.link)) or more and \(LinkExplanation.signed(t.margin)) clear of the next candidate; review from \(LinkExplanation.signed(t.review))")
    }

    /// The records to explain: the files named, else the workspace's, else the sample data.
    private func records() throws -> Dataset {
        try DataSource.checkExists(paths)
        if paths.isEmpty, let opened = try workspace.openIfPresent() {
            do {
                return try opened.dataset()
            } catch {
                throw CLIError.wrapping(error)
            }
        }
        let folders = paths.isEmpty ? [try DataSource.sampleFolder(quiet: progress.quiet)] : paths
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(paths: folders, zone: .europeLondon)
        } catch {
            throw CLIError.unreadable("\(error)")
        }
        if let failed = dataset.reports.first(where: \.failed), let error = failed.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.unreadable(error.description)
        }
        return dataset
    }

    /// The explanation as JSON: each report's band and its candidates with their fields'
    /// levels and weights, and the model's bands.
    private func json(_ reports: [Int], dataset: Dataset, linkage: ProbabilisticLinkage, linker: ProbabilisticPersonLinker) -> JSONValue {
        let explained: [JSONValue] = reports.map { r in
            var fields: [(String, JSONValue)] = [("police_ref", .string(dataset.policeReports[r].ref.rawValue))]
            if let link = linkage.links[r] {
                fields += [("band", "linked"), ("child", .string(link.child.rawValue)), ("method", .string(link.method.rawValue)),
                           ("weight", link.weight.map { .decimal($0, places: 2) } ?? .null)]
            } else if let review = linkage.review.first(where: { $0.report == r }) {
                fields += [("band", "review"), ("child", .string(review.child.rawValue)), ("method", .null),
                           ("weight", .decimal(review.weight, places: 2))]
            } else {
                fields += [("band", "not linked"), ("child", .null), ("method", .null), ("weight", .null)]
            }
            let candidates: [JSONValue] = linkage.explain(report: r).prefix(5).map { explanation in
                .object([
                    ("child", .string(explanation.child.rawValue)), ("total", .decimal(explanation.total, places: 2)),
                    ("fields", .array(explanation.fields.map { field in
                        .object([("field", .string(field.field)), ("level", .string(field.level)),
                                 ("weight", .decimal(field.weight, places: 2))])
                    })),
                ])
            }
            fields.append(("candidates", .array(candidates)))
            return .object(fields)
        }
        let t = linker.thresholds
        return .object([
            ("id", .string(id)), ("reports", .array(explained)),
            ("bands", .object([("link", .decimal(t.link, places: 2)), ("margin", .decimal(t.margin, places: 2)),
                               ("review", .decimal(t.review, places: 2))])),
        ])
    }
}
