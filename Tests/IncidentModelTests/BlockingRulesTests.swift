import Testing
@testable import IncidentModel

/// Each blocking rule with a report that only it pairs with its child: the report differs from
/// the child in every field the other rules use. And pairs that must not be linked.
struct BlockingRulesTests {
    /// The child every report is matched against: Kayleigh Testerby, 03/04/2009, female, at
    /// Willow House (SC000001, 1 Willow Lane, GL1 1AA).
    private static let child = "C1,916,Kayleigh,Testerby,03/04/2009,F,SC000001\n"

    /// Whether report P1 (forename, surname, dob, sex, address, postcode) is compared with C1.
    private func compared(
        _ forename: String, _ surname: String, _ dob: String, sex: String = "F", from: String = "", postcode: String = "",
        child: String = Self.child, homes: String = Fixture.homes
    ) throws -> Bool {
        var files = Fixture.files(
            children: child,
            police: "P1,GLO,\(forename),\(surname),\(dob),\(sex),\"\(from)\",\(postcode),01/03/2024 10:00,,,,\n")
        files["homes.csv"] = homes
        let dataset = try Fixture.load(files)
        let linkage = ProbabilisticPersonLinker().run(LinkContext(dataset: dataset))
        return linkage.candidates(ofReport: 0) == ["C1"]
    }

    @Test func pairsNothingThatAgreesOnNothing() throws {
        #expect(try !compared("Zed", "Quorn", "01/01/2001", from: "9 Elm Road", postcode: "B9 9ZZ"))
    }

    @Test(arguments: [
        ("Kaileigh", "Quorn", "03/04/2009"),  // the forename's sound (Kayleigh: K420)
        ("Zed", "Testerbee", "03/04/2009"),  // the surname's sound (Testerby: T236)
        ("Testerbee", "Zed", "03/04/2009"),  // the surname's sound, written as the forename
        ("Kaileigh", "Quorn", "04/03/2009"),  // day and month swapped
    ])
    func pairsOnTheDateOfBirthAndEitherNamesSound(_ forename: String, _ surname: String, _ dob: String) throws {
        #expect(try compared(forename, surname, dob))
    }

    @Test(arguments: [("Kayleigh", "Testerby"), ("Testerby", "Kayleigh"), ("KAYLEIGH", "testerby")])
    func pairsOnBothNamesWhateverTheDateOfBirth(_ forename: String, _ surname: String) throws {
        #expect(try compared(forename, surname, "01/01/2001"))
        #expect(try compared(forename, surname, ""))
    }

    @Test(arguments: ["03/04/2011", "03/09/2009", "07/04/2009"])
    func pairsOnBothInitialsAndTwoPartsOfTheDate(_ dob: String) throws {
        // Both names mistyped past their first letter, and one part of the date wrong.
        #expect(try compared("Kbbb", "Tmmm", dob))
    }

    @Test func pairsOnTheYearAndMonthOnlyWithTheSameSex() throws {
        #expect(try !compared("Kbbb", "Tmmm", "07/04/2009", sex: "M"))
        #expect(try compared("Kbbb", "Tmmm", "07/04/2009", sex: "U"))
    }

    @Test(arguments: ["01/01/2009", "03/04/2001", "03/04/2009"])
    func pairsOnAHomeWithPartOfTheDate(_ dob: String) throws {
        // Neither name like the child's: the home and the date of birth decide.
        #expect(try compared("Zed", "Quorn", dob, from: "Willow House"))
    }

    @Test func pairsOnAHomeAndEitherNamesSound() throws {
        #expect(try compared("Kayleigh", "Quorn", "01/01/2001", from: "Willow House"))
        #expect(try compared("Zed", "Testerby", "", from: "Willow House"))
    }

    @Test func pairsOnAPostcodeThatSeveralHomesShare() throws {
        // Two homes at GL1 1AA: the postcode names neither, but still pairs.
        let homes = Fixture.homes + "SC000004,Elm Test Lodge,Acme Care,1a Willow Lane,GL1 1AA,916,GLO,Good,2\n"
        #expect(try compared("Zed", "Quorn", "01/01/2009", postcode: "GL1 1AA", homes: homes))
        #expect(try compared("Kayleigh", "Quorn", "01/01/2001", postcode: "GL1 1AA", homes: homes))
        // Where many children share the postcode, it pairs only with the birth year or a sound.
        #expect(try !compared("Zed", "Quorn", "01/01/2001", postcode: "GL1 1AA", child: Self.crowd(at: "SC000004"), homes: homes))
    }

