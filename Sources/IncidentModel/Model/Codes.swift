/// A person's recorded sex. Matched without regard to case: `M`/`F`/`U`,
/// `Male`/`Female`/`Unknown`, or the SSDA903's `1` (male) and `2` (female).
public enum Sex: String, Sendable, Hashable, CaseIterable, Codable {
    case male = "M"
    case female = "F"
    case unknown = "U"

    /// Parses a coded value; `nil` when the text is not one of the accepted codes.
    public init?(code: some StringProtocol) {
        guard let sex = Self.spellings.value(code.utf8) else { return nil }
        self = sex
    }

    /// The accepted codes, folded for matching.
    static let spellings = CodeTable<Sex>([
        "m": .male, "male": .male, "1": .male, "f": .female, "female": .female, "2": .female,
        "u": .unknown, "unknown": .unknown, "": .unknown,
    ])

    /// The accepted spellings, for messages.
    public static let expected = "M, F or U (Male, Female, Unknown; 1 or 2)"
}

/// The police's risk grading of a missing person, lowest first.
public enum RiskLevel: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case noApparentRisk = 0
    case veryLow = 1
    case low = 2
    case medium = 3
    case high = 4

    /// Parses a grade without regard to case, spaces or hyphens (`no apparent risk`, `Very-Low`).
    public init?(code: some StringProtocol) {
        guard let level = Self.spellings.value(code.utf8) else { return nil }
        self = level
    }

    /// The accepted grades, folded for matching.
    static let spellings = CodeTable<RiskLevel>(lettersOnly: true, [
        "noapparentrisk": .noApparentRisk, "absent": .noApparentRisk, "none": .noApparentRisk,
        "verylow": .veryLow, "low": .low, "medium": .medium, "high": .high,
    ])

    /// The grade as the police file spells it.
    public var label: String {
        switch self {
        case .noApparentRisk: "no apparent risk"
        case .veryLow: "very low"
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        }
    }

    /// The accepted spellings, for messages.
    public static let expected = "no apparent risk, very low, low, medium or high"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The kind of a local-authority episode: missing, or away from placement without authorisation.
public enum EpisodeType: String, Sendable, Hashable, CaseIterable, Codable {
    case missing = "M"
    case away = "A"

    /// Parses `M` or `A` (or `missing` / `away`) without regard to case.
    public init?(code: some StringProtocol) {
        guard let type = Self.spellings.value(code.utf8) else { return nil }
        self = type
    }

    /// The accepted codes, folded for matching.
    static let spellings = CodeTable<EpisodeType>(["m": .missing, "missing": .missing, "a": .away, "away": .away])

    /// The accepted spellings, for messages.
    public static let expected = "M (missing) or A (away without authorisation)"
}

/// An Ofsted overall-effectiveness judgement of a children's home.
public enum OfstedRating: String, Sendable, Hashable, CaseIterable, Codable {
    case outstanding = "Outstanding"
    case good = "Good"
    case requiresImprovement = "Requires improvement"
    case inadequate = "Inadequate"
    case notYetInspected = "Not yet inspected"

    /// Parses a judgement without regard to case or spacing.
    public init?(code: some StringProtocol) {
        let key = LetterKey(code, lettersOnly: true).text
        guard let match = Self.allCases.first(where: { LetterKey($0.rawValue, lettersOnly: true).text == key }) else {
            return nil
        }
        self = match
    }

    /// Whether the home is judged Good or Outstanding (the inquiry's R6 watch).
    public var isGoodOrBetter: Bool { self == .good || self == .outstanding }

    /// The accepted spellings, for messages.
    public static let expected = "Outstanding, Good, Requires improvement, Inadequate or Not yet inspected"
}

/// Parses a yes/no flag (`Y`, `N`, `Yes`, `No`, `true`, `false`, `1`, `0`) without regard to case.
func parseFlag(_ text: some StringProtocol) -> Bool? {
    flagSpellings.value(text.utf8)
}

/// The accepted spellings of a yes/no flag, folded for matching.
let flagSpellings = CodeTable<Bool>([
    "y": true, "yes": true, "true": true, "1": true, "n": false, "no": false, "false": false, "0": false,
])

/// A coded value folded for matching: ASCII letters lowered, and with `lettersOnly` everything
/// but letters and digits dropped. Short codes stay in a string's inline storage, so folding
/// allocates nothing.
struct LetterKey {
    let text: String

    init(_ code: some StringProtocol, lettersOnly: Bool = false) {
        let utf8 = code.utf8
        text = String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for var b in utf8 {
                if b >= 65 && b <= 90 { b += 32 }
                let isAlphanumeric = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80
                if lettersOnly && !isAlphanumeric { continue }
                buffer[count] = b
                count += 1
            }
            return count
        }
    }
}
