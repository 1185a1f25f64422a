/// One absence of one child, as known to one or both agencies: one or more LA episodes and zero
/// or more police reports, or police reports alone (DESIGN section 4).
///
/// Every derived fact is computed once, by ``IncidentBuilder``, from the source records whose
/// ids the incident carries, so each figure can be traced back to its rows.
public struct CombinedIncident: Hashable, Sendable, Identifiable {
    public var id: IncidentID
    /// Which agencies know of the absence.
    public var provenance: Provenance
    /// The local authority's child, when the incident has an LA episode or a linked person.
    public var child: ChildID?
    /// Name, date of birth and sex: the authority's record when there is one, else the police's.
    public var person: PersonSummary
    /// The authority responsible for the child.
    public var responsibleAuthority: AuthorityCode?
    /// The home the child went missing from.
    public var home: HomeURN?
    /// The host authority: the one the home stands in.
    public var hostAuthority: AuthorityCode?
    /// The police force of the home's area, or the reporting force when the home is unknown.
    public var force: ForceCode?
    /// The earliest start among the sources.
    public var start: Instant
    /// The latest end any source recorded; `nil` only when no source recorded an end. When one
    /// source ended and another is still open, the incident ends at the recorded end and
    /// carries the ``Discrepancies/openAndClosed`` discrepancy.
    public var end: Instant?
    /// The highest police risk grade among the reports.
    public var highestRisk: RiskLevel?
    public var returnInterview: ReturnInterview
    /// Whether any source recorded a concern of child sexual exploitation: `true` when one did,
    /// `false` when the sources recorded the field and none did, `nil` when no source recorded
    /// it (an SSDA903 return has no such field): unknown, never "no".
    public var cseConcern: Bool?
    public var discrepancies: Discrepancies
    /// Whether the incident is one of 3 or more of the child's within 90 days
    /// (``RepeatMissing``); set over all the incidents when they are linked.
    public var isRepeat: Bool
    /// The LA episodes behind the incident, in start order.
    public var episodeIDs: [EpisodeID]
    /// The police reports behind the incident, in start order.
    public var policeRefs: [PoliceRef]

    /// Whether the child is still missing: no source recorded an end, and the child has no later
    /// incident. The one definition behind every "still missing" figure (docs/figures.md): an
    /// open record followed by a later incident of the same child carries the
    /// ``Discrepancies/openThenLater`` discrepancy instead, and is not counted as missing.
    public var isStillMissing: Bool { end == nil && !discrepancies.contains(.openThenLater) }

    /// Hours from start to end; `nil` when no source recorded an end.
    public var durationHours: Double? { end.map { start.hours(until: $0) } }

    /// Whether the home stands outside the responsible authority's area; `nil` when either
    /// authority is unknown.
    public var isOutOfArea: Bool? {
        guard let host = hostAuthority, let responsible = responsibleAuthority else { return nil }
        return host != responsible
    }

    /// Whether the police graded the absence high risk.
    public var isHighRisk: Bool { highestRisk == .high }
}

extension CombinedIncident {
    public init(
        id: IncidentID, provenance: Provenance, child: ChildID?, person: PersonSummary,
        responsibleAuthority: AuthorityCode?, home: HomeURN?, hostAuthority: AuthorityCode?, force: ForceCode?,
        start: Instant, end: Instant?, highestRisk: RiskLevel?, returnInterview: ReturnInterview,
        cseConcern: Bool?, discrepancies: Discrepancies, episodeIDs: [EpisodeID], policeRefs: [PoliceRef],
        isRepeat: Bool = false
    ) {
        // The memberwise initializer (its `isRepeat` comes before the ids) builds the value in
        // place; assigning each property here would copy the incident once more (Swift 6.3).
        self.init(
            id: id, provenance: provenance, child: child, person: person, responsibleAuthority: responsibleAuthority,
            home: home, hostAuthority: hostAuthority, force: force, start: start, end: end, highestRisk: highestRisk,
            returnInterview: returnInterview, cseConcern: cseConcern, discrepancies: discrepancies,
            isRepeat: isRepeat, episodeIDs: episodeIDs, policeRefs: policeRefs)
    }
}

/// Which agencies' records an incident rests on.
public enum Provenance: String, Sendable, Hashable, CaseIterable, Codable {
    /// Both the police and the local authority recorded it.
    case both
    /// Only the police: the authority did not know, or the records could not be linked.
    case policeOnly = "police"
    /// Only the authority: the police were not told, or the records could not be linked.
    case laOnly = "la"

    /// Words for a table cell.
    public var label: String {
        switch self {
        case .both: "both"
        case .policeOnly: "police only"
        case .laOnly: "LA only"
        }
    }
}

/// The person an incident is about, as shown and exported.
public struct PersonSummary: Hashable, Sendable {
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: CivilDate?
    public var sex: Sex

    public init(givenName: String, familyName: String, dateOfBirth: CivilDate?, sex: Sex) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
    }

    /// "Given Family".
    public var fullName: String {
        [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Whether a return home interview was offered and done within 72 hours of the incident's end.
public enum ReturnInterview: String, Sendable, Hashable, CaseIterable, Codable {
    /// Completed within 72 hours of the end.
    case completedInTime = "completed in 72h"
    /// Completed, but more than 72 hours after the end.
    case completedLate = "completed late"
    /// Offered, not (yet) completed.
    case offered
    /// Recorded as not offered.
    case notOffered = "not offered"
    /// The authority did not record whether one was offered (an SSDA903 return never does):
    /// unknown, so left out of the return-interview rates (docs/figures.md).
    case notRecorded = "not recorded"
    /// Not applicable: the incident is ongoing, or the authority has no record of it.
    case notApplicable = "n/a"

    /// Whether an interview was offered (completed counts as offered).
    public var wasOffered: Bool { self == .offered || self == .completedInTime || self == .completedLate }

    /// Whether the authority recorded the interview for an ended incident it knew of: the
    /// return-interview rates count only these.
    public var isRecorded: Bool { self != .notRecorded && self != .notApplicable }
}

/// Disagreements between the sources of one incident.
public struct Discrepancies: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The sources' starts are more than 24 hours apart.
    public static let startsApart = Discrepancies(rawValue: 1 << 0)
    /// One source is still open while another has ended: the incident ends at the recorded end.
    public static let openAndClosed = Discrepancies(rawValue: 1 << 1)
    /// The sources name different homes.
    public static let differentHomes = Discrepancies(rawValue: 1 << 2)
    /// No source recorded an end, yet the child has a later incident: the record was left open,
    /// the child is not still missing (``StillMissing``).
    public static let openThenLater = Discrepancies(rawValue: 1 << 3)

    /// Short names, for table cells and exports.
    public var labels: [String] {
        var result: [String] = []
        if contains(.startsApart) { result.append("starts >24h apart") }
        if contains(.openAndClosed) { result.append("open/closed") }
        if contains(.differentHomes) { result.append("different homes") }
        if contains(.openThenLater) { result.append("open, later incident") }
        return result
    }
}
