/// Writes a starting ``PoliceMapping`` for a police extract: each field's column found by
/// matching the extract's headers to the names police systems use (``PoliceFieldSynonyms``,
/// without regard to case, spacing or punctuation), each date field's style guessed from its
/// first values, and abbreviated risk grades translated. What it cannot match is written
/// commented out with a TODO, for the analyst to finish.
public enum MappingSuggester {
    /// A suggested mapping and what it could not settle.
    public struct Suggestion: Sendable {
        /// The mapping as far as it goes (usable once every required field has a column).
        public var mapping: PoliceMapping
        /// The mapping as a commented TOML file.
        public var text: String
        /// Required fields no header matched.
        public var unmatchedRequired: [String]
        /// Optional fields no header matched (blank in every report unless mapped).
        public var unmatchedOptional: [String]
        /// The extract's columns no field took.
        public var unusedColumns: [String]
        /// Date fields whose first values no known style fits.
        public var undatedFields: [String]
        /// The extract's header as found.
        public var header: [String]
        /// The line of the header (after any title rows).
        public var headerLine: Int
    }

    /// How many of a date column's first non-blank values a style must read.
    static let dateSample = 20
    /// How many rows are read for the risk grades used.
    static let valueSample = 2_000

    /// Suggests a mapping for an extract's bytes. `file` names the extract in the comments;
    /// `mappingFile` names the mapping in later messages.
    public static func suggest(bytes: [UInt8], file: String, mappingFile: String = "mapping.toml") -> Suggestion {
        var reader = CSVReader(bytes: bytes)
        // The header: among the first non-blank rows, the one that matches the most fields.
        var best: (header: [String], line: Int, matched: Int)?
        var rows = 0
        while rows < 10, reader.next({ record in
            guard !record.isBlank else { return }
            rows += 1
            let names = record.strings
            let matched = match(names).count
            if matched > (best?.matched ?? -1) { best = (names, record.line, matched) }
        }) {}
        let header = best?.header ?? []
        let headerLine = best?.line ?? 1
        let columns = match(header)
        // The data rows below the header.
        var body = CSVReader(bytes: bytes)
        while body.line <= headerLine, body.next({ _ in }) {}
        var dateValues: [String: [(line: Int, text: String)]] = [:]
        var riskValues: Set<String> = []
        let dateColumns = PoliceMapping.dateFields.compactMap { field in columns[field].map { (field, $0) } }
        var read = 0
        while read < valueSample, body.next({ record in
            guard !record.isBlank, record.problem == nil else { return }
            read += 1
            for (field, column) in dateColumns where (dateValues[field]?.count ?? 0) < dateSample {
                let value = record.string(column).trimmingSpaces
                if !value.isEmpty { dateValues[field, default: []].append((record.line, value)) }
            }
            if let column = columns["risk"] {
                let value = record.string(column).trimmingSpaces
                if !value.isEmpty, riskValues.count < 50 { riskValues.insert(value) }
            }
        }) {}

        var mapping = PoliceMapping(file: mappingFile, columns: columns.mapValues { header[$0] })
        var undated: [String] = []
        var unfitLines: [String: [Int]] = [:]
        for (field, _) in dateColumns {
            let values = dateValues[field] ?? []
            guard !values.isEmpty else { continue }
            var styles: [DateStyle] = []
            for value in values {
                if styles.contains(where: { Self.reads($0, value.text) }) { continue }
                if let style = PoliceFieldSynonyms.dateStyles.first(where: { Self.reads($0, value.text) }) {
                    styles.append(style)
                } else {
                    unfitLines[field, default: []].append(value.line)
                }
            }
            if unfitLines[field] != nil {
                undated.append(field)
            } else {
                let order = PoliceFieldSynonyms.dateStyles
                mapping.dateStyles[field] = styles.sorted { order.firstIndex(of: $0) ?? 0 < order.firstIndex(of: $1) ?? 0 }
            }
        }
        var unknownRisk: [String] = []
        for value in riskValues.sorted() where RiskLevel(code: value) == nil {
            if let grade = PoliceFieldSynonyms.riskAbbreviations[LetterKey(value, lettersOnly: true).text] {
                mapping.values["risk", default: [:]][value] = grade.label
            } else {
                unknownRisk.append(value)
            }
        }
        let used = Set(columns.values)
        let unused = header.indices.filter { !used.contains($0) && !header[$0].trimmingSpaces.isEmpty }.map { header[$0] }
        let unmatchedRequired = PoliceMapping.requiredFields.filter { columns[$0] == nil }
        let unmatchedOptional = PoliceMapping.fields.filter { columns[$0] == nil && !unmatchedRequired.contains($0) }
        let text = render(
            mapping, file: file, unmatchedRequired: unmatchedRequired, unmatchedOptional: unmatchedOptional, unused: unused,
            unfitLines: unfitLines, unknownRisk: unknownRisk.count)
        return Suggestion(
            mapping: mapping, text: text, unmatchedRequired: unmatchedRequired, unmatchedOptional: unmatchedOptional,
            unusedColumns: unused, undatedFields: undated, header: header, headerLine: headerLine)
    }

