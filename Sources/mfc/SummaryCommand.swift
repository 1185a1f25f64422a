import ArgumentParser
import IncidentModel

/// `mfc summary`: what was read, and what it combined into.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Rows read per file, incidents by provenance, children, homes and authorities."
    )

    @Argument(help: "Data folder or files (default: the sample data).")
    var paths: [String] = []

    func run() throws {
        let (linked, catalogue) = try DataSource.load(paths)
        print(ValidateCommand.summaryTable(linked.dataset.reports))
        let incidents = linked.incidents
        var table = TextTable(header: ["incidents", "count", "share"], rightAligned: [1, 2])
        for provenance in Provenance.allCases {
            let count = incidents.count { $0.provenance == provenance }
            table.append([provenance.label, String(count), Self.percent(count, of: incidents.count)])
        }
        table.append(["all", String(incidents.count), Self.percent(incidents.count, of: incidents.count)])
        let ongoing = incidents.count(where: \.isOngoing)
        table.append(["still missing", String(ongoing), Self.percent(ongoing, of: incidents.count)])
        print(table.render())
        let children = Set(incidents.compactMap(\.child)).count
        let dataset = linked.dataset
        var counts = TextTable(header: ["register", "count"], rightAligned: [1])
        counts.append(["children in children.csv", String(dataset.children.count)])
        counts.append(["children with an incident", String(children)])
        counts.append(["homes", String(dataset.homes.count)])
        counts.append(["authorities", String(dataset.authorities.count)])
        counts.append(["police forces", String(dataset.forces.count)])
        counts.append(["LA episodes", String(dataset.episodes.count)])
        counts.append(["police reports", String(dataset.policeReports.count)])
        print(counts.render(), terminator: "")
        if let first = incidents.first, let last = incidents.map(\.start).max() {
            print("incidents start between \(catalogue.formatter.string(first.start)) and \(catalogue.formatter.string(last))")
        }
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "-" }
        let tenths = Int((Double(part) * 1000 / Double(whole)).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
