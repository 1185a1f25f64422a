import Foundation
import Testing
@testable import IncidentModel

/// Every figure of DESIGN section 6 on ``ReportFixture``, worked out by hand from its table.
struct AuthorityScorecardTests {
    let card = AuthorityScorecard(ReportFixture.data, scope: ReportFixture.scope)

    func row(_ code: AuthorityCode?) throws -> AuthorityScore {
        try #require(card.rows.first { $0.authority == code })
    }

    @Test func northtownsFiguresMatchTheHandCount() throws {
        let a = try row("901")  // I1, I2, I3 (C1) and I4 (C2)
        #expect(a.name == "Northtown")
        #expect(a.children == 2)
        #expect(a.incidents == 4)
        #expect(a.incidentsPerChild == 2.0)
        #expect(a.childrenWithThreeOrMore == 1)  // C1
        #expect(a.childrenRepeatedIn90Days == 1)  // C1: 10 Jan to 15 Mar is 65 days
        #expect(a.highRisk == 1)
        #expect((a.knownToBoth, a.policeOnly, a.laOnly) == (1, 0, 3))
        #expect(a.percentKnownToBoth == 25)
        #expect(a.interviewsDue == 3)  // I1, I2, I4 ended; I3 ongoing
        #expect(a.interviewsRecorded == 3)
        #expect(a.interviewsOffered == 2)  // I1 done in time, I4 done late
        #expect(a.interviewsInTime == 1)
        #expect((a.areaKnown, a.outOfArea) == (4, 1))
        #expect(a.percentOutOfArea == 25)
        #expect(a.medianDurationHours == 10)  // 6, 10, 48
        #expect(a.over24Hours == 1)
        #expect(a.cseConcern == 1)
        #expect(a.stillMissing == 1)
        #expect(a.childrenLookedAfter == 100)
        #expect(a.childrenPer100LookedAfter == 2)
        // Months 2023-07 ... 2024-06: January to April.
        #expect(a.monthly == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0])
    }

    @Test func southvalesFiguresMatchTheHandCount() throws {
        let a = try row("902")  // I5 (C3) and I7 (C4, police only, linked)
        #expect(a.children == 2)
        #expect(a.incidents == 2)
        #expect(a.childrenWithThreeOrMore == 0)
        #expect(a.highRisk == 1)
        #expect((a.knownToBoth, a.policeOnly, a.laOnly) == (0, 1, 1))
        #expect(a.interviewsDue == 1)  // I5, whose interview was not recorded: unknown, not 0
        #expect(a.interviewsRecorded == 0)
        #expect(a.interviewsOffered == 0)
        #expect(a.percentInterviewOffered == nil)
        #expect(a.interviewsUnknown)
        #expect((a.areaKnown, a.outOfArea) == (2, 1))
        #expect(a.medianDurationHours == 15)  // (4 + 26) / 2
        #expect(a.over24Hours == 1)
        #expect(a.cseConcern == 1)
        #expect(a.cseRecorded == 1)  // I7's police report; I5 recorded nothing
        #expect(a.childrenLookedAfter == nil)
        #expect(a.childrenPer100LookedAfter == nil)
    }

    @Test func incidentsWithNoAuthorityHaveTheirOwnRow() throws {
        let a = try row(nil)
        #expect(a.name == "Authority unknown")
        #expect((a.incidents, a.children, a.policeOnly) == (1, 1, 1))
        #expect(a.interviewsDue == 0 && a.percentInterviewOffered == nil)
        #expect(a.areaKnown == 0)
    }

    @Test func totalCoversEveryIncidentInThePeriod() {
        let t = card.total
        #expect(t.incidents == 7)  // E6 falls before the period
        #expect(t.children == 5)
        #expect((t.knownToBoth, t.policeOnly, t.laOnly) == (1, 2, 4))
        #expect(t.highRisk == 2)
        #expect(t.medianDurationHours == 8)  // 2, 4, 6, 10, 26, 48
        #expect(t.stillMissing == 1)
        #expect(t.childrenLookedAfter == nil)  // Southvale does not give it
    }

    @Test func bottomQuarterFlagsTheLowestAuthority() throws {
        #expect(try row("902").lowShareKnownToBoth)
        #expect(try !row("901").lowShareKnownToBoth)
        // Southvale recorded no interview: its rate is unknown, so it is not ranked and never
        // flagged; Northtown, the only authority ranked, is its own bottom quarter.
        #expect(try !row("902").lowInterviewRate)
        #expect(try row("901").lowInterviewRate)
        #expect(try row("901").flagWords == ["LOW-RHI"])
        #expect(try row("902").flagWords == ["LOW-BOTH"])
    }

    @Test func bottomQuarterIncludesTiesAndRoundsUp() {
        var rows = (0..<5).map { k in
            var s = AuthorityScore(authority: AuthorityCode("90\(k)"), name: "A\(k)")
            s.incidents = 10
            s.knownToBoth = [1, 1, 5, 7, 9][k]
            return s
        }
        AuthorityScorecard.flagBottomQuarter(&rows)
        // 5 authorities: the lowest 2 (5/4 rounded up); both have 10%.
        #expect(rows.map(\.lowShareKnownToBoth) == [true, true, false, false, false])
    }

    @Test func filterNarrowsTheScorecard() throws {
        var filter = IncidentFilter()
        filter.provenances = [.laOnly]
        let narrowed = AuthorityScorecard(ReportFixture.data, scope: ReportScope(period: ReportFixture.period, filter: filter))
        #expect(narrowed.total.incidents == 4)
        #expect(narrowed.rows.first { $0.authority == "901" }?.incidents == 3)
    }
}

