import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc audit`: the append-only log of imports, exports, decisions and purges.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the audit log: imports, exports, decisions and purges, with time and user.",
        discussion: """
            The log can only grow: SQLite refuses to change or delete its rows. It holds ids, \
            paths and counts, never a person's data. Times are Europe/London.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(parsing: .unconditional, help: "Show only the most recent entries (0 for all).")
    var limit = 0

    @Option(help: ArgumentHelp("Only entries of this action: init, import, export, decision, purge.", valueName: "action"))
    var action: [String] = []

    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "format"), transform: OutputFormat.parse)
    var format: OutputFormat = .table

    @Flag(help: "The same as --format csv.")
    var csv = false

    func validate() throws {
        if csv && format == .json { throw ValidationError("--csv and --format json disagree; say --format only") }
    }

    func run() throws {
        let opened = try workspace.open()
        var actions = Set<AuditEntry.Action>()
        for text in action {
            guard let value = AuditEntry.Action(rawValue: text.lowercased()) else {
                throw ValidationError("--action \"\(TextSanitiser.visible(text, limit: 20))\" is not an action; expected \(AuditEntry.Action.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            actions.insert(value)
        }
        let entries: [AuditEntry]
        do {
            entries = try opened.auditLog(limit: limit > 0 ? limit : nil, actions: actions)
        } catch {
            throw CLIError.wrapping(error)
        }
        let formatter = TimestampFormatter(zone: .europeLondon)
        let header = ["entry", "time", "user", "action", "rows", "path", "detail"]
        let rows = entries.map { entry in
            [String(entry.id), formatter.string(entry.at), entry.user, entry.action.rawValue,
             entry.rows.map(String.init) ?? "", entry.path ?? "", entry.detail]
        }
        if format == .json {
            let value = JSONValue.array(entries.map { entry in
                .object([
                    ("entry", .int(Int(entry.id))), ("time", .string(formatter.string(entry.at))), ("user", .string(entry.user)),
                    ("action", .string(entry.action.rawValue)), ("rows", .int(entry.rows)), ("path", .string(entry.path)),
                    ("detail", .string(entry.detail)),
                ])
            })
            return StandardOutput.writeData(Array(value.text.utf8))
        }
        if csv || format == .csv {
            var writer = CSVWriter()
            writer.append(header: header)
            for row in rows { writer.append(row: row.map(CSVCell.text)) }
            StandardOutput.writeData(writer.bytes)
            return
        }
        var table = TextTable(header: header, rightAligned: [0, 4])
        table.maximumWidth = 1000
        for row in rows { table.append(row) }
        print(table.render(), terminator: "")
    }
}
