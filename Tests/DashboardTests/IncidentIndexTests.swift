import IncidentModel
import Testing
@testable import Dashboard

struct IncidentIndexTests {
    @Test(arguments: IncidentColumn.allCases)
    func columnOrderMatchesIncidentSort(column: IncidentColumn) {
        let index = Fixture.index
        let order = index.order(for: column)
        for descending in [false, true] {
            let expected = IncidentSort(column: column, descending: descending)
                .permutation(Fixture.linked.incidents, in: Fixture.catalogue).map { Int32($0) }
            #expect(order.permutation(descending: descending) == expected, "\(column) \(descending)")
        }
    }

    @Test func compiledFilterMatchesIncidentFilter() {
        let index = Fixture.index
        let filters = [
            IncidentFilter(homes: ["SC000001"]),
            IncidentFilter(authorities: ["902"]),
            IncidentFilter(authorities: ["902"], hostAuthorities: ["901"]),
            IncidentFilter(hostAuthorities: ["902"]),
            IncidentFilter(forces: ["F1"], risks: [.high]),
            IncidentFilter(risks: [nil]),
            IncidentFilter(provenances: [.laOnly, .policeOnly]),
            IncidentFilter(from: Fixture.at(2024, 3, 1, 0).instant, to: Fixture.at(2024, 5, 1, 12).instant),
        ]
        let all = (0..<Int32(index.count)).map { $0 }
        for filter in filters {
            let expected = all.filter { filter.matches(index[$0]) }
            #expect(index.rows(all, passing: filter) == expected)
        }
    }

    @Test func largeOrdersAreFilteredInChunksKeepingTheirOrder() {
        // 300,000 positions (the six incidents over and over, in a scrambled order) take the
        // parallel path; the result must be the serial filter's, in the same order.
        let index = Fixture.index
        let order = (0..<300_000).map { Int32(($0 * 7 + $0 / 6) % index.count) }
        let filter = IncidentFilter(authorities: ["901"])
        let expected = order.filter { filter.matches(index[$0]) }
        #expect(expected.count > 100_000)
        #expect(index.rows(order, passing: filter) == expected)
    }

    @Test func filterChangesReuseTheSortedOrder() {
        var state = Fixture.state()
        state.runOrders(state.send(.key(.character("l")), .key(.character("]"))))
        let sorted = state.rows
        state.send(.key(.character("f")))
        state.type("oak")
        state.send(.key(.enter), .key(.character("F")))
        #expect(state.rows == sorted)
        #expect(state.sortedOrder?.sort == state.sort)
    }

    @Test func pickerCountsAddUpToTheView() {
        let index = Fixture.index
        for dimension in [FilterDimension.home, .authority, .force, .risk, .provenance] {
            let entries = index.pickerEntries(dimension, filter: IncidentFilter())
            // Eve: no home (listed as "home not known"), no authority (not listed).
            let unknown = dimension == .authority ? 1 : 0
            #expect(entries.map(\.count).reduce(0, +) + unknown == index.count, "\(dimension)")
        }
        let periods = index.pickerEntries(.period, filter: IncidentFilter())
        #expect(periods.first?.label == "2024" && periods.first?.count == 6)
        #expect(periods.dropFirst().map(\.label) == ["FY 2024-25", "FY 2023-24", "2024-06", "2024-05", "2024-04", "2024-03", "2024-02"])
        // April to June 2024 in 2024-25; February and March in 2023-24.
        #expect(periods.filter { $0.label.hasPrefix("FY") }.map(\.count) == [3, 3])
    }

    @Test func childsIncidentsAreFoundByChildIdInTimeOrder() throws {
        let index = Fixture.index
        let amy = try #require(Fixture.position(of: "Amy"))
        let found = index.incidentsOfChild(of: amy)
        #expect(found.count == 2)
        #expect(found.map { index[$0].child } == ["C1", "C1"])
        #expect(index[found[0]].start < index[found[1]].start)
        let eve = try #require(Fixture.position(of: "Eve"))
        #expect(index.incidentsOfChild(of: eve) == [eve])
    }

