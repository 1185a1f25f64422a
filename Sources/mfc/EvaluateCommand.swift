import ArgumentParser
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
            """
    )

    @Argument(help: "A folder written by mfc generate.")
    var directory: String

    func run() throws {
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(paths: [directory], zone: .europeLondon)
        } catch {
            throw CLIError.unreadable("\(error)")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: directory + "/truth.csv")
        } catch {
            throw CLIError.unreadable("\(directory)/truth.csv: cannot read (\(error)); evaluate needs a folder written by mfc generate")
        }
        let truth = try LinkageEvaluation.truthPairs(csv: bytes)
        var table = TextTable(
            header: ["linker", "true pairs", "made", "right", "wrong", "missed", "precision", "recall", "F1", "review"],
            rightAligned: Set(1...9))
        let deterministic = IncidentLinker().link(dataset)
        table.append(Self.row("deterministic", LinkageEvaluation(predicted: deterministic.linkedPairs, truth: truth), truth, "-"))
        let model = ProbabilisticPersonLinker()
        let context = LinkContext(dataset: dataset)
        let linkage = model.run(context)
        let probabilistic = IncidentLinker().link(context, links: linkage.links)
        let reviewShare = dataset.policeReports.isEmpty ? 0 : Double(linkage.review.count) / Double(dataset.policeReports.count)
        table.append(Self.row(
            "probabilistic", LinkageEvaluation(predicted: probabilistic.linkedPairs, truth: truth), truth,
            Self.fixed(reviewShare * 100, 2) + "%"))
        print(table.render(), terminator: "")
        print("compared pairs after blocking: \(linkage.comparedPairs) for \(dataset.policeReports.count) police reports")
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
