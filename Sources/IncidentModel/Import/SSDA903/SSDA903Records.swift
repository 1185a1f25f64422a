/// A row of the SSDA903 `Header` table: a child, with no name.
struct SSDA903Child: Sendable {
    let id: ChildID
    let sex: Sex
    let dateOfBirth: CivilDate?
}

/// A row of the SSDA903 `Episodes` table: one placement episode of a child, `DECOM` to `DEC`.
struct SSDA903Placement: Hashable, Sendable {
    let child: ChildID
    /// `DECOM`: the day the placement episode began.
    let start: CivilDate
    /// `DEC`: the day it ceased; `nil` while it goes on.
    let end: CivilDate?
    /// `URN`: the placement's Ofsted URN; `nil` for `XXXXXXX` (not applicable) or blank.
    let urn: HomeURN?
    /// `PLACE`: the placement type code (`K2` a children's home, ...), as written.
    let placeType: String
    /// `PL_POST`: the placement's postcode.
    let postcode: Postcode?

    init(child: ChildID, start: CivilDate, end: CivilDate?, urn: HomeURN?, placeType: String = "", postcode: Postcode? = nil) {
        self.child = child
        self.start = start
        self.end = end
        self.urn = urn
        self.placeType = placeType
        self.postcode = postcode
    }
}

/// A row of the SSDA903 `Missing` table: one missing or away period, dates only.
struct SSDA903MissingPeriod: Sendable {
    let child: ChildID
    /// `DOB` as the Missing table gives it.
    let dateOfBirth: CivilDate?
    let type: EpisodeType
    let start: CivilDate
    let end: CivilDate?
    /// The row's line, which keeps two periods of one child and day apart.
    let line: Int
}