    @Test func pairsOnThePostcodeOrTheStreetsNameAloneWhereFewChildrenShareIt() throws {
        // Names, date of birth and house number all unlike the child's.
        #expect(try compared("Zed", "Quorn", "", postcode: "GL1 1AA"))
        #expect(try compared("Zed", "Quorn", "", from: "7 Wilow Lane, Gloucester"))
        #expect(try compared("Zed", "Quorn", "", from: "Wilow Lane, Gloucester"))
        // A street with more children than ``CandidateSpace/broadBlock`` is passed over.
        #expect(try !compared("Zed", "Quorn", "", postcode: "GL1 1AA", child: Self.crowd(at: "SC000001")))
        #expect(try !compared("Zed", "Quorn", "", from: "7 Wilow Lane, Gloucester", child: Self.crowd(at: "SC000001")))
    }

    /// The child and, at home `urn`, more children than a broad block may hold, none like the
    /// reports of these tests.
    private static func crowd(at urn: String) -> String {
        let others = (0...CandidateSpace.broadBlock).map { i in
            "X\(i),916,Ann\(String(repeating: "a", count: i)),Brown,\(10 + i % 18)/05/2010,M,\(urn)\n"
        }
        return child + others.joined()
    }

    @Test func pairsOnTheHouseNumberAndStreetOfAnAddressNoHomeMatches() throws {
        #expect(try compared("Zed", "Quorn", "01/01/2009", from: "1 Wilow Lane, Gloucester"))
        #expect(try compared("Kayleigh", "Quorn", "01/01/2001", from: "1 Wilow Lane, Gloucester"))
        #expect(try !compared("Zed", "Quorn", "01/01/2009", from: "7 Wilow Lane, Gloucester", child: Self.crowd(at: "SC000001")))
    }

    @Test func pairsAChildWithNoNamesOnTheDateOfBirthAndSexOrTheHomeAndSex() throws {
        let nameless = "C1,916,,,03/04/2009,F,SC000001\n"
        #expect(try compared("Zed", "Quorn", "03/04/2009", child: nameless))
        #expect(try compared("Zed", "Quorn", "", from: "Willow House", child: nameless))
        #expect(try !compared("Zed", "Quorn", "03/04/2009", sex: "M", child: nameless))
        // A child with names is not paired on the home and sex alone (among enough children
        // that the street's name alone does not pair either).
        #expect(try !compared("Zed", "Quorn", "", from: "Willow House", child: Self.crowd(at: "SC000001")))
    }

    @Test func linksTheSiblingWhoseForenameMatchesNotTheOtherOfTheSameSurnameAndBirth() throws {
        let (linkage, _) = try links(
            children: "C1,916,Amy,Smith,03/04/2009,F,SC000001\nC2,916,Beth,Smith,03/04/2009,F,SC000001\n",
            police: "P1,GLO,Beth,Smith,03/04/2009,F,Willow House,GL1 1AA,01/03/2024 10:00,,,,\n"
                + "P2,GLO,Smith,Amy,03/04/2009,F,Willow House,GL1 1AA,01/03/2024 10:00,,,,\n")
        #expect(linkage.links[0]?.child == "C2")
        // Written the other way round, the names still tell the sisters apart.
        #expect(linkage.links[1]?.child == "C1")
    }

    @Test func neverLinksTwinsOfOneHomeOnASwappedOrPartialName() throws {
        let (linkage, _) = try links(
            children: "C1,916,Amy,Smith,03/04/2009,F,SC000001\nC2,916,Amy,Smith,03/04/2009,F,SC000001\n",
            police: "P1,GLO,Smith,Amy,03/04/2009,F,Willow House,,01/03/2024 10:00,,,,\n"
                + "P2,GLO,A,Smith,03/04/2009,F,,,01/03/2024 10:00,,,,\n")
        #expect(linkage.links[0] == nil && linkage.links[1] == nil)
    }

    private func links(children: String, police: String) throws -> (ProbabilisticLinkage, Dataset) {
        let dataset = try Fixture.load(Fixture.files(children: children, police: police))
        return (ProbabilisticPersonLinker().run(LinkContext(dataset: dataset)), dataset)
    }
}
