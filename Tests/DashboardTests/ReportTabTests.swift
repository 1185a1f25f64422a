import IncidentModel
import Testing
@testable import Dashboard

extension AppState {
    /// Runs background jobs the way the run loop does, feeding their results back, until none is left.
    mutating func runJobs(_ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case let .run(job) = effect { pending += Dashboard.reduce(&self, job.run()) }
        }
    }

    /// A state whose reports are ready, as after start-up.
    static func withReports(width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.runJobs(state.send(.started))
        return state
    }
}

struct ReportTabTests {
    @Test func numberKeysAndTabSwitchViews() {
        var state = AppState.withReports()
        state.send(.key(.character("2")))
        #expect(state.tab == .authorities)
        state.send(.key(.tab), .key(.tab))
        #expect(state.tab == .forces)
        state.send(.key(.backTab))
        #expect(state.tab == .homes)
        state.send(.key(.character("6")), .key(.tab))
        #expect(state.tab == .review)
        state.send(.key(.tab))
        #expect(state.tab == .quality)
        state.send(.key(.tab))
        #expect(state.tab == .incidents)
        state.send(.click(x: 20, y: 0))
        #expect(state.tab == .authorities)
    }

    @Test func exportingAReportAsksTheRunLoopToWriteAndLogItsCSV() throws {
        var state = AppState.withReports()
        state.send(.key(.character("2")), .key(.character("e")), .key(.control("u")))
        state.type("/tmp/authorities.csv")
        let effects = state.send(.key(.enter))
        guard case let .exportReport(path, csv, report, rows, filter, replace, _)? = effects.first else {
            Issue.record("expected a report export, got \(effects)")
            return
        }
        let table = try #require(state.reportTable)
        #expect(path == "/tmp/authorities.csv" && !replace)
        #expect(report == table.name && rows == table.allRows.count)
        #expect(csv == ReportWriter.csv(SuppressedTable(unsuppressed: table)))
        // The audit log is told which incidents the report covers: its period.
        #expect(filter.from == state.reportPeriod?.from && filter.to == state.reportPeriod?.to)
    }

    @Test func reportsAreComputedInTheBackgroundOncePerScope() {
        var state = Fixture.state()
        let effects = state.send(.started)
        #expect(state.reports == nil)
        state.send(.key(.character("2")))
        #expect(render(state).lines[2].contains("Preparing the reports…"))
        state.runJobs(effects)
        #expect(state.reportTable?.name == "authorities")
        // Moving and sorting ask for nothing more; a filter asks for the reports once.
        #expect(state.send(.key(.character("j")), .key(.character("]"))).isEmpty)
        state.send(.key(.character("f")))
        state.type("oak")
        let refiltered = state.send(.key(.enter))
        #expect(refiltered.filter { if case .run = $0 { true } else { false } }.count == 1)
    }

