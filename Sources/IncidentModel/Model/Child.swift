/// A child looked after by a local authority (from `children.csv`).
public struct Child: Hashable, Sendable {
    /// The authority's own id for the child.
    public var id: ChildID
    /// The responsible authority.
    public var localAuthority: AuthorityCode
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: CivilDate?
    public var sex: Sex
    /// The child's current placement.
    public var placement: HomeURN?

    public init(
        id: ChildID, localAuthority: AuthorityCode, givenName: String, familyName: String,
        dateOfBirth: CivilDate?, sex: Sex, placement: HomeURN?
    ) {
        self.id = id
        self.localAuthority = localAuthority
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.placement = placement
    }
}
