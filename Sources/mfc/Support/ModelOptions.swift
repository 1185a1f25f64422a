import ArgumentParser
import IncidentModel

/// The probabilistic model's bands, each the default unless given: for `mfc evaluate` and
/// `mfc explain`, and within ``LinkOptions`` for the commands that build incidents.
struct ModelOptions: ParsableArguments {
    private static let defaults = ProbabilisticPersonLinker.Thresholds()

    @Option(help: ArgumentHelp(
        "A report links to its best candidate at this total weight or more (default \(Self.defaults.link.formatted)).",
        valueName: "weight"))
    var linkWeight: Double?

    @Option(help: ArgumentHelp(
        "Below the link weight, from this weight the best candidate goes to review (default \(Self.defaults.review.formatted)).",
        valueName: "weight"))
    var reviewWeight: Double?

    @Option(help: ArgumentHelp(
        "How far the best candidate must score above the next to link without review (default \(Self.defaults.margin.formatted)).",
        valueName: "weight"))
    var margin: Double?

    func validate() throws {
        for (name, value) in [("--link-weight", linkWeight), ("--review-weight", reviewWeight), ("--margin", margin)] {
            if let value, !value.isFinite { throw ValidationError("\(name) must be a number") }
        }
        // With no margin, twins of one name and date of birth would be linked to whichever comes first.
        if let margin, margin <= 0 { throw ValidationError("--margin must be above 0") }
        let thresholds = self.thresholds
        if thresholds.review > thresholds.link {
            throw ValidationError(
                "the review weight (\(thresholds.review.formatted)) must not be above the link weight (\(thresholds.link.formatted))")
        }
    }

    /// The bands given, each defaulted.
    var thresholds: ProbabilisticPersonLinker.Thresholds {
        ProbabilisticPersonLinker.Thresholds(
            link: linkWeight ?? Self.defaults.link, review: reviewWeight ?? Self.defaults.review,
            margin: margin ?? Self.defaults.margin)
    }

    /// Whether any band was given.
    var isGiven: Bool { linkWeight != nil || reviewWeight != nil || margin != nil }

    /// The model with these bands.
    var linker: ProbabilisticPersonLinker { ProbabilisticPersonLinker(thresholds: thresholds) }
}

private extension Double {
    /// The number as typed: `12`, `4.5`, `1e+20`.
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
