import CNcursesw
import Dashboard

#if canImport(Glibc)
import Glibc
#endif

/// Why the dashboard cannot take the terminal. Each message says what to do instead.
package enum TerminalError: Error, CustomStringConvertible, Sendable {
    case notATerminal(stream: String)
    case noTerm
    case unknownTerm(String)
    case dumbTerm(String)
    case startFailed(String)

    package var description: String {
        switch self {
        case let .notATerminal(stream):
            "the dashboard needs a terminal, but \(stream) is not one; use `mfc incidents` for output to a file or pipe"
        case .noTerm:
            "the dashboard needs a terminal type, but TERM is not set; set TERM (for example xterm-256color)"
        case let .unknownTerm(name):
            "the terminal type \"\(name)\" is not known to this system's terminfo; set TERM to one it knows (for example xterm-256color)"
        case let .dumbTerm(name):
            "the terminal type \"\(name)\" cannot move the cursor, which the dashboard needs; use `mfc incidents` instead"
        case let .startFailed(name):
            "cannot start the terminal \"\(name)\""
        }
    }
}

/// The only code that calls ncurses: owns the tty while the dashboard runs, paints grids, and
/// turns key presses, mouse events and resizes into dashboard actions.
///
/// ncurses is process-global state: create one terminal, use it from one thread, and call
/// ``stop()`` before exiting. Signal handlers restore the terminal on Ctrl-C, SIGTERM and
/// the fatal signals of a crash.
package final class NcursesTerminal {
    let window: UnsafeMutablePointer<WINDOW>
    let screen: OpaquePointer
    /// Whether colours are used (a colour terminal and `NO_COLOR` unset).
    package let usesColour: Bool
    /// Whether the locale's character set is UTF-8.
    package let isUTF8: Bool
    private var stopped = false

    /// Column widths as this terminal draws them: the C library's `wcwidth`.
    package static let characterWidth = CharacterWidth { scalar in
        Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    /// Takes the terminal: checks that stdin and stdout are terminals and that `TERM` can
    /// address the cursor before anything is written, then starts ncurses. Nothing is written
    /// to stdout when it throws.
    package init(environment: [String: String]) throws(TerminalError) {
        guard isatty(0) == 1 else { throw .notATerminal(stream: "standard input") }
        guard isatty(1) == 1 else { throw .notATerminal(stream: "standard output") }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerm }
        if term == "dumb" { throw .dumbTerm(term) }
        setlocale(LC_ALL, "")
        isUTF8 = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingDashes == "UTF8"
        var status: Int32 = 0
        guard setupterm(term, 1, &status) == OK, status == 1 else { throw .unknownTerm(term) }
        guard mfc_capability_present(tigetstr("cup")) != 0 else { throw .dumbTerm(term) }
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else { throw .startFailed(term) }
        guard let screen = newterm(term, output, input) else { throw .startFailed(term) }
        self.screen = screen
        guard let window = mfc_stdscr() else {
            endwin()
            throw .startFailed(term)
        }
        self.window = window
        let wantsColour = (environment["NO_COLOR"] ?? "").isEmpty
        usesColour = wantsColour && has_colors() && start_color() == OK
        if usesColour { Self.definePairs() }
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        mousemask(mfc_mouse_events(), nil)
        mouseinterval(0)
        TerminalSignals.install()
    }

    /// The terminal's size in columns and rows.
    package var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    package func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        TerminalSignals.uninstall()
    }

    deinit { stop() }

    private static func definePairs() {
        use_default_colors()
        for tone in Tone.allCases {
            let foreground: Int32 = switch tone {
            case .normal, .cursor, .hint: -1
            case .header, .accent, .frame: Int32(COLOR_CYAN)
            case .status: Int32(COLOR_BLUE)
            case .selected: Int32(COLOR_GREEN)
            case .ongoing, .warning: Int32(COLOR_YELLOW)
            case .highRisk: Int32(COLOR_RED)
            case .chip: Int32(COLOR_MAGENTA)
            }
            init_pair(Int16(tone.rawValue) + 1, Int16(foreground), -1)
        }
    }
}

extension String {
    fileprivate var replacingDashes: String { filter { $0 != "-" && $0 != "_" } }
}