struct HomeReportTests {
    @Test func homesFiguresMatchTheHandCount() throws {
        let report = HomeReport(ReportFixture.data, scope: ReportFixture.scope, watchThreshold: 2)
        let oak = try #require(report.rows.first { $0.urn == "SC000001" })  // I1, I2, I3, I7
        #expect((oak.incidents, oak.children, oak.highRisk, oak.knownToBoth) == (4, 2, 2, 1))
        #expect(oak.incidentsPerPlace == 1)
        #expect(oak.percentKnownToBoth == 25)
        #expect(oak.hostAuthority == "901" && oak.force == "F1" && oak.rating == .good)
        let elm = try #require(report.rows.first { $0.urn == "SC000002" })  // I4, I5
        #expect((elm.incidents, elm.children, elm.places) == (2, 2, 2))
        let ash = try #require(report.rows.first { $0.urn == "SC000003" })
        #expect(ash.incidents == 0 && ash.incidentsPerPlace == nil)
        let unknown = try #require(report.rows.first { $0.urn == nil })
        #expect(unknown.incidents == 1)  // I6
        #expect(report.total.incidents == 7 && report.total.children == 5 && report.total.places == 6)
        #expect(oak.monthly == [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1])
    }

    @Test func watchFlagsGoodOrOutstandingHomesAtTheThreshold() {
        let two = HomeReport(ReportFixture.data, scope: ReportFixture.scope, watchThreshold: 2)
        #expect(two.watched.map(\.urn) == ["SC000001", "SC000002"])
        let three = HomeReport(ReportFixture.data, scope: ReportFixture.scope, watchThreshold: 3)
        #expect(three.watched.map(\.urn) == ["SC000001"])
        // Ash Court is Inadequate: never on the Good/Outstanding watch.
        let zero = HomeReport(ReportFixture.data, scope: ReportFixture.scope, watchThreshold: 0)
        #expect(!zero.watched.contains { $0.urn == "SC000003" })
        #expect(HomeReport(ReportFixture.data, scope: ReportFixture.scope).watchThreshold == 50)
    }
}

struct ForceRegisterTests {
    @Test func forcesFiguresMatchTheHandCount() throws {
        let register = ForceRegister(ReportFixture.data, scope: ReportFixture.scope)
        let f1 = try #require(register.rows.first { $0.force == "F1" })
        #expect((f1.homes, f1.places, f1.childrenPlacedByOtherAuthorities) == (2, 4, 1))  // Oak, Ash; C4 at Oak
        #expect((f1.incidents, f1.policeOnly) == (4, 1))  // I1, I2, I3, I7
        let f2 = try #require(register.rows.first { $0.force == "F2" })
        #expect((f2.homes, f2.places, f2.childrenPlacedByOtherAuthorities) == (1, 2, 1))  // Elm; C2 at Elm
        #expect((f2.incidents, f2.policeOnly) == (3, 1))  // I4, I5, and I6 by its reporting force
        #expect((register.total.incidents, register.total.homes, register.total.policeOnly) == (7, 3, 2))
        #expect(register.homes["F1"]?.map(\.name) == ["Ash Court", "Oak House"])
    }

    @Test func homesTableListsNamesAndAddressesPerForce() {
        let table = ForceRegister(ReportFixture.data, scope: ReportFixture.scope).homesTable(zone: .utc)
        #expect(table.rows.map { $0.values[2] } == [.text("Ash Court"), .text("Oak House"), .text("Elm Lodge")])
        #expect(table.rows[1].values[4] == .text("1 Oak Lane") && table.rows[1].values[5] == .text("NT1 1AA"))
    }
}

struct OutOfAreaMatrixTests {
    @Test func cellsMatchTheHandCount() {
        let matrix = OutOfAreaMatrix(ReportFixture.data, scope: ReportFixture.scope)
        #expect(matrix.cells.map { "\($0.responsible)>\($0.host):\($0.children)/\($0.incidents)" }
            == ["901>901:1/3", "901>902:1/1", "902>901:1/1", "902>902:1/1"])
        #expect(matrix.unplaced == 1)  // I6
        #expect(matrix.children == 4)
        let north = matrix.summaries[0]
        #expect(north.incidentsPerChildInArea == 3 && north.incidentsPerChildOutOfArea == 1)
    }

    @Test func matrixTableHasRowAndColumnTotals() {
        let table = OutOfAreaMatrix(ReportFixture.data, scope: ReportFixture.scope).matrixTable(zone: .utc)
        #expect(table.rows.map { $0.values.dropFirst(2).map { $0.text() } } == [["3", "1", "4"], ["1", "1", "2"]])
        #expect(table.total?.values.dropFirst(2).map { $0.text() } == ["4", "2", "6"])
    }
}

struct TrendsTests {
    @Test func monthsAndHoursMatchTheHandCount() {
        let trends = Trends(ReportFixture.data, scope: ReportFixture.scope)
        #expect(trends.months.count == 12)
        #expect(trends.months.map(\.total) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2])
        #expect(trends.months[6].knownToBoth == 1 && trends.months[11].policeOnly == 2)
        #expect(trends.byHour[2][10] == 1)  // I1, Wednesday 10:00
        #expect(trends.byHour[3][8] == 1)  // I2, Thursday 08:00
        #expect(trends.byHour[4][12] == 1)  // I3, Friday
        #expect(trends.byHour[0][0] == 1 && trends.byHour[0][3] == 1)  // I4, I6 on Mondays
        #expect(trends.byHour[2][22] == 1 && trends.byHour[3][14] == 1)  // I5, I7
        #expect(trends.byHour.flatMap { $0 }.reduce(0, +) == 7)
    }
}
