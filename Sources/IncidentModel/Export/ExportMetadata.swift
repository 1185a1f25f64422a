/// What an exported file holds, written beside it as `NAME.meta` (plain text, one `key: value`
/// a line), so that the CSV itself stays one rectangular table: its period, filters, sort,
/// source and time of export, the suppression rule, and whether its figures are partial.
///
/// Every value is one line with control characters made visible; the file names files, codes,
/// homes and authorities, never a person.
public struct ExportMetadata: Hashable, Sendable {
    /// What the file holds: `incidents`, `report authorities`, with the report's title.
    public var contents: String
    /// Data rows written (the header aside; a report's total row counts).
    public var rows: Int
    /// The period, or `nil` when the export covers every incident whatever its start.
    public var period: ReportPeriod?
    /// The filters in words (``IncidentFilter/descriptions(in:)``); empty for none.
    public var filters: [String]
    /// The order of the rows, in words.
    public var sort: String
    /// Where the data came from: a folder or files, or a workspace and its latest import.
    public var source = ""
    /// When the file was written.
    public var exportedAt: Instant?
    /// The suppression rule used, or `nil` when nothing was suppressed.
    public var suppression: String?
    /// The notice of partial figures (``DataGaps/notice``), or `nil` when they are complete.
    public var partial: String?
    /// The columns that hold ids, to be read as text by a spreadsheet (leading zeros and long
    /// references kept); empty when the file has none.
    public var textColumns: [String] = []
    /// How the file's times are written, when it has any.
    public var times: String?

    public init(contents: String, rows: Int, period: ReportPeriod?, filters: [String], sort: String) {
        self.contents = contents
        self.rows = rows
        self.period = period
        self.filters = filters
        self.sort = sort
    }

    /// The metadata file's path for an export at `path`.
    public static func path(beside path: String) -> String { path + ".meta" }

    /// The file's text, with times and dates in `zone`.
    public func text(file: String, zone: LocalTimeZone) -> String {
        let formatter = TimestampFormatter(zone: zone)
        var lines: [(String, String)] = [
            ("file", file),
            ("contents", contents),
            ("rows", "\(rows)"),
            ("period", period.map {
                "\($0.label(zone: zone)) (incidents whose start falls from \(formatter.string($0.from)) up to, "
                    + "not including, \(formatter.string($0.to)))"
            } ?? "all incidents, whatever their start"),
            ("filters", filters.isEmpty ? "none" : filters.joined(separator: "; ")),
            ("sort", sort),
            ("source", source),
            ("exported at", exportedAt.map {
                formatter.string($0) + (zone == .utc ? " UTC" : " local time (Europe/London)")
            } ?? ""),
            ("suppression", suppression ?? "none"),
            ("completeness", partial ?? "complete: every row read was accepted, and every side linked and placed"),
            ("definitions", "docs/figures.md"),
        ]
        if !textColumns.isEmpty {
            let columns = textColumns.joined(separator: ", ")
            lines.append(("text columns", columns + " (ids: import them as Text in a spreadsheet, so that leading zeros and long references are kept)"))
        }
        if let times { lines.append(("times", times)) }
        return lines.map { "\($0.0): " + TextSanitiser.visible($0.1) }.joined(separator: "\n") + "\n"
    }

    /// Writes the metadata beside the export at `path` (mode 0600, atomically, replacing an
    /// earlier one).
    public func write(beside path: String, zone: LocalTimeZone) throws(FileWriteError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        try AtomicFileWriter.write(Array(text(file: name, zone: zone).utf8), to: Self.path(beside: path), replace: true)
    }
}
