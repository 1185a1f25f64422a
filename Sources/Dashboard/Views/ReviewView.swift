import IncidentModel

/// The Review tab: the queue of uncertain links by weight, then the item under the cursor with
/// the police report and the LA child and episode side by side, and the model's explanation
/// (each field's level and weight, and the total).
enum ReviewView {
    /// Rows under the queue: a rule, the sides' five lines under their titles, and the
    /// explanation's title, five fields and total.
    static let itemRows = 14

    static func draw(_ state: AppState, into grid: inout Grid) {
        let review = state.review
        let y0 = TableLayout.headerRow
        guard let data = review.data else {
            grid.put("Running the linkage model…", x: 2, y: y0 + 1, style: .hint)
            return
        }
        var y = y0
        if review.workspace == nil {  // the queue then starts a line lower (AppState.reviewFirstRow)
            grid.put("Decisions need a workspace: mfc init, then mfc import DIR, then mfc in that folder.", x: 1, y: y,
                     limit: grid.width - 2, style: .warning)
            y += 1
        }
        let header = " Weight  Next   Police report                        Child"
        grid.fill(x: 0, y: y, count: grid.width, style: .header)
        grid.put(header, x: 0, y: y, limit: grid.width, style: .header)
        if review.queue.isEmpty {
            grid.put("Nothing to review: the model sent no link to review, or every one is decided", x: 2, y: y + 1,
                     limit: grid.width - 3, style: .hint)
            return
        }
        let dataset = data.dataset
        let f = state.index.catalogue.formatter
        let page = state.reviewPageSize
        for line in 0..<page {
            let k = review.top + line
            guard k < review.queue.count else { break }
            let item = data.items[review.queue[k]]
            let report = dataset.policeReports[item.report]
            let child = data.child(item.child)
            let style: CellStyle = k == review.cursor ? CellStyle(tone: .cursor, bold: true, reverse: true) : .plain
            let row = y + 1 + line
            grid.fill(x: 0, y: row, count: grid.width, style: style)
            grid.put(LinkExplanation.signed(item.weight), x: 1, y: row, limit: 6, style: style, alignRight: true)
            grid.put(item.runnerUp.map(LinkExplanation.signed) ?? "", x: 8, y: row, limit: 6, style: style, alignRight: true)
            let reportText = "\(report.ref.rawValue) \(report.forename) \(report.surname) \(report.startedAt.map { f.string($0) } ?? "")"
            grid.put(reportText, x: 15, y: row, limit: 36, style: style)
            let childText = "\(item.child.rawValue) \(child.map { "\($0.givenName) \($0.familyName)" } ?? "")"
            grid.put(childText, x: 52, y: row, limit: max(1, grid.width - 53), style: style)
        }
        guard let item = review.current else { return }
        drawItem(item, data: data, state: state, y: y + 1 + min(page, review.queue.count), into: &grid)
    }

    /// The item under the cursor: both sides, then the explanation.
    static func drawItem(_ item: ReviewItem, data: LinkReview, state: AppState, y: Int, into grid: inout Grid) {
        let catalogue = state.index.catalogue, f = catalogue.formatter
        let dataset = data.dataset
        let report = dataset.policeReports[item.report]
        let half = (grid.width - 3) / 2
        grid.put(String(repeating: "─", count: grid.width), x: 0, y: y, style: .frame)
        grid.put("Police report", x: 1, y: y + 1, style: .frame)
        grid.put("│ LA child and episode", x: half + 2, y: y + 1, style: .frame)
        func time(_ t: Timestamp?) -> String { t.map { f.string($0) } ?? "—" }
        let left = [
            ("Ref", "\(report.ref.rawValue) · \(report.force.map { catalogue.forceName($0) } ?? "unknown force")"),
            ("Name", "\(report.forename) \(report.surname)"),
            ("Born · sex", "\(report.dateOfBirth?.description ?? "unknown") · \(report.sex.rawValue)"),
            ("From", [report.missingFrom, report.missingFromPostcode?.value ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")),
            ("Last seen", time(report.startedAt)),
        ]
        let child = data.child(item.child)
        let episode = item.episode.map { dataset.episodes[$0] }
        let childName: String = child.map { "\($0.givenName) \($0.familyName)" } ?? "not in children.csv"
        let born: String = child?.dateOfBirth?.description ?? "unknown"
        let sex: String = child?.sex.rawValue ?? "U"
        let placement: String = child?.placement.map { "\(catalogue.homeName($0)) (\($0.rawValue))" } ?? "unknown"
        let episodeText: String = episode.map { "\($0.id.rawValue) · \(catalogue.authorityName($0.localAuthority))" } ?? "none to pair with"
        let window: String = episode.map { time($0.startedAt) + " → " + time($0.endedAt) } ?? ""
        let right: [(String, String)] = [
            ("Child", "\(item.child.rawValue) · \(childName)"), ("Born · sex", "\(born) · \(sex)"), ("Placement", placement),
            ("Episode", episodeText), ("Started", window),
        ]
        for k in 0..<5 {
            let row = y + 2 + k
            grid.put(left[k].0, x: 1, y: row, limit: 11, style: .key)
            grid.put(left[k].1, x: 13, y: row, limit: max(1, half - 12))
            grid.put("│", x: half + 2, y: row, style: .frame)
            grid.put(right[k].0, x: half + 4, y: row, limit: 11, style: .key)
            grid.put(right[k].1, x: half + 16, y: row, limit: max(1, grid.width - half - 17))
        }
        guard let explanation = item.explanation else { return }
        ExplanationLines.draw(explanation, title: "Why: the model's weights", x: 1, y: y + 7, width: grid.width - 2, into: &grid)
    }
}

/// A link's explanation as lines: a title with the total, then each field's level and weight.
enum ExplanationLines {
    /// The title, then one line per field: (field, level, weight).
    static func lines(_ explanation: LinkExplanation) -> [(String, String, String)] {
        explanation.fields.map { ($0.field, $0.level, LinkExplanation.signed($0.weight)) }
    }

    static func draw(_ explanation: LinkExplanation, title: String, x: Int, y: Int, width: Int, into grid: inout Grid) {
        grid.put("\(title) · total \(LinkExplanation.signed(explanation.total))", x: x, y: y, limit: width, style: CellStyle(bold: true))
        for (k, line) in lines(explanation).enumerated() {
            grid.put(line.0, x: x + 2, y: y + 1 + k, limit: 14, style: .key)
            grid.put(line.1, x: x + 17, y: y + 1 + k, limit: 24)
            grid.put(line.2, x: x + 42, y: y + 1 + k, limit: 6, alignRight: true)
        }
    }
}