    /// Each field's column: the first header among its names that no earlier field took.
    static func match(_ header: [String]) -> [String: Int] {
        let folded = header.map(HeaderMatch.fold)
        var taken = Set<Int>()
        var columns: [String: Int] = [:]
        for (field, names) in PoliceFieldSynonyms.names {
            if let i = folded.indices.first(where: { !taken.contains($0) && names.contains(folded[$0]) }) {
                columns[field] = i
                taken.insert(i)
            }
        }
        return columns
    }

    private static func reads(_ style: DateStyle, _ text: String) -> Bool {
        if case .success = style.parse(text) { return true }
        return false
    }

    private static func render(
        _ mapping: PoliceMapping, file: String, unmatchedRequired: [String], unmatchedOptional: [String], unused: [String],
        unfitLines: [String: [Int]], unknownRisk: Int
    ) -> String {
        var text = """
            # How the police extract \(file) stands for police_reports.csv, written by `mfc mapping suggest`.
            # mfc matched the extract's headers to the names police systems use and guessed the date
            # styles from the first values: check every line, then finish the TODOs.

            # [columns]: for each field of police_reports.csv, the extract's column that holds it.
            [columns]

            """
        for field in PoliceMapping.fields {
            if let column = mapping.columns[field] {
                text += "\(field) = \(TOMLText.quoted(column))\n"
            } else if unmatchedRequired.contains(field) {
                text += "# TODO: \(field) is required: name the column that holds it.\n# \(field) = \"\"\n"
            } else {
                text += "# \(field) = \"\"    # no column found; blank in every report unless named\n"
            }
        }
        // A first row that names no column is likely data (the header row missing): its
        // values may be a person's, and are not written out.
        if !unused.isEmpty, !mapping.columns.isEmpty {
            text += "# Columns not used: \(unused.map { TOMLText.quoted(TextSanitiser.visible($0, limit: 40)) }.joined(separator: ", "))\n"
        }
        let dateFields = PoliceMapping.dateFields.filter { mapping.columns[$0] != nil }
        if !dateFields.isEmpty {
            text += """

                # [dates]: how each date field is written, tried in order. \(DateStyle.help.prefix(1).uppercased() + DateStyle.help.dropFirst()).
                # A field without a style is read as ISO 8601 or dd/mm/yyyy.
                [dates]

                """
            for field in dateFields {
                if let styles = mapping.dateStyles[field] {
                    text += "\(field) = \(TOMLText.list(styles.map(\.pattern)))\n"
                } else if let lines = unfitLines[field] {
                    text += "# TODO: no known style fits \(field) on line\(lines.count == 1 ? "" : "s") \(lines.prefix(5).map(String.init).joined(separator: ", ")); write its style.\n# \(field) = \"dd/MM/yyyy HH:mm\"\n"
                } else {
                    text += "# \(field): no values in the first rows to guess from\n"
                }
            }
        }
        if let risk = mapping.values["risk"] {
            text += "\n# [values.risk]: the extract's risk grades and the grade each stands for.\n[values.risk]\n"
            for (from, to) in risk.sorted(by: { $0.key < $1.key }) {
                text += "\(TOMLText.quoted(from)) = \(TOMLText.quoted(to))\n"
            }
        }
        if unknownRisk > 0 {
            text += "# TODO: \(unknownRisk) risk grade\(unknownRisk == 1 ? "" : "s") in the extract mean nothing to mfc: translate them under [values.risk] (\(RiskLevel.expected)).\n"
        }
        return text
    }
}
