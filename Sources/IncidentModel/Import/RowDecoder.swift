/// Reads one row's fields by schema column, checking each value and collecting what is wrong.
///
/// A value the row can do without is blanked with a warning; a value it cannot stand without
/// marks the row for rejection. Nothing here throws: the importer reads every problem after.
///
/// Decoders hold it `inout`, and even the methods that only read it are `mutating`: called
/// on an `inout` value, a non-mutating method of a struct this size is given a copy of all of
/// it, once per field of every row.
struct RowDecoder {
    private(set) var record: CSVRecord
    let file: String
    let columns: [ColumnSpec]
    let positions: [Int?]
    let zone: LocalTimeZone
    /// How a foreign layout's columns are named and translated; `.native` for mfc's own files.
    let context: DecodingContext
    private(set) var warnings: [Diagnostic] = []
    private(set) var rejection: Diagnostic?
    /// Why the row does not belong in mfc at all (another provider type in Ofsted's list):
    /// it is counted apart, neither accepted nor rejected.
    private(set) var skipReason: String?

    init(
        record: CSVRecord, file: String, columns: [ColumnSpec], positions: [Int?], zone: LocalTimeZone,
        context: DecodingContext = .native
    ) {
        self.record = record
        self.file = file
        self.columns = columns
        self.positions = positions
        self.zone = zone
        self.context = context
    }

    /// Starts on the next row: its record, with no warnings, rejection or skip yet. One decoder
    /// serves every row of a piece, so its schema and context are not copied row by row.
    mutating func begin(_ next: CSVRecord) {
        record = next
        warnings.removeAll(keepingCapacity: true)
        rejection = nil
        skipReason = nil
    }

    /// The trimmed text of a column, translated by the context's value map when it has one for
    /// the value; `""` when the column is absent or empty.
    mutating func text(_ column: Int) -> String {
        let value = raw(column)
        guard !context.valueMaps.isEmpty, !value.isEmpty else { return value }
        return context.translated(value, column: column) ?? value
    }

    /// The trimmed text of a column as the file has it; `""` when absent or empty.
    mutating func raw(_ column: Int) -> String {
        guard let position = positions[column] else { return "" }
        return record.withField(position) { bytes in
            let trimmed = Self.trim(bytes)
            return String(decoding: trimmed, as: UTF8.self)
        }
    }

    /// Marks the row as not belonging in mfc; `reason` groups the count in the file's note.
    mutating func skip(_ reason: String) {
        skipReason = reason
    }

    /// The trimmed text of a required identifier; rejects the row when it is empty.
    mutating func identifier(_ column: Int) -> String {
        let value = text(column)
        if value.isEmpty {
            reject(column, value: nil, message: "is empty", expected: "an identifier: a row needs its \(columns[column].name)")
        }
        return value
    }

    /// A date with no time (a date of birth); warns and returns `nil` when it cannot be read.
    /// A time written after the date is ignored. When `required`, a blank or unreadable value
    /// rejects the row instead.
    mutating func date(_ column: Int, required: Bool = false) -> CivilDate? {
        parsed(column, required: required)?.date
    }

    /// A recorded time. When `required`, a blank or unreadable value rejects the row;
    /// otherwise it is blanked with a warning.
    mutating func timestamp(_ column: Int, required: Bool) -> Timestamp? {
        parsed(column, required: required)?.timestamp(in: zone)
    }

    /// A coded value; an unknown code is kept as `nil` with a warning.
    mutating func code<T>(_ column: Int, expected: String, _ parse: (String) -> T?) -> T? {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        guard let result = parse(value) else {
            warn(column, value: value, message: "is not a known code", expected: expected + "; kept as unknown")
            return nil
        }
        return result
    }

    /// A coded value spelled as `table` lists; an unknown code is kept as `nil` with a warning
    /// that gives `expected` whole.
    /// The field's bytes are matched where they lie, unless the context translates the column.
    mutating func code<T>(
        _ column: Int, expected: String, _ table: CodeTable<T>, unknown message: String = "is not a known code"
    ) -> T? {
        guard context.valueMaps.isEmpty else {
            let value = text(column)
            guard !value.isEmpty else { return nil }
            guard let result = table.value(value.utf8) else {
                warn(column, value: value, message: message, expected: expected)
                return nil
            }
            return result
        }
        guard let position = positions[column] else { return nil }
        let match: (blank: Bool, value: T?) = record.withField(position) { bytes in
            let trimmed = Self.trim(bytes)
            return trimmed.isEmpty ? (true, nil) : (false, table.value(trimmed))
        }
        if match.blank { return nil }
        guard let value = match.value else {
            warn(column, value: raw(column), message: message, expected: expected)
            return nil
        }
        return value
    }

