import ArgumentParser

// Placeholder replaced by the dashboard work in progress.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Open the dashboard.")
    func run() throws {}
}
