import Testing
@testable import IncidentModel

/// The home a police report's address names: by a postcode one home has, else by the one home
/// whose name begins the address; never a guess between two.
struct HomeIndexTests {
    private static let homes = [
        Home(urn: "SC000001", name: "Willow House", address: "1 Test Lane, Mocktown", postcode: Postcode("ZZ1 1AA")),
        // Two homes share a postcode, so it names neither.
        Home(urn: "SC000002", name: "Rowan Lodge", address: "2 Sample Road, Mocktown", postcode: Postcode("ZZ2 2BB")),
        Home(urn: "SC000003", name: "Birch Court", address: "4 Sample Road, Mocktown", postcode: Postcode("ZZ2 2BB")),
        // Two homes share a name and a street address, so neither names one of them.
        Home(urn: "SC000004", name: "Oak View", address: "9 Example Way, Fakeford", postcode: Postcode("ZZ3 3CC")),
        Home(urn: "SC000005", name: "Oak View", address: "9 Example Way, Fakeford", postcode: Postcode("ZZ4 4DD")),
    ]
    private let index = HomeIndex(homes: Self.homes)

    @Test func findsTheOneHomeWithThePostcode() {
        #expect(index.home(postcode: Postcode("ZZ1 1AA"), address: "") == "SC000001")
        #expect(index.home(postcode: Postcode("zz11aa"), address: "somewhere else") == "SC000001")
    }

    @Test func fallsBackToTheNameWhenThePostcodeIsShared() {
        #expect(index.home(postcode: Postcode("ZZ2 2BB"), address: "") == nil)
        #expect(index.home(postcode: Postcode("ZZ2 2BB"), address: "rowan lodge, 2 Sample Road") == "SC000002")
        #expect(index.homeNumber(postcode: Postcode("ZZ2 2BB"), address: "Birch-Court") == index.number(of: "SC000003"))
    }

    @Test func namesNoHomeWhenTwoShareTheName() {
        #expect(index.home(named: "Oak View, 9 Example Way") == nil)
        #expect(index.home(postcode: nil, address: "Oak View") == nil)
        #expect(index.home(named: "Willow House") == "SC000001")
        #expect(index.home(named: "") == nil)
    }

    @Test func findsAHomeByItsStreetAddress() {
        #expect(index.home(street: "1 Test Lane, Mocktown") == "SC000001")
        #expect(index.home(street: "Rowan Lodge, 2 Sample Road, Mocktown") == "SC000002")
        #expect(index.home(street: "9 Example Way, Fakeford") == nil)
        #expect(index.home(street: "3 Nowhere Street") == nil)
    }

    @Test func numbersEachHomeAndKeepsItsPlace() {
        for (n, home) in Self.homes.enumerated() {
            #expect(index.number(of: home.urn) == Int32(n))
            #expect(index.urn(number: Int32(n)) == home.urn)
        }
        #expect(index.number(of: "SC999999") == nil)
        #expect(index.postcode(of: "SC000003") == Postcode("ZZ2 2BB"))
    }
}
