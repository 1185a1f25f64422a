import CNcursesw
import Dashboard

#if canImport(Glibc)
import Glibc
#endif

extension NcursesTerminal {
    /// Paints a grid over the whole window and shows it. Cells of one style are written as one
    /// wide string; the right halves of wide characters are skipped (ncurses fills them).
    package func paint(_ grid: Grid) {
        let height = min(grid.height, Int(getmaxy(window)))
        let width = min(grid.width, Int(getmaxx(window)))
        werase(window)
        var run: [wchar_t] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = grid[x, y].style
                let startX = x
                run.removeAll(keepingCapacity: true)
                while x < width && grid[x, y].style == style {
                    for scalar in grid[x, y].text.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    x += 1
                }
                // The bottom-right cell cannot be written without scrolling: leave it out.
                if y == height - 1 && x == width && !run.isEmpty { run.removeLast() }
                run.append(0)
                apply(style)
                _ = mvwaddwstr(window, Int32(y), Int32(startX), run)
            }
        }
        wattr_set(window, mfc_attr_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
    }

    private func apply(_ style: CellStyle) {
        var attributes = mfc_attr_normal()
        if style.bold { attributes |= mfc_attr_bold() }
        if style.reverse { attributes |= mfc_attr_reverse() }
        // Monochrome and NO_COLOR: bold and reverse only.
        if style.underline && usesColour { attributes |= mfc_attr_underline() }
        let pair: Int16 = usesColour ? Int16(style.tone.rawValue) + 1 : 0
        wattr_set(window, attributes, pair, nil)
    }

    /// Waits up to `milliseconds` for input and returns it as an action: a key, a click, the
    /// wheel, or the new size after a resize. `nil` when nothing came.
    package func nextAction(waiting milliseconds: Int32) -> Action? {
        wtimeout(window, milliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == OK { return Self.action(forCharacter: UInt32(character)) }
        guard result == KEY_CODE_YES else { return nil }
        switch Int32(character) {
        case KEY_RESIZE:
            return .resize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & mfc_wheel_up() != 0 { return .scroll(-3) }
            if event.bstate & mfc_wheel_down() != 0 { return .scroll(3) }
            if event.bstate & mfc_button1() != 0 { return .click(x: Int(event.x), y: Int(event.y)) }
            return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        default: return nil
        }
    }

    static func action(forCharacter value: UInt32) -> Action? {
        switch value {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26:
            guard let scalar = Unicode.Scalar(value + 96) else { return nil }
            return .key(.control(Character(scalar)))
        default:
            guard value >= 32, let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
