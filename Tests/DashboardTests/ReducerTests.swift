import IncidentModel
import Testing
@testable import Dashboard

struct ReducerTests {
    @Test func movesAndPagesWithinTheRows() {
        var state = Fixture.state(width: 80, height: 15)  // 12 body rows
        state.send(.key(.character("j")), .key(.down))
        #expect(state.cursor == 2)
        state.send(.key(.character("k")))
        #expect(state.cursor == 1)
        state.send(.key(.character("G")))
        #expect(state.cursor == 5)
        state.send(.key(.down))
        #expect(state.cursor == 5)
        state.send(.key(.character("g")), .key(.up))
        #expect(state.cursor == 0)
        state.send(.key(.pageDown))
        #expect(state.cursor == 5 && state.top == 0)
    }

    @Test func quitIsAnEffectAndEscNeverQuits() {
        var state = Fixture.state()
        #expect(state.send(.key(.escape)).isEmpty)
        #expect(state.message == "Nothing to go back to: q or Q quits")
        #expect(state.send(.key(.character("Q"))) == [.quit])
    }

    @Test func saysOnceThatTheWorkspaceChangedAndReloadsOnR() {
        var state = Fixture.state()
        state.sourceNote = "SAMPLE DATA: synthetic"
        #expect(state.tabNote == "SAMPLE DATA: synthetic")
        #expect(state.send(.workspaceChanged).isEmpty)
        #expect(state.workspaceChanged)
        #expect(state.tabNote == "NEW DATA: R reloads")
        #expect(state.message.contains("R reloads"))
        state.send(.key(.character("j")))
        #expect(state.send(.workspaceChanged).isEmpty)
        #expect(state.message.isEmpty)  // told once; the tab bar keeps saying it
        #expect(state.send(.key(.character("R"))) == [.reload])
        state.send(.key(.character("3")))
        #expect(state.send(.key(.character("R"))).contains(.reload))
    }

    @Test func qGoesBackWhenItCanAndQuitsAtTheTopLevel() {
        var state = Fixture.state()
        state.send(.key(.enter))
        #expect(state.send(.key(.character("q"))).isEmpty)
        #expect(state.screen == .table)
        #expect(state.send(.key(.character("q"))) == [.quit])
        // In an overlay, q closes it (the help) or is typed (the picker).
        state.send(.key(.character("?")))
        #expect(state.send(.key(.character("q"))).isEmpty && state.overlay == nil)
        state.send(.key(.character("f")), .key(.character("q")))
        guard case let .picker(picker) = state.overlay else {
            Issue.record("no picker")
            return
        }
        #expect(picker.query == "q")
    }

    @Test func detailOpensOnTheCursorRowAndEscReturnsToIt() throws {
        var state = Fixture.state()
        state.send(.key(.down), .key(.down), .key(.enter))
        guard case let .detail(detail) = state.screen else {
            Issue.record("no detail")
            return
        }
        #expect(state.index[detail.incident].person.familyName == "Bell")
        #expect(detail.sources.episodes.map(\.id) == ["E3"])
        #expect(detail.childIncidents == [detail.incident])
        state.send(.key(.down), .key(.escape))
        #expect(state.screen == .table)
        #expect(state.cursor == 2)
    }

    @Test func nAndNMoveBetweenTheChildsIncidentsInTheDetail() {
        var state = Fixture.state()
        state.send(.key(.down), .key(.enter))  // Amy's first incident
        state.send(.key(.character("n")))
        guard case let .detail(detail) = state.screen else {
            Issue.record("no detail")
            return
        }
        #expect(state.index[detail.incident].id == "L-E2")
        #expect(state.message == "The child's incident 2 of 2")
        #expect(state.cursor == 3)  // the table follows
        state.send(.key(.character("n")))
        #expect(state.message == "This is the child's latest incident")
        state.send(.key(.character("N")))
        guard case let .detail(back) = state.screen else { return }
        #expect(state.index[back.incident].id == "L-E1")
    }

    @Test func detailUsesTheSourceLookupOnceBuilt() {
        var state = Fixture.state()
        state.send(.sourcesReady(SourceLookup(Fixture.dataset)), .key(.down), .key(.enter))
        guard case let .detail(detail) = state.screen else { return }
        #expect(detail.sources.reports.map(\.ref) == ["P1"])
        #expect(detail.sources.episodes.map(\.id) == ["E1"])
    }

