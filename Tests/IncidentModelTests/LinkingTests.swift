import Testing
@testable import IncidentModel

/// Rows for the linking tests, in the native column order.
enum Rows {
    static func child(
        _ id: String, la: String = "916", given: String = "Amy", family: String = "Smith", dob: String = "01/02/2010",
        sex: String = "F", home: String = ""
    ) -> String {
        "\(id),\(la),\(given),\(family),\(dob),\(sex),\(home)\n"
    }

    static func episode(
        _ id: String, child: String = "C1", la: String = "916", start: String, end: String = "", home: String = "",
        ref: String = "", offered: String = "", completed: String = "", cse: String = ""
    ) -> String {
        "\(id),\(child),\(la),M,\(start),\(end),\(home),\(ref),\(offered),\(completed),\(cse)\n"
    }

    static func police(
        _ ref: String, force: String = "GLO", forename: String = "Amy", surname: String = "Smith",
        dob: String = "01/02/2010", sex: String = "F", from: String = "", postcode: String = "", seen: String,
        reported: String = "", found: String = "", risk: String = "", cse: String = ""
    ) -> String {
        "\(ref),\(force),\(forename),\(surname),\(dob),\(sex),\"\(from)\",\(postcode),\(seen),\(reported),\(found),\(risk),\(cse)\n"
    }
}

extension LinkedData {
    func incident(_ id: String) -> CombinedIncident? { incidents.first { $0.id.rawValue == id } }
    func link(_ ref: String) -> PersonLink? {
        dataset.policeReports.firstIndex { $0.ref.rawValue == ref }.flatMap { personLinks[$0] }
    }
}

struct DeterministicPersonLinkerTests {
    func links(children: String, episodes: String = "", police: String) throws -> LinkedData {
        try Fixture.link(
            Fixture.files(children: children, episodes: episodes, police: police), personLinker: DeterministicPersonLinker())
    }

    @Test func linksWithCertaintyThroughPoliceRefOnAnEpisode() throws {
        // The report's name and date of birth disagree; the recorded reference still links.
        let linked = try links(
            children: Rows.child("C1"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", ref: "P1"),
            police: Rows.police("P1", forename: "Unknown", surname: "Person", dob: "", sex: "U", seen: "08/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C1", method: .policeReference))
        #expect(linked.incident("L-E1")?.policeRefs == ["P1"])
        #expect(linked.incident("L-E1")?.provenance == .both)
    }

    @Test func linksOnNameDateOfBirthAndSex() throws {
        let linked = try links(children: Rows.child("C1"), police: Rows.police("P1", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C1", method: .nameRule))
    }

    @Test(arguments: [
        ("O'Neil-Smith", "oneil smith"), ("McDonald", "MCDONALD"), ("Da Silva", "da-silva"), ("O’Brien", "O'Brien"),
        ("St. John", "st john"),
    ])
    func normalisesSurnames(_ childName: String, _ reportName: String) throws {
        let linked = try links(
            children: Rows.child("C1", family: childName),
            police: Rows.police("P1", surname: reportName, seen: "01/03/2024 10:00"))
        #expect(linked.link("P1")?.child == "C1")
    }

    @Test func linksOnHomeWhenForenameDiffers() throws {
        // "Mia" is a nickname the police wrote down; the home is the child's placement.
        let linked = try links(
            children: Rows.child("C1", home: "SC000001"),
            police: Rows.police("P1", forename: "Mia", from: "Willow House, 1 Willow Lane", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C1", method: .homeRule))
    }

    @Test func findsTheHomeByPostcodeOrThroughAnEpisode() throws {
        let linked = try links(
            children: Rows.child("C1") + Rows.child("C2", given: "Tom", family: "Jones", sex: "M"),
            episodes: Rows.episode("E1", start: "01/01/2024", home: "SC000002")
                + Rows.episode("E2", child: "C2", start: "01/01/2024", home: "SC000003"),
            police: Rows.police("P1", forename: "Mia", from: "somewhere", postcode: "gl22bb", seen: "01/03/2024 10:00")
                + Rows.police("P2", forename: "Tommy", surname: "Jones", sex: "M", from: "BIRCH COURT", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C1", method: .homeRule))
        #expect(linked.link("P2") == PersonLink(child: "C2", method: .homeRule))
    }

    @Test func leavesTwinsAtTheSameHomeUnlinked() throws {
        let linked = try links(
            children: Rows.child("C1", given: "Amy", home: "SC000001") + Rows.child("C2", given: "Anna", home: "SC000001"),
            police: Rows.police("P1", forename: "A", from: "Willow House", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
        #expect(linked.incident("P-P1")?.provenance == .policeOnly)
        #expect(linked.incident("P-P1")?.child == nil)
    }

    @Test func linksTheTwinWhoseForenameMatchesAtASharedHome() throws {
        // Amy matches by forename, Anna only by home: the forename is the stronger evidence.
        let linked = try links(
            children: Rows.child("C1", given: "Amy", home: "SC000001") + Rows.child("C2", given: "Anna", home: "SC000001"),
            police: Rows.police("P1", forename: "Amy", from: "Willow House", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C1", method: .nameRule))
    }

    @Test func leavesTwoChildrenWithTheSameNameUnlinked() throws {
        let linked = try links(
            children: Rows.child("C1", la: "916") + Rows.child("C2", la: "330"),
            police: Rows.police("P1", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
    }

    @Test func linksOneTwinByNameWhenTheyLiveApart() throws {
        let linked = try links(
            children: Rows.child("C1", given: "Amy", home: "SC000001") + Rows.child("C2", given: "Anna", home: "SC000003"),
            police: Rows.police("P1", forename: "Anna", from: "Oak Lodge", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == PersonLink(child: "C2", method: .nameRule))
    }

    @Test(arguments: [
        ("", "F"), ("01/02/2010", "U"), ("01/02/2010", ""), ("01/02/2010", "M"), ("02/01/2010", "F"), ("31/02/2010", "F"),
    ])
    func doesNotLinkWithoutMatchingKnownDateOfBirthAndSex(_ dob: String, _ sex: String) throws {
        let linked = try links(
            children: Rows.child("C1", home: "SC000001"),
            police: Rows.police("P1", dob: dob, sex: sex, from: "Willow House", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
    }

    @Test func doesNotLinkWhenTheChildsSexIsUnknown() throws {
        let linked = try links(children: Rows.child("C1", sex: "U"), police: Rows.police("P1", sex: "F", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
    }

    @Test func doesNotLinkOnSurnameAloneWithAnotherForenameAndHome() throws {
        let linked = try links(
            children: Rows.child("C1", home: "SC000001"),
            police: Rows.police("P1", forename: "Zoe", from: "Birch Court", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
    }

    @Test func doesNotLinkWithADifferentSurname() throws {
        let linked = try links(children: Rows.child("C1"), police: Rows.police("P1", surname: "Smyth", seen: "01/03/2024 10:00"))
        #expect(linked.link("P1") == nil)
    }
}

struct NameKeyTests {
    @Test(arguments: [
        ("O'Neil-Smith", "oneilsmith"), ("  Mary Ann ", "maryann"), ("O’Brien", "obrien"), ("ZOË", "zoë"),
        ("St. John, Jr", "stjohnjr"), ("", ""),
    ])
    func normalisesNames(_ name: String, _ key: String) {
        #expect(NameKey.normalise(name) == key)
    }
}