    @Test func theMessageSaysWhatTheReportsWaitForUntilTheyArrive() throws {
        var state = Fixture.state()
        let started = state.send(.started)
        // The empty report says what it waits for; so does the message, once a key asks.
        state.send(.key(.character("2")))
        #expect(render(state).lines[2].contains("Preparing the reports…"))
        state.send(.key(.character("j")))
        #expect(state.announcedWork == .reportData)
        #expect(state.message == "Preparing the reports…")
        // The data built: the reports of the scope are asked for, and the empty report says so.
        let dataJob = try #require(started.lazy.compactMap { effect -> BackgroundJob? in
            if case let .run(job) = effect, job.label == "report data" { job } else { nil }
        }.first)
        let asked = state.send(dataJob.run())
        let reportsJob = try #require(asked.lazy.compactMap { effect -> BackgroundJob? in
            if case let .run(job) = effect, job.label == "reports" { job } else { nil }
        }.first)
        #expect(render(state).lines[2].contains("Computing the reports…"))
        state.send(.key(.character("3")))
        #expect(state.announcedWork == .reports)
        #expect(state.message == "Computing the reports…")
        // The reports clear the message that announced them.
        var arrived = state
        arrived.send(reportsJob.run())
        #expect(arrived.reportTable?.name == "homes")
        #expect(arrived.message.isEmpty && arrived.announcedWork == nil)
        // A message said since is another's, and stays.
        state.send(.workspaceChanged)
        #expect(state.announcedWork == nil)
        state.send(reportsJob.run())
        #expect(state.reportTable?.name == "homes")
        #expect(state.message.hasPrefix("The workspace has new imports"))
    }

    @Test func authoritiesAt80x24() {
        var state = AppState.withReports()
        state.send(.key(.character("2")))
        let lines = render(state).lines
        // Eight full titles do not fit 80 columns: the other tabs take short ones.
        #expect(lines[0] == "  1 Inc   2 Authorities   3 Homes   4 Forces   5 OOA   6 Trend   7 Rev   8 Qual")
        #expect(lines[1] == " Code  Authority             12 months Children Incidents Inc/child 3+ inc 3 in›")
        // Sparklines: 2023-07 ... 2024-06; Northtown in March, April and May.
        #expect(lines[2] == " 901   Northtown                  ███         2         3      1.50      0     0")
        #expect(lines[3] == " 902   Southvale                 ██           2         2      1.00      0     0")
        #expect(lines[4] == "       Authority unknown             █        1         1      1.00      0     0")
        #expect(lines[5] == "       All authorities           ▄█▄▄▄        5         6      1.20      0     0")
        #expect(lines[22] == " Authorities  row 1/3   period: 2023-07-01 to 2024-06-30")
        #expect(lines[23] == " Enter incidents  [ ] sort  f filter  e export  Tab 1-8 views  ? help  Q quit")
    }

    @Test func enterOnAnAuthorityShowsItsIncidentsAndEscReturns() throws {
        var state = AppState.withReports()
        state.send(.key(.character("2")), .key(.character("j")), .key(.enter))
        #expect(state.tab == .incidents)
        #expect(state.filter.authorities == ["902"])
        let incidents = state.rows.map { state.index[$0] }
        #expect(incidents.count == 2)
        #expect(incidents.allSatisfy { $0.responsibleAuthority == "902" })
        let lines = render(state).lines
        #expect(lines[22].hasPrefix(" Incidents  row 1/2   auth: Southvale   period: "))
        #expect(lines[23] == " Southvale · Esc returns")
        state.send(.key(.escape))
        #expect(state.tab == .authorities && state.filter.isEmpty && state.reportView.cursor == 1)
    }

    @Test func drillOnEveryRowMatchesItsIncidentsCount() throws {
        var state = AppState.withReports()
        for tab in [Tab.authorities, .homes, .forces, .outOfArea, .trends] {
            state.send(.key(.character(tab.key)))
            let table = try #require(state.reportTable)
            let column = try #require(table.column(named: "incidents"))
            for k in table.rows.indices {
                guard case let .count(n) = table.rows[k].values[column], table.rows[k].drill != nil else { continue }
                var drilled = state
                drilled.send(.key(.character("g")))
                for _ in 0..<(drilled.reportView.order.firstIndex(of: k) ?? 0) { drilled.send(.key(.character("j"))) }
                drilled.send(.key(.enter))
                #expect(drilled.tab == .incidents && drilled.rows.count == n, "\(tab) row \(k) \(table.rows[k].values.prefix(2)) \(drilled.rows.count) vs \(n) cursor \(drilled.reportView.cursor)")
            }
        }
    }

    @Test func sortingAReportKeepsTheTotalLast() {
        var state = AppState.withReports()
        state.send(.key(.character("2")))
        for _ in 0..<4 { state.send(.key(.character("l"))) }  // Incidents
        state.send(.key(.character("]")))
        let lines = render(state).lines
        #expect(lines[1].contains("Incident…"))
        #expect(state.reportView.sortColumn == 4 && state.reportView.descending)
        #expect(lines[2].hasPrefix(" 901   Northtown"))
        #expect(lines[4].hasPrefix("       Authority unknown"))
        #expect(lines[5].hasPrefix("       All authorities"))
        state.send(.key(.character("[")))
        #expect(render(state).lines[2].hasPrefix("       Authority unknown"))
    }

    @Test func homesAt80x24() {
        var state = AppState.withReports()
        state.send(.key(.character("3")))
        let lines = render(state).lines
        // The Watch column stays on screen, after the columns that fit.
        #expect(lines[1] == " URN      Home                    12 months Rating      Places Incidents Watch ›")
        // Places are unknown in the fixture's register: "-".
        #expect(lines[2] == " SC000001 Oak House                   ███                    -         3")
        #expect(lines[3] == " SC000002 漢字 House                   █                     -         1")
        #expect(lines[4] == " SC000003 Café £—                        █                   -         1")
        #expect(lines[5] == "          Home unknown                    █                  -         1")
        #expect(lines[6] == "          All homes                   ▄█▄▄▄                  -         6")
        #expect(lines[22] == " Homes  row 1/4   period: 2023-07-01 to 2024-06-30")
    }

    @Test func forcesAt80x24() {
        var state = AppState.withReports()
        state.send(.key(.character("4")))
        let lines = render(state).lines
        // Dev Dunn (Southvale) is placed at Oak House, in Northtown: placed from away.
        #expect(lines[1] == " Code   Force                     Homes Places Placed from away Incidents Polic›")
        #expect(lines[2] == " F1     Testshire Police              3      0                1         6      1")
        #expect(lines[3] == "        All forces                    3      0                1         6      1")
    }

    @Test func outOfAreaAt80x24() {
        var state = AppState.withReports()
        state.send(.key(.character("5")))
        let lines = render(state).lines
        #expect(lines[1] == " Resp  Responsible      Host  Host authority   Placed      Children Incidents  ›")
        #expect(lines[2] == " 901   Northtown        901   Northtown        in area            2         3")
        #expect(lines[3] == " 902   Southvale        901   Northtown        out of area        1         1")
        #expect(lines[4] == " 902   Southvale        902   Southvale        in area            1         1")
        #expect(lines[5] == "       All placements                                             4         5")
    }

    @Test func trendsAt80x24ShowBarsAndTheWeekdayHourGrid() {
        var state = AppState.withReports()
        state.send(.key(.character("6")))
        let lines = render(state).lines
        #expect(lines[1] == " Month     Both Police    LA  Total Both/police/LA Hour 0     6     12    18")
        // Saturday: Dev Dunn at 22:00 and Eve Evans at 23:00, the busiest hours.
        #expect(lines[7].contains("Sat ") && lines[7].hasSuffix("██"))
        // February: Dev Dunn's LA-only episode; the bar scaled to March's two.
        #expect(lines[9] == " 2024-02      0      0     1      1 ░░░░░░░             ░▒▓█ more starts")
        #expect(lines[2].hasSuffix("Mon"))
        #expect(lines[3].hasPrefix(" 2023-08      0      0     0      0"))
        #expect(lines[14] == " All          1      1     4      6")
        #expect(lines[8].hasPrefix(" 2024-01      0      0     0      0"))
        #expect(lines[22] == " Trends  row 1/12   period: 2023-07-01 to 2024-06-30")
    }

    @Test func asciiFallbackDrawsChartsWithoutBlocks() {
        var state = AppState.withReports()
        state.glyphs = .ascii
        state.send(.key(.character("6")))
        let text = render(state).text
        #expect(!text.contains("█") && !text.contains("▒"))
        #expect(text.contains("###"))
        state.send(.key(.character("2")))
        #expect(render(state).lines[5].contains("=@==="))
    }

    @Test func helpListsTheViewKeysFromTheActionTable() {
        var state = AppState.withReports()
        state.send(.key(.character("?")))
        // Down the help until the Views group shows (it is below the first screen at 80x24).
        for _ in 0..<20 where !render(state).text.contains("the authorities' scorecard") {
            state.send(.key(.character("j")))
        }
        let text = render(state).text
        #expect(text.contains("the authorities' scorecard"))
        #expect(CommandTable.command(for: .character("5")) == .showOutOfArea)
        #expect(CommandTable.command(for: .tab) == .nextTab)
    }
}

