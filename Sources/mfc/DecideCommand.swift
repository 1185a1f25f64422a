import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

/// `mfc decide accept|reject`: an analyst's decision on a police report / LA episode pair.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Accept or reject a police report / LA episode pair; re-applied on every link.",
        discussion: """
            accept: the report and the episode are one absence, whatever the times and names say. \
            reject: they are never paired, even when the episode records the report's police_ref. \
            The latest decision on a pair counts. With no arguments, lists the decisions.
            """)

    @Argument(help: "accept or reject (omit to list the decisions).")
    var verdict: LinkVerdict?

    @Option(name: .customLong("police-ref"), help: ArgumentHelp("The police report's reference.", valueName: "ref"))
    var policeRef: String?

    @Option(help: ArgumentHelp("The LA episode's id.", valueName: "id"))
    var episode: String?

    @Option(help: ArgumentHelp("Why (kept with the decision, not in the audit log).", valueName: "text"))
    var reason: String?

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        guard verdict != nil else { return }
        guard policeRef != nil, episode != nil else { throw ValidationError("name the pair with --police-ref and --episode") }
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give the reason for the decision with --reason")
        }
    }

    func run() throws {
        // A decision is a small write that must stay fast: it relies on SQLite's own errors
        // instead of reading every page first. Listing the decisions checks as any read does.
        let opened = try workspace.open(checking: verdict == nil)
        do {
            guard let verdict, let policeRef, let episode else {
                try list(opened)
                return
            }
            let decision = try opened.decide(
                SourcePair(policeRef: PoliceRef(policeRef), episodeID: EpisodeID(episode)), verdict,
                reason: reason ?? "", attribution: WorkspaceOptions.attribution)
            print("decision \(decision.id): \(verdict.rawValue) police report \(policeRef) with episode \(episode)")
        } catch let error as WorkspaceError {
            throw CLIError.wrapping(error)
        }
    }

    private func list(_ workspace: Workspace) throws {
        let formatter = TimestampFormatter(zone: .europeLondon)
        var table = TextTable(header: ["decision", "time", "user", "verdict", "police_ref", "episode_id", "reason"], rightAligned: [0])
        table.maximumWidth = 60
        for d in try workspace.decisions() {
            table.append([String(d.id), formatter.string(d.decidedAt), d.user, d.verdict.rawValue, d.pair.policeRef.rawValue,
                          d.pair.episodeID.rawValue, d.reason])
        }
        print(table.render(), terminator: "")
    }
}

extension LinkVerdict: ExpressibleByArgument {}
