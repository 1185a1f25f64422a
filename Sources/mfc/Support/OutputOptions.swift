import ArgumentParser
import IncidentModel

/// Where a command's result goes: standard output, or a file written atomically with mode 0600
/// and logged in the workspace's audit log.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "format"), transform: OutputFormat.parse)
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (- is standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Flag(help: "Begin a CSV with a UTF-8 byte order mark, so that Excel reads its accents right.")
    var bom = false

    /// The file to write, or `nil` for standard output (none named, or `-`).
    var file: String? { output == "-" ? nil : output }

    /// Checks the options before any data are read: `--bom` goes with CSV, and the output
    /// file's folder must exist and the file must not be a folder.
    func check() throws {
        if bom && format != .csv { throw ValidationError("--bom goes with --format csv") }
        if let file {
            do throws(FileWriteError) {
                try AtomicFileWriter.checkTarget(file, replace: force)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// The bytes of a CSV with the byte order mark when `--bom` is given.
    func marked(_ bytes: [UInt8]) -> [UInt8] {
        bom && format == .csv ? CSVWriter.byteOrderMark + bytes : bytes
    }

    /// Writes `bytes` to the output file, with what it holds in `NAME.meta` beside it (then logs
    /// the export and says what was written), or to standard output (control characters made
    /// visible when it is a terminal; a CSV's suppression rule, which is not in the CSV, goes
    /// to standard error).
    func deliver(
        _ bytes: [UInt8], loaded: DataSource.Loaded, what: String, filter: IncidentFilter, rows: Int, written: String,
        metadata: ExportMetadata
    ) throws {
        let bytes = marked(bytes)
        guard let output = file else {
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
