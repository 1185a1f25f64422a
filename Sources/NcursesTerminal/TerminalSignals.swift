import CNcursesw

#if canImport(Glibc)
import Glibc
#endif

/// Handlers that give the terminal back when the process is interrupted or crashes.
///
/// Ctrl-C, SIGTERM, SIGHUP and Ctrl-\\ (SIGQUIT) end the program with the shell's codes (130,
/// 143, 129, 131) after `endwin`: SIGQUIT restores the terminal and exits rather than being
/// ignored, as its user asked the program to stop. The
/// fatal signals of a crash (a Swift trap raises SIGILL or SIGTRAP) call `endwin`, restore the
/// default action and raise the signal again, so the crash is still reported. Installed after
/// `newterm`, these replace the Swift runtime's own crash handler for the dashboard's run, so
/// its crash screen never takes over the terminal.
enum TerminalSignals {
    static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let fatal: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    static func install() {
        for signal in ending { Glibc.signal(signal, onEnding) }
        for signal in fatal { Glibc.signal(signal, onFatal) }
    }

    static func uninstall() {
        for signal in ending + fatal { Glibc.signal(signal, SIG_DFL) }
    }
}

private func onEnding(_ signal: Int32) {
    endwin()
    _exit(128 + signal)
}

private func onFatal(_ signal: Int32) {
    endwin()
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
