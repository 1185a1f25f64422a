/// A police extract's header matched through a ``PoliceMapping``: each field's column found
/// by name (without regard to case, spacing or punctuation), up to ten title rows passed over.
struct MappedHeader: HeaderMatching {
    let mapping: PoliceMapping

    var titleRows: Int { 10 }

    func isHeader(_ row: [String]) -> Bool {
        let names = Set(row.map(HeaderMatch.fold))
        return !mapping.columns.isEmpty && mapping.columns.values.allSatisfy { names.contains(HeaderMatch.fold($0)) }
    }

    func match(_ header: [String], columns: [ColumnSpec], file: String) -> HeaderMatch {
        let folded = header.map(HeaderMatch.fold)
        var firstIndex: [String: Int] = [:]
        var repeated: [String] = []
        for (i, name) in folded.enumerated() where !name.isEmpty {
            if firstIndex[name] == nil { firstIndex[name] = i } else { repeated.append(header[i]) }
        }
        var context = DecodingContext()
        var positions: [Int?] = []
        var absent: [String] = []
        for spec in columns {
            let column = mapping.columns[spec.name]
            let position = column.flatMap { firstIndex[HeaderMatch.fold($0)] }
            if let column, position == nil {
                let line = mapping.line(of: "columns.\(spec.name)").map { ":\($0)" } ?? ""
                absent.append("\(spec.name) -> \"\(TextSanitiser.visible(column, limit: 30))\" (\(mapping.file)\(line))")
            }
            positions.append(position)
            context.columnNames.append(position.map { header[$0] } ?? spec.name)
            context.valueMaps.append(Dictionary(
                (mapping.values[spec.name] ?? [:]).map { (ValueMapKey.fold($0.key), $0.value) },
                uniquingKeysWith: { first, _ in first }))
            context.dateStyles.append(mapping.styles(of: spec.name))
        }
        let used = Set(positions.compactMap { $0 })
        var reportColumns = folded
        for (spec, position) in zip(columns, positions) {
            if let position { reportColumns[position] = spec.name }
        }
        var result = HeaderMatch(
            positions: positions, context: context,
            unknown: header.indices.filter { !used.contains($0) && !folded[$0].isEmpty }.map { header[$0] },
            unknownMessage: "not named in the mapping; ignored", repeated: repeated, reportColumns: reportColumns)
        let unmapped = columns.filter { $0.required && mapping.columns[$0.name] == nil }.map(\.name)
        if !unmapped.isEmpty {
            result.problem = Diagnostic(
                severity: .error, file: file,
                message: "required field\(unmapped.count == 1 ? "" : "s") \(unmapped.joined(separator: ", ")) not mapped in \(mapping.file)",
                expected: "a [columns] entry for each of \(unmapped.joined(separator: ", ")) naming one of the file's columns; \(HeaderMatch.found(header, positions: positions))")
        } else if !absent.isEmpty {
            result.problem = Diagnostic(
                severity: .error, file: file,
                message: "the mapping names column\(absent.count == 1 ? "" : "s") the header lacks: \(absent.joined(separator: ", "))",
                expected: "columns the file has; \(HeaderMatch.found(header, positions: positions))")
        }
        return result
    }
}