/// A report exported from the dashboard says what it holds and follows the order on screen.
struct ReportExportTests {
    @Test func aFilteredSortedReportExportNamesItsFilterAndKeepsTheScreensOrder() throws {
        var state = AppState.withReports()
        state.send(.key(.character("f")))
        state.type("oak")
        state.runJobs(state.send(.key(.enter)))
        state.runJobs(state.send(.key(.character("2"))))
        // Sort by incidents, descending: the column under the cursor.
        let table = try #require(state.reportTable)
        let incidents = try #require(table.column(named: "incidents"))
        while state.reportView.column < incidents { state.send(.key(.character("l"))) }
        state.send(.key(.character("]")))
        let shownTable = try #require(state.reportTable)
        let shown = state.reportView.order.map { shownTable.rows[$0].values[1].text() }
        state.send(.key(.character("e")), .key(.control("u")))
        state.type("/tmp/authorities.csv")
        let effects = state.send(.key(.enter))
        guard case let .exportReport(_, csv, _, _, _, _, metadata)? = effects.first else {
            Issue.record("expected a report export, got \(effects)")
            return
        }
        #expect(metadata.filters == ["home: Oak House (SC000001)"])
        #expect(metadata.sort == "incidents descending")
        #expect(metadata.period == state.reportPeriod)
        let text = metadata.text(file: "authorities.csv", zone: .utc)
        #expect(text.contains("filters: home: Oak House (SC000001)\n"))
        // The CSV's rows in the order on screen, then the total; one rectangle.
        var reader = CSVReader(bytes: csv)
        var records: [[String]] = []
        while reader.next({ records.append($0.strings) }) {}
        #expect(records.dropFirst().dropLast().map { $0[1] } == shown)
        #expect(records.last?[1] == "All authorities")
        #expect(records.allSatisfy { $0.count == records[0].count })
    }
}
