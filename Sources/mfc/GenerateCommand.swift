import ArgumentParser

// Placeholder replaced by the generator work in progress.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write synthetic data.")
    func run() throws {}
}
