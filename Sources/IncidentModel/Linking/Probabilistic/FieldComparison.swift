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

    /// How many different vectors there are (the product of the fields' level counts).
    static let patternCount = LinkField.allCases.reduce(1) { $0 * $1.levels.count }

    /// A number from 0 to `patternCount - 1` that identifies the vector, for counting vectors
    /// in an array.
    var patternIndex: Int {
        // Mixed radix, surname first: 5 surname levels, 7 forename, 5 date of birth, 3 sex.
        self[.surname] + 5 * (self[.forename] + 7 * (self[.dateOfBirth] + 5 * (self[.sex] + 3 * self[.home])))
    }

    /// The vector with a given ``patternIndex``.
    init(patternIndex: Int) {
        var rest = patternIndex
        var levels: [UInt8] = []
        for field in LinkField.allCases {
            levels.append(UInt8(rest % field.levels.count))
            rest /= field.levels.count
        }
        self.init(levels: levels)
    }
}

extension ComparisonVector {
    /// How many of the items `0..<count` show each vector, by ``patternIndex``, counted on every
    /// core: `pattern(i)` is item `i`'s pattern index, or `nil` to leave the item out. The
    /// counts are whole numbers, so they are the same however the items are split.
    static func patternCounts(count: Int, minimumChunk: Int, _ pattern: @Sendable (Int) -> Int?) -> [Int] {
        let parts = ParallelMap.chunks(count: count, minimumChunk: minimumChunk) { range -> [[Int]] in
            var counts = [Int](repeating: 0, count: patternCount)
            for i in range {
                if let index = pattern(i) { counts[index] += 1 }
            }
            return [counts]
        }
        var counts = [Int](repeating: 0, count: patternCount)
        for part in parts {
            for (index, count) in part.enumerated() { counts[index] += count }
        }
        return counts
    }
}

/// Compares prepared reports with prepared children (``ComparablePeople``), field by field.
///
/// Holds borrowed views of the people's arrays, so it is valid only inside
/// ``ComparablePeople/withComparison(_:)``; comparing a pair reads numbers only.
struct FieldComparison: @unchecked Sendable {
    let names: BorrowedNames
    let reports: UnsafeBufferPointer<ComparableReport>
    let children: UnsafeBufferPointer<ComparableChild>
    let childHomes: UnsafeBufferPointer<Int32>
    let childPostcodes: UnsafeBufferPointer<Int32>

    /// The comparison vector of report `r` and child `c` (indexes into the people).
    @inline(__always)
    func compare(report r: Int, child c: Int) -> ComparisonVector {
        let report = reports[r]
        let child = children[c]
        return ComparisonVector(
            surname(report.surname, child.surname), forename(report.forename, child.forename),
            Self.dateOfBirth(report.dateOfBirth, child.dateOfBirth), Self.sex(report.sex, child.sex), home(report, child))
    }

    /// The same, with the name levels of pairs of names seen before taken from `cache`.
    @inline(__always)
    func compare(report r: Int, child c: Int, cache: inout NameLevelCache) -> ComparisonVector {
        let report = reports[r]
        let child = children[c]
        let surnameLevel: UInt8
        if report.surname == child.surname || report.surname == NameTable.empty || child.surname == NameTable.empty {
            surnameLevel = surname(report.surname, child.surname)
        } else {
            surnameLevel = cache.level(report.surname, child.surname, field: 0) { surname(report.surname, child.surname) }
        }
        let forenameLevel: UInt8
        if report.forename == child.forename || report.forename == NameTable.empty || child.forename == NameTable.empty {
            forenameLevel = forename(report.forename, child.forename)
        } else {
            forenameLevel = cache.level(report.forename, child.forename, field: 1) { forename(report.forename, child.forename) }
        }
        return ComparisonVector(
            surnameLevel, forenameLevel, Self.dateOfBirth(report.dateOfBirth, child.dateOfBirth),
            Self.sex(report.sex, child.sex), home(report, child))
    }

    func surname(_ a: Int32, _ b: Int32) -> UInt8 {
        if a == NameTable.empty || b == NameTable.empty { return 0 }
        if a == b { return 1 }
        let jw = JaroWinkler.similarity(names.scalars(a), names.scalars(b))
        return jw >= 0.92 ? 2 : jw >= 0.85 ? 3 : 4
    }

    func forename(_ a: Int32, _ b: Int32) -> UInt8 {
        if a == NameTable.empty || b == NameTable.empty { return 0 }
        if a == b { return 1 }
        if names.nicknameGroups[Int(a)].meets(names.nicknameGroups[Int(b)]) { return 2 }
        let first = names.scalars(a)
        let second = names.scalars(b)
        let jw = JaroWinkler.similarity(first, second)
        if jw >= 0.92 { return 3 }
        if jw >= 0.85 { return 4 }
        // An initial: one side is a single letter, the other's first.
        if first.count == 1 || second.count == 1, first[0] == second[0] { return 5 }
        return 6
    }

    static func dateOfBirth(_ a: DateKey, _ b: DateKey) -> UInt8 {
        if a.isMissing || b.isMissing { return 0 }
        if a == b { return 1 }
        if a.year == b.year && a.month == b.day && a.day == b.month { return 2 }
        let same = (a.year == b.year ? 1 : 0) + (a.month == b.month ? 1 : 0) + (a.day == b.day ? 1 : 0)
        return same == 2 ? 3 : 4
    }

    static func sex(_ a: Sex, _ b: Sex) -> UInt8 {
        if a == .unknown || b == .unknown { return 0 }
        return a == b ? 1 : 2
    }

    func home(_ r: ComparableReport, _ c: ComparableChild) -> UInt8 {
        guard r.hasPlace, c.homes.lowerBound < c.homes.upperBound else { return 0 }
        let homes = UnsafeBufferPointer(rebasing: childHomes[Int(c.homes.lowerBound)..<Int(c.homes.upperBound)])
        if r.namedHome >= 0 && homes.contains(r.namedHome) { return 1 }
        if r.postcode >= 0
            && childPostcodes[Int(c.postcodes.lowerBound)..<Int(c.postcodes.upperBound)].contains(r.postcode) { return 2 }
        if r.streetHome >= 0 && homes.contains(r.streetHome) { return 3 }
        return 4
    }
}

/// The levels of name pairs compared before, so that the same two names met again (the same
/// typo against the same family name, in block after block) are not compared again. One per
/// worker; a fixed number of slots, each holding the last pair that fell in it.
struct NameLevelCache {
    private var keys: [UInt64]
    private var levels: [UInt8]
    private static let bits = 16

    init() {
        keys = [UInt64](repeating: .max, count: 1 << Self.bits)
        levels = [UInt8](repeating: 0, count: 1 << Self.bits)
    }

    /// The level of names `a` (the report's) and `b` (the child's) on a field (0 or 1), from
    /// the cache or else from `compute`.
    @inline(__always)
    mutating func level(_ a: Int32, _ b: Int32, field: UInt64, _ compute: () -> UInt8) -> UInt8 {
        let key = field << 62 | UInt64(UInt32(bitPattern: a)) << 31 | UInt64(UInt32(bitPattern: b))
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.bits))
        if keys[slot] == key { return levels[slot] }
        let level = compute()
        keys[slot] = key
        levels[slot] = level
        return level
    }
}
