import IncidentModel
import Testing
@testable import Dashboard

/// Selecting rows: all in the view, none, and what happens when the filters hide them.
struct SelectionTests {
    @Test func selectThenFilterThenUnselectAll() {
        var state = Fixture.state()
        state.send(.key(.character("s")), .key(.character("s")), .key(.character("s")))
        #expect(state.selected.count == 3)
        // Filter to a home none of them is in: e says why there is nothing, and how to go on.
        state.filter.homes = ["SC000003"]
        state.refreshRows()
        state.send(.key(.character("e")))
        #expect(state.overlay == nil)
        #expect(state.message.contains("the 3 selected rows are not in the view. U unselects every row"))
        state.send(.key(.character("U")))
        #expect(state.selected.isEmpty && state.message == "3 rows unselected")
        state.send(.key(.character("e")))
        #expect(state.overlay == .exportPath(text: "incidents.csv", count: 1))
    }

    @Test func selectAllTakesTheRowsInTheViewAndEscUnselects() {
        var state = Fixture.state()
        state.filter.homes = ["SC000001"]
        state.refreshRows()
        state.send(.key(.character("S")))
        #expect(state.selected == Set(state.rows) && state.selected.count == 3)
        #expect(state.exportCount == 3)
        state.send(.key(.character("F")))
        #expect(state.message == "Filters cleared; 3 rows still selected (U unselects)")
        state.send(.key(.escape))
        #expect(state.selected.isEmpty)
        state.send(.key(.escape))
        #expect(state.message == "Nothing to go back to: q or Q quits")
    }

    @Test func escAfterADrillGoesBackBeforeItUnselects() {
        var state = AppState.withReports()
        state.send(.key(.character("2")), .key(.enter))
        #expect(state.tab == .incidents)
        state.send(.key(.character("s")), .key(.escape))
        #expect(state.tab == .authorities && state.selected.count == 1)
    }
}
