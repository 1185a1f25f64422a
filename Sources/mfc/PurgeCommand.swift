import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc purge --before DATE`: the retention rule.
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove incidents that ended before a date, with their source rows and history.",
        discussion: """
            Removes every incident that ended before DATE (Europe/London midnight), with its LA \
            episodes and police reports, their earlier values, the decisions on them, the \
            children left with no incident, and the rejected rows that name any of them. Ongoing \
            incidents stay. The workspace is then vacuumed \
            so that the removed names leave no trace in the file. The purge is logged.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup(title: "Linking") var linking: LinkOptions

    @Option(help: ArgumentHelp("Remove incidents that ended before this date (dd/mm/yyyy or yyyy-mm-dd).", valueName: "date"))
    var before: String

    @Flag(help: "Count what would be removed, and change nothing.")
    var dryRun = false

    func run() throws {
        let cutoff = try FilterOptions.dayStart(before, option: "--before", zone: .europeLondon)
        let opened = try workspace.open()
        let result: PurgeResult
        do {
            result = try opened.purge(
                before: cutoff, dryRun: dryRun, attribution: WorkspaceOptions.attribution, linker: linking.incidentLinker)
        } catch {
            throw CLIError.wrapping(error)
        }
        var table = TextTable(header: [dryRun ? "would remove" : "removed", "count"], rightAligned: [1])
        table.append(["incidents", String(result.incidents)])
        table.append(["LA episodes", String(result.episodes)])
        table.append(["police reports", String(result.policeReports)])
        table.append(["children left with no incident", String(result.children)])
        table.append(["earlier values (history)", String(result.historyRows)])
        table.append(["decisions", String(result.decisions)])
        table.append(["rejected rows naming them", String(result.rejectedRows)])
        print(table.render(), terminator: "")
        print(dryRun ? "dry run: nothing was changed" : "purged and vacuumed \(opened.path); logged in mfc audit")
    }
}
