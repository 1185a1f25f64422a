import Foundation
import Testing
@testable import IncidentModel

struct ReportTableTests {
    static func tables(_ data: ReportData, _ scope: ReportScope) -> [ReportTable] {
        let set = ReportSet(data, scope: scope, watchThreshold: 2)
        return [set.authorities, set.homes, set.forces, set.outOfArea, set.trends]
    }

    @Test func everyRowDrillsToTheIncidentsItCounts() throws {
        for table in Self.tables(ReportFixture.data, ReportFixture.scope) {
            let incidents = try #require(table.column(named: "incidents"), "\(table.name) has no incidents column")
            for row in table.allRows {
                guard let drill = row.drill, case let .count(n) = row.values[incidents] else { continue }
                #expect(drill.apply(ReportFixture.linked.incidents).count == n, "\(table.name): \(row.values[1])")
            }
        }
    }

    @Test func csvWritesNamesAsTextAndTheTotalLast() {
        let table = AuthorityScorecard(ReportFixture.data, scope: ReportFixture.scope).table(zone: .utc)
        let text = String(decoding: ReportWriter.csv(SuppressedTable(unsuppressed: table)), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("authority_code,authority,last_12_months,children,incidents,incidents_per_child,"))
        #expect(lines[1].hasPrefix("901,Northtown,0;0;0;0;0;0;1;1;1;1;0;0,2,4,2.00,1,1,1,1,0,3,25.0,3,3,2,66.7,1,33.3,4,1,25.0,10.0,1,1,1,1,100,2.0,"))
        #expect(lines[4].hasPrefix(",All authorities,"))
    }

    @Test func jsonHasRowsAndTotal() {
        let table = Trends(ReportFixture.data, scope: ReportFixture.scope).table(zone: .utc)
        let json = ReportWriter.json(SuppressedTable(unsuppressed: table))
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["report"] as? String == "trends")
        #expect((parsed?["rows"] as? [Any])?.count == 12)
        #expect((parsed?["total"] as? [String: Any])?["incidents"] as? Int == 7)
    }

    @Test func chartsHaveAsciiFallbacks() {
        #expect(ChartGlyphs.unicode.sparkline([0, 1, 8]) == " ▁█")
        #expect(ChartGlyphs.ascii.sparkline([0, 1, 8]) == " .@")
        #expect(ChartGlyphs.unicode.bar([2, 1, 1], maximum: 4, width: 8) == "████▓▓░░")
        #expect(ChartGlyphs.ascii.bar([2, 1, 1], maximum: 4, width: 8) == "####==..")
        #expect(ChartGlyphs.ascii.shade(0, maximum: 4) == " " && ChartGlyphs.ascii.shade(4, maximum: 4) == "#")
    }
}

/// Group totals add up to the total, on generated data with a fixed seed.
struct ReportPropertyTests {
    static let linked: LinkedData = {
        let files = SyntheticGenerator.generate(GeneratorConfiguration(seed: 77, children: 300))
        let folder = NSTemporaryDirectory() + "mfc-report-props-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in files { FileManager.default.createFile(atPath: folder + "/" + file.name, contents: Data(file.bytes)) }
        let dataset = (try? DatasetLoader.load(paths: [folder], zone: .europeLondon)) ?? Dataset()
        try? FileManager.default.removeItem(atPath: folder)
        return IncidentLinker().link(dataset)
    }()
    static let data = ReportData(linked: linked, zone: .europeLondon)

    @Test func authoritiesCountsAddUpToTheAllAuthoritiesTotal() throws {
        let period = try #require(Self.data.defaultPeriod)
        let card = AuthorityScorecard(Self.data, scope: ReportScope(period: period))
        #expect(card.total.incidents > 100)
        let sums: [(String, KeyPath<AuthorityScore, Int>)] = [
            ("incidents", \.incidents), ("highRisk", \.highRisk), ("both", \.knownToBoth), ("police", \.policeOnly),
            ("la", \.laOnly), ("due", \.interviewsDue), ("offered", \.interviewsOffered), ("inTime", \.interviewsInTime),
            ("areaKnown", \.areaKnown), ("outOfArea", \.outOfArea), ("over24", \.over24Hours), ("cse", \.cseConcern),
            ("missing", \.stillMissing), ("children", \.children), ("threeOrMore", \.childrenWithThreeOrMore),
            ("repeated", \.childrenRepeatedIn90Days),
        ]
        for (name, path) in sums {
            #expect(card.rows.map { $0[keyPath: path] }.reduce(0, +) == card.total[keyPath: path], "\(name)")
        }
        for m in 0..<12 { #expect(card.rows.map { $0.monthly[m] }.reduce(0, +) == card.total.monthly[m]) }
        // The total is every incident whose start falls in the period.
        #expect(card.total.incidents == Self.linked.incidents.count { period.contains($0.start) })
    }

    @Test func everyViewsIncidentsAddUpToTheSameTotal() throws {
        let period = try #require(Self.data.defaultPeriod)
        let scope = ReportScope(period: period)
        let total = AuthorityScorecard(Self.data, scope: scope).total.incidents
        let homes = HomeReport(Self.data, scope: scope)
        #expect(homes.rows.map(\.incidents).reduce(0, +) == total && homes.total.incidents == total)
        let forces = ForceRegister(Self.data, scope: scope)
        #expect(forces.rows.map(\.incidents).reduce(0, +) == total)
        let matrix = OutOfAreaMatrix(Self.data, scope: scope)
        #expect(matrix.cells.map(\.incidents).reduce(0, +) + matrix.unplaced == total)
        let trends = Trends(Self.data, scope: scope)
        #expect(trends.months.map(\.total).reduce(0, +) == total && trends.total == total)
    }

    @Test func drillFiltersMatchTheCountsOnGeneratedData() throws {
        let period = try #require(Self.data.defaultPeriod)
        for table in ReportTableTests.tables(Self.data, ReportScope(period: period)) {
            let incidents = try #require(table.column(named: "incidents"))
            for row in table.rows.prefix(8) {
                guard let drill = row.drill, case let .count(n) = row.values[incidents] else { continue }
                #expect(drill.apply(Self.linked.incidents).count == n, "\(table.name)")
            }
        }
    }
}
