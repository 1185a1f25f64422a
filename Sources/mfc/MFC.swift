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
            With no command, opens the dashboard: on the workspace when there is one \
            (--workspace, MFC_WORKSPACE or mfc.sqlite in the current folder), else on the \
            synthetic sample data, saying so. Data folders hold the native CSV files described in \
            SampleData/README.md. --format is always the output (table, csv, json), --layout the \
            input's layout; - is standard input or output; errors begin "error: " on standard \
            error. docs/command-line.md describes every command.

            Exit statuses:
            \(ExitStatus.table)
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
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CommandSuggestion.problem(arguments) { fail(problem) }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch let error as CLIError {
            fail(error)
        } catch {
            parserFailure(error)
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            // A command that printed its own messages and ends with a status.
            Glibc.exit(code.rawValue)
        } catch let error as ValidationError {
            fail(.usage(error.message))
        } catch let error as CLIError {
            fail(error)
        } catch {
            // `mfc --help` and `mfc help` parse as ArgumentParser's help command, which throws
            // its request when run.
            let code = exitCode(for: error)
            if code == .success || code == .validationFailure { parserFailure(error) }
            fail(CLIError.wrapping(error))
        }
    }

    /// ArgumentParser's own: help and version (exit 0, to standard output), and usage errors
    /// (64), its "Error: " prefix made mfc's.
    static func parserFailure(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
        } else {
            printError(Self.prefixed(message))
        }
        Glibc.exit(code.rawValue)
    }

    /// Prints `error: ...` to standard error and exits with the error's status.
    static func fail(_ error: CLIError) -> Never {
        printError("\(CLIError.prefix)\(error)")
        Glibc.exit(error.status.rawValue)
    }

    /// ArgumentParser's message with mfc's prefix: every error begins `error: `.
    static func prefixed(_ message: String) -> String {
        if message.hasPrefix("Error: ") { return CLIError.prefix + message.dropFirst("Error: ".count) }
        if message.hasPrefix(CLIError.prefix) { return message }
        return CLIError.prefix + message
    }
}
