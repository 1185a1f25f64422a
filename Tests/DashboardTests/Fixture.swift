import IncidentModel
@testable import Dashboard

/// A small linked dataset built in memory: two authorities, three homes (one with a wide
/// name, one with "£—"), four children (one with a control character in the name), LA
/// episodes and police reports, one of them ongoing and high risk.
enum Fixture {
    static let zone = LocalTimeZone.utc

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        let date = CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
        return Timestamp(instant: zone.instant(date: date, secondsIntoDay: hour * 3600 + minute * 60))
    }

    static func dob(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day) }

    static let dataset = Dataset(
        forces: [PoliceForce(code: "F1", name: "Testshire Police")],
        authorities: [Authority(code: "901", name: "Northtown"), Authority(code: "902", name: "Southvale")],
        homes: [
            Home(urn: "SC000001", name: "Oak House", localAuthority: "901", policeForce: "F1"),
            Home(urn: "SC000002", name: "漢字 House", localAuthority: "902", policeForce: "F1"),
            Home(urn: "SC000003", name: "Café £—", localAuthority: "901", policeForce: "F1"),
        ],
        children: [
            Child(id: "C1", localAuthority: "901", givenName: "Amy", familyName: "Able", dateOfBirth: dob(2010, 1, 1), sex: .female, placement: "SC000001"),
            Child(id: "C2", localAuthority: "902", givenName: "Ben\u{7}", familyName: "Bell", dateOfBirth: dob(2009, 6, 1), sex: .male, placement: "SC000002"),
            Child(id: "C3", localAuthority: "901", givenName: "Cara", familyName: "Cole", dateOfBirth: dob(2011, 2, 3), sex: .female, placement: "SC000003"),
            Child(id: "C4", localAuthority: "902", givenName: "Dev", familyName: "Dunn", dateOfBirth: dob(2008, 9, 9), sex: .male, placement: "SC000001"),
        ],
        episodes: [
            LAEpisode(id: "E1", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2024, 3, 1, 10), endedAt: at(2024, 3, 1, 20), placement: "SC000001", policeRef: "P1", returnInterviewOffered: true),
            LAEpisode(id: "E2", child: "C1", localAuthority: "901", type: .missing, startedAt: at(2024, 4, 2, 9), placement: "SC000001"),
            LAEpisode(id: "E3", child: "C2", localAuthority: "902", type: .away, startedAt: at(2024, 3, 5, 18), endedAt: at(2024, 3, 6, 2), placement: "SC000002"),
            LAEpisode(id: "E4", child: "C3", localAuthority: "901", type: .missing, startedAt: at(2024, 5, 1, 12), endedAt: at(2024, 5, 1, 13, 30), placement: "SC000003", cseConcern: true),
            LAEpisode(id: "E5", child: "C4", localAuthority: "902", type: .missing, startedAt: at(2024, 2, 10, 22), endedAt: at(2024, 2, 11, 8), placement: "SC000001"),
        ],
        policeReports: [
            PoliceReport(ref: "P1", force: "F1", forename: "Amy", surname: "Able", dateOfBirth: dob(2010, 1, 1), sex: .female, missingFrom: "Oak House", lastSeenAt: at(2024, 3, 1, 10, 30), reportedAt: at(2024, 3, 1, 11), foundAt: at(2024, 3, 1, 19), risk: .high),
            PoliceReport(ref: "P2", force: "F1", forename: "Eve", surname: "Evans", dateOfBirth: dob(2007, 7, 7), sex: .female, missingFrom: "Somewhere else", lastSeenAt: at(2024, 6, 1, 23), reportedAt: at(2024, 6, 2, 1), risk: .high),
        ]
    )

    static let linked = IncidentLinker().link(dataset)
    static let catalogue = IncidentCatalogue(registers: linked.registers, zone: zone)
    static let index = IncidentIndex(linked: linked, catalogue: catalogue)

    /// A fresh state at a size.
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(index: index, width: width, height: height, exportDefault: "incidents.csv")
    }

    /// The incident position whose child's given name starts with `name`.
    static func position(of name: String) -> Int32? {
        linked.incidents.firstIndex { $0.person.givenName.hasPrefix(name) }.map { Int32($0) }
    }
}

extension AppState {
    /// Applies actions one after another, collecting their effects.
    @discardableResult
    mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { Dashboard.reduce(&self, $0) }
    }

    /// Types text into whatever has the keys.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { Dashboard.reduce(&self, .key(.character($0))) }
    }

    /// Performs the computed-order effects the way the run loop does.
    mutating func runOrders(_ effects: [Effect]) {
        for case let .computeOrder(column) in effects { _ = Dashboard.reduce(&self, .orderReady(index.order(for: column))) }
    }
}
