extension PoliceNameNoise {
    /// One slip of the keyboard: two letters swapped, one dropped or one doubled.
    static func typo(_ name: String, _ random: inout SeededRandom) -> String {
        var letters = Array(name)
        guard letters.count >= 4 else { return name }
        let i = random.int(1...(letters.count - 2))
        switch random.below(3) {
        case 0: letters.swapAt(i, i + 1)
        case 1: letters.remove(at: i)
        default: letters.insert(letters[i], at: i)
        }
        let result = String(letters)
        return result == name ? String(letters.dropLast()) : result
    }

    /// Consonants a slip may bring in, from every Soundex class.
    private static let consonants = Array("BCDFGJKLMNPRSTVZ")

    /// A slip that changes how a name sounds, so that its Soundex code differs: the first letter
    /// replaced, a later letter replaced by a consonant, or a consonant slipped in (Berry written
    /// Bernry, Miles written Milfs). A slip that leaves the code as it was is drawn again; after
    /// eight tries the first letter is replaced, which always changes the code.
    static func soundSlip(_ name: String, _ random: inout SeededRandom) -> String {
        let code = Soundex.code(name)
        let letters = Array(name)
        guard let first = letters.first else { return name }
        for _ in 0..<8 {
            var slipped = letters
            let consonant = random.pick(consonants)
            switch letters.count < 2 ? 0 : random.below(3) {
            case 0:
                slipped[0] = first.isUppercase ? consonant : Character(consonant.lowercased())
            case 1:
                let i = random.int(1...(letters.count - 1))
                guard letters[i].isLetter else { continue }
                slipped[i] = Character(consonant.lowercased())
            default:
                slipped.insert(Character(consonant.lowercased()), at: random.int(1...(letters.count - 1)))
            }
            let result = String(slipped)
            if Soundex.code(result) != code { return result }
        }
        let others = consonants.filter { String($0) != first.uppercased() }
        var slipped = letters
        slipped[0] = random.pick(others)
        return String(slipped)
    }

    /// A date of birth with its year miswritten: one digit of it wrong (the last, or the tens
    /// by one) or its last two digits transposed, as 2006-01-21 written 2009-01-21 or 2012 as
    /// 2021. Never later than `lastYear` and never a day that does not exist (29 February); the
    /// true date when no such year is found in eight tries.
    static func wrongYear(_ date: CivilDate, lastYear: Int, _ random: inout SeededRandom) -> CivilDate {
        let year = date.year
        let (tens, units) = (year / 10 % 10, year % 10)
        for _ in 0..<8 {
            let candidate: Int
            switch random.below(3) {
            case 0: candidate = year - units + (units + random.int(1...9)) % 10
            case 1:
                let step = tens == 0 ? 1 : tens == 9 ? -1 : random.chance(0.5) ? 1 : -1
                candidate = year + 10 * step
            default: candidate = year - tens * 10 - units + units * 10 + tens
            }
            if candidate != year, candidate <= lastYear, let wrong = CivilDate(year: candidate, month: date.month, day: date.day) {
                return wrong
            }
        }
        return date
    }
}
