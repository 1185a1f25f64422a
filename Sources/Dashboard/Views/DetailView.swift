import IncidentModel

/// The detail of one incident: every field, the source records side by side (police reports
/// left, LA episodes right), the discrepancies, and the child's incidents in time order.
enum DetailView {
    /// A piece of a line: text at a column, within a width.
    struct Span {
        var x: Int
        var text: String
        var style: CellStyle = .plain
        var limit: Int? = nil
    }

    static func draw(_ detail: DetailState, state: AppState, into grid: inout Grid) {
        let all = lines(detail, state: state, width: grid.width)
        let bodyRows = grid.height - 2
        let scroll = min(detail.scroll, max(0, all.count - bodyRows))
        for (k, line) in all.dropFirst(scroll).prefix(bodyRows).enumerated() {
            for span in line { grid.put(span.text, x: span.x, y: k, limit: span.limit, style: span.style) }
        }
    }

    /// The detail's lines at a width.
    static func lines(_ detail: DetailState, state: AppState, width: Int) -> [[Span]] {
        let index = state.index, catalogue = index.catalogue, f = catalogue.formatter
        let incident = index[detail.incident]
        var out: [[Span]] = []
        var title = "Incident \(incident.id.rawValue) · \(incident.provenance.label)"
        if incident.isStillMissing { title += " · STILL MISSING" }
        if incident.isHighRisk { title += " · HIGH RISK" }
        if incident.isRepeat { title += " · 3 IN 90 DAYS" }
        out.append([Span(x: 0, text: " " + title, style: .header, limit: width)])
        out[0].insert(Span(x: 0, text: String(repeating: " ", count: width), style: .header), at: 0)
        out.append([])
        func field(_ name: String, _ value: String, _ style: CellStyle = .plain) {
            out.append([Span(x: 1, text: name, style: .key), Span(x: 20, text: value, style: style)])
        }
        let person = incident.person
        let age = catalogue.age(of: incident).map { " (\($0))" } ?? ""
        field("Child", person.fullName + age + (incident.child.map { " · child \($0.rawValue)" } ?? " · no LA record"))
        field("Born · sex", "\(person.dateOfBirth?.description ?? "unknown") · \(person.sex.rawValue)")
        field("Home", incident.home.map { "\(catalogue.homeName($0)) (\($0.rawValue))" } ?? "unknown")
        field("Host authority", incident.hostAuthority.map { "\(catalogue.authorityName($0)) (\($0.rawValue))" } ?? "unknown")
        field("Responsible", incident.responsibleAuthority.map { "\(catalogue.authorityName($0)) (\($0.rawValue))" } ?? "unknown")
        field("Out of area", incident.isOutOfArea.map { $0 ? "yes" : "no" } ?? "unknown")
        field("Force", incident.force.map { "\(catalogue.forceName($0)) (\($0.rawValue))" } ?? "unknown")
        field("Start", f.string(incident.start))
        if let end = incident.end {
            field("End", f.string(end) + " (" + IncidentColumn.durationText(incident.start.hours(until: end)) + ")")
        } else if incident.isStillMissing {
            field("End", "ongoing: still missing", CellStyle(tone: .ongoing, bold: true))
        } else {
            field("End", "not recorded; the child has a later incident (not still missing)", .warning)
        }
        field("Highest risk", incident.highestRisk?.label ?? "not graded",
              incident.isHighRisk ? CellStyle(tone: .highRisk, bold: true) : .plain)
        field("Return interview", incident.returnInterview == .notRecorded
            ? "n/a: not recorded by the authority (an SSDA903 return has no such field)" : incident.returnInterview.rawValue)
        switch incident.cseConcern {
        case true?: field("CSE concern", "yes", .warning)
        case false?: field("CSE concern", "no")
        case nil: field("CSE concern", "n/a: no source recorded it (an SSDA903 return has no such field)")
        }
        let labels = incident.discrepancies.labels
        field("3 in 90 days", incident.isRepeat ? "yes: one of 3 or more of the child's incidents within 90 days" : "no",
              incident.isRepeat ? .warning : .plain)
        field("Discrepancies", labels.isEmpty ? "none" : labels.joined(separator: "; "), labels.isEmpty ? .plain : .warning)
        out.append(contentsOf: explanationLines(detail, state: state))
        out.append([])
        out.append(contentsOf: sourceLines(detail.sources, catalogue: catalogue, width: width))
        out.append([])
        out.append([Span(x: 1, text: "Incidents of this child (\(detail.childIncidents.count)), in time order", style: .frame)])
        for position in detail.childIncidents {
            let other = index[position]
            let here = position == detail.incident
            let text = [
                f.string(other.start), IncidentColumn.duration.text(other, in: catalogue),
                catalogue.homeName(other.home), other.provenance.label, other.highestRisk?.label ?? "",
            ]
            var line = [Span(x: 1, text: here ? "▶" : " ", style: .key)]
            var x = 3
            for (k, cell) in text.enumerated() {
                let w = [16, 8, 24, 11, 16][k]
                line.append(Span(x: x, text: cell, style: here ? CellStyle(bold: true) : .plain, limit: w))
                x += w + 1
            }
            out.append(line)
        }
        return out
    }