    @Test func sourceLookupAndScanAgree() throws {
        let lookup = SourceLookup(Fixture.dataset)
        for incident in Fixture.linked.incidents {
            #expect(lookup.sources(of: incident, in: Fixture.dataset) == SourceLookup.scan(incident, in: Fixture.dataset))
        }
    }
}

/// The place filters' position lists against a plain pass, on the sample data (thousands of
/// incidents, so that one home or authority is a small part of them).
struct PositionListTests {
    static let sample: IncidentIndex? = {
        // Tests/DashboardTests/IncidentIndexTests.swift, three levels below the package.
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        guard let dataset = try? DatasetLoader.load(directory: root + "/SampleData", zone: .europeLondon) else { return nil }
        let linked = IncidentLinker().link(dataset)
        return IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: .europeLondon))
    }()

    @Test func placeFiltersGiveThePlainPassesRowsInEveryOrder() throws {
        let index = try #require(Self.sample)
        #expect(index.count > 1_000)
        let incidents = index.linked.incidents
        let middle = incidents[incidents.count / 2].start
        let later = incidents[incidents.count * 3 / 4].start
        var filters: [IncidentFilter] = []
        for home in index.homes.prefix(5) { filters.append(IncidentFilter(homes: [home])) }
        for authority in index.authorities.prefix(4) {
            filters.append(IncidentFilter(authorities: [authority], from: middle, to: later))
            filters.append(IncidentFilter(authorities: [authority], hostAuthorities: [authority]))
            filters.append(IncidentFilter(risks: [.high], from: middle, hostAuthorities: [authority]))
        }
        filters.append(IncidentFilter(homes: Set(index.homes.prefix(3)), provenances: [.both]))
        filters.append(IncidentFilter(forces: [index.forces[0]], to: middle))
        filters.append(IncidentFilter(homes: ["SC999999"]))  // in no incident
        filters.append(IncidentFilter(authorities: [index.authorities[0]], repeatsOnly: true))
        filters.append(IncidentFilter(repeatsOnly: true))
        let identity = (0..<Int32(index.count)).map { $0 }
        let byChild = index.order(for: .child).permutation(descending: true)
        let byStartDescending = index.order(for: .start).permutation(descending: true)
        var listed = 0
        for filter in filters {
            for (order, inStartOrder) in [(identity, true), (byChild, false), (byStartDescending, false)] {
                let expected = order.filter { filter.matches(index[$0]) }
                #expect(index.rows(order, passing: filter, inStartOrder: inStartOrder) == expected)
            }
            listed += identity.filter { filter.matches(index[$0]) }.count
        }
        #expect(listed > 0)
    }

    @Test func theFlagsPickerCountsTheMarkedIncidentsAndFiltersToThem() throws {
        let index = try #require(Self.sample)
        let marked = (0..<Int32(index.count)).filter { index[$0].isRepeat }
        #expect(!marked.isEmpty && marked.count < index.count)
        let entries = index.pickerEntries(.flags, filter: IncidentFilter())
        #expect(entries.first { $0.value == .repeats }?.count == marked.count)
        // Each flag's count is the incidents that carry it.
        for flag in IncidentFlag.allCases {
            let carrying = (0..<Int32(index.count)).filter { flag.holds(for: index[$0]) }.count
            #expect(entries.first { $0.value == .flag(flag) }?.count ?? 0 == carrying, "\(flag)")
        }
        var state = AppState(index: index, width: 80, height: 24)
        state.send(.key(.character("f")))
        for _ in 0..<6 { state.send(.key(.tab)) }
        state.type("3 or more")
        state.send(.key(.enter))
        #expect(state.filter.repeatsOnly && state.rows == marked)
        let lines = render(state).lines
        #expect(lines[22].contains("3 in 90 days"))
        state.send(.key(.enter))
        guard case let .detail(detail) = state.screen else {
            Issue.record("Enter did not open the detail")
            return
        }
        #expect(DetailView.lines(detail, state: state, width: 80)
            .contains { line in line.contains { $0.text.hasPrefix("yes: one of 3 or more") } })
    }
}
