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
            // The name columns are as wide as their longest value: more columns fit.
            "  Start ▲          Child     Duration   Age Home       Authority Force         ›",
            "  2024-02-10 22:00 Dev Dunn  10h 0m      15 Oak House  Southvale Testshire Poli…",
            "  2024-03-01 10:00 Amy Able  10h 0m      14 Oak House  Northtown Testshire Poli…",
            "  2024-03-05 18:00 Ben␇ Bell 8h 0m       14 漢字 House Southvale Testshire Poli…",
            "  2024-04-02 09:00 Amy Able  ongoing     14 Oak House  Northtown Testshire Poli…",
            "  2024-05-01 12:00 Cara Cole 1h 30m      13 Café £—    Northtown Testshire Poli…",
            "  2024-06-01 23:00 Eve Evans ongoing     16                      Testshire Poli…",
        ])
        #expect(lines[22] == " Incidents  row 1/6  sort: Start▲")
        // The hints close up to one space so that all fit at 80 columns, F among them.
        #expect(lines[23] == " Enter open / search f filter F clear [ ] sort s select e export ? help Q quit")
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
        #expect(grid[30, 5].style.bold && grid[30, 5].style.tone == .ongoing)
    }

    @Test func smallTerminalShowsFewerColumnsAndRows() {
        let grid = render(Fixture.state(width: 60, height: 15))
        #expect(grid.lines[0] == "  1 Incidents   2   3   4   5   6   7   8")
        #expect(grid.lines[1] == "  Start ▲          Child     Duration   Age Home           ›")
        #expect(grid.lines[13] == " Incidents  row 1/6  sort: Start▲")
        // Hints that do not fit whole are left out (help and quit stay), never cut.
        #expect(grid.lines[14] == " Enter open / search f filter F clear [ ] sort ? help Q quit")
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
        #expect(lines[22] == " Incidents  row 1/3   home: Oak House  sort: Start▲")
        // The message takes the hint line until the next key.
        #expect(lines[23] == " Filtered: Oak House, 3 incidents")
        state.send(.key(.character("j")))
        #expect(render(state).lines[23].hasPrefix(" Enter open"))
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
        #expect(lines[22] == " Incident L-E1  row 2/6  sort: Start▲")
        #expect(lines[23] == " ↑↓ scroll  n N child's incidents  Esc back  m messages  ? help  Q quit")
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
        #expect(lines[13] == " Incident L-E5  row 1/6  sort: Start▲")
    }

    @Test func helpOverlayListsTheActionTable() {
        var state = Fixture.state()
        state.send(.key(.character("?")))
        let text = render(state).text
        for binding in CommandTable.bindings.prefix(10) {
            // Long help wraps: its first words are on the binding's line.
            let start = binding.help.split(separator: " ").prefix(4).joined(separator: " ")
            #expect(text.contains(start), "help lacks \(binding.command)")
        }
        #expect(text.contains("Keys · Esc closes"))
        #expect(text.contains("j ↓"))
        #expect(render(state).lines[22].hasPrefix(" Help  row 1/6"))
        // The box takes the screen's width, wraps its text, and says when more is below.
        let lines = render(state).lines
        #expect(lines[1].hasPrefix("┌") && lines[1].hasSuffix("┐"))
        #expect(lines[21].contains("more: j or PgDn"))
        let last = HelpView.lastScroll(width: 80, height: 24)
        for _ in 0...(last / state.pageSize + 1) { state.send(.key(.pageDown)) }
        let end = render(state).lines
        #expect(end[1].contains("more above: k") && !end[21].contains("more:"))
        #expect(end.contains { $0.contains("no end recorded, but a later incident") })
    }

    @Test func pickerShowsValuesWithCountsNarrowedByTyping() {
        var state = Fixture.state()
        state.send(.key(.character("f")))
        var text = render(state).text
        #expect(text.contains(" Home   Authority   Force   Risk   Known to   Period"))
        // The homes, and the incidents with no known home (Eve's police report).
        #expect(text.contains("4 of 4"))
        #expect(text.contains("home not known"))
        let lines = render(state).lines
        #expect(lines.contains { $0.contains("│ Oak House") && $0.contains("3 │") })
        state.type("caf")
        text = render(state).text
        #expect(text.contains("1 of 4"))
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
        let grid = render(state)
        let header = grid.lines[1]
        #expect(header.hasPrefix("‹"))
        #expect(header.contains("Risk"))
        // The key columns stay: the start and the child beside the risk.
        #expect(header.hasPrefix("‹ Start ▲          Child     "))
        #expect(!header.contains("Duration"))
        #expect(grid.lines[3].hasPrefix("  2024-03-01 10:00 Amy Able "))
    }

    @Test func nameColumnsFollowTheScreenSoLongNamesShowWhole() {
        var dataset = Fixture.dataset
        dataset.authorities = [
            Authority(code: "901", name: "Northtown and District Metropolitan Borough"),
            Authority(code: "902", name: "Southvale"),
        ]
        let linked = IncidentLinker().link(dataset)
        let index = IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: Fixture.zone))
        let wide = render(AppState(index: index, width: 200, height: 24))
        #expect(wide.lines[3].contains("Northtown and District Metropolitan Borough"))
        // At 80 columns the authority keeps its usual width or less: cut, with the mark.
        var narrow = AppState(index: index, width: 80, height: 24)
        for _ in 0..<3 { narrow.send(.key(.character("l"))) }
        #expect(!render(narrow).text.contains("Metropolitan Borough"))
        #expect(render(narrow).text.contains("Northtown and"))
    }
}
