/// A key press, as the terminal reports it.
package enum Key: Hashable, Sendable {
    case character(Character)
    /// A control character typed with Ctrl (`control("u")` for Ctrl-U).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab

    /// How the key is written in help and hints.
    package var label: String {
        switch self {
        case let .character(c): c == " " ? "Space" : String(c)
        case let .control(c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        }
    }
}
