/// One missing or away episode as the local authority recorded it (from `la_episodes.csv`).
public struct LAEpisode: Hashable, Sendable {
    public var id: EpisodeID
    public var child: ChildID
    public var type: EpisodeType
    /// The responsible authority.
    public var localAuthority: AuthorityCode
    public var startedAt: Timestamp
    /// `nil` while the child is still missing.
    public var endedAt: Timestamp?
    /// The placement the child went missing from.
    public var placement: HomeURN?
    /// The police reference, when the authority recorded one: a certain link to a police report.
    public var policeRef: PoliceRef?
    /// Whether a return home interview was offered; `nil` when not recorded.
    public var returnInterviewOffered: Bool?
    public var returnInterviewCompletedAt: Timestamp?
    public var cseConcern: Bool?
}

extension LAEpisode {
    public init(
        id: EpisodeID, child: ChildID, localAuthority: AuthorityCode, type: EpisodeType, startedAt: Timestamp,
        endedAt: Timestamp? = nil, placement: HomeURN? = nil, policeRef: PoliceRef? = nil,
        returnInterviewOffered: Bool? = nil, returnInterviewCompletedAt: Timestamp? = nil, cseConcern: Bool? = nil
    ) {
        // The memberwise initializer (type before authority) builds the value in place;
        // assigning each property here would copy the episode once more (Swift 6.3).
        self.init(
            id: id, child: child, type: type, localAuthority: localAuthority, startedAt: startedAt, endedAt: endedAt,
            placement: placement, policeRef: policeRef, returnInterviewOffered: returnInterviewOffered,
            returnInterviewCompletedAt: returnInterviewCompletedAt, cseConcern: cseConcern)
    }
}
