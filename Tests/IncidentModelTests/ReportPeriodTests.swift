import Testing
@testable import IncidentModel

struct ReportPeriodTests {
    @Test func defaultPeriodIsTheTwelveMonthsEndingWithTheLatestStartsMonth() throws {
        let period = try #require(ReportFixture.data.defaultPeriod)
        #expect(period == ReportFixture.period)
        #expect(period.label(zone: .utc) == "2023-07-01 to 2024-06-30")
        #expect(period.months(zone: .utc).map(\.description).first == "2023-07")
        #expect(period.months(zone: .utc).count == 12)
    }

    @Test func periodIsHalfOpen() throws {
        let period = ReportFixture.period
        #expect(period.contains(period.from))
        #expect(!period.contains(period.to))
        #expect(ReportPeriod(from: period.to, to: period.from) == nil)
    }

    @Test func defaultPeriodFollowsLocalMonthsInLondon() {
        // 2024-03-31 23:30 UTC is 2024-04-01 00:30 BST: April is the last month.
        let latest = LocalTimeZone.utc.instant(date: CivilDate(year: 2024, month: 3, day: 31) ?? CivilDate(daysSinceEpoch: 0), secondsIntoDay: 23 * 3600 + 1800)
        let period = ReportPeriod.twelveMonths(endingWith: latest, zone: .europeLondon)
        #expect(period.label(zone: .europeLondon) == "2023-05-01 to 2024-04-30")
        #expect(period.contains(latest))
    }

    @Test func incidentOnTheBoundaryCountsInThePeriodItStartsIn() throws {
        // I4 starts at 2024-04-01 00:00: in April, not in March.
        let march = try #require(ReportPeriod(from: ReportFixture.at(2024, 3, 1, 0).instant, to: ReportFixture.at(2024, 4, 1, 0).instant))
        let april = try #require(ReportPeriod(from: ReportFixture.at(2024, 4, 1, 0).instant, to: ReportFixture.at(2024, 5, 1, 0).instant))
        #expect(Trends(ReportFixture.data, scope: ReportScope(period: march)).total == 1)  // I3
        #expect(Trends(ReportFixture.data, scope: ReportScope(period: april)).total == 1)  // I4
    }
}
