import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

#if canImport(Glibc)
import Glibc
#endif

/// `--workspace PATH`: the workspace file, else `$MFC_WORKSPACE`, else `mfc.sqlite` in the
/// current folder. A `postgres://` or `postgresql://` URL, or libpq's `host=... dbname=...`
/// pairs, name a shared PostgreSQL workspace instead (the password from `PGPASSWORD` or
/// `~/.pgpass`, never from the string; TLS to any other machine unless `sslmode=disable`).
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .customLong("workspace"),
        help: ArgumentHelp(
            "The workspace file (default: $MFC_WORKSPACE, else \(Workspace.defaultFileName) in the current folder), "
                + "or a PostgreSQL connection string (postgresql://user@host/db, host=/socket/dir dbname=db); "
                + "its password comes from PGPASSWORD or ~/.pgpass only.",
            valueName: "path"))
    var workspace: String?

    /// The workspace named by `--workspace` or `MFC_WORKSPACE`, if any.
    var namedPath: String? {
        if let workspace { return workspace }
        if let variable = ProcessInfo.processInfo.environment["MFC_WORKSPACE"], !variable.isEmpty { return variable }
        return nil
    }

    /// The workspace to use: the one named, else the default file.
    var path: String { namedPath ?? Workspace.defaultFileName }

    /// Opens the workspace, which must exist. With `checking` (the default) SQLite's
    /// quick_check runs first and a damaged workspace is refused. With `announcingWaits` (the
    /// default) a write that waits for another writer says so on standard error; the
    /// dashboard, which owns the terminal, opens without.
    func open(checking: Bool = true, announcingWaits: Bool = true) throws -> Workspace {
        let say: @Sendable (String) -> Void = { printError($0) }
        do {
            return try Workspace.open(at: path, waiting: announcingWaits ? say : nil, checking: checking)
        } catch {
            throw CLIError.wrapping(error)
        }
    }

    /// The workspace to read when no data files are named: the one named (which must exist),
    /// else the default file when it exists, else `nil`.
    func openIfPresent(checking: Bool = true, announcingWaits: Bool = true) throws -> Workspace? {
        if namedPath == nil && !Workspace.fileExists(at: path) { return nil }
        return try open(checking: checking, announcingWaits: announcingWaits)
    }

    /// The operating-system user and the system clock.
    static var attribution: Attribution {
        Attribution(user: osUser(), clock: { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) })
    }

    /// The name of the effective user, from the password database, else `$USER`, else the uid.
    static func osUser() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "uid \(geteuid())"
    }
}
