import ArgumentParser
import Foundation
import IncidentModel

/// `mfc report KIND`: one of the reports of DESIGN section 6, for a period, as a table, CSV or
/// JSON, optionally with small counts suppressed for sharing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The authorities' scorecard, homes, police forces, out-of-area placements or trends.",
        discussion: """
            Incidents count in the period their start falls in: [--from, --to), by default the \
            twelve calendar months ending with the month of the latest incident. docs/figures.md \
            defines every figure. --table picks a second table of a report: forces --table homes \
            (the register of homes per force), out-of-area --table matrix or summary, trends \
            --table hours. --suppress N shows counts from 1 to N-1 as c, with secondary \
            suppression; the rule is written in the metadata beside the file (FILE.meta), or on \
            standard error when the CSV goes to standard output.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case authorities, homes, forces
        case outOfArea = "out-of-area"
        case trends
    }

    @Argument(help: "The report: authorities, homes, forces, out-of-area or trends.")
    var kind: Kind

    @Argument(help: "Data folder or files (default: the workspace if there is one, else the synthetic sample data).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("The period's first day (dd/mm/yyyy or yyyy-mm-dd).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("The day after the period (dd/mm/yyyy or yyyy-mm-dd).", valueName: "date"))
    var to: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Show counts from 1 to N-1 as c, with secondary suppression.", valueName: "N"))
    var suppress: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Homes: watch homes rated Good or Outstanding with at least N incidents.", valueName: "N"))
    var watch = HomeReport.defaultWatchThreshold

    @Option(help: ArgumentHelp("A second table: homes (forces), matrix or summary (out-of-area), hours (trends).", valueName: "name"))
    var table: String?

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        try output.check()
        try FilterOptions.checkPeriod(from: from, to: to, zone: .europeLondon)
        guard watch >= 1 else { throw ValidationError("--watch must be at least 1 (incidents in the period); the default is \(HomeReport.defaultWatchThreshold)") }
    }

    func run() throws {
        var suppression: Suppression?
        if let suppress {
            do throws(SuppressionError) {
                suppression = try Suppression(threshold: suppress)
            } catch {
                throw ValidationError(error.description)
            }
        }
        progress.progress("reading and linking the incidents…")
        let loaded = try DataSource.load(
            paths, workspace: workspace, linker: linking.incidentLinker, sourceRecords: false, quiet: progress.quiet)
        let notice = try loaded.noticeIfPartial()
        let zone = loaded.catalogue.formatter.zone
        let data = ReportData(linked: loaded.linked, zone: zone)
        let scope = ReportScope(period: try period(data, zone: zone))
        let report = try makeTable(data, scope: scope)
        let shared = suppression.map { $0.apply(to: report) } ?? SuppressedTable(unsuppressed: report)
        let bytes: [UInt8]
        switch output.format {
        case .csv: bytes = ReportWriter.csv(shared)
        case .json: bytes = Array(ReportWriter.json(shared).utf8)
        case .table: bytes = Array(Self.text(shared, glyphs: Self.terminalGlyphs()).utf8)
        }
        var metadata = ExportMetadata(
            contents: "report \(kind.rawValue)\(table.map { " --table \($0)" } ?? ""): \(report.title)",
            rows: report.allRows.count, period: scope.period, filters: [], sort: "the report's own order")
        metadata.suppression = shared.rule
        metadata.partial = notice
        try output.deliver(
            bytes, loaded: loaded, what: "report \(kind.rawValue)",
            filter: IncidentFilter(from: scope.period.from, to: scope.period.to), rows: report.rows.count,
            written: "\(report.name) (\(report.rows.count) row\(report.rows.count == 1 ? "" : "s"))", metadata: metadata)
    }

    /// `--from` and `--to`, each defaulting to the default period's.
    private func period(_ data: ReportData, zone: LocalTimeZone) throws -> ReportPeriod {
        let fallback = data.defaultPeriod
        let start = try from.map { try FilterOptions.dayStart($0, option: "--from", zone: zone) } ?? fallback?.from
        let end = try to.map { try FilterOptions.dayStart($0, option: "--to", zone: zone) } ?? fallback?.to
        guard let start, let end else { throw ValidationError("there are no incidents to report on; give --from and --to") }
        guard let period = ReportPeriod(from: start, to: end) else {
            throw ValidationError("--to must be after --from (the period is [from, to))")
        }
        return period
    }

    private func makeTable(_ data: ReportData, scope: ReportScope) throws -> ReportTable {
        let zone = data.zone
        switch (kind, table) {
        case (.authorities, nil): return AuthorityScorecard(data, scope: scope).table(zone: zone)
        case (.homes, nil): return HomeReport(data, scope: scope, watchThreshold: watch).table(zone: zone)
        case (.forces, nil): return ForceRegister(data, scope: scope).table(zone: zone)
        case (.forces, "homes"?): return ForceRegister(data, scope: scope).homesTable(zone: zone)
        case (.outOfArea, nil): return OutOfAreaMatrix(data, scope: scope).table(zone: zone)
        case (.outOfArea, "matrix"?): return OutOfAreaMatrix(data, scope: scope).matrixTable(zone: zone)
        case (.outOfArea, "summary"?): return OutOfAreaMatrix(data, scope: scope).summaryTable(zone: zone)
        case (.trends, nil): return Trends(data, scope: scope).table(zone: zone)
        case (.trends, "hours"?): return Trends(data, scope: scope).hoursTable()
        case let (_, name?):
            throw ValidationError("--table \(TextSanitiser.visible(name, limit: 20)) is not a table of \(kind.rawValue); "
                + "expected forces --table homes, out-of-area --table matrix or summary, or trends --table hours")
        }
    }

    /// The table as text: title, the rule when suppressed, the columns (series as sparklines,
    /// bars scaled to the largest row), the total last.
    static func text(_ shared: SuppressedTable, glyphs: ChartGlyphs) -> String {
        let table = shared.table
        var text = TextTable(
            header: table.columns.map(\.title),
            rightAligned: Set(table.columns.indices.filter { table.columns[$0].alignsRight && table.columns[$0].kind != .bar }))
        let barMaximum = table.rows.compactMap { row in
            row.values.lazy.compactMap { value -> Int? in
                if case let .bar(parts) = value { return parts.reduce(0, +) }
                return nil
            }.first
        }.max() ?? 0
        for (r, row) in table.allRows.enumerated() {
            text.append(table.columns.indices.map { c in
                switch row.values[c] {
                case let .series(values) where !shared.hidden.contains(CellPosition(row: r, column: c)):
                    glyphs.sparkline(values)
                case let .bar(parts): glyphs.bar(parts, maximum: barMaximum, width: 30)
                default: shared.text(row: r, column: c)
                }
            })
        }
        return table.title + "\n" + (shared.rule.map { "# \($0)\n" } ?? "") + text.render()
    }

    /// Unicode blocks when the locale is UTF-8, else ASCII.
    static func terminalGlyphs() -> ChartGlyphs {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        return locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8") ? .unicode : .ascii
    }
}
