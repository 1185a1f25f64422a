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

    /// The status as ArgumentParser's error that ends a command.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
