import Testing
@testable import IncidentModel

/// With the rules, children with no names (as an SSDA903 return gives them) link on date of
/// birth, sex, home and time.
struct NamelessLinkingTests {
    func links(children: String, episodes: String = "", police: String) throws -> LinkedData {
        try Fixture.link(
            Fixture.files(children: children, episodes: episodes, police: police), personLinker: DeterministicPersonLinker())
    }

    @Test func linksANamelessChildOnDateOfBirthSexAndHome() throws {
        let linked = try links(
            children: Rows.child("C1", given: "", family: ""),
            episodes: Rows.episode("E1", start: "01/03/2024", end: "01/03/2024", home: "SC000001"),
            police: Rows.police("P1", from: "Willow House", seen: "01/03/2024 10:00", found: "01/03/2024 16:00"))
        #expect(linked.link("P1") == PersonLink(child: "C1", method: .homeRule))
        #expect(linked.incident("L-E1")?.policeRefs == ["P1"])
        #expect(linked.incident("L-E1")?.provenance == .both)
    }

    @Test func needsTheHomeAndTheDateOfBirth() throws {
        let linked = try links(
            children: Rows.child("C1", given: "", family: "", home: "SC000001"),
            police: Rows.police("P1", from: "Oak Lodge", seen: "01/03/2024 10:00")
                + Rows.police("P2", dob: "02/02/2010", from: "Willow House", seen: "01/03/2024 10:00")
                + Rows.police("P3", sex: "M", from: "Willow House", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
        #expect(linked.link("P2") == nil)
        #expect(linked.link("P3") == nil)
    }

    @Test func twinsAtOneHomeAreToldApartByTime() throws {
        let twins = Rows.child("C1", given: "", family: "", home: "SC000001") + Rows.child("C2", given: "", family: "", home: "SC000001")
        let linked = try links(
            children: twins,
            episodes: Rows.episode("E1", child: "C1", start: "01/03/2024", end: "01/03/2024")
                + Rows.episode("E2", child: "C2", start: "10/03/2024", end: "10/03/2024"),
            police: Rows.police("P1", from: "Willow House", seen: "10/03/2024 10:00", found: "10/03/2024 12:00")
                + Rows.police("P2", from: "Willow House", seen: "20/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C2", method: .homeRule))
        // Neither twin was away then: not guessed.
        #expect(linked.link("P2") == nil)
    }
}
