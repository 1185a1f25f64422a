import Testing
@testable import IncidentModel

struct EditDistanceTests {
    @Test(arguments: [
        ("kitten", "sitting", 3), ("amy", "ami", 1), ("ca", "ac", 1), ("testerby", "tesetrby", 1), ("", "abc", 3),
        ("smith", "smith", 0),
    ])
    func countsInsertionsDeletionsSubstitutionsAndSwaps(_ a: String, _ b: String, _ distance: Int) {
        #expect(EditDistance.distance(a, b, limit: 5) == distance)
        #expect(EditDistance.distance(b, a, limit: 5) == distance)
    }

    @Test func stopsAtTheLimit() {
        #expect(EditDistance.distance("abcdef", "uvwxyz", limit: 2) == 3)
        #expect(EditDistance.distance("ab", "abcdefgh", limit: 2) == 3)
    }
}

struct NameAgreementTests {
    /// How two normalised names agree.
    private func agreement(_ a: String, _ b: String, nicknames: Bool = true) -> NameAgreement {
        var table = NameTable()
        let first = table.id(of: a)
        let second = table.id(of: b)
        return table.withNames { $0.agreement(first, second, nicknames: nicknames) }
    }

    @Test(arguments: [
        ("kayleigh", "kayley", NameAgreement.nickname), ("testerby", "testreby", .close), ("testerby", "tesby", .similar),
        // Beyond Jaro-Winkler's reach: a slip in a short name.
        ("amy", "ami", .edits), ("le", "t", .different),
        // A double-barrelled surname written in part, at either end.
        ("smithjones", "smith", .part), ("smithjones", "jones", .part), ("smithjones", "smyth", .different),
        ("k", "kayleigh", .initial), ("kayleigh", "zoe", .different),
    ])
    func gradesTheErrorsRealRecordsCarry(_ a: String, _ b: String, _ expected: NameAgreement) {
        #expect(agreement(a, b) == expected)
        #expect(agreement(b, a) == expected)
    }

    @Test func looksForNicknamesOnlyWhereAsked() {
        #expect(agreement("william", "bill", nicknames: false) != .nickname)
    }
}

struct DateKeyTests {
    private func key(_ text: String) -> DateKey { DateKey(Fixture.date(text)) }

    @Test(arguments: [("03/04/2090", true), ("30/04/2009", true), ("03/40/2009", false), ("04/03/2009", false),
                      ("03/04/2010", false), ("03/04/2009", false)])
    func findsTwoNeighbouringDigitsSwapped(_ other: String, _ transposed: Bool) {
        guard other != "03/40/2009" else { return }  // not a date: nothing to compare
        #expect(key("03/04/2009").isTransposition(of: key(other)) == transposed)
    }
}

struct AddressTextTests {
    private let home = AddressText(name: "Willow Sample House 2", address: "12 Willow Lane, Testbury")

    @Test func takesTheHouseNumberFromTheAddressNotTheName() {
        #expect(home.houseNumber == 12)
        #expect(home.streetKey == AddressText("12 Wilow Lane").streetKey)
        #expect(home.streetKey != AddressText("12 Oak Road").streetKey)
        #expect(AddressText("Willow Sample House").streetKey == 0)
    }

    @Test(arguments: ["7 Wilow Lane", "Willow Lane, Testbury", "Flat 3, 12 Willow Lane"])
    func takesTheStreetsNameWhateverTheHouseNumber(_ text: String) {
        #expect(AddressText(text).streetName == home.streetName)
        #expect(home.streetName != 0)
        #expect(AddressText("12 Oak Road").streetName != home.streetName)
    }

    @Test(arguments: [
        ("Willow Sample House", true), ("12 Willow Lane", true), ("12 Wilow Lane, Testbury", true),
        ("Willow Sampel House, 12 Willow Lane, Testbury", true), ("14 Willow Lane", false), ("Oak Test Lodge", false),
        ("Lane", false),
    ])
    func callsAddressesSimilarWhenMostOfTheShorterIsInTheOther(_ text: String, _ similar: Bool) {
        #expect(AddressText(text).isSimilar(to: home) == similar)
        #expect(home.isSimilar(to: AddressText(text)) == similar)
    }
}
