/// Everything the user can ask for with a key. ``CommandTable`` gives each its keys, name and
/// help; the key map, the `?` overlay and the hint line are all drawn from it.
package enum Command: String, CaseIterable, Sendable, Hashable {
    case moveDown, moveUp, pageDown, pageUp, first, last
    case columnLeft, columnRight
    case open, back, close, quit
    case search, nextMatch, previousMatch
    case filter, clearFilters, showFilters
    case sortAscending, sortDescending
    case select, selectAll, unselectAll, export, help, showMessages
    case nextTab, previousTab, nextTable
    case showIncidents, showAuthorities, showHomes, showForces, showOutOfArea, showTrends, showReview, showQuality
    case accept, reject
    case reload

    /// The tab a `show…` command opens.
    var tab: Tab? {
        switch self {
        case .showIncidents: .incidents
        case .showAuthorities: .authorities
        case .showHomes: .homes
        case .showForces: .forces
        case .showOutOfArea: .outOfArea
        case .showTrends: .trends
        case .showReview: .review
        case .showQuality: .quality
        default: nil
        }
    }
}

/// One row of the action table.
package struct CommandBinding: Sendable {
    package let command: Command
    package let keys: [Key]
    /// The keys as the help shows them (`j ↓`).
    package let keyLabel: String
    package let group: String
    package let help: String
    /// The short word of the hint line, for the most useful commands.
    package let hint: String?
}

