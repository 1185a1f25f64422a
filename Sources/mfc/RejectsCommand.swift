import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc rejects`: the rejected rows kept by imports, with their reasons.
struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects",
        abstract: "List the rows that imports rejected, with file, line and reason.",
        discussion: """
            --format csv writes them as CSV (import, file, line, reason, fields), --format json as \
            JSON; --output FILE writes to a file (CSV unless --format json) with mode 0600, and the \
            export is logged in the audit log. --output - is standard output.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("import"), help: ArgumentHelp("Only the rows of this import.", valueName: "number"))
    var importID: Int64?

    @Option(help: ArgumentHelp("Output format: table, csv or json (default: table, or csv with --output).", valueName: "format"),
            transform: OutputFormat.parse)
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the rows to this file (- is standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Flag(help: "Begin a CSV with a UTF-8 byte order mark, so that Excel reads its accents right.")
    var bom = false

    @Option(parsing: .unconditional, help: "Show at most this many rows in the table (0 for all).")
    var limit = 100

    /// The format written: the one named, else CSV to a file and a table to standard output.
    private var resolvedFormat: OutputFormat { format ?? (file == nil ? .table : .csv) }

    /// The file to write; `nil` for standard output.
    private var file: String? { output == "-" ? nil : output }

    func validate() throws {
        if bom && resolvedFormat != .csv { throw ValidationError("--bom goes with --format csv") }
        if let file {
            if resolvedFormat == .table { throw ValidationError("--output writes csv or json, not a table") }
            do throws(FileWriteError) {
                try AtomicFileWriter.checkTarget(file, replace: force)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        let opened = try workspace.open()
        let rows: [StoredReject]
        do {
            rows = try opened.rejectedRows(importID: importID)
        } catch {
            throw CLIError.wrapping(error)
        }
        if resolvedFormat != .table {
            var bytes: [UInt8]
            if resolvedFormat == .json {
                bytes = Array(JSONValue.array(rows.map { row in
                    .object([
                        ("import", .int(Int(row.importID))), ("file", .string(row.fileName)), ("line", .int(row.line)),
                        ("reason", .string(row.reason)), ("fields", .array(row.fields.map(JSONValue.string))),
                    ])
                }).text.utf8)
            } else {
                var writer = CSVWriter()
                writer.append(header: ["import", "file", "line", "reason", "fields"])
                for row in rows {
                    writer.append(row: [
                        .formatted(String(row.importID)), .text(row.fileName), .formatted(String(row.line)), .text(row.reason),
                        .source(CSVWriter.sourceLine(row.fields)),
                    ])
                }
                bytes = bom ? CSVWriter.byteOrderMark + writer.bytes : writer.bytes
            }
            guard let output = file else { return StandardOutput.writeData(bytes) }
            do {
                try AtomicFileWriter.write(bytes, to: output, replace: force)
                try opened.recordExport(
                    path: output, what: "rejected rows" + (importID.map { " of import \($0)" } ?? ""), filter: "",
                    rows: rows.count, attribution: WorkspaceOptions.attribution)
            } catch {
                throw CLIError.usage("\(error)")
            }
            printError("wrote \(rows.count) rejected row\(rows.count == 1 ? "" : "s") to \(output)")
            return
        }
        guard !rows.isEmpty else {
            print("no rejected rows" + (importID.map { " in import \($0)" } ?? ""))
            return
        }
        var table = TextTable(header: ["import", "file", "line", "reason"], rightAligned: [0, 2])
        table.maximumWidth = 100
        let shown = limit > 0 ? Array(rows.prefix(limit)) : rows
        for row in shown { table.append([String(row.importID), row.fileName, String(row.line), row.reason]) }
        print(table.render(), terminator: "")
        print("\(rows.count) rejected row\(rows.count == 1 ? "" : "s")"
              + (shown.count < rows.count ? " (first \(shown.count) shown; --limit 0 shows all, --output FILE writes them)" : ""))
    }
}
