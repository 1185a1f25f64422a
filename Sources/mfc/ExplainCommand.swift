import ArgumentParser
import IncidentModel

/// `mfc explain`: why a police report links (or not) to each candidate child.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the probabilistic model's per-field weights for a police report's candidates.",
        discussion: """
            For a police reference (or an LA episode id, whose police reports are explained), \
            lists every candidate child that blocking let through, best first, with each \
            field's agreement level and weight and the total, and the band the best one falls in.
            """
    )

    @Argument(help: "A police reference or an LA episode id.")
    var id: String

    @Argument(help: "Data folder or files (default: the sample data).")
    var paths: [String] = []

    @OptionGroup(title: "The model's bands") var model: ModelOptions

    func run() throws {
        let zone = LocalTimeZone.europeLondon
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(paths: paths.isEmpty ? [DataSource.defaultFolder()] : paths, zone: zone)
        } catch {
            throw CLIError.unreadable("\(error)")
        }
        let linker = model.linker
        let context = LinkContext(dataset: dataset)
        let linkage = linker.run(context)
        var reports = dataset.policeReports.indices.filter { dataset.policeReports[$0].ref.rawValue == id }
        if reports.isEmpty, dataset.episodes.contains(where: { $0.id.rawValue == id }) {
            // Pair with the links already made, to find the reports of this episode's incident.
            let linked = IncidentLinker(personLinker: linker).link(context, links: linkage.links)
            let refs = Set(linked.incidents.first { $0.episodeIDs.contains(EpisodeID(id)) }?.policeRefs ?? [])
            reports = dataset.policeReports.indices.filter { refs.contains(dataset.policeReports[$0].ref) }
            if reports.isEmpty { print("LA episode \(TextSanitiser.visible(id)) has no police report linked to it") }
        }
        guard !reports.isEmpty || dataset.episodes.contains(where: { $0.id.rawValue == id }) else {
            throw ValidationError("no police report or LA episode has the id \"\(TextSanitiser.visible(id, limit: 40))\"")
        }
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
}
