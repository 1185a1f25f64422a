import Foundation

/// What the synthetic data generator produces: the seed, the number of children, the period and
/// the proportions that shape the data.
///
/// The defaults reproduce the targets: about 6.7 LA episodes per child, 40% of children
/// placed out of area, incidents known to both agencies 70% of the time, police only 15%,
/// LA only 15%, and the police reference recorded on half of the LA episodes that have one.
public struct GeneratorConfiguration: Sendable, Hashable {
    /// The seed: the same seed and settings give the same files, byte for byte.
    public var seed: UInt64
    /// The number of children (at least 1). The registers scale with it: about 3 authorities,
    /// 2 forces and 15 homes for 300 children; 150 authorities, 43 forces and 3,000 homes for
    /// 150,000.
    public var children: Int
    /// The last day of the period the data cover; nothing is recorded after its end. Fixed, so
    /// that the generator never reads the clock.
    public var periodEnd: CivilDate
    /// The length of the period in days.
    public var periodDays: Int
    /// The share of incidents known to both agencies.
    public var bothShare: Double
    /// The share of incidents known to the police only (the rest are known to the LA only).
    public var policeOnlyShare: Double
    /// The share of children placed in a home outside their own authority.
    public var outOfAreaShare: Double
    /// The share of LA episodes with a police report on which the LA recorded the reference.
    public var policeRefRecordedShare: Double
    /// The mean number of absences drawn per child (known to both agencies or to one), before
    /// siblings' shared absences are added and overlapping ones dropped. The default, 7.8,
    /// gives about 7.9 incidents and 6.7 LA episodes per child.
    public var meanIncidentsPerChild: Double
    /// How untidily the police record names, dates of birth and addresses.
    public var noise: NoiseLevel
    /// Whether to write the SSDA903 form of the LA's records too, beside the native files:
    /// `ssda903/<authority>/header.csv`, `episodes.csv` and `missing.csv`, and
    /// `ssda903/truth.csv` naming the LA episodes by their SSDA903 ids. The native files are
    /// the same either way.
    public var includesSSDA903 = false

    /// The default settings with a seed and a number of children.
    public init(seed: UInt64, children: Int) {
        self.seed = seed
        self.children = max(1, children)
        periodEnd = CivilDate(daysSinceEpoch: 20_726)  // 2026-09-30
        periodDays = 730
        bothShare = 0.70
        policeOnlyShare = 0.15
        outOfAreaShare = 0.40
        policeRefRecordedShare = 0.50
        meanIncidentsPerChild = 7.8
        noise = .medium
    }

    /// Number of local authorities: one per 1,000 children, at least 3, at most 700.
    var authorityCount: Int { min(700, max(3, (children + 500) / 1000)) }

    /// Number of police forces: about 29% of the authorities, at least 2, at most 43 (as in
    /// England and Wales).
    var forceCount: Int { min(43, max(2, Int(Double(authorityCount) * 0.29))) }

    /// Number of homes: 15 for 300 children, growing a little slower than the children (the
    /// big homes fill up), never fewer than the authorities.
    var homeCount: Int {
        let scaled = 15 * pow(Double(children) / 300, 0.85)
        return max(authorityCount, Int(scaled.rounded()))
    }
}
