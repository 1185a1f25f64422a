import ArgumentParser
import IncidentStore

/// `mfc init`: creates a workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: the SQLite file that keeps imports, decisions and the audit log.",
        discussion: """
            Creates mfc.sqlite in the current folder (or the file named by --workspace or \
            MFC_WORKSPACE) with mode 0600, in WAL mode. On an existing workspace it brings the \
            schema up to date and changes nothing else; a file that is not a workspace is left alone.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        do {
            let (opened, created) = try Workspace.create(at: workspace.path, attribution: WorkspaceOptions.attribution)
            let schema = try opened.appliedMigrations().last ?? "none"
            if created {
                print("created workspace \(opened.path) (schema \(schema))")
                print("next: mfc import DIR to load a folder of extracts")
            } else {
                print("\(opened.path) is already a workspace (schema \(schema)); nothing to do")
            }
        } catch {
            throw CLIError.wrapping(error)
        }
    }
}
