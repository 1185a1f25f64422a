import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `--quiet`, and the progress lines of long tasks: on standard error, and only when it is a
/// terminal (a log file or a pipe gets none, unless `--progress` asks for them).
struct ProgressOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress and no notes on standard error (errors and warnings are still shown).")
    var quiet = false

    @Flag(name: .customLong("progress"), help: "Progress lines on standard error even when it is not a terminal (a log file).")
    var progressAlways = false

    /// Whether progress lines are shown: not quiet, and standard error is a terminal (or
    /// `--progress`).
    var showsProgress: Bool { !quiet && (progressAlways || isatty(2) == 1) }

    /// Says how a long task is getting on, when ``showsProgress``.
    func progress(_ text: String) {
        if showsProgress { printError(text) }
    }
}
