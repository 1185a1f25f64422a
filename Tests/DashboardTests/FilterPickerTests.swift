import IncidentModel
import Testing
@testable import Dashboard

/// The filter picker: values found by code as well as name, the incidents with no known home,
/// the flags, financial years and a period typed in.
struct FilterPickerTests {
    func picker(_ state: AppState) -> PickerState? {
        if case let .picker(picker) = state.overlay { return picker }
        return nil
    }

    /// Opens the picker on a list (its position among the dimensions) and types.
    func open(_ dimension: FilterDimension, typing text: String, in state: inout AppState) {
        state.send(.key(.character("f")))
        for _ in 0..<dimension.rawValue { state.send(.key(.tab)) }
        state.type(text)
    }

    @Test func findsHomesByURNAndAuthoritiesByCode() {
        var state = Fixture.state()
        open(.home, typing: "sc000002", in: &state)
        #expect(picker(state)?.listed(0)?.label == "漢字 House")
        state.send(.key(.escape))
        open(.authority, typing: "902", in: &state)
        #expect(picker(state)?.listedCount == 1 && picker(state)?.listed(0)?.label == "Southvale")
        state.send(.key(.enter))
        #expect(state.filter.authorities == ["902"] && state.rows.count == 2)
    }

    @Test func listsTheIncidentsWithNoKnownHome() {
        var state = Fixture.state()
        open(.home, typing: "not known", in: &state)
        #expect(picker(state)?.listed(0)?.label == "home not known" && picker(state)?.listed(0)?.count == 1)
        state.send(.key(.enter))
        #expect(state.filter.unknownHome)
        #expect(state.rows.map { state.index[$0].person.givenName } == ["Eve"])
        #expect(render(state).lines[22].contains("home: home not known"))
    }

    @Test func flagsCombineWithAnd() {
        var state = Fixture.state()
        open(.flags, typing: "high risk", in: &state)
        state.send(.key(.enter))
        #expect(state.filter.flags == [.highRisk] && state.rows.count == 2)  // Amy's first, Eve's
        open(.flags, typing: "ongoing", in: &state)
        state.send(.key(.enter))
        #expect(state.rows.map { state.index[$0].person.givenName } == ["Eve"])
        var other = Fixture.state()
        open(.flags, typing: "cse", in: &other)
        other.send(.key(.enter))
        #expect(other.rows.map { other.index[$0].person.givenName } == ["Cara"])
        open(.flags, typing: "out of area", in: &other)
        other.send(.key(.enter))
        #expect(other.rows.isEmpty)
        #expect(other.filter.descriptions(in: other.index.catalogue) == ["flags (all of): CSE concern, out of area"])
    }

    @Test func financialYearsRunAprilToMarch() {
        var state = Fixture.state()
        open(.period, typing: "FY 2023", in: &state)
        #expect(picker(state)?.listed(0)?.label == "FY 2023-24")
        state.send(.key(.enter))
        // February and March 2024: Dev, Amy, Ben.
        #expect(state.rows.map { state.index[$0].person.givenName.prefix(3) } == ["Dev", "Amy", "Ben"])
        #expect(state.periodLabel == "FY 2023-24")
    }

    @Test func aTypedRangeIsAPeriodWithBothDaysIn() {
        var state = Fixture.state()
        open(.period, typing: "2024-03-01 to 2024-04-02", in: &state)
        let entry = picker(state)?.listed(0)
        #expect(entry?.label == "2024-03-01 to 2024-04-02" && entry?.count == 3)
        state.send(.key(.enter))
        #expect(state.rows.count == 3 && state.periodLabel == "2024-03-01 to 2024-04-02")
        open(.period, typing: "01/03/2024..05/03/2024", in: &state)
        #expect(picker(state)?.listed(0)?.count == 2)
        // One date alone: that day.
        state.send(.key(.escape))
        open(.period, typing: "05/03/2024", in: &state)
        #expect(picker(state)?.listed(0)?.label == "2024-03-05" && picker(state)?.listed(0)?.count == 1)
    }

    @Test func aReversedOrUnreadableRangeSaysWhy() {
        var state = Fixture.state()
        open(.period, typing: "2024-04-01 to 2024-03-01", in: &state)
        #expect(picker(state)?.note == "the period ends before it starts: give the earlier date first")
        #expect(render(state).text.contains("the period ends before it starts"))
        state.send(.key(.enter))
        #expect(state.filter.from == nil)  // nothing to apply
        state.send(.key(.control("u")))
        state.type("2024-13-01 to 2024-03-01")
        #expect(picker(state)?.note?.hasPrefix("\"2024-13-01\" is not a date") == true)
    }
}
