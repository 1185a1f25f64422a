/// How untidily the police record a person in generated data: the linkage's difficulty.
///
/// `medium` is the calibrated default the sample data use; `low` halves the slips; `high`
/// makes every kind several times more common and adds dates of birth with one part wrong.
public enum NoiseLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case low, medium, high

    /// The slips' thresholds for one police report (cumulative, so `medium` repeats the
    /// calibrated constants exactly).
    var rates: NoiseRates {
        switch self {
        case .low:
            NoiseRates(forenameVariantUpTo: 0.025, forenameTypoUpTo: 0.035, surnameTypoUpTo: 0.012,
                       surnameCapitalsUpTo: 0.072, dobSwapUpTo: 0.01, dobBlankUpTo: 0.018, dobOnePartUpTo: 0.018,
                       sexUnknown: 0.002, postcodeBlank: 0.03, placeNameAndStreetUpTo: 0.6,
                       placeNameUpTo: 0.82, placeStreetUpTo: 0.97)
        case .medium:
            NoiseRates(forenameVariantUpTo: 0.05, forenameTypoUpTo: 0.07, surnameTypoUpTo: 0.025,
                       surnameCapitalsUpTo: 0.145, dobSwapUpTo: 0.02, dobBlankUpTo: 0.035, dobOnePartUpTo: 0.035,
                       sexUnknown: 0.005, postcodeBlank: 0.06, placeNameAndStreetUpTo: 0.5,
                       placeNameUpTo: 0.72, placeStreetUpTo: 0.97)
        case .high:
            NoiseRates(forenameVariantUpTo: 0.12, forenameTypoUpTo: 0.18, surnameTypoUpTo: 0.08,
                       surnameCapitalsUpTo: 0.28, dobSwapUpTo: 0.05, dobBlankUpTo: 0.09, dobOnePartUpTo: 0.12,
                       sexUnknown: 0.02, postcodeBlank: 0.15, placeNameAndStreetUpTo: 0.35,
                       placeNameUpTo: 0.55, placeStreetUpTo: 0.95)
        }
    }
}

/// Thresholds of a police report's slips, each in `0...1`. Those named `UpTo` are cumulative
/// within their group: a roll below the first gives the first slip, below the second the second.
struct NoiseRates: Sendable, Hashable {
    var forenameVariantUpTo: Double
    var forenameTypoUpTo: Double
    var surnameTypoUpTo: Double
    var surnameCapitalsUpTo: Double
    var dobSwapUpTo: Double
    var dobBlankUpTo: Double
    /// One of day, month or year wrong.
    var dobOnePartUpTo: Double
    var sexUnknown: Double
    var postcodeBlank: Double
    /// The address with the home's name and street; then the name alone; then the street alone.
    var placeNameAndStreetUpTo: Double
    var placeNameUpTo: Double
    var placeStreetUpTo: Double
}
