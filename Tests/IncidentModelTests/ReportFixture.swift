import Foundation
@testable import IncidentModel

/// A small hand-made dataset whose figures are worked out by hand in the report tests (UTC, so
/// hours are as written). Seven incidents fall in the default period, 2023-07-01 to 2024-06-30:
///
/// | incident | child | resp | home (host, force) | start (weekday) | length | provenance | notes |
/// |---|---|---|---|---|---|---|---|
/// | I1 E1+P1 | C1 | 901 | H1 (901, F1) | 2024-01-10 10:00 (Wed) | 10h | both | high risk; RHI done in 72h |
/// | I2 E2 | C1 | 901 | H1 | 2024-02-01 08:00 (Thu) | 48h | LA only | RHI not offered; CSE |
/// | I3 E3 | C1 | 901 | H1 | 2024-03-15 12:00 (Fri) | ongoing | LA only | |
/// | I4 E4 | C2 | 901 | H2 (902, F2) | 2024-04-01 00:00 (Mon) | 6h | LA only | out of area; RHI done late |
/// | I5 E5 | C3 | 902 | H2 | 2024-05-01 22:00 (Wed) | 4h | LA only | RHI not recorded (unknown) |
/// | I6 P2 | (Zed Zulu) | ? | ? (force F2) | 2024-06-10 03:00 (Mon) | 2h | police only | medium risk |
/// | I7 P3 | C4 | 902 | H1 | 2024-06-20 14:00 (Thu) | 26h | police only | high risk; CSE; out of area |
///
/// E6 (C3, 2023-06-15) falls before the period.
enum ReportFixture {
    static let zone = LocalTimeZone.utc

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Timestamp {
        let date = CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
        return Timestamp(instant: zone.instant(date: date, secondsIntoDay: hour * 3600))
    }

    static func dob(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day) }

    static let dataset = Dataset(
        forces: [PoliceForce(code: "F1", name: "Northshire Police"), PoliceForce(code: "F2", name: "Southshire Police")],
        authorities: [
            Authority(code: "901", name: "Northtown", policeForce: "F1", childrenLookedAfter: 100),
            Authority(code: "902", name: "Southvale", policeForce: "F2"),
        ],
        homes: [
            Home(urn: "SC000001", name: "Oak House", address: "1 Oak Lane", postcode: Postcode("NT1 1AA"), localAuthority: "901",
                 policeForce: "F1", rating: .good, places: 4),
            Home(urn: "SC000002", name: "Elm Lodge", address: "2 Elm Road", postcode: Postcode("SV2 2BB"), localAuthority: "902",
                 policeForce: "F2", rating: .outstanding, places: 2),
            Home(urn: "SC000003", name: "Ash Court", address: "3 Ash Street", postcode: Postcode("NT3 3CC"), localAuthority: "901",
                 policeForce: "F1", rating: .inadequate),
        ],
        children: [
            Child(id: "C1", localAuthority: "901", givenName: "Amy", familyName: "Able", dateOfBirth: dob(2010, 1, 1), sex: .female, placement: "SC000001"),
            Child(id: "C2", localAuthority: "901", givenName: "Ben", familyName: "Bell", dateOfBirth: dob(2009, 6, 1), sex: .male, placement: "SC000002"),
            Child(id: "C3", localAuthority: "902", givenName: "Cara", familyName: "Cole", dateOfBirth: dob(2011, 2, 3), sex: .female, placement: "SC000002"),
            Child(id: "C4", localAuthority: "902", givenName: "Dev", familyName: "Dunn", dateOfBirth: dob(2008, 9, 9), sex: .male, placement: "SC000001"),
        ],
        episodes: [
            LAEpisode(id: "E1", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2024, 1, 10, 10),
                      endedAt: at(2024, 1, 10, 20), placement: "SC000001", policeRef: "P1", returnInterviewOffered: true,
                      returnInterviewCompletedAt: at(2024, 1, 11, 9)),
            LAEpisode(id: "E2", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2024, 2, 1, 8),
                      endedAt: at(2024, 2, 3, 8), placement: "SC000001", returnInterviewOffered: false, cseConcern: true),
            LAEpisode(id: "E3", child: "C1", localAuthority: "901", type: .away, startedAt: at(2024, 3, 15, 12), placement: "SC000001"),
            LAEpisode(id: "E4", child: "C2", localAuthority: "901", type: .missing, startedAt: at(2024, 4, 1, 0),
                      endedAt: at(2024, 4, 1, 6), placement: "SC000002", returnInterviewOffered: true,
                      returnInterviewCompletedAt: at(2024, 4, 10, 9)),
            LAEpisode(id: "E5", child: "C3", localAuthority: "902", type: .missing, startedAt: at(2024, 5, 1, 22),
                      endedAt: at(2024, 5, 2, 2), placement: "SC000002"),
            LAEpisode(id: "E6", child: "C3", localAuthority: "902", type: .missing, startedAt: at(2023, 6, 15, 10),
                      endedAt: at(2023, 6, 15, 12), placement: "SC000002"),
        ],
        policeReports: [
            PoliceReport(ref: "P1", force: "F1", forename: "Amy", surname: "Able", dateOfBirth: dob(2010, 1, 1), sex: .female,
                         missingFrom: "Oak House", lastSeenAt: at(2024, 1, 10, 11), reportedAt: at(2024, 1, 10, 12),
                         foundAt: at(2024, 1, 10, 19), risk: .high),
            PoliceReport(ref: "P2", force: "F2", forename: "Zed", surname: "Zulu", dateOfBirth: dob(2007, 7, 7), sex: .male,
                         missingFrom: "a park", lastSeenAt: at(2024, 6, 10, 3), reportedAt: at(2024, 6, 10, 4),
                         foundAt: at(2024, 6, 10, 5), risk: .medium),
            PoliceReport(ref: "P3", force: "F1", forename: "Dev", surname: "Dunn", dateOfBirth: dob(2008, 9, 9), sex: .male,
                         missingFrom: "Oak House", missingFromPostcode: Postcode("NT1 1AA"), lastSeenAt: at(2024, 6, 20, 14),
                         reportedAt: at(2024, 6, 20, 15), foundAt: at(2024, 6, 21, 16), risk: .high, cseConcern: true),
        ]
    )

    static let linked = IncidentLinker().link(dataset)
    static let data = ReportData(linked: linked, zone: zone)
    static var period: ReportPeriod {
        ReportPeriod(from: at(2023, 7, 1, 0).instant, to: at(2024, 7, 1, 0).instant) ?? ReportPeriod.twelveMonths(endingWith: at(2024, 6, 1, 0).instant, zone: zone)
    }
    static var scope: ReportScope { ReportScope(period: period) }
}
