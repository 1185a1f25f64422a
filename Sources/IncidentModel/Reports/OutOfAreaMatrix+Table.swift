extension OutOfAreaMatrix {
    static let columns: [ReportColumn] = [
        ReportColumn("responsible_code", "Resp", .text, width: 5),
        ReportColumn("responsible", "Responsible", .text, width: 16),
        ReportColumn("host_code", "Host", .text, width: 5),
        ReportColumn("host", "Host authority", .text, width: 16),
        ReportColumn("placement", "Placed", .text, width: 11),
        ReportColumn("children", "Children", .distinctCount, width: 8),
        ReportColumn("incidents", "Incidents", .count, width: 9),
        ReportColumn("incidents_per_child", "Inc/child", .number(decimals: 2), width: 9, derivedFrom: [6, 5]),
    ]

    /// One row per non-empty cell, then the total; each cell drills to its incidents.
    public func table(zone: LocalTimeZone) -> ReportTable {
        let rows = cells.map { cell in
            ReportRow(values: [
                .text(cell.responsible.rawValue), .text(cell.responsibleName), .text(cell.host.rawValue), .text(cell.hostName),
                .text(cell.isOutOfArea ? "out of area" : "in area"), .count(cell.children), .count(cell.incidents),
                .number(cell.incidentsPerChild),
            ], drill: scope.drill {
                $0.authorities = [cell.responsible]
                $0.hostAuthorities = [cell.host]
            }, isFlagged: cell.isOutOfArea)
        }
        let incidents = cells.reduce(0) { $0 + $1.incidents }
        let total = ReportRow(values: [
            .text(""), .text("All placements"), .text(""), .text(""), .text(""), .count(children), .count(incidents),
            .number(ratio(incidents, children)),
        ])
        return ReportTable(
            name: "out-of-area", title: "Out of area · responsible x host · \(scope.period.label(zone: zone))",
            columns: Self.columns, rows: rows, total: total)
    }

    /// The matrix itself: a row per responsible authority, a column per host authority, the
    /// incidents in each cell, with row and column totals. A row drills to the responsible
    /// authority's incidents, each non-empty cell to those of its responsible and host pair.
    /// O(cells + responsibles × hosts).
    public func matrixTable(zone: LocalTimeZone) -> ReportTable {
        var columns = [ReportColumn("responsible_code", "Resp", .text, width: 5), ReportColumn("responsible", "Responsible", .text, width: 16)]
        for host in hosts { columns.append(ReportColumn("host_" + host.rawValue, host.rawValue, .count, width: max(5, host.rawValue.count))) }
        columns.append(ReportColumn("total", "Total", .count, width: 7))
        var hostColumn: [AuthorityCode: Int] = [:]
        for (k, host) in hosts.enumerated() { hostColumn[host] = k }
        // Cells are ordered by responsible then host: one run of cells per row.
        var runs: [AuthorityCode: (name: String, cells: ArraySlice<OutOfAreaCell>)] = [:]
        var start = cells.startIndex
        while start < cells.endIndex {
            var end = start + 1
            while end < cells.endIndex && cells[end].responsible == cells[start].responsible { end += 1 }
            runs[cells[start].responsible] = (cells[start].responsibleName, cells[start..<end])
            start = end
        }
        var columnTotals = [Int](repeating: 0, count: hosts.count)
        var rows: [ReportRow] = []
        for responsible in responsibles {
            var counts = [Int](repeating: 0, count: hosts.count)
            var cellDrills: [Int: IncidentFilter] = [:]
            let run = runs[responsible]
            for cell in run?.cells ?? [] {
                guard let k = hostColumn[cell.host] else { continue }
                counts[k] = cell.incidents
                columnTotals[k] += cell.incidents
                cellDrills[2 + k] = scope.drill {
                    $0.authorities = [responsible]
                    $0.hostAuthorities = [cell.host]
                }
            }
            rows.append(ReportRow(
                values: [.text(responsible.rawValue), .text(run?.name ?? responsible.rawValue)] + counts.map(ReportValue.count)
                    + [.count(counts.reduce(0, +))],
                drill: scope.drill { $0.authorities = [responsible] }, cellDrills: cellDrills))
        }
        let total = ReportRow(values: [.text(""), .text("All")] + columnTotals.map(ReportValue.count) + [.count(columnTotals.reduce(0, +))])
        return ReportTable(
            name: "out-of-area-matrix", title: "Incidents by responsible (rows) and host (columns) authority",
            columns: columns, rows: rows, total: total,
            partitions: [ReportTable.Partition(parts: Array(2..<(2 + hosts.count)), whole: 2 + hosts.count)])
    }

    /// Per responsible authority: incidents per child in its own area against out of area.
    public func summaryTable(zone: LocalTimeZone) -> ReportTable {
        let columns = [
            ReportColumn("responsible_code", "Code", .text, width: 5), ReportColumn("responsible", "Responsible", .text, width: 16),
            ReportColumn("children_in_area", "Children in", .distinctCount, width: 11),
            ReportColumn("incidents_in_area", "Incidents in", .count, width: 12),
            ReportColumn("incidents_per_child_in_area", "Per child in", .number(decimals: 2), width: 12, derivedFrom: [3, 2]),
            ReportColumn("children_out_of_area", "Children out", .distinctCount, width: 12),
            ReportColumn("incidents_out_of_area", "Incidents out", .count, width: 13),
            ReportColumn("incidents_per_child_out_of_area", "Per child out", .number(decimals: 2), width: 13, derivedFrom: [6, 5]),
        ]
        let rows = summaries.map { s in
            ReportRow(values: [
                .text(s.responsible.rawValue), .text(s.name), .count(s.childrenInArea), .count(s.incidentsInArea),
                .number(s.incidentsPerChildInArea), .count(s.childrenOutOfArea), .count(s.incidentsOutOfArea),
                .number(s.incidentsPerChildOutOfArea),
            ], drill: scope.drill { $0.authorities = [s.responsible] })
        }
        return ReportTable(name: "out-of-area-summary", title: "Incidents per child in area and out of area", columns: columns, rows: rows)
    }
}

