/// The fields a police report and a child are compared on, each with ordered agreement levels.
/// Level 0 is always "missing": a value absent on either side, which neither rewards nor
/// punishes (its weight is 0). A pair falls in the first level that applies, in this order.
public enum LinkField: Int, CaseIterable, Sendable, Hashable {
    case surname, forename, dateOfBirth, sex, home

    /// The levels' names, level 0 first.
    public var levels: [String] {
        switch self {
        case .surname:
            ["missing", "exact", "swapped with the forename", "Jaro-Winkler ≥ 0.92", "Jaro-Winkler ≥ 0.85",
             "within two edits", "one part of a double-barrelled name", "initial only", "different"]
        case .forename:
            ["missing", "exact", "swapped with the surname", "nickname", "Jaro-Winkler ≥ 0.92", "Jaro-Winkler ≥ 0.85",
             "within two edits", "one part of a double name", "initial only", "different"]
        case .dateOfBirth:
            ["missing", "exact", "day and month swapped", "two digits transposed", "one part different", "different"]
        case .sex: ["missing", "agree", "disagree"]
        case .home:
            ["missing", "same home", "same postcode", "same street address", "similar address", "same postcode district",
             "different"]
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
        // Mixed radix, surname first, each field's digit below its number of levels.
        self[.surname] + Self.surnameLevels * (self[.forename] + Self.forenameLevels
            * (self[.dateOfBirth] + Self.birthLevels * (self[.sex] + Self.sexLevels * self[.home])))
    }

    private static let surnameLevels = LinkField.surname.levels.count
    private static let forenameLevels = LinkField.forename.levels.count
    private static let birthLevels = LinkField.dateOfBirth.levels.count
    private static let sexLevels = LinkField.sex.levels.count

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
    let homeAddresses: UnsafeBufferPointer<Int32>
    let postcodeOutwards: UnsafeBufferPointer<Int32>
    let addresses: UnsafeBufferPointer<AddressText>

    /// The comparison vector of report `r` and child `c` (indexes into the people).
    func compare(report r: Int, child c: Int) -> ComparisonVector {
        var none = LevelCache.none
        return compare(report: r, child: c, cache: &none)
    }

    /// The same, with the levels of pairs of names (and of addresses) seen before taken from
    /// `cache`.
    @inline(__always)
    func compare(report r: Int, child c: Int, cache: inout LevelCache) -> ComparisonVector {
        let report = reports[r]
        let child = children[c]
        var surname = agreement(report.surname, child.surname, field: 0, cache: &cache)
        var forename = agreement(report.forename, child.forename, field: 1, cache: &cache)
        if surname != .exact && forename != .exact && surname != .missing && forename != .missing
            && names.initials[Int(report.surname)] == names.initials[Int(child.forename)]
            && names.initials[Int(report.forename)] == names.initials[Int(child.surname)]
            && agreement(report.surname, child.forename, field: 2, cache: &cache).isClose
            && agreement(report.forename, child.surname, field: 2, cache: &cache).isClose {
            surname = .swapped
            forename = .swapped
        }
        return ComparisonVector(
            surname.surnameLevel, forename.forenameLevel, Self.dateOfBirth(report.dateOfBirth, child.dateOfBirth),
            Self.sex(report.sex, child.sex), home(report, child, cache: &cache))
    }

    /// Reads what comparing report `r` with each of `children` reads first: the children's
    /// records, then their first home and postcode and their names' slots in `cache`. Those
    /// lie at random in memory, and a comparison waits on each in turn; read here, one pass
    /// per step with no read waiting on another, they arrive together. Returns a number made
    /// of what was read, for the caller to keep, so that the reads are not left out.
    func warm(report r: Int, children found: UnsafeBufferPointer<Int32>, cache: LevelCache) -> UInt64 {
        var sum: UInt64 = 0
        for c in found { sum &+= UInt64(UInt32(bitPattern: children[Int(c)].surname)) }
        let report = reports[r]
        for c in found {
            let child = children[Int(c)]
            if child.homes.lowerBound < child.homes.upperBound { sum &+= UInt64(UInt32(bitPattern: childHomes[Int(child.homes.lowerBound)])) }
            if child.postcodes.lowerBound < child.postcodes.upperBound {
                sum &+= UInt64(UInt32(bitPattern: childPostcodes[Int(child.postcodes.lowerBound)]))
            }
            sum &+= cache.peek(report.surname, child.surname, field: 0) &+ cache.peek(report.forename, child.forename, field: 1)
        }
        return sum
    }

    /// How two names (by id) agree, from `cache` when the pair was met before. Field 0 is the
    /// surname, 1 the forename (the only one with nicknames), 2 a name against the other name.
    @inline(__always)
    private func agreement(_ a: Int32, _ b: Int32, field: UInt64, cache: inout LevelCache) -> NameAgreement {
        if a == NameTable.empty || b == NameTable.empty { return .missing }
        if a == b { return .exact }
        let raw = cache.level(a, b, field: field) { names.agreement(a, b, nicknames: field == 1).rawValue }
        return NameAgreement(rawValue: raw) ?? .different
    }

    static func dateOfBirth(_ a: DateKey, _ b: DateKey) -> UInt8 {
        if a.isMissing || b.isMissing { return 0 }
        if a == b { return 1 }
        if a.year == b.year && a.month == b.day && a.day == b.month { return 2 }
        if a.isTransposition(of: b) { return 3 }
        let same = (a.year == b.year ? 1 : 0) + (a.month == b.month ? 1 : 0) + (a.day == b.day ? 1 : 0)
        return same == 2 ? 4 : 5
    }

    static func sex(_ a: Sex, _ b: Sex) -> UInt8 {
        if a == .unknown || b == .unknown { return 0 }
        return a == b ? 1 : 2
    }

    @inline(__always)
    func home(_ r: ComparableReport, _ c: ComparableChild, cache: inout LevelCache) -> UInt8 {
        guard r.hasPlace, c.homes.lowerBound < c.homes.upperBound else { return 0 }
        let homes = UnsafeBufferPointer(rebasing: childHomes[Int(c.homes.lowerBound)..<Int(c.homes.upperBound)])
        let postcodes = UnsafeBufferPointer(rebasing: childPostcodes[Int(c.postcodes.lowerBound)..<Int(c.postcodes.upperBound)])
        if r.namedHome >= 0 && homes.contains(r.namedHome) { return 1 }
        if r.postcode >= 0 && postcodes.contains(r.postcode) { return 2 }
        if r.streetHome >= 0 && homes.contains(r.streetHome) { return 3 }
        // A text that named a home (which is not this child's) is not compared again.
        if r.address >= 0 && r.namedHome < 0 && r.streetHome < 0 {
            for home in homes {
                let text = homeAddresses[Int(home)]
                guard text >= 0 else { continue }
                let similar = cache.level(r.address, home, field: 3) {
                    addresses[Int(r.address)].isSimilar(to: addresses[Int(text)]) ? 1 : 0
                }
                if similar == 1 { return 4 }
            }
        }
        if r.outward >= 0 && postcodes.contains(where: { postcodeOutwards[Int($0)] == r.outward }) { return 5 }
        return 6
    }
}

/// How two names agree, before the fields' levels are given; the first that applies.
enum NameAgreement: UInt8, Sendable {
    case missing, exact, nickname, close, similar, edits, part, initial, different
    /// The names are written the other way round (a level of its own for both fields).
    case swapped

