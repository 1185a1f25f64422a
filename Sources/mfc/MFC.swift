import ArgumentParser
import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

/// The `mfc` command: the dashboard by default, and the command-line tools.
@main
struct MFC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfc",
        abstract: "Children missing from care: police and local-authority records combined.",
        discussion: """
            With no command, opens the dashboard on the sample data. Data folders hold the native \
            CSV files described in SampleData/README.md.
            """,
        version: "0.1.0",
        subcommands: [
            DashboardCommand.self, ValidateCommand.self, IncidentsCommand.self, SummaryCommand.self, QualityCommand.self,
            GenerateCommand.self, EvaluateCommand.self, ExplainCommand.self, ReportCommand.self,
            InitCommand.self, ImportCommand.self, RejectsCommand.self, DecideCommand.self, AuditCommand.self,
            PurgeCommand.self, HistoryCommand.self, MappingCommand.self, CheckCommand.self, GrantCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    static func main() {
        // Every file mfc creates is private to its user.
        umask(0o077)
        // No crash screen of the runtime's ever takes over the terminal.
        CrashSignals.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            printError("error: \(error)")
            Glibc.exit(error.status.rawValue)
        } catch {
            // ArgumentParser's own: help and version (exit 0, to standard output), usage
            // errors (64), and the ExitCode a command throws after printing its messages.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { printError(message) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}
