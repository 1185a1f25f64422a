import ArgumentParser
import IncidentStore

/// `mfc init`: creates a workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: the SQLite file (or PostgreSQL database) that keeps imports, decisions and the audit log.",
        discussion: """
            Creates mfc.sqlite in the current folder (or the file named by --workspace or \
            MFC_WORKSPACE) with mode 0600, in WAL mode. On an existing workspace it brings the \
            schema up to date and changes nothing else; a file that is not a workspace is left alone.

            Given a PostgreSQL connection string, it creates the schema, with row-level security, \
            in that database, which must be empty; its user owns the tables and is a hub. Then \
            make the roles with mfc grant (docs/hub.md).
            """)

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        do {
            let (opened, created) = try Workspace.create(at: workspace.path, attribution: WorkspaceOptions.attribution)
            let schema = try opened.appliedMigrations().last ?? "none"
            if created {
                print("created workspace \(opened.path) (schema \(schema))")
                if opened.engineName == "PostgreSQL" {
                    print("next: mfc grant authority CODE --to USER (and force, hub, auditor) to give analysts their rows; see docs/hub.md")
                }
                print("next: mfc import DIR to load a folder of extracts")
            } else {
                print("\(opened.path) is already a workspace (schema \(schema)); nothing to do")
            }
        } catch {
            throw CLIError.wrapping(error)
        }
    }
}
