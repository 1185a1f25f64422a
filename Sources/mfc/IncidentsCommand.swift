import ArgumentParser

struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "incidents")
    func run() throws {}
}
