import ArgumentParser
import IncidentModel

/// `mfc quality`: what the figures rest on. Per file (or per file of each workspace import) the
/// rows read, accepted and rejected, the warnings by kind and the rejected rows; then how much
/// linked, what could not be resolved, and what makes the figures partial.
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Rows read, accepted and rejected, warnings, links and what could not be resolved.",
        discussion: """
            Reads the native files in DIR, else the workspace, else the sample data. Rejected rows \
            are listed with their line, column and reason; a value is shown with control \
            characters made visible, and the values of personal fields (names, dates of birth, \
            addresses, postcodes) are described, never shown. The dashboard's Quality view (8) \
            shows the same.
            """
    )

    @Argument(help: "Data folder or files (default: the workspace if there is one, else the synthetic sample data).")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let loaded = try DataSource.load(
            paths, workspace: workspace, linker: linking.incidentLinker, sourceRecords: false, quiet: progress.quiet)
        let quality = try loaded.quality()
        StandardOutput.writeData(Array(Self.text(quality).utf8))
    }

    /// The report as text: the sources' table, each source's warnings by kind and rejected rows,
    /// the linkage, and the notice.
    static func text(_ quality: QualityReport) -> String {
        var table = TextTable(header: ["source", "read", "accepted", "rejected", "warnings"], rightAligned: [1, 2, 3, 4])
        table.maximumWidth = 48
        for source in quality.sources {
            table.append([source.name, grouped(source.rowsRead), grouped(source.accepted), grouped(source.rejected),
                          grouped(source.warnings)])
        }
        var out = table.render()
        for source in quality.sources where !source.warningKinds.isEmpty {
            out += "\nwarnings in \(source.name):\n"
            var kinds = TextTable(header: ["count", "kind"], rightAligned: [0])
            kinds.maximumWidth = 100
            for kind in source.warningKinds { kinds.append([grouped(kind.count), kind.kind]) }
            out += kinds.render()
        }
        for source in quality.sources where !source.rejects.isEmpty {
            out += "\nrejected rows of \(source.name):\n"
            var rejects = TextTable(header: ["line", "column", "reason", "value"], rightAligned: [0])
            rejects.maximumWidth = 100
            for reject in source.rejects {
                rejects.append([String(reject.line), reject.columnText, reject.reason, reject.value ?? ""])
            }
            out += rejects.render()
        }
        out += "\n" + quality.linkage.lines.joined(separator: "\n") + "\n"
        out += (quality.gaps.notice ?? "the figures rest on every row read, with every side linked and placed") + "\n"
        return out
    }
}
