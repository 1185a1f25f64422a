#if canImport(Glibc)
import Glibc
#endif

/// The process's handlers for a crash and for Ctrl-\\ (SIGQUIT), installed first thing in
/// `main`: the Swift runtime's crash reporter would otherwise take over the terminal (it
/// prints a backtrace screen and may wait for a key). A crash prints one line to standard
/// error and ends with the signal's default action (a core dump where enabled); SIGQUIT exits
/// with 131, as a shell reports it. The dashboard installs its own, which also restore the
/// terminal, once ncurses has started.
enum CrashSignals {
    static let fatal: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    static func install() {
        for signal in fatal { Glibc.signal(signal, onCrash) }
        Glibc.signal(SIGQUIT, onQuit)
    }
}

private func onCrash(_ signal: Int32) {
    let message: StaticString = "mfc: internal error (a fatal signal); nothing more was done\n"
    _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

private func onQuit(_ signal: Int32) {
    _exit(ExitStatus.quit.rawValue)
}
