/// One missing-person report as a police force recorded it (from `police_reports.csv`).
public struct PoliceReport: Hashable, Sendable {
    public var ref: PoliceRef
    public var force: ForceCode?
    public var surname: String
    public var forename: String
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

    /// When the absence began: the time last seen, or the time reported when that is missing.
    /// Import rejects a report with neither, so an accepted report always has a start.
    public var startedAt: Timestamp? { lastSeenAt ?? reportedAt }
}

extension PoliceReport {
    public init(
        ref: PoliceRef, force: ForceCode?, forename: String, surname: String, dateOfBirth: CivilDate?, sex: Sex,
        missingFrom: String = "", missingFromPostcode: Postcode? = nil, lastSeenAt: Timestamp?,
        reportedAt: Timestamp?, foundAt: Timestamp? = nil, risk: RiskLevel? = nil, cseConcern: Bool? = nil
    ) {
        // The memberwise initializer (surname before forename) builds the value in place;
        // assigning each property here would copy the report once more (Swift 6.3).
        self.init(
            ref: ref, force: force, surname: surname, forename: forename, dateOfBirth: dateOfBirth, sex: sex,
            missingFrom: missingFrom, missingFromPostcode: missingFromPostcode, lastSeenAt: lastSeenAt,
            reportedAt: reportedAt, foundAt: foundAt, risk: risk, cseConcern: cseConcern)
    }
}
