/// Turns the three SSDA903 tables of one authority into children and LA episodes, and applies
/// the checks that span rows and tables.
///
/// - Each `Header` row is a child of the authority, with no name; its placement is the home of
///   its latest placement episode.
/// - Each accepted `Missing` row is an LA episode: dates only (each covers its whole day), the
///   type, and the home of the placement episode covering `MIS_START` (``placement(covering:in:)``).
///   Its id is `CHILD/yyyy-mm-dd` (the start); a second period of the child starting that day
///   gets `/2`, a third `/3`, in file order.
/// - Warnings, on the `Missing` table: a period starting while the child's previous one is open
///   or before it ended (574), starting before the date of birth (586), outside every placement
///   episode (`no-placement`), or of a child the `Header` lacks.
struct SSDA903Assembler {
    let authority: AuthorityCode
    let zone: LocalTimeZone

    /// The episode id of a period: `CHILD/yyyy-mm-dd`, with `/n` for the n-th period of the
    /// child starting that day (n from 2).
    static func episodeID(child: ChildID, start: CivilDate, repeat number: Int) -> EpisodeID {
        EpisodeID(child.rawValue + "/" + start.description + (number > 1 ? "/\(number)" : ""))
    }

    /// The placement episode a period starting on `day` belongs to, among one child's
    /// placements sorted by `DECOM`. A placement covers its days from `DECOM` up to, not
    /// including, `DEC`: on the day one placement ends and the next begins, the child is in the
    /// next. A period starting on the `DEC` day of a placement that no other covers (the child
    /// left care, or the next placement is not in the return) belongs to the ending one. When
    /// placements overlap, the one begun last wins. `nil` when no placement covers the day.
    static func placement(covering day: CivilDate, in placements: [SSDA903Placement]) -> SSDA903Placement? {
        var ending: SSDA903Placement?
        for placement in placements.reversed() where placement.start <= day {
            guard let end = placement.end, end <= day else { return placement }
            if end == day, ending == nil { ending = placement }
        }
        return ending
    }

    func assemble(
        header: ImportedTable<SSDA903Child>, placements: ImportedTable<SSDA903Placement>,
        missing: inout ImportedTable<SSDA903MissingPeriod>
    ) -> (children: [Child], episodes: [LAEpisode]) {
        var placementsByChild: [ChildID: [SSDA903Placement]] = [:]
        for placement in placements.records { placementsByChild[placement.child, default: []].append(placement) }
        for key in placementsByChild.keys { placementsByChild[key]?.sort { $0.start < $1.start } }

        var children: [Child] = []
        var known: [ChildID: Int] = [:]
        for record in header.records {
            known[record.id] = children.count
            children.append(Child(
                id: record.id, localAuthority: authority, givenName: "", familyName: "", dateOfBirth: record.dateOfBirth,
                sex: record.sex, placement: placementsByChild[record.id]?.last?.urn))
        }

        var report = missing.report
        let column = { (name: String) -> Int? in report.columns.firstIndex(of: name).map { $0 + 1 } }
        func warn(_ row: Int, _ name: String, value: String?, _ message: String, _ rule: SSDA903Rule?) {
            report.diagnostics.append(Diagnostic(
                severity: .warning, file: report.file, line: Int(missing.lines[row]), column: column(name),
                columnName: name, value: value, message: message, rule: rule?.rawValue))
        }

        var episodes: [LAEpisode] = []
        episodes.reserveCapacity(missing.records.count)
        var sameDay: [String: Int] = [:]
        var periodsByChild: [ChildID: [Int]] = [:]
        for (row, period) in missing.records.enumerated() {
            periodsByChild[period.child, default: []].append(row)
            var dateOfBirth = period.dateOfBirth
            if let index = known[period.child] {
                dateOfBirth = children[index].dateOfBirth ?? dateOfBirth
            } else {
                known[period.child] = children.count
                children.append(Child(
                    id: period.child, localAuthority: authority, givenName: "", familyName: "",
                    dateOfBirth: period.dateOfBirth, sex: .unknown, placement: placementsByChild[period.child]?.last?.urn))
                warn(row, "child", value: period.child.rawValue,
                     "is not in the Header table; the child's sex is unknown and the date of birth is the Missing table's", nil)
            }
            if let dateOfBirth, period.start < dateOfBirth {
                warn(row, "mis_start", value: Self.uk(period.start), "is before the child's date of birth", .startBeforeBirth)
            }
            let placement = Self.placement(covering: period.start, in: placementsByChild[period.child] ?? [])
            if placement == nil {
                warn(row, "mis_start", value: Self.uk(period.start),
                     "is not within any placement episode (DECOM to DEC) of the child in the Episodes table; the home is unknown",
                     .outsidePlacements)
            }
            let dayKey = period.child.rawValue + "/" + period.start.description
            let number = (sameDay[dayKey] ?? 0) + 1
            sameDay[dayKey] = number
            episodes.append(LAEpisode(
                id: Self.episodeID(child: period.child, start: period.start, repeat: number), child: period.child,
                localAuthority: authority, type: period.type, startedAt: day(period.start),
                endedAt: period.end.map(day), placement: placement?.urn))
        }

        // 574: in start order per child, a period that starts while the previous is open or
        // before it ended.
        for rows in periodsByChild.values where rows.count > 1 {
            let ordered = rows.sorted { (missing.records[$0].start, $0) < (missing.records[$1].start, $1) }
            for (previous, current) in zip(ordered, ordered.dropFirst()) {
                let before = missing.records[previous]
                let period = missing.records[current]
                let line = missing.lines[previous]
                if let end = before.end {
                    guard period.start < end else { continue }
                    warn(current, "mis_start", value: Self.uk(period.start),
                         "starts before the previous period (line \(line)) ended on \(Self.uk(end))", .overlapsPrevious)
                } else {
                    warn(current, "mis_start", value: Self.uk(period.start),
                         "starts while the previous period (line \(line)) is still open", .overlapsPrevious)
                }
            }
        }
        // Back into file order (a stable sort by line).
        report.diagnostics = report.diagnostics.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        missing.report = report
        return (children, episodes)
    }

    /// A whole local day, as a date-only record.
    private func day(_ date: CivilDate) -> Timestamp {
        Timestamp(dayStart: zone.startOfDay(date), nextDayStart: zone.startOfDay(CivilDate(daysSinceEpoch: date.daysSinceEpoch + 1)))
    }

    /// `dd/mm/yyyy`, as the return writes dates.
    static func uk(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(date.day) + "/" + two(date.month) + "/" + String(date.year)
    }
}
