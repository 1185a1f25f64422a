import ArgumentParser
import IncidentModel

/// `mfc validate`: every problem in the input files, and what happened to every row.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check input files row by row and report every problem.",
        discussion: """
            Each problem is shown as file:line:column with the value found and what was expected. \
            A row is rejected only when it cannot stand (no id, a duplicate id, no usable start, an \
            end before its start, unreadable bytes); a bad value in a field the row can do without \
            is kept as unknown with a warning.

            --format ssda903 --authority CODE checks an authority's SSDA903 return (its Header, \
            Episodes and Missing tables) as mfc import would read it, with the DfE's rule numbers \
            on the checks of missing periods. --format ofsted-homes checks Ofsted's list of \
            providers (its authorities' names looked up in --authorities FILE, else authorities.csv \
            beside it), and --format police --mapping FILE a police force's own extract read \
            through its mapping.

            Exit status: 0 when no row was rejected, 1 when any row was rejected, 2 when a file \
            could not be read at all.
            """
    )

    @Argument(help: "Data folders or files (default: the sample data).")
    var paths: [String] = []

    @Option(help: "Show at most this many messages of each file (0 for all).")
    var limit = 50

    @OptionGroup var input: FormatOptions

    @Option(help: ArgumentHelp("Write the rejected rows, with file, line and reason, to this CSV file.", valueName: "file"))
    var rejects: String?

    @Flag(help: "Replace the rejects file if it exists.")
    var force = false

    func validate() throws {
        try input.check(paths: paths)
    }

    func run() throws {
        let dataset: Dataset
        do {
            dataset = try input.load(paths.isEmpty ? [DataSource.defaultFolder()] : paths, zone: .europeLondon)
        } catch {
            printError("error: \(error)")
            throw ExitStatus.unreadable.exitCode
        }
        DiagnosticsList.print(dataset.reports, limit: limit, more: "use --limit 0 to see all")
        print(Self.summaryTable(dataset.reports))
        if let rejects {
            let count = try writeRejects(dataset.reports, to: rejects)
            print("wrote \(count) rejected row\(count == 1 ? "" : "s") to \(rejects)")
        }
        if dataset.hasUnreadableFiles { throw ExitStatus.unreadable.exitCode }
        if dataset.hasRejections { throw ExitStatus.rejectedOrNotFound.exitCode }
    }

    /// Rows read, accepted, rejected and warnings per file; read = accepted + rejected.
    static func summaryTable(_ reports: [FileReport]) -> String {
        var table = TextTable(header: ["file", "read", "accepted", "rejected", "warnings", "blank"], rightAligned: [1, 2, 3, 4, 5])
        for report in reports {
            if report.notRead {
                table.append([report.file, "?", "-", "-", "-", "not read"])
            } else if report.failed {
                table.append([report.file, "-", "-", "-", "-", "unreadable"])
            } else {
                table.append([report.file, String(report.rowsRead), String(report.accepted), String(report.rejected),
                              String(report.warnings), String(report.blankRows)])
            }
        }
        return table.render()
    }

    private func writeRejects(_ reports: [FileReport], to path: String) throws -> Int {
        var writer = CSVWriter()
        writer.append(header: ["file", "line", "reason", "fields"])
        var count = 0
        for report in reports {
            for row in report.rejectedRows {
                writer.append(row: [
                    .text(report.file), .formatted(String(row.line)), .text(row.reason), .source(CSVWriter.sourceLine(row.fields)),
                ])
                count += 1
            }
        }
        do {
            try AtomicFileWriter.write(writer.bytes, to: path, replace: force)
        } catch {
            throw CLIError.usage(error.description)
        }
        return count
    }
}
