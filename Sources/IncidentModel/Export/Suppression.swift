/// Why a suppression threshold cannot be used.
public enum SuppressionError: Error, Hashable, Sendable, CustomStringConvertible {
    case threshold(Int)

    public var description: String {
        switch self {
        case let .threshold(n): "--suppress \(n): the threshold must be 2 or more (counts from 1 to N-1 are hidden)"
        }
    }
}

/// Statistical disclosure control for shared aggregate tables, as DfE publications do it:
/// counts from 1 to `threshold - 1` are shown as `c`, with secondary suppression so that no
/// `c` can be worked out from a row's or a column's total (see ``SuppressionSolver``).
public struct Suppression: Hashable, Sendable {
    public let threshold: Int

    /// A rule hiding counts from 1 to `threshold - 1`; the threshold must be at least 2.
    public init(threshold: Int) throws(SuppressionError) {
        guard threshold >= 2 else { throw .threshold(threshold) }
        self.threshold = threshold
    }

    /// The rule in words, for the first comment line of an export.
    public var rule: String {
        "suppressed: counts from 1 to \(threshold - 1) are shown as c; further counts are shown as c so that "
            + "no c can be worked out from the totals; rates computed from a c are shown as c; monthly series are left out"
    }

    /// The table with monthly series and bars left out, and the cells to show as `c`.
    public func apply(to table: ReportTable) -> SuppressedTable {
        var table = table
        let kept = table.columns.indices.filter { table.columns[$0].kind != .series && table.columns[$0].kind != .bar }
        var remap: [Int: Int] = [:]
        for (new, old) in kept.enumerated() { remap[old] = new }
        table.columns = kept.map { old in
            var column = table.columns[old]
            column.derivedFrom = column.derivedFrom.compactMap { remap[$0] }
            return column
        }
        func keep(_ row: ReportRow) -> ReportRow {
            var row = row
            row.values = kept.map { row.values[$0] }
            return row
        }
        table.rows = table.rows.map(keep)
        table.total = table.total.map(keep)
        table.partitions = table.partitions.compactMap { p in
            guard let whole = remap[p.whole] else { return nil }
            return ReportTable.Partition(parts: p.parts.compactMap { remap[$0] }, whole: whole)
        }
        return SuppressedTable(table: table, hidden: hiddenCells(table), rule: rule)
    }

    /// The cells to hide: counts by the solver, then numbers derived from a hidden count.
    func hiddenCells(_ table: ReportTable) -> Set<CellPosition> {
        let rows = table.allRows
        let countColumns = table.columns.indices.filter { table.columns[$0].isCount }
        var position: [CellPosition: Int] = [:]
        var cells: [CellPosition] = []
        var values: [Int] = []
        for (r, row) in rows.enumerated() {
            for c in countColumns {
                guard case let .count(n) = row.values[c] else { continue }
                position[CellPosition(row: r, column: c)] = cells.count
                cells.append(CellPosition(row: r, column: c))
                values.append(n)
            }
        }
        var lines: [SuppressionSolver.Line] = []
        if table.total != nil {
            let totalRow = rows.count - 1
            for c in countColumns {
                guard let total = position[CellPosition(row: totalRow, column: c)] else { continue }
                var line: SuppressionSolver.Line = [(total, -1)]
                for r in 0..<totalRow {
                    if let k = position[CellPosition(row: r, column: c)] { line.append((k, 1)) }
                }
                lines.append(line)
            }
        }
        for partition in table.partitions {
            for r in rows.indices {
                guard let whole = position[CellPosition(row: r, column: partition.whole)] else { continue }
                var line: SuppressionSolver.Line = [(whole, -1)]
                for c in partition.parts {
                    if let k = position[CellPosition(row: r, column: c)] { line.append((k, 1)) }
                }
                lines.append(line)
            }
        }
        let solved = SuppressionSolver(values: values, lines: lines).solve(threshold: threshold)
        var hidden = Set(solved.map { cells[$0] })
        for (c, column) in table.columns.enumerated() where !column.derivedFrom.isEmpty {
            for r in rows.indices where column.derivedFrom.contains(where: { hidden.contains(CellPosition(row: r, column: $0)) }) {
                hidden.insert(CellPosition(row: r, column: c))
            }
        }
        return hidden
    }
}

/// A cell of a report table: the row (in ``ReportTable/allRows``, the total last) and column.
public struct CellPosition: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A report table ready to share: the cells in ``hidden`` are shown as `c`.
public struct SuppressedTable: Sendable {
    public let table: ReportTable
    public let hidden: Set<CellPosition>
    /// The rule used, in words; `nil` when nothing was suppressed.
    public let rule: String?

    public init(table: ReportTable, hidden: Set<CellPosition>, rule: String?) {
        self.table = table
        self.hidden = hidden
        self.rule = rule
    }

    /// The table shared as it is.
    public init(unsuppressed table: ReportTable) {
        self.init(table: table, hidden: [], rule: nil)
    }

    /// The text of a cell: `c` when hidden.
    public func text(row: Int, column: Int) -> String {
        if hidden.contains(CellPosition(row: row, column: column)) { return "c" }
        let decimals: Int
        if case let .number(d) = table.columns[column].kind { decimals = d } else { decimals = 1 }
        return table.allRows[row].values[column].text(decimals: decimals)
    }
}
