import ArgumentParser

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary")
    func run() throws {}
}