/// The action table: the one place that says which key does what.
package enum CommandTable {
    package static let bindings: [CommandBinding] = [
        row(.moveDown, [.character("j"), .down], "Move", "next row (scrolls the detail)", hint: nil),
        row(.moveUp, [.character("k"), .up], "Move", "previous row", hint: nil),
        row(.pageDown, [.pageDown, .control("f")], "Move", "next page", hint: nil),
        row(.pageUp, [.pageUp, .control("b")], "Move", "previous page", hint: nil),
        row(.first, [.character("g"), .home], "Move", "first row", hint: nil),
        row(.last, [.character("G"), .end], "Move", "last row", hint: nil),
        row(.columnLeft, [.character("h"), .left], "Move", "column to the left (scrolls sideways)", hint: nil),
        row(.columnRight, [.character("l"), .right], "Move", "column to the right", hint: nil),
        row(.open, [.enter], "View", "open the incident, or a report row's incidents", hint: "open"),
        row(.back, [.escape], "View", "back to the table; close an overlay; in the incidents, unselect every row", hint: nil),
        row(.close, [.character("q")], "View", "back, as Esc; with nothing to go back to, quit mfc (as in htop and lazygit)", hint: nil),
        row(.quit, [.character("Q")], "View", "quit mfc", hint: "quit"),
        row(.help, [.character("?")], "View", "this help", hint: "help"),
        row(.showMessages, [.character("m")], "View", "the messages of this session in full, newest last", hint: nil),
        row(.reload, [.character("R")], "View", "read the data again: after new imports or decisions in the workspace", hint: nil),
        row(.nextTab, [.tab], "Views", "next view: incidents, authorities, homes, forces, …", hint: nil),
        row(.previousTab, [.backTab], "Views", "previous view", hint: nil),
        row(.nextTable, [.character("t")], "Views", "the view's other table: the forces' register of homes, the out-of-area matrix", hint: nil),
        row(.showIncidents, [.character("1")], "Views", "the incidents", hint: nil),
        row(.showAuthorities, [.character("2")], "Views", "the authorities' scorecard", hint: nil),
        row(.showHomes, [.character("3")], "Views", "homes, with the watch list", hint: nil),
        row(.showForces, [.character("4")], "Views", "police forces and their homes", hint: nil),
        row(.showOutOfArea, [.character("5")], "Views", "out of area: responsible x host authority", hint: nil),
        row(.showTrends, [.character("6")], "Views", "trends: months by provenance, weekday x hour", hint: nil),
        row(.showReview, [.character("7")], "Views", "review: the linkage model's uncertain links", hint: nil),
        row(.showQuality, [.character("8")], "Views", "data quality: rows rejected, warnings, links, what is partial", hint: nil),
        row(.accept, [.character("a")], "Review", "accept the link: the report and the episode are one absence", hint: nil),
        row(.reject, [.character("r")], "Review", "reject the link: never pair the report and the episode", hint: nil),
        row(.search, [.character("/")], "Find",
            "search the view: child, child id, incident id, police reference, home or URN, authority or code, force, date (yyyy-mm-dd); case and accents ignored",
            hint: "search"),
        row(.nextMatch, [.character("n")], "Find", "next match; in an incident, the child's next incident", hint: nil),
        row(.previousMatch, [.character("N")], "Find", "previous match; in an incident, the child's previous incident", hint: nil),
        row(.filter, [.character("f")], "Filter",
            "pick a home (or home not known), authority, force, risk, provenance, period (month, year, financial year, or a typed range) or flags",
            hint: "filter"),
        row(.clearFilters, [.character("F")], "Filter", "clear every filter (the selection stays)", hint: "clear"),
        row(.showFilters, [.character("v")], "Filter", "list the filters, the period and the sort in full", hint: nil),
        row(.sortAscending, [.character("[")], "Sort", "sort by the cursor's column, ascending", hint: nil),
        row(.sortDescending, [.character("]")], "Sort", "sort by the cursor's column, descending", hint: nil),
        row(.select, [.character("s"), .character(" ")], "Select", "select or unselect the row", hint: "select"),
        row(.selectAll, [.character("S")], "Select", "select every row in the view", hint: nil),
        row(.unselectAll, [.character("U")], "Select", "unselect every row (Esc too, in the incidents)", hint: nil),
        row(.export, [.character("e")], "Select", "export the view (or the selected rows) to CSV", hint: "export"),
    ]

    /// The command a key stands for outside text entry.
    package static func command(for key: Key) -> Command? { keyMap[key] }

    /// The hint line's items: keys and word, in table order, with the sort keys shown once.
    package static var hints: [(keys: String, word: String)] {
        var items: [(String, String)] = []
        for binding in bindings where binding.command != .quit && binding.command != .help {
            if let hint = binding.hint { items.append((binding.keys[0].label, hint)) }
            if binding.command == .clearFilters { items.append(("[ ]", "sort")) }
        }
        return items + [("?", "help"), ("Q", "quit")]
    }

    /// The hint line of the report tabs: Enter opens a row's incidents, Tab moves between views.
    /// With `tables`, the tab has more than one table and `t` moves between them.
    package static func reportHints(tables: Bool = false) -> [(keys: String, word: String)] {
        func key(_ command: Command) -> String { bindings.first { $0.command == command }?.keys.first?.label ?? "" }
        return [(key(.open), "incidents"), ("[ ]", "sort")] + (tables ? [(key(.nextTable), "tables")] : []) + [
            (key(.filter), "filter"), (key(.export), "export"), ("\(key(.nextTab)) \(viewKeys)", "views"), (key(.help), "help"),
            (key(.quit), "quit"),
        ]
    }

    /// The hint line of the Review tab: the decision keys first.
    package static var reviewHints: [(keys: String, word: String)] {
        func key(_ command: Command) -> String { bindings.first { $0.command == command }?.keys.first?.label ?? "" }
        return [
            (key(.accept), "accept"), (key(.reject), "reject"), ("j k", "move"), ("\(key(.nextTab)) \(viewKeys)", "views"),
            (key(.help), "help"), (key(.quit), "quit"),
        ]
    }

    /// The hint line of the Quality tab: Enter lists a file's rejected rows, Esc goes back.
    package static var qualityHints: [(keys: String, word: String)] {
        func key(_ command: Command) -> String { bindings.first { $0.command == command }?.keys.first?.label ?? "" }
        return [
            (key(.open), "rejected rows"), (key(.back), "back"), ("j k", "move"), ("\(key(.nextTab)) \(viewKeys)", "views"),
            (key(.help), "help"), (key(.quit), "quit"),
        ]
    }

    /// The number keys of the views, as the hint lines show them: `1-8`.
    static var viewKeys: String { "\(Tab.incidents.key)-\(Tab.allCases.last?.key ?? Tab.incidents.key)" }

    /// The key that opens the Quality view, for the status bar's mark.
    package static var qualityKey: String {
        bindings.first { $0.command == .showQuality }?.keys.first?.label ?? ""
    }

    private static let keyMap: [Key: Command] = {
        var map: [Key: Command] = [:]
        for binding in bindings {
            for key in binding.keys where map[key] == nil { map[key] = binding.command }
        }
        return map
    }()

    private static func row(_ command: Command, _ keys: [Key], _ group: String, _ help: String, hint: String?)
        -> CommandBinding
    {
        CommandBinding(
            command: command, keys: keys, keyLabel: keys.map(\.label).joined(separator: " "), group: group,
            help: help, hint: hint)
    }
}
