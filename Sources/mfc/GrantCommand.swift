import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc grant`: the roles of a shared PostgreSQL workspace.
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Make a role of a shared PostgreSQL workspace (an authority, a force, the hub, an auditor) and grant it to users.",
        discussion: """
            Roles and what they see (PostgreSQL's row-level security enforces it, for mfc and \
            for psql alike):
              authority CODE  mfc_la_<code>: the children the authority is responsible for and the \
            incidents in its area (episodes placed in its homes, and their police reports)
              force CODE      mfc_force_<code>: the force's police reports, and the episodes and \
            children of the authorities in its area
              hub             mfc_hub: every row; only the hub may purge
              auditor         mfc_auditor: the audit log only

            The users must exist (CREATE ROLE name LOGIN, see docs/hub.md). Run it as the \
            workspace's owner. Running it again brings the role's privileges up to date.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("authority, force, hub or auditor.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The authority's or force's code (not for hub or auditor).", valueName: "code"))
    var code: String?

    @Option(name: .customLong("to"), help: ArgumentHelp("A database user to grant the role to (repeat for more).", valueName: "user"))
    var users: [String] = []

    func validate() throws {
        guard let kind = PostgresRoles.Kind(rawValue: kind.lowercased()) else {
            throw ValidationError("\"\(TextSanitiser.visible(kind, limit: 20))\" is not a kind of role; expected "
                + PostgresRoles.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        switch kind {
        case .authority, .force:
            guard let code, !code.isEmpty else { throw ValidationError("name the \(kind.rawValue)'s code: mfc grant \(kind.rawValue) CODE") }
        case .hub, .auditor:
            if code != nil { throw ValidationError("a \(kind.rawValue) role has no code") }
        }
    }

    func run() throws {
        guard let kind = PostgresRoles.Kind(rawValue: kind.lowercased()) else { return }
        do {
            let role = try workspace.open().grant(kind, code: code, to: users, attribution: WorkspaceOptions.attribution)
            print("role \(role) ready" + (users.isEmpty ? "; grant it with --to USER" : "; granted to \(users.joined(separator: ", "))"))
        } catch {
            throw CLIError.wrapping(error)
        }
    }
}
