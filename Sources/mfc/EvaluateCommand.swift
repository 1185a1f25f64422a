import ArgumentParser
import IncidentModel

/// `mfc evaluate`: how well linking finds the true police-report / LA-episode pairs of
/// generated data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure linkage against a generated folder's truth.csv.",
        discussion: """
            Links the folder's files and compares the police report / LA episode pairs made with \
            those in truth.csv (written by mfc generate): precision, recall and F1.
            """
    )

    @Argument(help: "A folder written by mfc generate.")
    var directory: String

    func run() throws {
        let (linked, _) = try DataSource.load([directory])
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: directory + "/truth.csv")
        } catch {
            throw CLIError.unreadable("\(directory)/truth.csv: cannot read (\(error)); evaluate needs a folder written by mfc generate")
        }
        let truth = try LinkageEvaluation.truthPairs(csv: bytes)
        let result = LinkageEvaluation(predicted: linked.linkedPairs, truth: truth)
        var table = TextTable(header: ["measure", "value"], rightAligned: [1])
        table.append(["true pairs", String(truth.count)])
        table.append(["pairs made", String(result.truePositives + result.falsePositives)])
        table.append(["right", String(result.truePositives)])
        table.append(["wrong", String(result.falsePositives)])
        table.append(["missed", String(result.falseNegatives)])
        table.append(["precision", Self.fixed(result.precision)])
        table.append(["recall", Self.fixed(result.recall)])
        table.append(["F1", Self.fixed(result.f1)])
        print(table.render(), terminator: "")
    }

    static func fixed(_ value: Double) -> String {
        let thousandths = Int((value * 10000).rounded())
        return "\(thousandths / 10000).\(String(repeating: "0", count: 4 - String(thousandths % 10000).count))\(thousandths % 10000)"
    }
}
