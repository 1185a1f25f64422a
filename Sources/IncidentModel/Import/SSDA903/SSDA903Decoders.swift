/// The SSDA903 `Header` table: `CHILD`, `SEX` (`1`/`2`, or `M`/`F`/`U`), `DOB`. Its other
/// columns (ethnicity, UPN, mother) are not read.
///
/// Rejected: no `CHILD`, or a `CHILD` repeated. Kept with a warning: an unknown sex or an
/// unreadable date of birth, which become unknown.
enum SSDA903HeaderDecoder: RecordDecoding {
    static let kind = SourceFileKind.ssda903Header
    static let columns: [ColumnSpec] = [
        .required("child"), .required("sex"), ColumnSpec(name: "dob", required: true, personal: true),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> SSDA903Child? {
        let id = row.identifier(0)
        return SSDA903Child(
            id: ChildID(id), sex: row.code(1, expected: "1 or 2, or M, F or U") { Sex(code: $0) } ?? .unknown,
            dateOfBirth: row.date(2))
    }

    static func key(of record: SSDA903Child) -> String { record.id.rawValue }
}

/// The SSDA903 `Episodes` table: placement episodes, `DECOM` to `DEC`, with the placement's
/// `URN` (`XXXXXXX` when not applicable), type `PLACE` and postcode `PL_POST`.
///
/// Rejected: no `CHILD`, no usable `DECOM`, a `DEC` that cannot be read or lies before
/// `DECOM`, or a second episode of the child with the same `DECOM`. Kept with a warning: a
/// postcode that is not a UK postcode.
enum SSDA903PlacementDecoder: RecordDecoding {
    static let kind = SourceFileKind.ssda903Episodes
    static let columns: [ColumnSpec] = [
        .required("child"), .required("decom"), .optional("dec"), .optional("place"), .personal("pl_post"),
        .optional("urn"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> SSDA903Placement? {
        let child = row.identifier(0)
        let start = row.date(1, required: true)
        let endText = row.text(2)
        let end = endText.isEmpty ? nil : row.date(2, required: true)
        if let start, let end, end < start {
            row.reject(2, value: endText, message: "is before DECOM", expected: "the day the placement ceased, on or after it began")
        }
        guard let start else { return nil }
        let urn = row.text(5)
        return SSDA903Placement(
            child: ChildID(child), start: start, end: end, urn: SSDA903Placement.noURN(urn) ? nil : HomeURN(urn),
            placeType: row.text(3), postcode: row.postcode(4))
    }

    static func key(of record: SSDA903Placement) -> String { record.child.rawValue + " " + record.start.description }
}

extension SSDA903Placement {
    /// Whether a `URN` value means "none": blank, or `XXXXXXX` (not applicable).
    static func noURN(_ text: String) -> Bool {
        text.isEmpty || text.allSatisfy { $0 == "X" || $0 == "x" }
    }
}

/// The SSDA903 `Missing` table: `CHILD`, `DOB`, `MISSING` (`M` or `A`), `MIS_START`,
/// `MIS_END` (blank while missing), dates only.
///
/// Rejected, with the DfE rule: `MIS_START` blank or not a date (1004), `MIS_END` not a date
/// (1005), `MIS_END` before `MIS_START` (567); and no `CHILD`. Kept with a warning: a type
/// other than `M` or `A` (1006, read as `M`), an unreadable `DOB`. The checks across rows
/// (574, 586, no placement) follow in ``SSDA903Assembler``.
enum SSDA903MissingDecoder: RecordDecoding {
    static let kind = SourceFileKind.ssda903Missing
    static let columns: [ColumnSpec] = [
        .required("child"), .personal("dob"), .required("missing"), .required("mis_start"), .optional("mis_end"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> SSDA903MissingPeriod? {
        let child = row.identifier(0)
        let dob = row.date(1)
        let typeText = row.text(2)
        var type = EpisodeType.missing
        switch typeText {
        case "M", "m": type = .missing
        case "A", "a": type = .away
        default:
            row.warn(2, value: typeText.isEmpty ? nil : typeText, message: typeText.isEmpty ? "is empty" : "is not a missing type",
                     expected: "M (missing) or A (away without authorisation); read as M",
                     rule: SSDA903Rule.typeNotMissingOrAway.rawValue)
        }
        let start = row.date(3, required: true)
        row.tag(3, rule: SSDA903Rule.startNotADate.rawValue)
        let endText = row.text(4)
        let end = endText.isEmpty ? nil : row.date(4, required: true)
        row.tag(4, rule: SSDA903Rule.endNotADate.rawValue)
        if let start, let end, end < start {
            row.reject(4, value: endText, message: "is before MIS_START", expected: "an end on or after the start",
                       rule: SSDA903Rule.endBeforeStart.rawValue)
        }
        guard let start else { return nil }
        return SSDA903MissingPeriod(
            child: ChildID(child), dateOfBirth: dob, type: type, start: start, end: end, line: row.record.line)
    }

    /// Two periods of one child may start on one day: the key keeps every row apart, and the
    /// overlap check (574) judges them.
    static func key(of record: SSDA903MissingPeriod) -> String { String(record.line) }
}
