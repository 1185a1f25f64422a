/// A report as a table: the one form that the command line prints, CSV and JSON write and
/// the dashboard draws, so a figure reads the same everywhere.
///
/// Each row may carry the filter that selects exactly its incidents (``ReportRow/drill``):
/// applied to the combined incidents it lists the rows behind the row's `incidents` count.
public struct ReportTable: Sendable {
    /// The report's name on the command line (`authorities`).
    public var name: String
    /// A title for screens: "Authorities scorecard · 2023-07-01 to 2024-06-30".
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [ReportRow]
    /// The total over every row, when the report has one; its additive counts are the sums
    /// of the rows'.
    public var total: ReportRow?
    /// Count columns that add up across a row: the parts' sum is the whole (both + police
    /// only + LA only = incidents).
    public var partitions: [Partition]

    /// Count columns whose values add up to another count column in every row.
    public struct Partition: Hashable, Sendable {
        public var parts: [Int]
        public var whole: Int
        public init(parts: [Int], whole: Int) {
            self.parts = parts
            self.whole = whole
        }
    }

    public init(name: String, title: String, columns: [ReportColumn], rows: [ReportRow], total: ReportRow? = nil,
                partitions: [Partition] = []) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.total = total
        self.partitions = partitions
    }

    /// The rows, then the total.
    public var allRows: [ReportRow] { rows + (total.map { [$0] } ?? []) }

    /// The table with its rows in `order` (positions into ``rows``, each once; the total stays
    /// last), as a screen sorted them: an export follows the order on screen.
    public func reordered(_ order: [Int]) -> ReportTable {
        guard order.count == rows.count, Set(order) == Set(rows.indices) else { return self }
        var table = self
        table.rows = order.map { rows[$0] }
        return table
    }

    /// The position of the column named `name`.
    public func column(named name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

/// A column of a report table.
public struct ReportColumn: Hashable, Sendable {
    /// The name in CSV and JSON (`incidents_per_child`).
    public var name: String
    /// The header on screen (`Inc/child`).
    public var title: String
    public var kind: Kind
    /// Terminal columns the dashboard gives it.
    public var width: Int
    /// For numbers derived from counts: the count columns they are computed from, so that a
    /// rate is hidden when a count behind it is suppressed.
    public var derivedFrom: [Int]

    public enum Kind: Hashable, Sendable {
        /// Words: a name, a code, a flag.
        case text
        /// A count that adds up over the rows to the total's.
        case count
        /// A count that does not add up over the rows (children, who may count in two rows).
        case distinctCount
        /// A number with this many decimals.
        case number(decimals: Int)
        /// Twelve monthly counts, drawn as a sparkline.
        case series
        /// Counts drawn as one stacked bar (both, police only, LA only).
        case bar
    }

    public init(_ name: String, _ title: String, _ kind: Kind, width: Int, derivedFrom: [Int] = []) {
        self.name = name
        self.title = title
        self.kind = kind
        self.width = width
        self.derivedFrom = derivedFrom
    }

    /// Whether values align right (every kind but text).
    public var alignsRight: Bool { kind != .text }

    /// Whether the column holds counts (subject to suppression).
    public var isCount: Bool { kind == .count || kind == .distinctCount }
}

/// One row of a report table.
public struct ReportRow: Sendable {
    public var values: [ReportValue]
    /// The filter selecting the row's incidents; `nil` when none can (an unknown authority).
    public var drill: IncidentFilter?
    /// Whether a flag marks the row (a watched home, a bottom-quarter authority).
    public var isFlagged: Bool
    /// Filters for single cells, by column, where a cell counts fewer incidents than the row
    /// (a cell of the out-of-area matrix: one responsible and one host authority).
    public var cellDrills: [Int: IncidentFilter]

    public init(values: [ReportValue], drill: IncidentFilter? = nil, isFlagged: Bool = false, cellDrills: [Int: IncidentFilter] = [:]) {
        self.values = values
        self.drill = drill
        self.isFlagged = isFlagged
        self.cellDrills = cellDrills
    }

    /// The filter selecting the incidents behind the cell in `column`: the cell's own, else
    /// the row's.
    public func drill(at column: Int) -> IncidentFilter? { cellDrills[column] ?? drill }
}

/// A cell of a report table.
public enum ReportValue: Hashable, Sendable {
    case text(String)
    case count(Int)
    /// A number; `nil` when it cannot be computed (a rate over nothing), shown as `-`; see
    /// ``unknown`` for a figure whose inputs lack the field.
    case number(Double?)
    /// Monthly counts, oldest first.
    case series([Int])
    /// Counts of one stacked bar.
    case bar([Int])
    /// A figure whose inputs lack the field (no source recorded it: return interviews and CSE
    /// in an SSDA903 return, the risk of incidents the police never graded): `n/a` on screen,
    /// blank in CSV, `null` in JSON. Never shown as 0.
    case unknown

    /// The text of ``unknown`` on screen.
    public static let unknownText = "n/a"

    /// The value as text: counts as digits, numbers to `decimals` places, series joined by `;`.
    public func text(decimals: Int = 1) -> String {
        switch self {
        case let .text(value): value
        case let .count(value): String(value)
        case let .number(value): value.map { ReportValue.fixed($0, decimals) } ?? "-"
        case let .series(values), let .bar(values): values.map(String.init).joined(separator: ";")
        case .unknown: Self.unknownText
        }
    }

    /// A number that orders rows by this value (`nil` for text).
    public var sortKey: Double? {
        switch self {
        case .text: nil
        case let .count(value): Double(value)
        case let .number(value): value ?? -1
        case let .series(values), let .bar(values): Double(values.reduce(0, +))
        case .unknown: -1
        }
    }

    /// `value` rounded half away from zero to `decimals` places, without Foundation.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let unit = Int(scale)
        return sign + "\(scaled / unit)." + pad(scaled % unit, decimals)
    }
}
