import Testing
@testable import IncidentModel

struct OfstedHomesTests {
    static let authorities = [
        Authority(code: "916", name: "Gloucestershire County Council", policeForce: "GLO"),
        Authority(code: "330", name: "Birmingham City Council", policeForce: "WMP"),
    ]

    func load(_ text: String) throws -> Dataset {
        let directory = try TemporaryDirectory()
        let path = try directory.write("providers.csv", text)
        return ExtractSource.ofstedHomes(path: path, authorities: Self.authorities).load(zone: Fixture.zone)
    }

    static let header =
        "URN,Provider Type,Setting Name,Local Authority,Overall Effectiveness,Max Users,Organisation which owns the provider,Setting Address Line 1,Setting Town,Setting Postcode\n"

    @Test func childrensHomesFillTheRegister() throws {
        let dataset = try load(Self.header + """
            SC000001,Children's home,Willow House,Gloucestershire,Good,4,Acme Care,1 Willow Lane,Gloucester,gl1 1aa
            SC000003,Secure Children's Home,Birch Court,BIRMINGHAM CITY COUNCIL,Requires improvement to be good,3,Brum Homes,3 Birch Street,,B1 1CC

            """)
        #expect(dataset.homes == [
            Home(urn: "SC000001", name: "Willow House", provider: "Acme Care", address: "1 Willow Lane, Gloucester",
                 postcode: Postcode("GL1 1AA"), localAuthority: "916", policeForce: "GLO", rating: .good, places: 4),
            Home(urn: "SC000003", name: "Birch Court", provider: "Brum Homes", address: "3 Birch Street",
                 postcode: Postcode("B1 1CC"), localAuthority: "330", policeForce: "WMP", rating: .requiresImprovement,
                 places: 3),
        ])
        let report = try #require(dataset.reports.first)
        #expect(report.kind == .homes)
        #expect((report.rowsRead, report.accepted, report.rejected) == (2, 2, 0))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func otherProviderTypesAreSkippedAndCounted() throws {
        let dataset = try load(Self.header + """
            SC000001,Children's home,Willow House,Gloucestershire,Good,4,,,,
            SC900001,Independent Fostering Agency,Acme Fostering,Gloucestershire,Good,,,,,
            SC900002,Independent fostering agency,Brum Fostering,Birmingham,Good,,,,,
            SC900003,Residential Special School,Oak School,Nowhere,Good,,,,,

            """)
        #expect(dataset.homes.map(\.urn) == ["SC000001"])
        let report = try #require(dataset.reports.first)
        #expect((report.rowsRead, report.accepted, report.rejected) == (1, 1, 0))
        #expect(report.skipped == ["provider type \"Independent Fostering Agency\"": 1,
                                   "provider type \"Independent fostering agency\"": 1,
                                   "provider type \"Residential Special School\"": 1])
        #expect(report.messages == [
            "providers.csv: note: 3 rows skipped, not for mfc: provider type \"Independent Fostering Agency\" (1), provider type \"Independent fostering agency\" (1), provider type \"Residential Special School\" (1)",
        ])
    }

    @Test func unknownAuthorityRejectsTheRowWithItsLineAndColumn() throws {
        let dataset = try load(Self.header + """
            SC000001,Children's home,Willow House,Gloucestershire,Good,4,,,,
            SC000002,Children's home,Oak Lodge,Atlantis Borough Council,Good,6,,,,

            """)
        let report = try #require(dataset.reports.first)
        #expect((report.rowsRead, report.accepted, report.rejected) == (2, 1, 1))
        #expect(report.messages == [
            "providers.csv:3:4: rejected: Local Authority \"Atlantis Borough Council\" is not an authority in the authorities register; expected the name or code of an authority in authorities.csv (Gloucestershire County Council, Birmingham City Council)",
        ])
        #expect(report.rejectedRows.map(\.line) == [3])
    }

    @Test(arguments: [
        ("Outstanding", OfstedRating?.some(.outstanding)), ("GOOD", .good), ("Requires improvement to be good", .requiresImprovement),
        ("Requires Improvement", .requiresImprovement), ("Inadequate", .inadequate), ("Not yet inspected", .notYetInspected),
        ("1", .outstanding), ("4", .inadequate), ("", nil),
    ])
    func ratingsMapToTheRegistersValues(text: String, rating: OfstedRating?) throws {
        let dataset = try load(Self.header + "SC000001,Children's home,Willow House,916,\(text),4,,,,\n")
        #expect(dataset.homes.first?.rating == rating)
        #expect(dataset.reports.first?.diagnostics.isEmpty == true)
    }

    @Test func unknownRatingIsAWarningAndTheHomeIsKept() throws {
        let dataset = try load(Self.header + "SC000001,Children's home,Willow House,916,Sparkling,4,,,,\n")
        #expect(dataset.homes.first?.rating == nil)
        #expect(dataset.reports.first?.messages == [
            "providers.csv:2:5: warning: Overall Effectiveness \"Sparkling\" is not an Ofsted judgement; expected \(OfstedRating.ofstedExpected)",
        ])
    }

    @Test func headersInAnyCaseAndOrderBelowATitle() throws {
        let dataset = try load("""
            Children's social care providers,,,,
            ,,,,
            local authority,MAX USERS,setting name,Region,provider type,urn
            Gloucestershire,4,Willow House,South West,CHILDREN'S HOME,SC000001

            """)
        #expect(dataset.homes == [Home(urn: "SC000001", name: "Willow House", localAuthority: "916", policeForce: "GLO", places: 4)])
        #expect(dataset.reports.first?.messages == [
            "providers.csv:1: note: lines 1-2 above the header read as a title and skipped",
            "providers.csv:3: note: column Region not used by mfc; ignored",
        ])
    }

    @Test func missingRequiredColumnListsTheColumnsFound() throws {
        let report = try #require(try load("URN,Setting Name,Local Authority\nSC000001,Willow House,916\n").reports.first)
        #expect(report.failed)
        #expect(report.messages == [
            "providers.csv:1: error: required column Provider Type missing; expected a header naming URN, Setting Name, Provider Type, Local Authority (any case, in any order); found URN, Setting Name, Local Authority",
        ])
    }
}
