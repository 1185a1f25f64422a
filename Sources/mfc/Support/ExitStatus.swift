import ArgumentParser

/// mfc's exit statuses: one per kind of failure, the same in every command. README's table of
/// exit statuses is this enum.
enum ExitStatus: Int32, CaseIterable {
    /// Done, with nothing rejected.
    case ok = 0
    /// Rows were rejected (the accepted ones were used), or nothing was found (a record or
    /// pair that a command names is not there).
    case rejectedOrNotFound = 1
    /// An input could not be read at all: a file that is missing, not a regular file, not
    /// UTF-8, without its required columns; or a workspace that is damaged or not mfc's.
    case unreadable = 2
    /// The command line is wrong (sysexits' EX_USAGE): an unknown option, a bad value, options
    /// that do not go together, an output file that exists without --force.
    case usage = 64
    /// The workspace is locked by another mfc writing to it and stayed locked for the wait
    /// (sysexits' EX_TEMPFAIL): try again when the other has finished.
    case locked = 75
    /// Ctrl-\\ (SIGQUIT): the terminal restored, then ended as a shell reports that signal.
    case quit = 131

    /// The status in a few words, for `mfc --help` and the man page.
    var meaning: String {
        switch self {
        case .ok: "done, nothing rejected"
        case .rejectedOrNotFound: "rows were rejected, or what the command names is not there"
        case .unreadable: "an input could not be read"
        case .usage: "the command line is wrong"
        case .locked: "the workspace stayed locked by another writer"
        case .quit: "the dashboard ended by Ctrl-\\, the terminal restored"
        }
    }

    /// Every status with its meaning, one a line.
    static var table: String {
        allCases.map { status in
            let code = String(status.rawValue)
            return String(repeating: " ", count: 5 - code.count) + code + "  " + status.meaning
        }.joined(separator: "\n")
    }

    /// The status as ArgumentParser's error that ends a command.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