extension Trends {
    static let columns: [ReportColumn] = [
        ReportColumn("month", "Month", .text, width: 7),
        ReportColumn("known_to_both", "Both", .count, width: 6),
        ReportColumn("police_only", "Police", .count, width: 6),
        ReportColumn("la_only", "LA", .count, width: 5),
        ReportColumn("incidents", "Total", .count, width: 6),
        ReportColumn("bar", "Both/police/LA", .bar, width: 30),
    ]

    /// Incidents per month by provenance, with a stacked bar; each month drills to its incidents.
    public func table(zone: LocalTimeZone) -> ReportTable {
        let rows = months.map { m in
            let from = max(m.month.start(in: zone), scope.period.from)
            let to = min(m.month.advanced(by: 1).start(in: zone), scope.period.to)
            return ReportRow(values: [
                .text(m.month.description), .count(m.knownToBoth), .count(m.policeOnly), .count(m.laOnly), .count(m.total),
                .bar([m.knownToBoth, m.policeOnly, m.laOnly]),
            ], drill: scope.drill {
                $0.from = from
                $0.to = to
            })
        }
        let sum = { (f: (Month) -> Int) in months.reduce(0) { $0 + f($1) } }
        let total = ReportRow(values: [
            .text("All"), .count(sum(\.knownToBoth)), .count(sum(\.policeOnly)), .count(sum(\.laOnly)), .count(total),
            .bar([]),
        ], drill: scope.drill { _ in })
        return ReportTable(
            name: "trends", title: "Incidents per month by provenance · \(scope.period.label(zone: zone))",
            columns: Self.columns, rows: rows, total: total,
            partitions: [ReportTable.Partition(parts: [1, 2, 3], whole: 4)])
    }

    /// Incidents by local weekday (rows) and hour of start (columns), with totals.
    public func hoursTable() -> ReportTable {
        var columns = [ReportColumn("weekday", "Day", .text, width: 4)]
        for hour in 0..<24 { columns.append(ReportColumn("h\(pad(hour, 2))", pad(hour, 2), .count, width: 3)) }
        columns.append(ReportColumn("total", "Total", .count, width: 6))
        var hourTotals = [Int](repeating: 0, count: 24)
        var rows: [ReportRow] = []
        for (d, counts) in byHour.enumerated() {
            for (h, n) in counts.enumerated() { hourTotals[h] += n }
            rows.append(ReportRow(values: [.text(Self.weekdays[d])] + counts.map(ReportValue.count) + [.count(counts.reduce(0, +))]))
        }
        let total = ReportRow(values: [.text("All")] + hourTotals.map(ReportValue.count) + [.count(hourTotals.reduce(0, +))])
        return ReportTable(
            name: "trends-hours", title: "Incidents by weekday and hour of start", columns: columns, rows: rows,
            total: total, partitions: [ReportTable.Partition(parts: Array(1...24), whole: 25)])
    }
}
