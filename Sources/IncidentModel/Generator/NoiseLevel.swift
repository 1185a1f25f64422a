/// How untidily the police record a person in generated data: the linkage's difficulty.
///
/// `medium` is the calibrated default the sample data use; `low` halves every slip; `high`
/// makes every kind several times more common and adds dates of birth with the day wrong.
/// The rates, as shares of police reports (shared postcodes: of homes):
///
/// | Slip | low | medium | high |
/// |---|---:|---:|---:|
/// | forename: a nickname or other spelling (for a name that has one) | 2.5% | 5% | 12% |
/// | forename: a keyboard slip (a name with no other spelling also takes the nickname's share) | 1% | 2% | 6% |
/// | surname: a keyboard slip (two letters swapped, one dropped or doubled) | 1.2% | 2.5% | 8% |
/// | surname: a slip that changes its sound (Soundex code) | 1% | 2% | 6% |
/// | surname: in capitals | 6% | 12% | 20% |
/// | forename and surname swapped | 0.75% | 1.5% | 5% |
/// | date of birth: day and month swapped (blank where no such date) | 1% | 2% | 5% |
/// | date of birth: blank | 0.8% | 1.5% | 4% |
/// | date of birth: the day wrong | 0 | 0 | 3% |
/// | date of birth: the year wrong (one digit, or its last two transposed) | 0.75% | 1.5% | 5% |
/// | sex unknown | 0.2% | 0.5% | 2% |
/// | `missing_from`: the home's name and street / name / street / blank | 60/22/15/3% | 50/22/25/3% | 35/20/40/5% |
/// | postcode blank | 3% | 6% | 15% |
/// | no address at all (neither `missing_from` nor postcode) | 1% | 2% | 6% |
/// | homes given the postcode and street of another home of their authority | 4% | 8% | 25% |
///
/// The slips of one field exclude each other; slips of different fields are drawn apart. A
/// report with the names swapped carries the true names, swapped.
public enum NoiseLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case low, medium, high

    /// The slips' rates for one police report, and the homes' shared postcodes.
    var rates: NoiseRates {
        switch self {
        case .low:
            NoiseRates(
                forenameVariant: 0.025, forenameTypo: 0.01, surnameTypo: 0.012, surnameSoundSlip: 0.01,
                surnameCapitals: 0.06, namesSwapped: 0.0075, dobSwap: 0.01, dobBlank: 0.008, dobOnePart: 0,
                dobWrongYear: 0.0075, sexUnknown: 0.002, placeNameAndStreet: 0.6, placeName: 0.22, placeStreet: 0.15,
                postcodeBlank: 0.03, noAddress: 0.01, sharedPostcode: 0.04)
        case .medium:
            NoiseRates(
                forenameVariant: 0.05, forenameTypo: 0.02, surnameTypo: 0.025, surnameSoundSlip: 0.02,
                surnameCapitals: 0.12, namesSwapped: 0.015, dobSwap: 0.02, dobBlank: 0.015, dobOnePart: 0,
                dobWrongYear: 0.015, sexUnknown: 0.005, placeNameAndStreet: 0.5, placeName: 0.22, placeStreet: 0.25,
                postcodeBlank: 0.06, noAddress: 0.02, sharedPostcode: 0.08)
        case .high:
            NoiseRates(
                forenameVariant: 0.12, forenameTypo: 0.06, surnameTypo: 0.08, surnameSoundSlip: 0.06,
                surnameCapitals: 0.20, namesSwapped: 0.05, dobSwap: 0.05, dobBlank: 0.04, dobOnePart: 0.03,
                dobWrongYear: 0.05, sexUnknown: 0.02, placeNameAndStreet: 0.35, placeName: 0.20, placeStreet: 0.40,
                postcodeBlank: 0.15, noAddress: 0.06, sharedPostcode: 0.25)
        }
    }
}

/// The rates of the slips in generated data (see ``NoiseLevel`` for their values), each a share
/// in `0...1`. The slips of one field are one group, drawn with one roll: their shares add up to
/// at most 1, and a report falls in at most one of them.
struct NoiseRates: Sendable, Hashable {
    // The forename.
    var forenameVariant: Double
    var forenameTypo: Double
    // The surname.
    var surnameTypo: Double
    /// A slip that changes the surname's Soundex code.
    var surnameSoundSlip: Double
    var surnameCapitals: Double
    /// The true forename written as the surname and the surname as the forename.
    var namesSwapped: Double
    // The date of birth.
    var dobSwap: Double
    var dobBlank: Double
    /// The day wrong.
    var dobOnePart: Double
    /// The year wrong: one digit, or its last two transposed.
    var dobWrongYear: Double
    var sexUnknown: Double
    // `missing_from`: the home's name and street, its name alone, its street alone; else blank.
    var placeNameAndStreet: Double
    var placeName: Double
    var placeStreet: Double
    var postcodeBlank: Double
    /// Neither `missing_from` nor a postcode.
    var noAddress: Double
    /// The share of homes given the postcode and street of another home of their authority.
    var sharedPostcode: Double

    /// Which slip of a group one roll in `[0, 1)` falls in: the index of the first share whose
    /// running total exceeds `roll`, or `nil` (no slip).
    static func slip(_ roll: Double, among shares: [Double]) -> Int? {
        var total = 0.0
        for (i, share) in shares.enumerated() {
            total += share
            if roll < total { return i }
        }
        return nil
    }
}
