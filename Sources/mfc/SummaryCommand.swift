import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc summary`: what was read, and what it combined into.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Rows read per file, incidents by provenance, children, homes and authorities.",
        discussion: "--format json writes the same figures as JSON, counts as numbers."
    )

    @Argument(help: "Data folder or files (default: the workspace if there is one, else the synthetic sample data).")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @Option(help: ArgumentHelp("Output format: table or json.", valueName: "format"), transform: OutputFormat.parse)
    var format: OutputFormat = .table

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv: summary writes table or json") }
    }

    func run() throws {
        let loaded = try DataSource.load(paths, workspace: workspace, linker: linking.incidentLinker, quiet: progress.quiet)
        let (linked, catalogue) = (loaded.linked, loaded.catalogue)
        let notice = try loaded.noticeIfPartial()
        if format == .json {
            let value = try Self.json(loaded, partial: notice)
            return StandardOutput.writeData(Array(value.text.utf8))
        }
        if let workspace = loaded.workspace {
            print("workspace \(workspace.path)")
            print(try Self.importsTable(workspace, formatter: catalogue.formatter))
        } else {
            print(ValidateCommand.summaryTable(linked.dataset.reports))
        }
        let incidents = linked.incidents
        var table = TextTable(header: ["incidents", "count", "share"], rightAligned: [1, 2])
        for provenance in Provenance.allCases {
            let count = incidents.count { $0.provenance == provenance }
            table.append([provenance.label, String(count), Self.percent(count, of: incidents.count)])
        }
        table.append(["all", String(incidents.count), Self.percent(incidents.count, of: incidents.count)])
        let ongoing = StillMissing.count(incidents)
        table.append(["still missing", String(ongoing), Self.percent(ongoing, of: incidents.count)])
        print(table.render())
        let children = Set(incidents.compactMap(\.child)).count
        let dataset = linked.dataset
        var counts = TextTable(header: ["register", "count"], rightAligned: [1])
        counts.append(["children in children.csv", String(dataset.children.count)])
        counts.append(["children with an incident", String(children)])
        counts.append(["homes", String(dataset.homes.count)])
        counts.append(["authorities", String(dataset.authorities.count)])
        counts.append(["police forces", String(dataset.forces.count)])
        counts.append(["LA episodes", String(dataset.episodes.count)])
        counts.append(["police reports", String(dataset.policeReports.count)])
        print(counts.render(), terminator: "")
        if let first = incidents.first, let last = incidents.map(\.start).max() {
            print("incidents start between \(catalogue.formatter.string(first.start)) and \(catalogue.formatter.string(last))")
        }
    }

    /// The summary as JSON: the source, its files (or imports), incidents by provenance, the
    /// registers' counts and the span of the incidents' starts.
    static func json(_ loaded: DataSource.Loaded, partial: String?) throws -> JSONValue {
        let incidents = loaded.linked.incidents
        let dataset = loaded.linked.dataset
        let formatter = loaded.catalogue.formatter
        var byProvenance: [(String, JSONValue)] = Provenance.allCases.map { provenance in
            (provenance == .both ? "both" : provenance == .policeOnly ? "police_only" : "la_only",
             .int(incidents.count { $0.provenance == provenance }))
        }
        byProvenance += [("all", .int(incidents.count)), ("still_missing", .int(StillMissing.count(incidents)))]
        var files: [(String, JSONValue)] = [("source", .string(loaded.origin)), ("sample_data", .bool(loaded.isSampleData))]
        if let workspace = loaded.workspace {
            let imports: [ImportRecord]
            do {
                imports = try workspace.imports()
            } catch {
                throw CLIError.wrapping(error)
            }
            files.append(("imports", .array(imports.flatMap { record in
                record.files.map { file in
                    JSONValue.object([
                        ("import", .int(Int(record.id))), ("time", .string(formatter.string(record.importedAt))),
                        ("user", .string(record.user)), ("file", .string(file.fileName)), ("read", .int(file.rowsRead)),
                        ("accepted", .int(file.accepted)), ("rejected", .int(file.rejected)), ("new", .int(file.inserted)),
                        ("updated", .int(file.updated)),
                    ])
                }
            })))
        } else {
            files.append(("files", ValidateCommand.json(dataset.reports).field("files")))
        }
        let starts = incidents.map(\.start)
        return .object(files + [
            ("partial", .string(partial)),
            ("incidents", .object(byProvenance)),
            ("registers", .object([
                ("children", .int(dataset.children.count)),
                ("children_with_an_incident", .int(Set(incidents.compactMap(\.child)).count)),
                ("homes", .int(dataset.homes.count)), ("authorities", .int(dataset.authorities.count)),
                ("police_forces", .int(dataset.forces.count)), ("la_episodes", .int(dataset.episodes.count)),
                ("police_reports", .int(dataset.policeReports.count)),
            ])),
            ("first_start", .string(starts.min().map(formatter.string))),
            ("last_start", .string(starts.max().map(formatter.string))),
        ])
    }

    /// Each import's files: rows read, accepted, rejected, and what they changed.
    static func importsTable(_ workspace: Workspace, formatter: TimestampFormatter) throws -> String {
        var table = TextTable(
            header: ["import", "time", "user", "file", "read", "accepted", "rejected", "new", "updated"],
            rightAligned: [0, 4, 5, 6, 7, 8])
        let imports: [ImportRecord]
        do {
            imports = try workspace.imports()
        } catch {
            throw CLIError.wrapping(error)
        }
        for record in imports {
            for file in record.files {
                table.append([String(record.id), formatter.string(record.importedAt), record.user, file.fileName,
                              String(file.rowsRead), String(file.accepted), String(file.rejected), String(file.inserted),
                              String(file.updated)])
            }
        }
        return table.render()
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "-" }
        let tenths = Int((Double(part) * 1000 / Double(whole)).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
