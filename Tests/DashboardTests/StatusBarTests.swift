import IncidentModel
import Testing
@testable import Dashboard

/// The status line at 80 columns: every filter shows, shortened when it must be, with the key
/// that lists them in full; messages are read in full.
struct StatusBarTests {
    static let measure = CharacterWidth.unicode

    func filtered(width: Int = 80) -> AppState {
        var state = Fixture.state(width: width)
        state.filter.homes = ["SC000001"]
        state.filter.authorities = ["902"]
        state.refreshRows()
        return state
    }

    @Test func aHomeAndAnAuthorityBothShowAt80Columns() {
        let line = render(filtered()).lines[22]
        #expect(line.contains("home: Oak House") && line.contains("Southvale"))
        #expect(line.contains("Start▲"))
        #expect(Self.measure.columns(line) <= 80)
        // A third: counted, with the key that lists them.
        var three = filtered()
        three.filter.forces = ["F1"]
        three.refreshRows()
        #expect(render(three).lines[22] == " Incidents  row 1/1   3 filters  Start▲ v lists")
    }

    @Test func filtersThatDoNotFitAreShortenedWithTheKeyThatListsThem() {
        var state = filtered(width: 60)
        state.filter.risks = [.high, nil]
        state.filter.provenances = [.both]
        state.refreshRows()
        let line = render(state).lines[22]
        #expect(line.hasSuffix("v lists"))
        state.send(.key(.character("v")))
        let text = render(state).text
        #expect(text.contains("home: Oak House (SC000001)"))
        #expect(text.contains("authority: Southvale (902)"))
        #expect(text.contains("sort: Start ascending"))
    }

    @Test func selectionAndPeriodShow() {
        var state = filtered()
        state.send(.key(.character("S")))
        state.filter.from = Instant(secondsSinceEpoch: 0)
        state.filter.to = Instant(secondsSinceEpoch: 2_000_000_000)
        state.periodLabel = "FY 2023-24"
        let line = render(state).lines[22]
        #expect(line.contains("1 selected"))
        #expect(line.contains("period: FY"))
    }

    @Test func aLongMessageIsReadInFull() {
        var state = Fixture.state()
        let long = "Export failed: /nonexistent/folder/with/a/long/name/incidents-2024.csv: cannot create a temporary file beside it (No such file or directory); check the folder exists and you can write to it"
        state.message = long
        let lines = render(state).lines
        // The message takes the bottom lines, the status bar moves up above it.
        let shown = lines.suffix(3).map { $0.trimmingPrefix(" ") }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(shown == long)
        #expect(lines[20].hasPrefix(" Incidents  row 1/6"))
        // The next key clears it; m shows every message again.
        state.send(.key(.character("j")))
        #expect(render(state).lines[22].hasPrefix(" Incidents  row 2/6"))
        state.send(.key(.character("m")))
        let log = render(state).text
        #expect(log.contains("Messages, newest last"))
        #expect(log.contains("and you can write to it"))
    }

    @Test func aSourceNoteShowsInTheTabBar() {
        var state = Fixture.state()
        state.sourceNote = "SAMPLE DATA: synthetic"
        let line = render(state).lines[0]
        #expect(line.hasSuffix(" SAMPLE DATA: synthetic"))
        #expect(line.hasPrefix("  1 Incidents "))
        #expect(Self.measure.columns(render(state).line(0)) == 80)
        // Too long a note is cut, never the tabs' numbers.
        state.sourceNote = String(repeating: "synthetic sample data ", count: 4)
        let cut = render(state).lines[0]
        #expect(cut.hasPrefix("  1 Incidents   2   3   4   5   6   7   8 ") && cut.hasSuffix("…"))
    }
}

extension String {
    fileprivate func trimmingPrefix(_ prefix: Character) -> Substring {
        self.drop { $0 == prefix }
    }
}
