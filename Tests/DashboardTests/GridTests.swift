import IncidentModel
import Testing
@testable import Dashboard

struct GridTests {
    @Test func wideCharactersTakeTwoCells() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("漢字x", x: 0, y: 0) == 5)
        #expect(grid[1, 0].isContinuation && grid[3, 0].isContinuation)
        #expect(grid.lines == ["漢字x"])
    }

    @Test func truncatesWithAnEllipsisInColumns() {
        var grid = Grid(width: 10, height: 2)
        grid.put("abcdefgh", x: 0, y: 0, limit: 5)
        grid.put("漢字漢字", x: 0, y: 1, limit: 6)
        #expect(grid.lines == ["abcd…", "漢字 …"])
    }

    @Test func poundAndDashAreOneColumnEach() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put("£—ab", x: 0, y: 0) == 4)
        #expect(grid.lines == ["£—ab"])
    }

    @Test func controlAndBidiCharactersBecomePlaceholders() {
        var grid = Grid(width: 20, height: 1)
        grid.put("a\tb\u{1B}[31m\u{202E}c", x: 0, y: 0)
        let line = grid.lines[0]
        #expect(line == "a␉b␛[31m\u{FFFD}c")
        #expect(!line.unicodeScalars.contains { TextSanitiser.isUnsafe($0) })
    }

    @Test func wideCharacterThatDoesNotFitLeavesAGapBeforeTheEllipsis() {
        var grid = Grid(width: 3, height: 1)
        grid.put("a漢字", x: 0, y: 0, limit: 3)
        #expect(grid.lines == ["a …"])
        var edge = Grid(width: 2, height: 1)
        edge.put("漢", x: 1, y: 0)
        #expect(edge.lines == [" …"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("漢字", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.lines == [" x字"])
        grid.put("y", x: 2, y: 0)
        #expect(grid.lines == [" xy"])
    }

    @Test func rightAlignmentPads() {
        var grid = Grid(width: 6, height: 1)
        grid.put("42", x: 0, y: 0, limit: 5, alignRight: true)
        #expect(grid.line(0) == "   42 ")
    }
}

struct CharacterWidthTests {
    @Test(arguments: [("漢字", 4), ("£—", 2), ("e\u{301}", 1), ("abc", 3), ("🙂", 2), ("\u{200B}", 0)])
    func measuresTerminalColumns(text: String, columns: Int) {
        #expect(CharacterWidth.unicode.columns(text) == columns)
    }

    @Test func clampsNegativeWidths() {
        let measure = CharacterWidth { _ in -1 }
        #expect(measure.columns("\u{7}") == 0)
        #expect(measure.columns("a") == 1)
    }
}

struct CommandTableTests {
    @Test func everyCommandHasOneBindingAndNoKeyIsShared() {
        let commands = CommandTable.bindings.map(\.command)
        #expect(Set(commands) == Set(Command.allCases))
        #expect(commands.count == Command.allCases.count)
        let keys = CommandTable.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func keysMapToTheirCommands() {
        for binding in CommandTable.bindings {
            for key in binding.keys { #expect(CommandTable.command(for: key) == binding.command) }
        }
        #expect(CommandTable.command(for: .character("x")) == nil)
    }

    @Test func hintLineComesFromTheTable() {
        let words = CommandTable.hints.map(\.word)
        #expect(words == ["open", "search", "filter", "clear", "sort", "select", "export", "help", "quit"])
    }
}

/// Under a locale that is not UTF-8, nothing but ASCII is drawn: every glyph has a stand-in.
struct ASCIIScreenTests {
    static func asciiOnly(_ grid: Grid) -> Bool {
        grid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII } }
    }

    @Test func everyScreenIsASCIIWhenTheGlyphsAre() throws {
        var state = AppState.withReports()
        state.glyphs = .ascii
        state.sourceNote = "Siân’s sample · “data”"
        var screens: [Grid] = [render(state)]
        for keys in ["?", "f", "/", "v", "m"] {
            var open = state
            open.type(keys)
            screens.append(render(open))
        }
        for tab in Tab.allCases {
            var other = state
            other.send(.key(.character(tab.key)))
            screens.append(render(other))
        }
        var detail = state
        detail.send(.key(.character("G")), .key(.enter))
        screens.append(render(detail))
        detail.send(.key(.escape), .key(.character("l")), .key(.character("l")), .key(.character("]")))
        detail.runOrders([.computeOrder(.duration)])
        screens.append(render(detail))
        for (k, grid) in screens.enumerated() {
            #expect(Self.asciiOnly(grid), "screen \(k): \(grid.text)")
        }
        // Stand-ins, not blanks: frames, accents, the sort mark.
        let help = screens[1].text
        #expect(help.contains("+-") && help.contains("| "))
        #expect(screens[0].lines[0].contains("Sian's sample - \"data\""))
        #expect(screens[0].lines[1].contains("Start ^"))
        #expect(render(state).lines[6].contains("Cafe GBP-"))
    }
}
