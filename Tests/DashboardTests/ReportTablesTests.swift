import IncidentModel
import Testing
@testable import Dashboard

/// The report tabs' second tables: the forces' register of homes (tab 4, `t`) and the
/// out-of-area matrix (tab 5, `t`).
struct ReportTablesTests {
    @Test func forcesRegisterOfHomesAt80x24() {
        var state = AppState.withReports()
        state.send(.key(.character("4")), .key(.character("t")))
        let lines = render(state).lines
        #expect(lines[1] == " Force  URN      Home                   Provider         Address               ›")
        // The fixture's homes, by name, all in Testshire Police's area.
        #expect(lines[2] == " F1     SC000003 Café £—")
        #expect(lines[3] == " F1     SC000001 Oak House")
        #expect(lines[4] == " F1     SC000002 漢字 House")
        #expect(lines[22].hasPrefix(" Forces · register of homes  row 1/3   period: "))
        #expect(lines[23] == " Homes by police force")  // the message, until the next key
        state.send(.key(.character("j")), .key(.character("k")))
        #expect(render(state).lines[23].contains("t tables"))
        state.send(.key(.character("t")))
        #expect(render(state).lines[1].hasPrefix(" Code   Force"))
    }

    @Test func enterOnARegisteredHomeOpensItsIncidents() {
        var state = AppState.withReports()
        state.send(.key(.character("4")), .key(.character("t")), .key(.character("j")), .key(.enter))
        #expect(state.tab == .incidents)
        #expect(state.filter.homes == ["SC000001"])
        #expect(state.rows.count == 3)
        #expect(state.rows.allSatisfy { state.index[$0].home == "SC000001" })
        state.send(.key(.escape))
        #expect(state.tab == .forces && state.reportPage.table == 1 && state.reportView.cursor == 1)
    }

    @Test func outOfAreaMatrixAt80x24() {
        var state = AppState.withReports()
        state.send(.key(.character("5")), .key(.character("t")))
        let lines = render(state).lines
        // Northtown's three incidents are all in its own homes; Southvale has one in each.
        #expect(lines[1] == " Resp  Responsible        901   902   Total")
        #expect(lines[2] == " 901   Northtown            3     0       3")
        #expect(lines[3] == " 902   Southvale            1     1       2")
        #expect(lines[4] == "       All                  4     1       5")
        #expect(lines[22].hasPrefix(" Out of area · matrix  row 1/2   period: "))
    }

    @Test func enterOnAMatrixCellOpensThatPairsIncidentsAndOnTheTotalTheRows() throws {
        var state = AppState.withReports()
        state.send(.key(.character("5")), .key(.character("t")), .key(.character("j")))
        state.send(.key(.character("l")), .key(.character("l")))  // Southvale's 901 column
        state.send(.key(.enter))
        #expect(state.filter.authorities == ["902"] && state.filter.hostAuthorities == ["901"])
        let dev = try #require(Fixture.position(of: "Dev"))
        #expect(state.rows == [dev])
        #expect(state.message.hasPrefix("Southvale in 901"))
        state.send(.key(.escape))
        #expect(state.tab == .outOfArea && state.reportPage.table == 1)
        state.send(.key(.character("l")), .key(.character("l")), .key(.enter))  // Total
        #expect(state.filter.authorities == ["902"] && state.filter.hostAuthorities.isEmpty)
        #expect(state.rows.count == 2)
    }

    @Test func matrixSortsByAHostColumnWithTheSameKeys() {
        var state = AppState.withReports()
        state.send(.key(.character("5")), .key(.character("t")))
        state.send(.key(.character("l")), .key(.character("l")), .key(.character("l")), .key(.character("]")))  // 902 descending
        let lines = render(state).lines
        #expect(lines[2].hasPrefix(" 902   Southvale"))
        #expect(lines[1].contains("902 ▼"))
        #expect(lines[4].hasPrefix("       All"))
    }

    @Test func eachTableKeepsItsOwnCursorAndTheOtherTabsHaveOne() {
        var state = AppState.withReports()
        state.send(.key(.character("5")), .key(.character("j")), .key(.character("j")))
        state.send(.key(.character("t")))
        #expect(state.reportView.cursor == 0)
        state.send(.key(.character("t")))
        #expect(state.reportView.cursor == 2)
        state.send(.key(.character("2")), .key(.character("t")))
        #expect(state.reportPage.table == 0 && state.message.contains("one table"))
    }
}
