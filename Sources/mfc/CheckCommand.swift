import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc check`: the workspace checked whole.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the workspace: SQLite's full integrity check, and every stored record read back.",
        discussion: """
            Runs SQLite's integrity_check (every page, every index against its table), then reads \
            back every record, decision and part of the linked snapshot, decoding each value, and \
            compares each table's count with the records read. Changes nothing. Every other command \
            runs SQLite's quicker quick_check when it opens the workspace and refuses a damaged one.

            On a PostgreSQL workspace the server keeps its own pages whole; the records, decisions \
            and the user's linked snapshot are read back and decoded as for a file.

            Exit status: 0 when the workspace is whole, 2 when anything is wrong (recover it from a \
            backup, or move it aside, run mfc init and import the extracts again).
            """)

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let result: WorkspaceCheck
        var path = workspace.path
        var engine = "SQLite"
        do {
            let opened = try Workspace.open(at: path, waiting: { printError($0) }, checking: false)
            path = opened.path
            engine = opened.engineName
            result = try opened.check()
        } catch {
            throw CLIError.wrapping(error)
        }
        var table = TextTable(header: ["records", "read back"], rightAligned: [1])
        for kind in SourceFileKind.native { table.append([kind.rawValue, result.records[kind].map(String.init) ?? "-"]) }
        table.append(["decisions", String(result.decisions)])
        table.append(["linked snapshot incidents", result.snapshotIncidents.map(String.init) ?? "none kept"])
        print(table.render(), terminator: "")
        for finding in result.integrity { printError("\(path): integrity_check: \(finding)") }
        for problem in result.problems { printError("\(path): \(problem)") }
        guard result.isWhole else {
            throw CLIError.unreadable(WorkspaceError.damaged(
                path: path, detail: "\(result.integrity.count + result.problems.count) problem(s) listed above").description)
        }
        let pages = engine == "SQLite" ? "integrity_check ok" : "the server checks its own pages"
        print("\(path): whole (\(pages); every record, decision and snapshot part read back)")
    }
}
