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

            --layout ssda903 --authority CODE checks an authority's SSDA903 return (its Header, \
            Episodes and Missing tables) as mfc import would read it, with the DfE's rule numbers \
            on the checks of missing periods. --layout ofsted-homes checks Ofsted's list of \
            providers (its authorities' names looked up in --authorities FILE, else authorities.csv \
            beside it), and --layout police --mapping FILE a police force's own extract read \
            through its mapping. A path of - reads standard input (one file, its kind told from \
            its header). --format json writes the files' counts and every problem as JSON.

            Exit status: 0 when no row was rejected, 1 when any row was rejected, 2 when a file \
            could not be read at all, 64 when the command line is wrong.
            """
    )

    @Argument(help: "Data folders or files, or - for standard input (default: the synthetic sample data).")
    var paths: [String] = []

    @Option(parsing: .unconditional, help: "Show at most this many messages of each file (0 for all; JSON has all).")
    var limit = 50

    @OptionGroup var input: LayoutOptions

    @OptionGroup var progress: ProgressOptions

    @Option(help: ArgumentHelp("Write the rejected rows, with file, line and reason, to this CSV file.", valueName: "file"))
    var rejects: String?

    @Flag(help: "Replace the rejects file if it exists.")
    var force = false

    func validate() throws {
        try input.check(paths: paths)
        _ = try FormatArgument.output(input.format, offered: [.table, .json])
        if let rejects {
            do throws(FileWriteError) {
                try AtomicFileWriter.checkTarget(rejects, replace: force)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        try DataSource.checkExists(paths)
        let format = try FormatArgument.output(input.format, offered: [.table, .json])
        let folders = paths.isEmpty ? [try DataSource.sampleFolder(quiet: progress.quiet)] : paths
        let stdin = try StandardInput(folders)
        defer { stdin.remove() }
        let dataset: Dataset
        do {
            dataset = try input.load(stdin.paths, zone: .europeLondon)
        } catch {
            throw CLIError.unreadable("\(error)")
        }
        if format == .json {
            StandardOutput.writeData(Array(Self.json(dataset.reports).text.utf8))
        } else {
            DiagnosticsList.print(dataset.reports, limit: limit, more: "use --limit 0 to see all")
            print(Self.summaryTable(dataset.reports))
        }
        if let rejects {
            let count = try writeRejects(dataset.reports, to: rejects)
            printError("wrote \(count) rejected row\(count == 1 ? "" : "s") to \(rejects)")
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

    /// The files' counts and every problem, as JSON: `files` (one object a file, counts `null`
    /// when the file was not read), `problems` (severity, file, line, column, value, message,
    /// expected, rule) and the totals.
    static func json(_ reports: [FileReport]) -> JSONValue {
        let files: [JSONValue] = reports.map { report in
            let read = !report.notRead && !report.failed
            return .object([
                ("file", .string(report.file)), ("kind", .string(report.kind.fileName)),
                ("status", .string(report.notRead ? "not read" : report.failed ? "unreadable" : "read")),
                ("read", read ? .int(report.rowsRead) : .null), ("accepted", read ? .int(report.accepted) : .null),
                ("rejected", read ? .int(report.rejected) : .null), ("warnings", read ? .int(report.warnings) : .null),
                ("blank", read ? .int(report.blankRows) : .null),
            ])
        }
        let problems: [JSONValue] = reports.flatMap(\.diagnostics).map { problem in
            .object([
                ("severity", .string(problem.severity.rawValue)), ("file", .string(problem.file)),
                ("line", .int(problem.line)), ("column", .int(problem.column)), ("column_name", .string(problem.columnName)),
                ("value", .string(problem.value)), ("value_shape", .string(problem.valueShape)),
                ("message", .string(problem.message)), ("expected", .string(problem.expected)), ("rule", .string(problem.rule)),
            ])
        }
        return .object([
            ("files", .array(files)), ("problems", .array(problems)),
            ("rows_read", .int(reports.reduce(0) { $0 + $1.rowsRead })),
            ("rows_rejected", .int(reports.reduce(0) { $0 + $1.rejected })),
            ("unreadable_files", .int(reports.count(where: \.failed))),
        ])
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
