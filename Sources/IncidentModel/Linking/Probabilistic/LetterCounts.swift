/// How many times each letter occurs in a name, kept so that two names' shared letters can be
/// counted without reading them: a bound on what Jaro-Winkler can find alike in them.
///
/// Bit `c` of `once`, `twice` and `thrice` says that letter `a` + `c` occurs at least once,
/// twice or three times; `others` counts the name's other characters (accented letters,
/// hyphens, spaces). A name with a letter four times or more, or more than 255 other
/// characters, has no bound (``isBounded`` false).
struct LetterCounts: Sendable {
    private var once: UInt32 = 0
    private var twice: UInt32 = 0
    private var thrice: UInt32 = 0
    private var others: UInt8 = 0
    /// The name's first character (0 for none).
    private(set) var first: UInt32 = 0
    /// How many characters the name has.
    private(set) var length = 0
    /// Whether ``sharedAtMost(_:)`` bounds the name's matches.
    private(set) var isBounded = true

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars {
            let value = scalar.value
            if length == 0 { first = value }
            length += 1
            guard value >= 0x61 && value <= 0x7A else {
                if others == .max { isBounded = false } else { others += 1 }
                continue
            }
            let bit: UInt32 = 1 << (value - 0x61)
            if once & bit == 0 {
                once |= bit
            } else if twice & bit == 0 {
                twice |= bit
            } else if thrice & bit == 0 {
                thrice |= bit
            } else {
                isBounded = false
            }
        }
    }

    /// The most characters the two names can have in common, counted with repeats: for each
    /// letter the fewer of its two counts, plus the fewer of their other characters. Jaro's
    /// matches are never more. Only meaningful when both are ``isBounded``.
    func sharedAtMost(_ other: LetterCounts) -> Int {
        (once & other.once).nonzeroBitCount + (twice & other.twice).nonzeroBitCount
            + (thrice & other.thrice).nonzeroBitCount + Int(min(others, other.others))
    }

    /// Whether Jaro-Winkler cannot reach `similarity` for the two names, and neither can be the
    /// start or end of the other at least three characters long: true only when certain (both
    /// ``isBounded``), from their shared characters alone. Jaro is at most
    /// (m/|a| + m/|b| + 1)/3 for m matches; Winkler's bonus needs the same first character and
    /// is at most 0.1 for each of the first four matches.
    func cannotReach(_ similarity: Double, with other: LetterCounts) -> Bool {
        guard isBounded && other.isBounded && length > 0 && other.length > 0 else { return false }
        let shared = sharedAtMost(other)
        // A part (the shorter name, three characters or more, at the start or end of one at
        // least three longer) is shared in full.
        let (shorter, longer) = (min(length, other.length), max(length, other.length))
        if shorter >= 3 && longer >= shorter + 3 && shared >= shorter { return false }
        guard shared > 0 else { return true }
        let m = Double(shared)
        let jaro = (m / Double(length) + m / Double(other.length) + 1) / 3
        let prefix = first == other.first ? Double(min(4, shared)) : 0
        // A margin for rounding: the bound is used only well below the threshold.
        return jaro + prefix * 0.1 * (1 - jaro) < similarity - 0.01
    }
}
