import IncidentModel

/// The detail screen's part of the reducer.
extension AppState {
    mutating func openDetail() {
        guard let incident = currentIncident else { return }
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
        default:
            message = "Esc returns to the table"
            return []
        }
        let lines = DetailView.lines(detail, state: self, width: width).count
        detail.scroll = max(0, min(detail.scroll, lines - (height - 2)))
        screen = .detail(detail)
        return []
    }
}
