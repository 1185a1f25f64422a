import IncidentModel

/// Why a workspace operation failed. Messages name the file and what to do; they never carry
/// a person's data (SQLite's own messages name tables and columns, not values).
package enum WorkspaceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No workspace at the path.
    case notFound(path: String)
    /// The file exists but is not an mfc workspace.
    case notAWorkspace(path: String, reason: String)
    /// The workspace was written by a newer mfc, whose schema this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file could not be created.
    case cannotCreate(path: String, reason: String)
    /// SQLite failed during an operation; nothing of that operation was kept.
    case database(path: String, operation: String, reason: String)
    /// An input file could not be read; nothing was imported.
    case unreadableInput(message: String)
    /// The input files could not be told apart or found.
    case inputs(message: String)
    /// The path is not a regular file that can be read (a link loop, a dangling link, a folder...).
    case unreadableFile(FileReadError)
    /// SQLite's check found the file damaged, or a stored value could not be read: the
    /// workspace is refused, unchanged. `detail` is SQLite's finding (pages and tables, no values).
    case damaged(path: String, detail: String)
    /// Another mfc held the workspace's write lock for the whole wait (``Workspace/lockWait``).
    case locked(path: String, operation: String)
    /// A decision names a record the workspace does not hold.
    case unknownRecord(path: String, kind: String, id: String)
    /// The PostgreSQL server could not be reached, or refused the connection.
    case cannotConnect(target: String, reason: String)
    /// Another user decided this pair meanwhile; the decision was not recorded.
    case alreadyDecided(path: String, policeRef: String, episodeID: String, user: String, decision: Int64)

    package var description: String {
        switch self {
        case let .notFound(path):
            "\(path): no workspace here; create one with `mfc init`, or name one with --workspace or MFC_WORKSPACE"
        case let .notAWorkspace(path, reason):
            "\(path): not an mfc workspace (\(reason)); name another file with --workspace, or move this one aside and run `mfc init`"
        case let .newerSchema(path, unknown):
            "\(path): written by a newer mfc (schema \(unknown.joined(separator: ", "))); upgrade mfc to open it"
        case let .cannotCreate(path, reason):
            "\(path): cannot create the workspace: \(reason)"
        case let .database(path, operation, reason):
            "\(path): \(operation) failed and was undone: \(reason)"
        case let .unreadableInput(message):
            "\(message); nothing was imported"
        case let .inputs(message):
            message
        case let .unreadableFile(error):
            "\(error.description); name the workspace file with --workspace or MFC_WORKSPACE"
        case let .damaged(path, detail):
            "\(path): the workspace is damaged (\(TextSanitiser.visible(detail, limit: 200))); nothing was read from it or "
                + "changed. Recover it from a backup, or move it aside, run `mfc init` and import the extracts again; "
                + "`mfc check` reports what is wrong"
        case let .locked(path, operation):
            "\(path): \(operation) gave up: another mfc kept the workspace locked for \(Int(Workspace.lockWait)) s "
                + "(an import, a decision or a purge); nothing was changed; run it again when the other has finished"
        case let .cannotConnect(target, reason):
            "\(target): cannot connect to the PostgreSQL workspace: \(TextSanitiser.visible(reason, limit: 300))"
        case let .alreadyDecided(path, ref, episode, user, decision):
            "\(path): police_ref \(ref) with episode \(episode) was decided meanwhile by \(TextSanitiser.visible(user, limit: 64)) "
                + "(decision \(decision)); yours was not recorded. Reload to see it; only they can change it"
        case let .unknownRecord(path, kind, id):
            "\(path): no \(kind) \"\(id)\" in this workspace; check the id with `mfc incidents --format csv`"
        }
    }
}
