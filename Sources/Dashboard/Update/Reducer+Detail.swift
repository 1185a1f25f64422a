import IncidentModel

/// The detail screen's part of the reducer.
extension AppState {
    mutating func openDetail() {
        guard let incident = currentIncident else { return }
        openDetail(incident)
    }

    /// Opens the detail of an incident (position in the index).
    mutating func openDetail(_ incident: Int32) {
        let record = index[incident]
        let found = sources?.sources(of: record, in: index.linked.dataset)
            ?? SourceLookup.scan(record, in: index.linked.dataset)
        let reports = sources?.reportIndexes(of: record) ?? SourceLookup.scanReportIndexes(record, in: index.linked.dataset)
        screen = .detail(DetailState(
            incident: incident, sources: found, childIncidents: index.incidentsOfChild(of: incident), reportIndexes: reports))
    }

    mutating func performInDetail(_ command: Command) -> [Effect] {
        guard case var .detail(detail) = screen else { return [] }
        switch command {
        case .moveDown: detail.scroll += 1
        case .moveUp: detail.scroll -= 1
        case .pageDown: detail.scroll += pageSize
        case .pageUp: detail.scroll -= pageSize
        case .first: detail.scroll = 0
        case .last: detail.scroll = Int(Int32.max)
        case .back:
            screen = .table
            return []
        case .quit: return [.quit]
        case .help:
            overlay = .help(scroll: 0)
            return []
        case .nextMatch, .previousMatch:
            moveWithinChild(by: command == .nextMatch ? 1 : -1, from: detail)
            return []
        default:
            message = "Esc returns to the table; n and N move between the child's incidents"
            return []
        }
        let lines = DetailView.lines(detail, state: self, width: width).count
        detail.scroll = max(0, min(detail.scroll, lines - (height - 2)))
        screen = .detail(detail)
        return []
    }

    /// `n` and `N` in the detail: the child's next or previous incident, in time order. The
    /// table's cursor follows when the incident is in the view.
    mutating func moveWithinChild(by delta: Int, from detail: DetailState) {
        let list = detail.childIncidents
        guard let k = list.firstIndex(of: detail.incident) else { return }
        let target = k + delta
        guard list.indices.contains(target) else {
            message = list.count == 1
                ? "This is the child's only incident"
                : delta > 0 ? "This is the child's latest incident" : "This is the child's first incident"
            return
        }
        let incident = list[target]
        openDetail(incident)
        let row = rows.firstIndex(of: incident)
        if let row {
            cursor = row
            clampScroll()
        }
        message = "The child's incident \(target + 1) of \(list.count)"
            + (row == nil ? " (not in the view: the filters leave it out)" : "")
    }
}
