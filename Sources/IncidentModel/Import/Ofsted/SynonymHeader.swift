/// A header whose columns go by several names (Ofsted's list over the years): each schema
/// column matches the first header whose folded name is one of its synonyms. Up to ten title
/// rows above the header are passed over; a row is the header when it names every required
/// column.
struct SynonymHeader: HeaderMatching {
    /// One schema column's names.
    struct Names: Sendable {
        /// The usual name, for messages (`Setting Name`).
        let display: String
        /// Every name it goes by, folded by ``HeaderMatch/fold(_:)``.
        let folded: Set<String>

        init(_ display: String, _ others: String...) {
            self.display = display
            folded = Set(([display] + others).map(HeaderMatch.fold))
        }
    }

    /// The decoder's columns, and each one's names (parallel).
    let columns: [ColumnSpec]
    let names: [Names]
    /// The authorities, for a decoder that looks up the host authority by name.
    var authorities: AuthorityNames?

    var titleRows: Int { 10 }

    func isHeader(_ row: [String]) -> Bool {
        let found = Set(row.map(HeaderMatch.fold))
        return zip(columns, names).allSatisfy { spec, names in !spec.required || !names.folded.isDisjoint(with: found) }
    }

    func match(_ header: [String], columns: [ColumnSpec], file: String) -> HeaderMatch {
        let folded = header.map(HeaderMatch.fold)
        var positions: [Int?] = []
        var taken = Set<Int>()
        var repeated: [String] = []
        for column in names {
            let matching = folded.indices.filter { !taken.contains($0) && column.folded.contains(folded[$0]) }
            if let first = matching.first { taken.insert(first) }
            repeated += matching.dropFirst().map { header[$0] }
            taken.formUnion(matching)
            positions.append(matching.first)
        }
        var context = DecodingContext()
        context.columnNames = zip(names, positions).map { names, position in position.map { header[$0] } ?? names.display }
        context.authorities = authorities
        var reportColumns = folded
        for (spec, position) in zip(columns, positions) {
            if let position { reportColumns[position] = spec.name }
        }
        var result = HeaderMatch(
            positions: positions, context: context,
            unknown: header.indices.filter { !taken.contains($0) && !folded[$0].isEmpty }.map { header[$0] },
            repeated: repeated, reportColumns: reportColumns)
        let missing = columns.indices.filter { columns[$0].required && positions[$0] == nil }.map { names[$0].display }
        if !missing.isEmpty {
            let required = columns.indices.filter { columns[$0].required }.map { names[$0].display }
            result.problem = Diagnostic(
                severity: .error, file: file,
                message: "required column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) missing",
                expected: "a header naming \(required.joined(separator: ", ")) (any case, in any order); \(HeaderMatch.found(header, positions: positions))")
        }
        return result
    }
}
