/// The fields a police report and a child are compared on, each with ordered agreement levels.
/// Level 0 is always "missing": a value absent on either side, which neither rewards nor
/// punishes (its weight is 0).
public enum LinkField: Int, CaseIterable, Sendable, Hashable {
    case surname, forename, dateOfBirth, sex, home

    /// The levels' names, level 0 first.
    public var levels: [String] {
        switch self {
        case .surname: ["missing", "exact", "Jaro-Winkler ≥ 0.92", "Jaro-Winkler ≥ 0.85", "different"]
        case .forename:
            ["missing", "exact", "nickname", "Jaro-Winkler ≥ 0.92", "Jaro-Winkler ≥ 0.85", "initial only", "different"]
        case .dateOfBirth: ["missing", "exact", "day and month swapped", "one part different", "different"]
        case .sex: ["missing", "agree", "disagree"]
        case .home: ["missing", "same home", "same postcode", "same street address", "different"]
        }
    }

    /// The field's name in explanations.
    public var name: String {
        switch self {
        case .surname: "surname"
        case .forename: "forename"
        case .dateOfBirth: "date of birth"
        case .sex: "sex"
        case .home: "home"
        }
    }
}

/// One pair's agreement level on every field, packed four bits a field (no allocation).
public struct ComparisonVector: Hashable, Sendable {
    private var packed: UInt32

    /// The levels of the fields in ``LinkField`` order (each 0 to 15).
    public init(levels: [UInt8]) {
        packed = 0
        for (i, level) in levels.enumerated() { packed |= UInt32(level & 0xF) << (4 * UInt32(i)) }
    }

    init(_ surname: UInt8, _ forename: UInt8, _ dob: UInt8, _ sex: UInt8, _ home: UInt8) {
        packed = UInt32(surname) | UInt32(forename) << 4 | UInt32(dob) << 8 | UInt32(sex) << 12 | UInt32(home) << 16
    }

    /// The level of each field, in ``LinkField`` order.
    public var levels: [UInt8] { LinkField.allCases.map { UInt8(self[$0]) } }

    public subscript(field: LinkField) -> Int { Int((packed >> (4 * UInt32(field.rawValue))) & 0xF) }
}

/// What the comparison needs of one side, computed once per record.
struct ComparablePerson: Sendable {
    var surname: String
    var forename: String
    var surnameScalars: [Unicode.Scalar]
    var forenameScalars: [Unicode.Scalar]
    var dateOfBirth: CivilDate?
    var sex: Sex
    /// Homes: for a child, its placement and its episodes' placements; for a report, the home
    /// its address names (by name), if any.
    var homes: [HomeURN]
    /// For a child, its homes' postcodes; for a report, the postcode it gives.
    var postcodes: [Postcode]
    /// For a report, the home its address names by street.
    var streetHome: HomeURN?
    /// Whether a report gives any place at all.
    var hasPlace: Bool

    init(surname: String, forename: String, dateOfBirth: CivilDate?, sex: Sex, homes: [HomeURN],
         postcodes: [Postcode], streetHome: HomeURN?, hasPlace: Bool) {
        self.surname = NameKey.normalise(surname)
        self.forename = NameKey.normalise(forename)
        surnameScalars = Array(self.surname.unicodeScalars)
        forenameScalars = Array(self.forename.unicodeScalars)
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.homes = homes
        self.postcodes = postcodes
        self.streetHome = streetHome
        self.hasPlace = hasPlace
    }
}

/// Compares a report's person with a child's, field by field.
enum FieldComparison {
    static func compare(report r: ComparablePerson, child c: ComparablePerson) -> ComparisonVector {
        ComparisonVector(surname(r, c), forename(r, c), dateOfBirth(r, c), sex(r, c), home(r, c))
    }

    static func surname(_ r: ComparablePerson, _ c: ComparablePerson) -> UInt8 {
        if r.surname.isEmpty || c.surname.isEmpty { return 0 }
        if r.surname == c.surname { return 1 }
        let jw = JaroWinkler.similarity(r.surnameScalars, c.surnameScalars)
        return jw >= 0.92 ? 2 : jw >= 0.85 ? 3 : 4
    }

    static func forename(_ r: ComparablePerson, _ c: ComparablePerson) -> UInt8 {
        if r.forename.isEmpty || c.forename.isEmpty { return 0 }
        if r.forename == c.forename { return 1 }
        if Nicknames.areNicknames(r.forename, c.forename) { return 2 }
        let jw = JaroWinkler.similarity(r.forenameScalars, c.forenameScalars)
        if jw >= 0.92 { return 3 }
        if jw >= 0.85 { return 4 }
        let short = r.forenameScalars.count == 1 ? r : c.forenameScalars.count == 1 ? c : nil
        if let short, let other = (short.forename == r.forename ? c : r).forenameScalars.first,
           short.forenameScalars.first == other { return 5 }
        return 6
    }

    static func dateOfBirth(_ r: ComparablePerson, _ c: ComparablePerson) -> UInt8 {
        guard let a = r.dateOfBirth, let b = c.dateOfBirth else { return 0 }
        if a == b { return 1 }
        if a.swappingDayAndMonth == b { return 2 }
        let same = (a.year == b.year ? 1 : 0) + (a.month == b.month ? 1 : 0) + (a.day == b.day ? 1 : 0)
        return same == 2 ? 3 : 4
    }

    static func sex(_ r: ComparablePerson, _ c: ComparablePerson) -> UInt8 {
        if r.sex == .unknown || c.sex == .unknown { return 0 }
        return r.sex == c.sex ? 1 : 2
    }

    static func home(_ r: ComparablePerson, _ c: ComparablePerson) -> UInt8 {
        guard r.hasPlace, !c.homes.isEmpty else { return 0 }
        if r.homes.contains(where: c.homes.contains) { return 1 }
        if r.postcodes.contains(where: c.postcodes.contains) { return 2 }
        if let street = r.streetHome, c.homes.contains(street) { return 3 }
        return 4
    }
}
