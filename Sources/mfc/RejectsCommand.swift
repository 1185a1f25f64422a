import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc rejects`: the rejected rows kept by imports, with their reasons.
struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects",
        abstract: "List the rows that imports rejected, with file, line and reason.",
        discussion: """
            --output writes them as CSV (import, file, line, reason, fields) with mode 0600; the \
            export is logged in the audit log.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("import"), help: ArgumentHelp("Only the rows of this import.", valueName: "number"))
    var importID: Int64?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the rows to this CSV file.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: "Show at most this many rows (0 for all).")
    var limit = 100

    func run() throws {
        let opened = try workspace.open()
        let rows: [StoredReject]
        do {
            rows = try opened.rejectedRows(importID: importID)
        } catch {
            throw CLIError.wrapping(error)
        }
        if let output {
            var writer = CSVWriter()
            writer.append(header: ["import", "file", "line", "reason", "fields"])
            for row in rows {
                writer.append(row: [
                    .formatted(String(row.importID)), .text(row.fileName), .formatted(String(row.line)), .text(row.reason),
                    .source(CSVWriter.sourceLine(row.fields)),
                ])
            }
            do {
                try AtomicFileWriter.write(writer.bytes, to: output, replace: force)
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