    @Test func pickerAppliesAFilterAndFiltersCombine() {
        var state = Fixture.state()
        state.send(.key(.character("f")))
        state.type("oak")
        state.send(.key(.enter))
        #expect(state.overlay == nil)
        #expect(state.filter.homes == ["SC000001"])
        #expect(state.rows.count == 3)
        // Then the risk tab: only the values left in the view, with their counts.
        state.send(.key(.character("f")), .key(.tab), .key(.tab), .key(.tab))
        guard case let .picker(picker) = state.overlay else {
            Issue.record("no picker")
            return
        }
        #expect(picker.dimension == .risk)
        #expect(picker.entries.map(\.label) == ["high", "not graded"])
        #expect(picker.entries.map(\.count) == [1, 2])
        state.send(.key(.enter))
        #expect(state.rows.count == 1)
        #expect(state.index[state.rows[0]].id == "L-E1")
        state.send(.key(.character("F")))
        #expect(state.filter.isEmpty && state.rows.count == 6)
    }

    @Test func pickerNarrowsAndEscCloses() {
        var state = Fixture.state()
        state.send(.key(.character("f")))
        state.type("zzz")
        guard case let .picker(picker) = state.overlay else { return }
        #expect(picker.shown.isEmpty)
        state.send(.key(.enter))
        #expect(state.filter.isEmpty)
        state.send(.key(.backspace), .key(.backspace), .key(.backspace), .key(.escape))
        #expect(state.overlay == nil && state.filter.isEmpty)
    }

    @Test func periodFilterUsesTheMonth() {
        var state = Fixture.state()
        state.send(.key(.character("f")), .key(.backTab), .key(.backTab))  // past Flags to Period
        state.type("2024-03")
        state.send(.key(.enter))
        #expect(state.rows.count == 2)
        #expect(state.periodLabel == "2024-03")
        #expect(StatusBar.chips(state) == [StatusBar.Chip(name: "period", value: "2024-03")])
    }

    @Test func sortAsksForTheOrderThenAppliesIt() {
        var state = Fixture.state()
        state.send(.key(.character("l")))  // the child, second of the key columns
        let effects = state.send(.key(.character("[")))
        #expect(effects == [.computeOrder(.child)])
        #expect(state.pendingSort == IncidentSort(column: .child))
        #expect(state.message == "Sorting by Child…")
        state.runOrders(effects)
        #expect(state.sort == IncidentSort(column: .child))
        #expect(state.rows.map { state.index[$0].person.givenName.prefix(3) } == ["Amy", "Amy", "Ben", "Car", "Dev", "Eve"])
        // The cached order serves the other direction at once.
        #expect(state.send(.key(.character("]"))).isEmpty)
        #expect(state.rows.map { state.index[$0].person.givenName.prefix(3) } == ["Eve", "Dev", "Car", "Ben", "Amy", "Amy"])
    }

    @Test func sortKeepsTheCursorOnTheSameIncident() {
        var state = Fixture.state()
        state.send(.key(.character("G")))
        let incident = state.currentIncident
        state.runOrders(state.send(.key(.character("]"))))
        #expect(state.currentIncident == incident)
        #expect(state.cursor == 0)
    }

    @Test func searchFindsAndRepeatsAndWraps() {
        var state = Fixture.state()
        state.send(.key(.character("/")))
        state.type("amy")
        state.send(.key(.enter))
        #expect(state.cursor == 1)
        state.send(.key(.character("n")))
        #expect(state.cursor == 3)
        state.send(.key(.character("n")))
        #expect(state.cursor == 1)
        #expect(state.message.contains("wrapped"))
        state.send(.key(.character("N")))
        #expect(state.cursor == 3)
        // Homes match too, and a miss leaves the cursor.
        state.send(.key(.character("/")))
        state.type("漢字")
        state.send(.key(.enter))
        #expect(state.cursor == 2)
        state.send(.identifiersReady(IdentifierIndex(Fixture.linked.incidents)))
        state.send(.key(.character("/")))
        state.type("nobody")
        state.send(.key(.enter))
        #expect(state.cursor == 2)
        #expect(state.message == "No match for “nobody” in the view")
    }

    @Test func selectTogglesAndMovesDown() {
        var state = Fixture.state()
        state.send(.key(.character("s")), .key(.character("s")))
        #expect(state.selected.count == 2 && state.cursor == 2)
        state.send(.key(.up), .key(.character("s")))
        #expect(state.selected.count == 1)
        #expect(render(state).lines[22].contains("1 selected"))
    }

