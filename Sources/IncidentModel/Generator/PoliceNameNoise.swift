/// How the police wrote one report's person: their own spelling of the names, their own copy
/// of the date of birth, the address as the officer took it down. The slips and their rates are
/// those of ``NoiseLevel``.
struct PoliceNameNoise {
    var forename: String
    var surname: String
    var dob: String
    var sex: String
    var missingFrom: String
    var postcode: String

    /// Draws one report's slips. `lastYear` is the last year of the period: a wrong year of birth
    /// is never later.
    init(
        child: GeneratedWorld.Child, home: GeneratedWorld.Home, rates: NoiseRates, lastYear: Int,
        random: inout SeededRandom
    ) {
        let given = child.forename
        switch NoiseRates.slip(random.unit(), among: [rates.forenameVariant, rates.forenameTypo]) {
        case 0 where !given.variants.isEmpty: forename = random.pick(given.variants)
        case 0, 1: forename = Self.typo(given.name, &random)
        default: forename = given.name
        }
        switch NoiseRates.slip(random.unit(), among: [rates.surnameTypo, rates.surnameSoundSlip, rates.surnameCapitals]) {
        case 0: surname = Self.typo(child.familyName, &random)
        case 1: surname = Self.soundSlip(child.familyName, &random)
        case 2: surname = child.familyName.uppercased()
        default: surname = child.familyName
        }
        let dobSlips = [rates.dobSwap, rates.dobBlank, rates.dobOnePart, rates.dobWrongYear]
        switch NoiseRates.slip(random.unit(), among: dobSlips) {
        case 0:
            // Written month first: where that is no date (a day past the 12th), left blank.
            dob = child.dob.swappingDayAndMonth.map(LocalMinute.ukDate) ?? ""
        case 1:
            dob = ""
        case 2:
            let shifted = CivilDate(year: child.dob.year, month: child.dob.month, day: child.dob.day % 28 + 1)
            dob = LocalMinute.ukDate(shifted ?? child.dob)
        case 3:
            dob = LocalMinute.ukDate(Self.wrongYear(child.dob, lastYear: lastYear, &random))
        default:
            dob = LocalMinute.ukDate(child.dob)
        }
        sex = random.chance(rates.sexUnknown) ? "U" : child.sex.rawValue
        // The address as taken down: with the name, the name alone, the street alone, or nothing.
        switch NoiseRates.slip(random.unit(), among: [rates.placeNameAndStreet, rates.placeName, rates.placeStreet]) {
        case 0: missingFrom = home.name + ", " + home.address
        case 1: missingFrom = home.name
        case 2: missingFrom = home.address
        default: missingFrom = ""
        }
        postcode = random.chance(rates.postcodeBlank) ? "" : home.postcode
        if random.chance(rates.namesSwapped) {
            forename = child.familyName
            surname = given.name
        }
        if random.chance(rates.noAddress) {
            missingFrom = ""
            postcode = ""
        }
    }
}