    /// A yes/no flag; anything else is kept as unknown with a warning.
    mutating func flag(_ column: Int) -> Bool? {
        code(column, expected: "Y or N; kept as unknown", flagSpellings)
    }

    /// Whether a column is absent, or empty once trimmed (and translated, where the context
    /// translates it): ``text(_:)`` would be `""`.
    mutating func isBlank(_ column: Int) -> Bool {
        guard context.valueMaps.isEmpty else { return text(column).isEmpty }
        guard let position = positions[column] else { return true }
        return record.withField(position) { Self.trim($0).isEmpty }
    }

    /// A whole number of zero or more; anything else is kept as unknown with a warning.
    mutating func count(_ column: Int) -> Int? {
        code(column, expected: "a whole number of 0 or more") { text in Int(text).flatMap { $0 >= 0 ? $0 : nil } }
    }

    /// A UK postcode, normalised; anything else is blanked with a warning.
    mutating func postcode(_ column: Int) -> Postcode? {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        guard let postcode = Postcode(value) else {
            warn(column, value: value, message: "is not a UK postcode", expected: Postcode.expected + "; left blank")
            return nil
        }
        return postcode
    }

    /// Marks the problems found so far in a column (the rejection and the warnings) as
    /// breaking a published rule, such as an SSDA903 check.
    mutating func tag(_ column: Int, rule: String) {
        let name = columns[column].name
        if rejection?.columnName == name, rejection?.rule == nil { rejection?.rule = rule }
        for i in warnings.indices where warnings[i].columnName == name && warnings[i].rule == nil {
            warnings[i].rule = rule
        }
    }

    /// Records a warning on a column.
    mutating func warn(_ column: Int, value: String?, message: String, expected: String? = nil, rule: String? = nil) {
        var warning = diagnostic(.warning, column, value: value, message: message, expected: expected)
        warning.rule = rule
        warnings.append(warning)
    }

    /// Marks the row for rejection (the first reason is kept).
    mutating func reject(_ column: Int?, value: String?, message: String, expected: String? = nil, rule: String? = nil) {
        guard rejection == nil else { return }
        rejection = diagnostic(.rejected, column, value: value, message: message, expected: expected)
        rejection?.rule = rule
    }

    private func diagnostic(
        _ severity: Diagnostic.Severity, _ column: Int?, value: String?, message: String, expected: String?
    ) -> Diagnostic {
        let position = column.flatMap { positions[$0] }
        return Diagnostic(
            severity: severity, file: file, line: record.line, column: position.map { $0 + 1 },
            columnName: column.map { context.name(of: $0, schema: columns) }, value: value, message: message,
            expected: expected, personal: column.map { columns[$0].personal } ?? false)
    }

    private mutating func parsed(_ column: Int, required: Bool) -> ParsedDateTime? {
        guard let position = positions[column] else {
            if required { reject(column, value: nil, message: "is missing", expected: DateTimeParser.expected) }
            return nil
        }
        let styles = context.styles(of: column)
        let result: Result<ParsedDateTime, DateProblem>? = record.withField(position) { bytes in
            let trimmed = Self.trim(bytes)
            guard !trimmed.isEmpty else { return nil }
            let value = UnsafeBufferPointer(rebasing: trimmed)
            guard !styles.isEmpty else { return DateTimeParser.parse(bytes: value) }
            var outcome = Result<ParsedDateTime, DateProblem>.failure(.unrecognised)
            for style in styles {
                switch style.parse(bytes: value) {
                case let .success(parsed): return .success(parsed)
                case .failure(.impossible): outcome = .failure(.impossible)
                case .failure(.unrecognised): break
                }
            }
            return outcome
        }
        if case let .success(value)? = result { return value }
        let expected = styles.isEmpty
            ? DateTimeParser.expected
            : "a date written as " + styles.map { "\"\($0.pattern)\"" }.joined(separator: " or ")
        switch result {
        case nil:
            if required { reject(column, value: nil, message: "is empty", expected: expected) }
            return nil
        case let .success(value)?:
            return value
        case let .failure(problem)?:
            let message = problem == .impossible ? "is not a real date or time" : "is not a date"
            if required {
                reject(column, value: raw(column), message: message, expected: expected)
            } else {
                warn(column, value: raw(column), message: message, expected: expected + "; left blank")
            }
            return nil
        }
    }

    /// The bytes without leading and trailing spaces and tabs.
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return bytes[lower..<upper]
    }
}