    @Test func exportAsksForAPathThenWritesTheViewOrTheSelection() {
        var state = Fixture.state()
        state.send(.key(.character("s")), .key(.character("e")))
        #expect(state.overlay == .exportPath(text: "incidents.csv", count: 1))
        state.send(.key(.control("u")))
        state.type("/tmp/x.csv")
        let effects = state.send(.key(.enter))
        let metadata = ExportMetadata(
            contents: "selected incidents", rows: 1, period: nil, filters: [], sort: "start ascending, ties by start then id")
        #expect(effects == [.export(path: "/tmp/x.csv", rows: state.rows, selected: state.selected, replace: false, metadata: metadata)])
        state.send(.exportFinished(path: "/tmp/x.csv", rows: 1))
        #expect(state.message == "Exported 1 row to /tmp/x.csv")
        #expect(state.exportDefault == "/tmp/x.csv")
    }

    @Test func exportConfirmsBeforeReplacing() {
        var state = Fixture.state()
        state.send(.exportFailed(path: "/tmp/x.csv", error: .exists(path: "/tmp/x.csv")))
        #expect(state.overlay == .confirmReplace(path: "/tmp/x.csv"))
        #expect(render(state).lines[23] == " /tmp/x.csv exists. Replace it? (y/n)")
        let effects = state.send(.key(.character("y")))
        guard case let .export(path, rows, selected, replace, _)? = effects.first else {
            Issue.record("expected an export, got \(effects)")
            return
        }
        #expect(path == "/tmp/x.csv" && rows == state.rows && selected.isEmpty && replace)
        state.send(.exportFailed(path: "/tmp/x.csv", error: .exists(path: "/tmp/x.csv")), .key(.character("n")))
        #expect(state.overlay == nil && state.message == "Export cancelled: /tmp/x.csv kept")
        state.send(.exportFailed(path: "/nope/x.csv", error: .failed(path: "/nope/x.csv", step: "create", reason: "No such file")))
        #expect(state.message == "Export failed: /nope/x.csv: cannot create: No such file")
    }

    @Test func resizeKeepsTheCursorOnScreen() {
        var state = Fixture.state(width: 80, height: 24)
        state.send(.key(.character("G")), .resize(width: 60, height: 6))
        #expect(state.pageSize == 2)
        #expect(state.top == 4 && state.cursor == 5)
    }

    @Test func clickPutsTheCursorOnARowAndTheWheelScrolls() {
        var state = Fixture.state()
        state.send(.click(x: 22, y: 5))
        #expect(state.cursor == 3)
        #expect(TableLayout.columns[state.column] == .child)
        state.send(.click(x: 30, y: 20))  // below the last row: nothing
        #expect(state.cursor == 3)
        var small = Fixture.state(width: 80, height: 15)
        small.send(.scroll(3))
        #expect(small.top == 0)  // six rows fit: nothing to scroll
    }

    @Test func startedAsksForEveryOrderAndTheSourceLookup() {
        var state = Fixture.state()
        let effects = state.send(.started)
        #expect(effects.first == .buildSources)
        // The orders, the source look-up, the reports' data, the data-quality report and the
        // identifiers' index for search.
        #expect(effects.count == TableLayout.columns.count + 4)
        #expect(effects.contains { if case let .run(job) = $0 { job.label == "identifiers" } else { false } })
        #expect(effects.contains { if case let .run(job) = $0 { job.label == "report data" } else { false } })
        #expect(effects.contains { if case let .run(job) = $0 { job.label == "quality" } else { false } })
        #expect(effects.contains(.computeOrder(.start)))
        // Start ascending is the data's own order, so sorting back to it needs no work.
        state.send(.key(.character("l")))
        state.runOrders(state.send(.key(.character("["))))
        state.send(.key(.character("h")))
        #expect(state.send(.key(.character("["))).isEmpty)
        #expect(state.sort == IncidentSort())
    }

    @Test func helpOpensAndClosesAndQuitsFromInside() {
        var state = Fixture.state()
        state.send(.key(.character("?")))
        #expect(state.overlay == .help(scroll: 0))
        state.send(.key(.character("j")))
        #expect(state.overlay == .help(scroll: 1))
        state.send(.key(.escape))
        #expect(state.overlay == nil)
        state.send(.key(.character("?")))
        #expect(state.send(.key(.character("Q"))) == [.quit])
    }
}