    /// Exact, a nickname, or Jaro-Winkler at or above 0.92: enough to call a swap.
    var isClose: Bool { self == .exact || self == .nickname || self == .close }

    /// The surname's level (``LinkField/surname``).
    var surnameLevel: UInt8 {
        switch self {
        case .missing: 0
        case .exact: 1
        case .swapped: 2
        case .close, .nickname: 3
        case .similar: 4
        case .edits: 5
        case .part: 6
        case .initial: 7
        case .different: 8
        }
    }

    /// The forename's level (``LinkField/forename``).
    var forenameLevel: UInt8 {
        switch self {
        case .missing: 0
        case .exact: 1
        case .swapped: 2
        case .nickname: 3
        case .close: 4
        case .similar: 5
        case .edits: 6
        case .part: 7
        case .initial: 8
        case .different: 9
        }
    }
}

extension BorrowedNames {
    /// How names `a` and `b` (different, neither empty) agree, the first that applies: a
    /// nickname (when `nicknames`); one the start or end of the other, at least three letters
    /// longer (a double-barrelled name written in part); Jaro-Winkler at or above 0.92 or 0.85;
    /// within two edits (one for names under six letters; none under three); one only an
    /// initial of the other; or different. (`useLetterBound` false reads every pair's names,
    /// for tests to show that the bound changes no level.)
    func agreement(_ a: Int32, _ b: Int32, nicknames: Bool, useLetterBound: Bool = true) -> NameAgreement {
        if nicknames && nicknameGroups[Int(a)].meets(nicknameGroups[Int(b)]) { return .nickname }
        // Most pairs compared are two unrelated names: their letters alone show that no level
        // but "initial only" or "different" can apply, without reading the names.
        let (lettersA, lettersB) = (letters[Int(a)], letters[Int(b)])
        if useLetterBound && lettersA.cannotReach(0.7, with: lettersB) {
            return min(lettersA.length, lettersB.length) == 1 && lettersA.first == lettersB.first ? .initial : .different
        }
        let first = scalars(a)
        let second = scalars(b)
        let shorter = min(first.count, second.count)
        if shorter >= 3 && max(first.count, second.count) >= shorter + 3 {
            let (short, long) = first.count < second.count ? (first, second) : (second, first)
            if long.starts(with: short) || long.reversed().starts(with: short.reversed()) { return .part }
        }
        let jw = JaroWinkler.similarity(first, second)
        if jw >= 0.92 { return .close }
        if jw >= 0.85 { return .similar }
        // Names within two edits score 0.7 or more; below that the edits need not be counted.
        let limit = shorter >= 6 ? 2 : shorter >= 3 ? 1 : 0
        if limit > 0 && jw >= 0.7 && EditDistance.distance(first, second, limit: limit) <= limit { return .edits }
        if shorter == 1 && first[0] == second[0] { return .initial }
        return .different
    }
}

/// The levels of pairs compared before (two names, or an address and a home), so that the
/// same pair met again (the same typo against the same family name, in block after block) is
/// not compared again. One per worker; a fixed number of slots, each holding the last pair that
/// fell in it.
struct LevelCache {
    private var keys: [UInt64]
    private var levels: [UInt8]
    private let shift: UInt64

