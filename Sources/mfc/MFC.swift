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
            PurgeCommand.self, HistoryCommand.self, MappingCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    static func main() {
        // Every file mfc creates is private to its user.
        umask(0o077)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
