/// One row of the authorities' scorecard: the counts behind every figure of one responsible
/// authority (or of all of them, or of incidents whose authority is unknown) in a period.
/// docs/figures.md defines each figure: numerator, denominator and exclusions.
public struct AuthorityScore: Hashable, Sendable {
    /// The responsible authority; `nil` for the total row and for the unknown row.
    public var authority: AuthorityCode?
    /// The authority's name, "All authorities" or "Authority unknown".
    public var name: String
    /// Distinct children with an incident.
    public var children = 0
    public var incidents = 0
    /// Children with 3 or more incidents in the period.
    public var childrenWithThreeOrMore = 0
    /// Children with 3 or more incidents starting within 90 days.
    public var childrenRepeatedIn90Days = 0
    /// Incidents graded high risk by the police.
    public var highRisk = 0
    /// Incidents the police graded at all: none, and ``highRisk`` is unknown, not 0.
    public var riskGraded = 0
    /// Incidents by provenance: both + police only + LA only = incidents.
    public var knownToBoth = 0
    public var policeOnly = 0
    public var laOnly = 0
    /// Ended incidents known to the authority.
    public var interviewsDue = 0
    /// Of those, the ones whose return interview the authority recorded: the return-interview
    /// rates' denominator. None (an SSDA903 return records no interviews), and the interview
    /// figures are unknown, not 0.
    public var interviewsRecorded = 0
    /// Of those, a return home interview was offered (completed counts as offered).
    public var interviewsOffered = 0
    /// Of those, one was completed within 72 hours of the end.
    public var interviewsInTime = 0
    /// Incidents whose host and responsible authorities are both known.
    public var areaKnown = 0
    /// Of those, the home is outside the responsible authority.
    public var outOfArea = 0
    /// Median duration in hours of the ended incidents; `nil` when none ended.
    public var medianDurationHours: Double?
    /// Ended incidents that lasted more than 24 hours.
    public var over24Hours = 0
    /// Incidents where any source recorded a CSE concern.
    public var cseConcern = 0
    /// Incidents where some source recorded whether there was a CSE concern: none, and
    /// ``cseConcern`` is unknown, not 0.
    public var cseRecorded = 0
    /// Incidents still missing (``CombinedIncident/isStillMissing``).
    public var stillMissing = 0
    /// `children_looked_after` from the register, when known.
    public var childrenLookedAfter: Int?
    /// Incidents in each of the twelve months ending with the period's last month.
    public var monthly = [Int](repeating: 0, count: 12)
    /// In the bottom quarter of authorities for the share known to both agencies.
    public var lowShareKnownToBoth = false
    /// In the bottom quarter of authorities for the share of ended incidents with an interview offered.
    public var lowInterviewRate = false

    public init(authority: AuthorityCode?, name: String) {
        self.authority = authority
        self.name = name
    }

    /// incidents / children; `nil` with no children.
    public var incidentsPerChild: Double? { ratio(incidents, children) }
    /// 100 * knownToBoth / incidents.
    public var percentKnownToBoth: Double? { percent(knownToBoth, incidents) }
    /// 100 * interviewsOffered / interviewsRecorded; `nil` when none was recorded.
    public var percentInterviewOffered: Double? { percent(interviewsOffered, interviewsRecorded) }
    /// 100 * interviewsInTime / interviewsRecorded; `nil` when none was recorded.
    public var percentInterviewInTime: Double? { percent(interviewsInTime, interviewsRecorded) }

    /// Whether the return-interview figures are unknown: ended incidents known to the
    /// authority, none with its interview recorded.
    public var interviewsUnknown: Bool { interviewsDue > 0 && interviewsRecorded == 0 }
    /// Whether the CSE count is unknown: incidents, none with the field recorded.
    public var cseUnknown: Bool { incidents > 0 && cseRecorded == 0 }
    /// Whether the high-risk count is unknown: incidents, none graded by the police.
    public var highRiskUnknown: Bool { incidents > 0 && riskGraded == 0 }
    /// Whether the share known to both agencies is unknown: the scorecard's period holds no
    /// police record at all, so no incident could have been known to both.
    public var knownToBothUnknown = false
    /// 100 * outOfArea / areaKnown.
    public var percentOutOfArea: Double? { percent(outOfArea, areaKnown) }
    /// 100 * children / childrenLookedAfter.
    public var childrenPer100LookedAfter: Double? {
        guard let looked = childrenLookedAfter, looked > 0 else { return nil }
        return percent(children, looked)
    }

    /// The flags' words, for a table cell: `LOW-BOTH`, `LOW-RHI`.
    public var flagWords: [String] {
        (lowShareKnownToBoth ? ["LOW-BOTH"] : []) + (lowInterviewRate ? ["LOW-RHI"] : [])
    }
}

/// `part / whole`; `nil` when `whole` is 0.
func ratio(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

/// `100 * part / whole`; `nil` when `whole` is 0.
func percent(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? 100 * Double(part) / Double(whole) : nil }
