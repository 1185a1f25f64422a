import ArgumentParser
import IncidentModel

/// The formats a listing can be written in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Where a command's result goes: standard output, or a file written atomically with mode 0600
/// and logged in the workspace's audit log.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    /// Writes `bytes` to the output file, with what it holds in `NAME.meta` beside it (then logs
    /// the export and says what was written), or to standard output (control characters made
    /// visible when it is a terminal; a CSV's suppression rule, which is not in the CSV, goes
    /// to standard error).
    func deliver(
        _ bytes: [UInt8], loaded: DataSource.Loaded, what: String, filter: IncidentFilter, rows: Int, written: String,
        metadata: ExportMetadata
    ) throws {
        guard let output else {
            StandardOutput.writeData(bytes)
            if format == .csv, let rule = metadata.suppression { printError(rule) }
            return
        }
        let described = try loaded.completing(metadata)
        do {
            try AtomicFileWriter.write(bytes, to: output, replace: force)
            try described.write(beside: output, zone: loaded.catalogue.formatter.zone)
        } catch {
            throw CLIError.usage(error.description)
        }
        // Every export is logged in the workspace's audit log (ids, filter and count only).
        try ExportAudit.record(loaded, path: output, what: "\(what) as \(format.rawValue)", filter: filter, rows: rows)
        printError("wrote \(written) to \(output), and what it holds to \(ExportMetadata.path(beside: output))")
    }
}
