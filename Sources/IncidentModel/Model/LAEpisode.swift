/// One missing or away episode as the local authority recorded it (from `la_episodes.csv`).
public struct LAEpisode: Hashable, Sendable {
    public var id: EpisodeID
    public var child: ChildID
    /// The responsible authority.
    public var localAuthority: AuthorityCode
    public var type: EpisodeType
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

    public init(
        id: EpisodeID, child: ChildID, localAuthority: AuthorityCode, type: EpisodeType, startedAt: Timestamp,
        endedAt: Timestamp? = nil, placement: HomeURN? = nil, policeRef: PoliceRef? = nil,
        returnInterviewOffered: Bool? = nil, returnInterviewCompletedAt: Timestamp? = nil, cseConcern: Bool? = nil
    ) {
        self.id = id
        self.child = child
        self.localAuthority = localAuthority
        self.type = type
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.placement = placement
        self.policeRef = policeRef
        self.returnInterviewOffered = returnInterviewOffered
        self.returnInterviewCompletedAt = returnInterviewCompletedAt
        self.cseConcern = cseConcern
    }
}
