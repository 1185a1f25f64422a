/// A local authority (from `authorities.csv`).
public struct Authority: Hashable, Sendable {
    /// DfE three-digit code.
    public var code: AuthorityCode
    public var name: String
    /// The police force whose area covers the authority, when known.
    public var policeForce: ForceCode?
    /// Children looked after by the authority: the scorecard's denominator, when known.
    public var childrenLookedAfter: Int?

    public init(code: AuthorityCode, name: String, policeForce: ForceCode? = nil, childrenLookedAfter: Int? = nil) {
        self.code = code
        self.name = name
        self.policeForce = policeForce
        self.childrenLookedAfter = childrenLookedAfter
    }
}

/// A police force (from `forces.csv`).
public struct PoliceForce: Hashable, Sendable {
    public var code: ForceCode
    public var name: String

    public init(code: ForceCode, name: String) {
        self.code = code
        self.name = name
    }
}

/// A children's home in the register (from `homes.csv`).
public struct Home: Hashable, Sendable {
    /// Ofsted URN.
    public var urn: HomeURN
    public var name: String
    public var provider: String
    /// Street address, without the postcode.
    public var address: String
    public var postcode: Postcode?
    /// The host authority: the one whose area the home stands in.
    public var localAuthority: AuthorityCode?
    /// The police force whose area the home stands in.
    public var policeForce: ForceCode?
    public var rating: OfstedRating?
    /// Registered places (beds), when known.
    public var places: Int?

    public init(
        urn: HomeURN, name: String, provider: String = "", address: String = "", postcode: Postcode? = nil,
        localAuthority: AuthorityCode? = nil, policeForce: ForceCode? = nil, rating: OfstedRating? = nil,
        places: Int? = nil
    ) {
        self.urn = urn
        self.name = name
        self.provider = provider
        self.address = address
        self.postcode = postcode
        self.localAuthority = localAuthority
        self.policeForce = policeForce
        self.rating = rating
        self.places = places
    }
}
