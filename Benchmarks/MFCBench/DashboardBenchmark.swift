// The dashboard's figures: time to the first screen, and the time to handle and draw each key
// press of a scripted session (move, page, filter, sort, search), through the reducer and the
// renderer at 120x40, as the run loop does. Orders of sortable columns are computed in the
// background after the first screen; their cost is reported separately.
import Dashboard
import Foundation
import IncidentModel

/// Seconds taken by `body`, with its result.
private func timed<T>(_ body: () -> T) -> (T, Double) {
    let start = ContinuousClock.now
    let result = body()
    let elapsed = ContinuousClock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// Seconds of this thread's CPU time taken by `body`: for work on one thread, a figure that
/// other processes on a shared machine disturb far less than the wall clock.
private func cpuTimed<T>(_ body: () -> T) -> (T, Double) {
    func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let start = now()
    let result = body()
    return (result, now() - start)
}

/// A number with a fixed count of decimals.
private func fixed(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

/// Runs the dashboard benchmark on linked data; returns lines of `key=value` figures.
func runDashboardBenchmark(linked: LinkedData, catalogue: IncidentCatalogue, loadSeconds: Double) -> [String] {
    var lines: [String] = []
    let width = 120, height = 40
    // First screen: index the incidents, make the state, draw it.
    let (index, indexing) = timed { IncidentIndex(linked: linked, catalogue: catalogue) }
    let (initial, making) = timed { AppState(index: index, width: width, height: height, exportDefault: "bench.csv") }
    var state = initial
    let (_, drawing) = timed { render(state) }
    let firstRender = making + drawing
    let first = indexing + firstRender
    lines.append(
        "first_screen_after_load=\(fixed(first)) index=\(fixed(indexing)) render=\(fixed(firstRender, 4)) "
            + "with_load=\(fixed(loadSeconds + first)) incidents=\(index.count)")

    // Background work started by the first screen: each column's order and the source look-up.
    var orderTimes: [String] = []
    let (_, sourcesTime) = timed { _ = reduce(&state, .sourcesReady(SourceLookup(linked.dataset))) }
    for effect in reduce(&state, .started) {
        guard case let .computeOrder(column) = effect else { continue }
        let (order, seconds) = timed { index.order(for: column) }
        _ = reduce(&state, .orderReady(order))
        orderTimes.append("\(column.name)=\(fixed(seconds, 2))")
    }
    lines.append("background_seconds source_lookup=\(fixed(sourcesTime, 2)) " + orderTimes.joined(separator: " "))

    // The scripted session: each key is reduced and the screen drawn, and timed together.
    var samples: [String: [Double]] = [:]
    func press(_ kind: String, _ action: Action) {
        let (_, seconds) = timed {
            _ = reduce(&state, action)
            _ = render(state)
        }
        samples[kind, default: []].append(seconds)
    }
    func key(_ c: Character) -> Action { .key(.character(c)) }
    for _ in 0..<300 { press("move", key("j")) }
    for _ in 0..<100 { press("move", key("k")) }
    for _ in 0..<100 { press("page", .key(.pageDown)) }
    for _ in 0..<50 { press("page", .key(.pageUp)) }
    press("page", key("G"))
    press("page", key("g"))
    let homes = index.linked.registers.homes.values.map(\.name).sorted()
    let authorities = index.linked.registers.authorities.values.map(\.name).sorted()
    for round in 0..<20 {
        // Filter: open the picker, narrow by typing, apply, then clear.
        press("filter", key("f"))
        let names = round % 2 == 0 ? homes : authorities
        if round % 2 == 1 { press("filter", .key(.tab)) }
        if !names.isEmpty {
            for c in names[(round * 7) % names.count].prefix(4) { press("filter", key(c)) }
        }
        press("filter", .key(.enter))
        for _ in 0..<5 { press("move", key("j")) }
        press("filter", key("F"))
    }
    for round in 0..<12 {
        // Sort by a column ascending and descending (orders cached as after start-up).
        let target = round % IncidentColumn.allCases.count
        while state.column < target { press("sort", key("l")) }
        while state.column > target { press("sort", key("h")) }
        press("sort", key("["))
        press("sort", key("]"))
    }
    let children = index.linked.incidents.prefix(50).map(\.person.familyName)
    for round in 0..<10 {
        press("search", key("/"))
        for c in children[round % max(1, children.count)].prefix(5).lowercased() { press("search", key(c)) }
        press("search", .key(.enter))
        for _ in 0..<5 { press("search", key("n")) }
        press("search", key("N"))
    }
    // The reports: their data built once (in the background after the first screen), then each
    // view computed for the default period, as a tab switch after a filter change asks for.
    let zone = catalogue.formatter.zone
    let (data, dataSeconds) = timed { ReportData(linked: linked, zone: zone) }
    var reportTimes = ["data=\(fixed(dataSeconds, 3))"]
    if let period = data.defaultPeriod {
        let scope = ReportScope(period: period)
        reportTimes.append("authorities=\(fixed(timed { AuthorityScorecard(data, scope: scope) }.1, 3))")
        reportTimes.append("homes=\(fixed(timed { HomeReport(data, scope: scope) }.1, 3))")
        reportTimes.append("forces=\(fixed(timed { ForceRegister(data, scope: scope) }.1, 3))")
        reportTimes.append("out_of_area=\(fixed(timed { OutOfAreaMatrix(data, scope: scope) }.1, 3))")
        reportTimes.append("trends=\(fixed(timed { Trends(data, scope: scope) }.1, 3))")
        let (set, setSeconds) = timed { ReportSet(data, scope: scope) }
        reportTimes.append("all_tables=\(fixed(setSeconds, 3))")
        let allTime = ReportScope(period: ReportPeriod(from: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: Int64(Int32.max))) ?? period)
        reportTimes.append("all_tables_all_time=\(fixed(timed { ReportSet(data, scope: allTime) }.1, 3))")
        // Each view over every incident, as its tab needs it: the figures and their tables, in
        // wall-clock seconds and in CPU seconds of this thread (each view runs on one thread).
        let views: [(String, () -> ReportTable)] = [
            ("authorities", { AuthorityScorecard(data, scope: allTime).table(zone: zone) }),
            ("homes", { HomeReport(data, scope: allTime).table(zone: zone) }),
            ("forces", { ForceRegister(data, scope: allTime).table(zone: zone) }),
            ("forces_register", { ForceRegister(data, scope: allTime).homesTable(zone: zone) }),
            ("out_of_area", { OutOfAreaMatrix(data, scope: allTime).table(zone: zone) }),
            ("out_of_area_matrix", { OutOfAreaMatrix(data, scope: allTime).matrixTable(zone: zone) }),
            ("trends", { Trends(data, scope: allTime).table(zone: zone) }),
        ]
        var wall = ["incidents=\(AuthorityScorecard(data, scope: allTime).total.incidents)"], cpu: [String] = []
        for (name, view) in views {
            wall.append("\(name)=\(fixed(timed(view).1, 3))")
            cpu.append("\(name)=\(fixed(cpuTimed(view).1, 3))")
        }
        lines.append("views_all_time_seconds " + wall.joined(separator: " "))
        lines.append("views_all_time_cpu_seconds " + cpu.joined(separator: " "))
        reportTimes.append("period_incidents=\(AuthorityScorecard(data, scope: scope).total.incidents)")
        lines.append("reports_seconds " + reportTimes.joined(separator: " "))
        // Keys in the report tabs, with the reports ready as after start-up.
        _ = reduce(&state, .reportDataReady(data))
        _ = reduce(&state, .reportsReady(set))
        for round in 0..<10 {
            for tab in ["2", "3", "4", "5", "6"] {
                press("tabs", key(Character(tab)))
                for _ in 0..<5 { press("report_move", key("j")) }
                press("report_sort", key("l"))
                press("report_sort", key("]"))
                press("report_sort", key("["))
            }
            // Enter on an authority: its incidents, filtered; Esc back to the scorecard.
            press("tabs", key("2"))
            for _ in 0..<(round % 3) { press("report_move", key("j")) }
            press("drill", .key(.enter))
            for _ in 0..<3 { press("move", key("j")) }
            press("drill", .key(.escape))
            // The same on a home, and on a cell of the out-of-area matrix.
            press("tabs", key("3"))
            press("drill", .key(.enter))
            press("drill", .key(.escape))
            press("tabs", key("5"))
            press("tabs", key("t"))
            for _ in 0..<(round % 4) { press("report_move", key("j")) }
            press("report_move", key("l"))
            press("report_move", key("l"))
            press("drill", .key(.enter))
            press("drill", .key(.escape))
            press("tabs", key("t"))
            press("tabs", key("1"))
        }
    }
    for (kind, values) in samples.sorted(by: { $0.key < $1.key }) {
        let sorted = values.sorted()
        let p50 = sorted[sorted.count / 2] * 1000
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))] * 1000
        let worst = (sorted.last ?? 0) * 1000
        lines.append("key=\(kind) presses=\(values.count) p50_ms=\(fixed(p50, 2)) p99_ms=\(fixed(p99, 2)) max_ms=\(fixed(worst, 2))")
    }
    let all = samples.values.flatMap { $0 }.sorted()
    let p99 = all[min(all.count - 1, Int(Double(all.count) * 0.99))] * 1000
    lines.append("all_keys presses=\(all.count) p99_ms=\(fixed(p99, 2)) budget_ms=16 \(p99 <= 16 ? "within" : "OVER")")
    return lines
}
