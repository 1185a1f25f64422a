import IncidentModel
import Testing
@testable import Dashboard

struct RendererTests {
    @Test func tableAt80x24ShowsHeaderRowsStatusAndHints() {
        let grid = render(Fixture.state())
        #expect(grid.width == 80 && grid.height == 24)
        let lines = grid.lines
        #expect(Array(lines[0...7]) == [
            "  1 Incidents   2 Auth   3 Homes   4 Forces   5 OOA   6 Trend   7 Rev   8 Qual",
            "  Start ▲          Duration Child                  Age Home                    ›",
            "  2024-02-10 22:00 10h 0m   Dev Dunn                15 Oak House",
            "  2024-03-01 10:00 10h 0m   Amy Able                14 Oak House",
            "  2024-03-05 18:00 8h 0m    Ben␇ Bell               14 漢字 House",
            "  2024-04-02 09:00 ongoing  Amy Able                14 Oak House",
            "  2024-05-01 12:00 1h 30m   Cara Cole               13 Café £—",
            "  2024-06-01 23:00 ongoing  Eve Evans               16",
        ])
        #expect(lines[22] == " Incidents  row 1/6")
        #expect(lines[23] == " Enter open  / search  f filter  [ ] sort  s select  e export  ? help  Q quit")
    }

    @Test func wideAndControlCharactersKeepTheColumnsAligned() {
        let grid = render(Fixture.state())
        // 漢字 takes four columns, so "House" ends where "Oak House" would, plus one.
        let row = grid.lines[4]
        #expect(row.contains("Ben␇ Bell"))
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 })
        let measure = CharacterWidth.unicode
        #expect(measure.columns("漢字 House") == 10)
        #expect(measure.columns(grid.line(4)) == 80)
        #expect(measure.columns(grid.line(6)) == 80)
    }

    @Test func cursorRowIsReversedAndHighRiskIsBold() {
        var state = Fixture.state()
        state.send(.key(.down))
        let grid = render(state)
        #expect(grid[30, 3].style.reverse)
        #expect(!grid[30, 2].style.reverse)
        // The cell under the column cursor leaves the bar: bold, not reversed.
        #expect(grid[5, 3].style == CellStyle(tone: .accent, bold: true, underline: true))
        #expect(grid[5, 1].style.bold && !grid[5, 1].style.reverse)
        // Eve Evans: police only, ongoing, high risk.
        #expect(grid[5, 7].style.bold && grid[5, 7].style.tone == .highRisk)
        // Amy's ongoing episode: the duration cell stands out.
        #expect(grid[20, 5].style.bold && grid[20, 5].style.tone == .ongoing)
    }

    @Test func smallTerminalShowsFewerColumnsAndRows() {
        let grid = render(Fixture.state(width: 60, height: 15))
        #expect(grid.lines[0] == "  1 Incidents   2   3   4   5   6   7   8")
        #expect(grid.lines[1] == "  Start ▲          Duration Child                  Age     ›")
        #expect(grid.lines[13] == " Incidents  row 1/6")
        #expect(grid.lines[14] == " Enter open  / search  f filter  [ ] sort  s select  e expo…")
    }

    @Test func tooSmallTerminalSaysSo() {
        let grid = render(Fixture.state(width: 59, height: 20))
        #expect(grid.lines.contains { $0.contains("Terminal too small") })
        #expect(grid.lines.contains { $0.contains("59x20; mfc needs 60x15") })
        let short = render(Fixture.state(width: 100, height: 14))
        #expect(short.lines.contains { $0.contains("Terminal too small") })
    }

    @Test func filteredViewShowsChipAndCount() {
        var state = Fixture.state()
        state.send(.key(.character("f")))
        state.type("oak")
        state.send(.key(.enter))
        let lines = render(state).lines
        #expect(lines[2].contains("Dev Dunn"))
        #expect(lines[3].contains("Amy Able"))
        #expect(lines[4].contains("Amy Able") && lines[4].contains("ongoing"))
        #expect(lines[5] == "")
        #expect(lines[22].hasPrefix(" Incidents  row 1/3   home: Oak House "))
        #expect(lines[22].hasSuffix("Filtered: Oak House, 3 incidents"))
    }

    @Test func emptyFilteredViewExplains() {
        var state = Fixture.state()
        state.filter.homes = ["SC999999"]
        state.refreshRows()
        #expect(render(state).lines[3].contains("No incidents match the filters (F clears them)"))
    }

    @Test func detailViewShowsFieldsSourcesSideBySideAndTheChildsIncidents() throws {
        var state = Fixture.state()
        state.send(.key(.down), .key(.enter))
        let lines = render(state).lines
        #expect(lines[0] == " Incident L-E1 · both · HIGH RISK")
        #expect(lines[2] == " Child              Amy Able (14) · child C1")
        #expect(lines.contains(" Highest risk       high"))
        #expect(lines.contains(" Police reports (1)                     │ LA episodes (1)"))
        #expect(lines.contains(" Ref         P1 · Testshire Police      │ Episode     E1 · missing"))
        #expect(lines.contains(" Last seen   2024-03-01 10:30           │ Started     2024-03-01 10:00"))
        #expect(lines[22] == " Incident L-E1  row 2/6")
        #expect(lines[23] == " ↑↓ scroll  Esc back  ? help  Q quit")
        // Scrolled to the end: the child's incidents in time order, this one marked.
        state.send(.key(.character("G")))
        let end = render(state).lines
        let first = try #require(end.firstIndex { $0.contains("Incidents of this child (2)") })
        #expect(end[first + 1].hasPrefix(" ▶ 2024-03-01 10:00 10h 0m   Oak House"))
        #expect(end[first + 2].hasPrefix("   2024-04-02 09:00 ongoing  Oak House"))
    }

    @Test func detailViewAtSmallSize() {
        var state = Fixture.state(width: 60, height: 15)
        state.send(.key(.enter))
        let lines = render(state).lines
        #expect(lines[0] == " Incident L-E5 · LA only")
        #expect(lines[13] == " Incident L-E5  row 1/6")
    }

    @Test func helpOverlayListsTheActionTable() {
        var state = Fixture.state()
        state.send(.key(.character("?")))
        let text = render(state).text
        for binding in CommandTable.bindings.prefix(10) {
            #expect(text.contains(binding.help), "help lacks \(binding.command)")
        }
        #expect(text.contains("Keys · Esc closes"))
        #expect(text.contains("j ↓"))
        #expect(render(state).lines[22].hasPrefix(" Help  row 1/6"))
    }

    @Test func pickerShowsValuesWithCountsNarrowedByTyping() {
        var state = Fixture.state()
        state.send(.key(.character("f")))
        var text = render(state).text
        #expect(text.contains(" Home   Authority   Force   Risk   Known to   Period"))
        #expect(text.contains("3 of 3"))
        let lines = render(state).lines
        #expect(lines.contains { $0.contains("│ Oak House") && $0.contains("3 │") })
        state.type("caf")
        text = render(state).text
        #expect(text.contains("1 of 3"))
        #expect(text.contains("Café £—"))
        #expect(!text.contains("Oak House   "))
    }

    @Test func promptsReplaceTheHintLine() {
        var state = Fixture.state()
        state.send(.key(.character("/")))
        state.type("amy")
        #expect(render(state).lines[23] == "/amy")
        state.send(.key(.escape), .key(.character("e")))
        #expect(render(state).lines[23] == "Export 6 rows to: incidents.csv")
    }

    @Test func sideScrollShowsLaterColumns() {
        var state = Fixture.state()
        for _ in 0..<8 { state.send(.key(.character("l"))) }
        let header = render(state).lines[1]
        #expect(header.hasPrefix("‹"))
        #expect(header.contains("Risk"))
        #expect(!header.contains("Start"))
    }
}
