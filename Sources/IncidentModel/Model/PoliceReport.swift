/// One missing-person report as a police force recorded it (from `police_reports.csv`).
public struct PoliceReport: Hashable, Sendable {
    public var ref: PoliceRef
    public var force: ForceCode?
    public var forename: String
    public var surname: String
    public var dateOfBirth: CivilDate?
    public var sex: Sex
    /// The address the person went missing from, as written (often a home's name and street).
    public var missingFrom: String
    public var missingFromPostcode: Postcode?
    public var lastSeenAt: Timestamp?
    public var reportedAt: Timestamp?
    /// `nil` while the person is still missing.
    public var foundAt: Timestamp?
    public var risk: RiskLevel?
    public var cseConcern: Bool?

    public init(
        ref: PoliceRef, force: ForceCode?, forename: String, surname: String, dateOfBirth: CivilDate?, sex: Sex,
        missingFrom: String = "", missingFromPostcode: Postcode? = nil, lastSeenAt: Timestamp?,
        reportedAt: Timestamp?, foundAt: Timestamp? = nil, risk: RiskLevel? = nil, cseConcern: Bool? = nil
    ) {
        self.ref = ref
        self.force = force
        self.forename = forename
        self.surname = surname
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.missingFrom = missingFrom
        self.missingFromPostcode = missingFromPostcode
        self.lastSeenAt = lastSeenAt
        self.reportedAt = reportedAt
        self.foundAt = foundAt
        self.risk = risk
        self.cseConcern = cseConcern
    }

    /// When the absence began: the time last seen, or the time reported when that is missing.
    /// Import rejects a report with neither, so an accepted report always has a start.
    public var startedAt: Timestamp? { lastSeenAt ?? reportedAt }
}