    /// A cache of 2^`bits` slots.
    init(bits: Int = 16) {
        keys = [UInt64](repeating: .max, count: 1 << bits)
        levels = [UInt8](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    private init() {
        keys = []
        levels = []
        shift = 0
    }

    /// A cache that keeps nothing (and allocates nothing), for comparing one pair.
    static var none: LevelCache { LevelCache() }

    /// The level of items `a` (the report's) and `b` (the child's) of a kind (0 to 3), from the
    /// cache or else from `compute`.
    @inline(__always)
    mutating func level(_ a: Int32, _ b: Int32, field: UInt64, _ compute: () -> UInt8) -> UInt8 {
        guard !keys.isEmpty else { return compute() }
        let (key, slot) = place(a, b, field: field)
        if keys[slot] == key { return levels[slot] }
        let level = compute()
        keys[slot] = key
        levels[slot] = level
        return level
    }

    /// What the slot of `a` and `b` holds (see ``FieldComparison/warm(report:children:cache:)``).
    @inline(__always)
    func peek(_ a: Int32, _ b: Int32, field: UInt64) -> UInt64 {
        guard !keys.isEmpty else { return 0 }
        let slot = place(a, b, field: field).slot
        return keys[slot] &+ UInt64(levels[slot])
    }

    @inline(__always)
    private func place(_ a: Int32, _ b: Int32, field: UInt64) -> (key: UInt64, slot: Int) {
        let key = field << 62 | UInt64(UInt32(bitPattern: a)) << 31 | UInt64(UInt32(bitPattern: b))
        return (key, Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift))
    }
}
