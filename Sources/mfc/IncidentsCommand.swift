import ArgumentParser
import IncidentModel

/// `mfc incidents`: the combined incidents, filtered and sorted, as a table, CSV or JSON.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List the combined incidents.",
        discussion: """
            Reads the native files in DIR, else the workspace (--workspace, MFC_WORKSPACE or \
            mfc.sqlite in the current folder), else the synthetic sample data (saying so on \
            standard error); links police reports to local-authority episodes, and lists the \
            combined incidents. CSV and JSON carry the source ids (police_refs, la_episode_ids) \
            of every incident, and each time both local (start, end) and in UTC (start_utc, \
            end_utc). JSON values are typed: numbers, true/false, arrays of ids, null for \
            unknown. Files are written atomically with mode 0600; text that a spreadsheet could \
            run as a formula is prefixed with '; --bom adds the byte order mark Excel needs. \
            --output - is standard output. Every --output file is logged in the workspace's \
            audit log.
            """
    )

    @Argument(help: "Data folder or files (default: the workspace if there is one, else the synthetic sample data).")
    var paths: [String] = []

    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Sort by this column: \(IncidentColumn.allCases.map(\.name).joined(separator: ", ")).", valueName: "column"))
    var sort: IncidentColumn = .start

    @Flag(help: "Sort in descending order.")
    var descending = false

    @OptionGroup var output: OutputOptions

    @Flag(help: "Leave out names and dates of birth, and replace child ids with their HMAC-SHA256 under --key-file (csv or json).")
    var pseudonymise = false

    @Option(name: .customLong("key-file"), help: ArgumentHelp("The secret key for --pseudonymise (at least 16 bytes; never written out).", valueName: "file"))
    var keyFile: String?

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        try output.check()
        try filters.check()
    }

    func run() throws {
        let pseudonymiser = try makePseudonymiser()
        progress.progress("reading and linking the incidents…")
        let loaded = try DataSource.load(
            paths, workspace: workspace, linker: linking.incidentLinker, sourceRecords: false, quiet: progress.quiet)
        let (linked, catalogue) = (loaded.linked, loaded.catalogue)
        let notice = try loaded.noticeIfPartial()
        let filter = try filters.filter(registers: linked.registers, zone: catalogue.formatter.zone)
        let incidents = IncidentSort(column: sort, descending: descending)
            .apply(filter.apply(linked.incidents), in: catalogue)
        let exporter = IncidentExporter(catalogue: catalogue, pseudonymiser: pseudonymiser)
        progress.progress("writing \(incidents.count) incident\(incidents.count == 1 ? "" : "s")…")
        let bytes: [UInt8]
        switch output.format {
        case .csv: bytes = exporter.csv(incidents)
        case .json: bytes = Array(exporter.json(incidents).utf8)
        case .table: bytes = Array(Self.table(incidents, catalogue: catalogue).utf8)
        }
        try output.deliver(
            bytes, loaded: loaded, what: "incidents", filter: filter, rows: incidents.count,
            written: "\(incidents.count) incident\(incidents.count == 1 ? "" : "s")",
            metadata: metadata(filter: filter, rows: incidents.count, catalogue: catalogue, partial: notice, exporter: exporter))
    }

    /// What the export holds: its period and filters as given, and its order.
    private func metadata(
        filter: IncidentFilter, rows: Int, catalogue: IncidentCatalogue, partial: String?, exporter: IncidentExporter
    ) -> ExportMetadata {
        var filters = filter.descriptions(in: catalogue)
        let period = filter.from.flatMap { from in filter.to.flatMap { ReportPeriod(from: from, to: $0) } }
        if period == nil {
            if let from = filter.from { filters.append("from \(catalogue.formatter.string(from))") }
            if let to = filter.to { filters.append("before \(catalogue.formatter.string(to))") }
        }
        var metadata = ExportMetadata(
            contents: pseudonymise ? "incidents, pseudonymised (no names or dates of birth; child ids keyed)" : "incidents",
            rows: rows, period: period, filters: filters,
            sort: "\(sort.name) \(descending ? "descending" : "ascending"), ties by start then id")
        metadata.partial = partial
        if output.format != .table {
            metadata.textColumns = exporter.textColumns
            metadata.times = IncidentExporter.timesNote
        }
        return metadata
    }

    /// The keyed hash for `--pseudonymise`, checked before any data are read.
    private func makePseudonymiser() throws -> Pseudonymiser? {
        guard pseudonymise else {
            if keyFile != nil { throw ValidationError("--key-file goes with --pseudonymise") }
            return nil
        }
        guard let keyFile else { throw ValidationError("--pseudonymise needs --key-file FILE: a secret key of at least 16 bytes") }
        guard output.format != .table else { throw ValidationError("--pseudonymise writes csv or json: add --format csv or --format json") }
        do throws(PseudonymiserError) {
            return try Pseudonymiser(keyFile: keyFile)
        } catch {
            throw ValidationError(error.description)
        }
    }

    static func table(_ incidents: [CombinedIncident], catalogue: IncidentCatalogue) -> String {
        let columns: [IncidentColumn] = [
            .start, .duration, .child, .age, .home, .authority, .provenance, .risk, .returnInterview, .flags, .repeatMissing,
        ]
        var table = TextTable(header: columns.map(\.title), rightAligned: [3])
        for incident in incidents { table.append(columns.map { $0.text(incident, in: catalogue) }) }
        return table.render() + "\(incidents.count) incident\(incidents.count == 1 ? "" : "s")\n"
    }
}

extension IncidentColumn: ExpressibleByArgument {}
