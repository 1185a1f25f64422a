/// Chooses which counts of a table to hide so that none of the hidden ones can be worked out
/// from the published ones.
///
/// The table is a list of counts and a list of lines: linear relations that the published
/// figures reveal (a column's counts sum to its total; a row's parts sum to its whole). Hidden
/// counts are the unknowns. A hidden count can be worked out exactly when its unit vector lies
/// in the row space of the lines restricted to the unknowns; this is checked by Gaussian
/// elimination (reduced row echelon form).
///
/// The rule: every count from 1 to `threshold - 1` is hidden (primary suppression). Then, while
/// any hidden count can be worked out, for each such count the smallest published non-zero
/// count sharing a line with it is hidden too (secondary suppression; a zero only when no
/// non-zero is left). Each round hides at least one more count, so it ends; it ends only when
/// no hidden count can be worked out.
struct SuppressionSolver {
    /// One relation: the counts (by position) and their coefficients; their sum is published.
    typealias Line = [(cell: Int, coefficient: Double)]

    let values: [Int]
    let lines: [Line]

    /// The hidden counts' positions.
    func solve(threshold: Int) -> Set<Int> {
        var hidden = Set(values.indices.filter { values[$0] >= 1 && values[$0] < threshold })
        var linesOf = [[Int]](repeating: [], count: values.count)
        for (l, line) in lines.enumerated() {
            for term in line { linesOf[term.cell].append(l) }
        }
        while true {
            let exposed = derivable(hidden)
            guard !exposed.isEmpty else { return hidden }
            var added = false
            for cell in exposed.sorted() {
                var best: Int?
                for l in linesOf[cell] {
                    for term in lines[l] where !hidden.contains(term.cell) {
                        guard let current = best else {
                            best = term.cell
                            continue
                        }
                        if Self.preferred(values[term.cell], over: values[current]) { best = term.cell }
                    }
                }
                if let best, hidden.insert(best).inserted { added = true }
            }
            // Every line of every exposed count is hidden already: nothing more can help.
            if !added { return hidden }
        }
    }

    /// Non-zero before zero; smaller before larger.
    private static func preferred(_ a: Int, over b: Int) -> Bool {
        if (a == 0) != (b == 0) { return b == 0 }
        return a < b
    }

    /// The hidden counts that the published figures determine exactly.
    func derivable(_ hidden: Set<Int>) -> Set<Int> {
        let unknowns = hidden.sorted()
        guard !unknowns.isEmpty else { return [] }
        var column: [Int: Int] = [:]
        for (k, cell) in unknowns.enumerated() { column[cell] = k }
        var matrix: [[Double]] = []
        for line in lines {
            var row = [Double](repeating: 0, count: unknowns.count)
            var any = false
            for term in line {
                if let k = column[term.cell] {
                    row[k] += term.coefficient
                    any = true
                }
            }
            if any { matrix.append(row) }
        }
        let pivots = Self.reduce(&matrix, columns: unknowns.count)
        var result = Set<Int>()
        let pivotColumns = Set(pivots.map(\.column))
        for (row, col) in pivots {
            let alone = (0..<unknowns.count).allSatisfy { c in c == col || pivotColumns.contains(c) || abs(matrix[row][c]) < 1e-9 }
            if alone { result.insert(unknowns[col]) }
        }
        return result
    }

    /// Reduces `matrix` to reduced row echelon form in place; returns the pivots.
    static func reduce(_ matrix: inout [[Double]], columns: Int) -> [(row: Int, column: Int)] {
        var pivots: [(Int, Int)] = []
        var r = 0
        for c in 0..<columns where r < matrix.count {
            guard let p = (r..<matrix.count).max(by: { abs(matrix[$0][c]) < abs(matrix[$1][c]) }),
                  abs(matrix[p][c]) > 1e-9 else { continue }
            matrix.swapAt(r, p)
            let scale = matrix[r][c]
            for j in c..<columns { matrix[r][j] /= scale }
            for i in 0..<matrix.count where i != r && abs(matrix[i][c]) > 1e-9 {
                let factor = matrix[i][c]
                for j in c..<columns { matrix[i][j] -= factor * matrix[r][j] }
            }
            pivots.append((r, c))
            r += 1
        }
        return pivots
    }
}
