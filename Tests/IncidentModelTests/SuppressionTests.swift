import Testing
@testable import IncidentModel

/// Suppression on random tables with row and column totals: every small count is `c`, and no
/// `c` can be worked out from the published figures. The second is shown independently of the
/// solver: for each hidden cell, a cycle of hidden cells through it gives another table with
/// the same published figures (every row and column still adding up to its total, every count
/// non-negative) in which that cell differs.
struct SuppressionTests {
    /// A table of `rows` x `columns` counts with a total column (a partition) and a total row.
    static func table(_ counts: [[Int]]) -> ReportTable {
        let width = counts.first?.count ?? 0
        var columns = [ReportColumn("label", "Label", .text, width: 6)]
        for c in 0..<width { columns.append(ReportColumn("c\(c)", "C\(c)", .count, width: 4)) }
        columns.append(ReportColumn("total", "Total", .count, width: 6))
        func row(_ label: String, _ values: [Int]) -> ReportRow {
            ReportRow(values: [.text(label)] + values.map(ReportValue.count) + [.count(values.reduce(0, +))])
        }
        let totals = (0..<width).map { c in counts.reduce(0) { $0 + $1[c] } }
        return ReportTable(
            name: "random", title: "random", columns: columns, rows: counts.enumerated().map { row("r\($0.offset)", $0.element) },
            total: row("all", totals), partitions: [ReportTable.Partition(parts: Array(1...width), whole: width + 1)])
    }

    /// The augmented matrix (totals last) and its hidden positions.
    static func augmented(_ shared: SuppressedTable) -> (values: [[Int]], hidden: Set<[Int]>) {
        let rows = shared.table.allRows
        let values = rows.map { row in row.values.dropFirst().map { value -> Int in
            if case let .count(n) = value { return n }
            return 0
        } }
        let hidden = Set(shared.hidden.map { [$0.row, $0.column - 1] })
        return (values, hidden)
    }

    /// Another table agreeing with every published figure in which `cell` differs, or `nil`.
    static func alternative(to cell: [Int], values: [[Int]], hidden: Set<[Int]>) -> [[Int]]? {
        let rowCount = values.count, columnCount = values[0].count
        // Breadth-first from cell's column to cell's row through other hidden cells,
        // alternating column -> row -> column.
        var cameFrom: [String: (node: String, edge: [Int])] = [:]
        let start = "c\(cell[1])", goal = "r\(cell[0])"
        var queue = [start]
        var seen: Set<String> = [start]
        while !queue.isEmpty && cameFrom[goal] == nil {
            let node = queue.removeFirst()
            let isColumn = node.hasPrefix("c")
            let k = Int(node.dropFirst()) ?? 0
            for other in 0..<(isColumn ? rowCount : columnCount) {
                let edge = isColumn ? [other, k] : [k, other]
                guard edge != cell, hidden.contains(edge) else { continue }
                let next = isColumn ? "r\(other)" : "c\(other)"
                guard seen.insert(next).inserted else { continue }
                cameFrom[next] = (node, edge)
                queue.append(next)
            }
        }
        guard cameFrom[goal] != nil else { return nil }
        var cycle = [cell]
        var node = goal
        while node != start, let step = cameFrom[node] {
            cycle.append(step.edge)
            node = step.node
        }
        // Totals enter their lines with the opposite sign to the counts.
        func sign(_ p: [Int]) -> Int { (p[0] == rowCount - 1) != (p[1] == columnCount - 1) ? -1 : 1 }
        for direction in [1, -1] {
            var result = values
            for (k, p) in cycle.enumerated() { result[p[0]][p[1]] += direction * (k % 2 == 0 ? 1 : -1) * sign(p) }
            if result.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) { return result }
        }
        return nil
    }

    /// Whether every row's counts add up to its total and every column's to the total row's.
    static func addsUp(_ values: [[Int]]) -> Bool {
        let r = values.count - 1, c = values[0].count - 1
        let rowsOK = values.allSatisfy { $0[..<c].reduce(0, +) == $0[c] }
        let columnsOK = (0...c).allSatisfy { j in values[..<r].reduce(0) { $0 + $1[j] } == values[r][j] }
        return rowsOK && columnsOK
    }

    @Test(arguments: Array(1...60)) func randomTablesHideSmallCountsAndNoneCanBeWorkedOut(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let rows = Int.random(in: 1...6, using: &random), columns = Int.random(in: 1...5, using: &random)
        let threshold = Int.random(in: 2...10, using: &random)
        let counts = (0..<rows).map { _ in
            (0..<columns).map { _ in Bool.random(using: &random) ? Int.random(in: 0...12, using: &random) : Int.random(in: 0...60, using: &random) }
        }
        let shared = try Suppression(threshold: threshold).apply(to: Self.table(counts))
        let (values, hidden) = Self.augmented(shared)
        #expect(Self.addsUp(values))
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() where value >= 1 && value < threshold {
                #expect(hidden.contains([r, c]), "seed \(seed): \(value) at \(r),\(c) is shown")
                #expect(shared.text(row: r, column: c + 1) == "c")
            }
        }
        for cell in hidden {
            let other = try #require(Self.alternative(to: cell, values: values, hidden: hidden), "seed \(seed): \(cell) can be worked out")
            #expect(Self.addsUp(other))
            #expect(other[cell[0]][cell[1]] != values[cell[0]][cell[1]])
            for (r, row) in other.enumerated() {
                for (c, v) in row.enumerated() where !hidden.contains([r, c]) { #expect(v == values[r][c]) }
            }
        }
    }

    @Test func aLoneSmallCountInARowHidesAnotherSoTheTotalDoesNotGiveItAway() throws {
        let shared = try Suppression(threshold: 5).apply(to: Self.table([[3, 20, 30], [40, 50, 60]]))
        #expect(shared.text(row: 0, column: 1) == "c")
        #expect(shared.hidden.count >= 4)  // a rectangle at least: row and column both need a second c
        #expect(SuppressionSolver(values: [3, 20, 23], lines: [[(0, 1), (1, 1), (2, -1)]]).derivable([0]) == [0])
    }

    @Test func ratesFromAHiddenCountAreHiddenAndSeriesLeftOut() throws {
        let table = AuthorityScorecard(ReportFixture.data, scope: ReportFixture.scope).table(zone: .utc)
        let shared = try Suppression(threshold: 3).apply(to: table)
        #expect(!shared.table.columns.contains { $0.kind == .series })
        let perChild = try #require(shared.table.column(named: "incidents_per_child"))
        let children = try #require(shared.table.column(named: "children"))
        for r in shared.table.allRows.indices where shared.hidden.contains(CellPosition(row: r, column: children)) {
            #expect(shared.text(row: r, column: perChild) == "c")
        }
        let csv = String(decoding: ReportWriter.csv(shared), as: UTF8.self)
        // The rule is said beside the CSV (its metadata), not in it: the CSV is one table.
        #expect(shared.rule?.hasPrefix("suppressed: counts from 1 to 2 are shown as c;") == true)
        #expect(csv.hasPrefix("authority_code,"))
        #expect(csv.contains(",c,"))
    }

    @Test func thresholdBelowTwoIsRefused() {
        #expect(throws: SuppressionError.threshold(1)) { try Suppression(threshold: 1) }
    }
}