    /// For each police report the model linked: the link, then each field's level and weight
    /// and the total, as `mfc explain` prints them (once the model has run in the background).
    static func explanationLines(_ detail: DetailState, state: AppState) -> [[Span]] {
        let linked = state.index.linked
        var out: [[Span]] = []
        for r in detail.reportIndexes where linked.personLinks.indices.contains(r) {
            guard let link = linked.personLinks[r], link.method == .model else { continue }
            let ref = linked.dataset.policeReports[r].ref
            let weight = link.weight.map { ", weight " + LinkExplanation.signed($0) } ?? ""
            out.append([Span(x: 1, text: "Linked by model", style: .key),
                        Span(x: 20, text: "\(ref.rawValue) → child \(link.child.rawValue)\(weight)")])
            guard let data = state.review.data else {
                out.append([Span(x: 3, text: "Explanation: running the linkage model…", style: .hint)])
                continue
            }
            guard let explanation = data.explanation(report: r, child: link.child) else {
                out.append([Span(x: 3, text: "Explanation: the child is not among the report's candidates", style: .hint)])
                continue
            }
            for line in ExplanationLines.lines(explanation) {
                out.append([Span(x: 3, text: line.0, style: .key, limit: 16), Span(x: 20, text: line.1, limit: 24),
                            Span(x: 45, text: line.2)])
            }
            out.append([Span(x: 3, text: "total", style: CellStyle(bold: true)),
                        Span(x: 45, text: LinkExplanation.signed(explanation.total), style: CellStyle(bold: true))])
        }
        return out
    }

    /// Police reports on the left, LA episodes on the right, one block per record.
    static func sourceLines(_ sources: IncidentSources, catalogue: IncidentCatalogue, width: Int) -> [[Span]] {
        let f = catalogue.formatter
        let half = (width - 3) / 2
        func time(_ t: Timestamp?) -> String { t.map { f.string($0) } ?? "—" }
        func yes(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "not recorded" }
        var left: [(String, String)] = []
        for report in sources.reports {
            if !left.isEmpty { left.append(("", "")) }
            left += [
                ("Ref", "\(report.ref.rawValue) · \(report.force.map { catalogue.forceName($0) } ?? "unknown force")"),
                ("Name", "\(report.forename) \(report.surname) · \(report.dateOfBirth?.description ?? "dob unknown") · \(report.sex.rawValue)"),
                ("Last seen", time(report.lastSeenAt)), ("Reported", time(report.reportedAt)),
                ("Found", report.foundAt.map { f.string($0) } ?? "not found"), ("Risk", report.risk?.label ?? "not graded"),
                ("From", [report.missingFrom, report.missingFromPostcode?.value ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")),
                ("CSE", yes(report.cseConcern)),
            ]
        }
        var right: [(String, String)] = []
        for episode in sources.episodes {
            if !right.isEmpty { right.append(("", "")) }
            right += [
                ("Episode", "\(episode.id.rawValue) · \(episode.type == .missing ? "missing" : "away")"),
                ("Child", "\(episode.child.rawValue) · \(catalogue.authorityName(episode.localAuthority))"),
                ("Started", time(episode.startedAt)), ("Ended", episode.endedAt.map { f.string($0) } ?? "not ended"),
                ("Placement", episode.placement.map { "\(catalogue.homeName($0)) (\($0.rawValue))" } ?? "unknown"),
                ("Police ref", episode.policeRef?.rawValue ?? "none recorded"),
                ("RHI offered", yes(episode.returnInterviewOffered)),
                ("RHI done", time(episode.returnInterviewCompletedAt)), ("CSE", yes(episode.cseConcern)),
            ]
        }
        if left.isEmpty { left = [("", "no police report")] }
        if right.isEmpty { right = [("", "no LA episode")] }
        var out: [[Span]] = [[
            Span(x: 1, text: "Police reports (\(sources.reports.count))", style: .frame, limit: half),
            Span(x: half + 2, text: "│ LA episodes (\(sources.episodes.count))", style: .frame),
        ]]
        for k in 0..<max(left.count, right.count) {
            var line: [Span] = [Span(x: half + 2, text: "│", style: .frame)]
            if k < left.count {
                line.append(Span(x: 1, text: left[k].0, style: .key, limit: 11))
                line.append(Span(x: 13, text: left[k].1, limit: max(1, half - 12)))
            }
            if k < right.count {
                line.append(Span(x: half + 4, text: right[k].0, style: .key, limit: 11))
                line.append(Span(x: half + 16, text: right[k].1))
            }
            out.append(line)
        }
        return out
    }
}
