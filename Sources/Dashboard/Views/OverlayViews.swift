import IncidentModel

/// Draws a framed box, blank inside, with a title in the top border.
func drawBox(_ box: Box, title: String, into grid: inout Grid) {
    let inner = max(0, box.width - 2)
    grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: box.x, y: box.y, style: .frame)
    for y in (box.y + 1)..<(box.y + box.height - 1) {
        grid.put("│", x: box.x, y: y, style: .frame)
        grid.fill(x: box.x + 1, y: y, count: inner, style: .plain)
        grid.put("│", x: box.x + box.width - 1, y: y, style: .frame)
    }
    grid.put("└" + String(repeating: "─", count: inner) + "┘", x: box.x, y: box.y + box.height - 1, style: .frame)
    grid.put(" \(title) ", x: box.x + 2, y: box.y, limit: inner - 2, style: .frame)
}

/// The `?` overlay: every binding of the action table, by group.
enum HelpView {
    /// The help's lines: group titles, then keys and what they do.
    static var lines: [(keys: String, text: String)] {
        var out: [(String, String)] = []
        var group = ""
        for binding in CommandTable.bindings {
            if binding.group != group {
                if !group.isEmpty { out.append(("", "")) }
                group = binding.group
                out.append((group, ""))
            }
            out.append((binding.keyLabel, binding.help))
        }
        out.append(("", ""))
        out.append(("In the filter picker", ""))
        out.append(("type", "narrow the values by name or code (URN, authority or force code); Backspace and Ctrl-U undo"))
        out.append(("a range", "on the Period list: 2024-04-01 to 2025-03-31 (both days in), then Enter"))
        out.append(("Tab → / ←", "next / previous list: home, authority, force, risk, …"))
        out.append(("↑ ↓ PgUp PgDn", "move; Enter applies, Esc closes"))
        out.append(("", ""))
        out.append(("In prompts", ""))
        out.append(("Enter / Esc", "accept / cancel; Ctrl-U clears, Ctrl-W deletes a word"))
        out.append(("", ""))
        out.append(("Mouse", ""))
        out.append(("click", "put the cursor on a row (a header picks the column)"))
        out.append(("wheel", "scroll"))
        out.append(("", ""))
        out.append(("In the figures", ""))
        out.append((ReportValue.unknownText, "unknown: no input recorded it; never 0 or flagged"))
        out.append(("", "SSDA903 returns record no interviews or CSE;"))
        out.append(("", "police grade only the absences they are told of"))
        out.append(("-", "a rate over nothing (its denominator is 0)"))
        out.append(("ongoing", "still missing: no end and no later incident"))
        out.append(("no end", "no end recorded, but a later incident"))
        return out
    }

    /// Columns of the keys, left of the text.
    static let keyWidth = 16

    /// The help's box at a screen size: the screen's width, up to 100 columns.
    static func box(width: Int, height: Int) -> Box {
        let w = max(10, min(width, 100))
        return Box(x: max(0, (width - w) / 2), y: 1, width: w, height: max(5, height - 3))
    }

    /// The help's lines wrapped to the box: keys, then the text in one or more lines.
    static func wrapped(width: Int, measure: CharacterWidth = .unicode) -> [(keys: String, text: String)] {
        let textWidth = max(10, box(width: width, height: 24).width - keyWidth - 6)
        var out: [(String, String)] = []
        for line in lines {
            if line.text.isEmpty {
                out.append(line)
                continue
            }
            for (k, piece) in TextWrap.lines(line.text, width: textWidth, measure: measure).enumerated() {
                out.append((k == 0 ? line.keys : "", piece))
            }
        }
        return out
    }

    /// The furthest the help scrolls at a screen size.
    static func lastScroll(width: Int, height: Int) -> Int {
        max(0, wrapped(width: width).count - (box(width: width, height: height).height - 2))
    }

    static func draw(scroll: Int, into grid: inout Grid) {
        let box = box(width: grid.width, height: grid.height)
        drawBox(box, title: "Keys · Esc closes", into: &grid)
        let all = wrapped(width: grid.width, measure: grid.measure)
        let rows = box.height - 2
        let first = min(scroll, max(0, all.count - rows))
        for (k, line) in all.dropFirst(first).prefix(rows).enumerated() {
            let y = box.y + 1 + k
            if line.text.isEmpty {
                grid.put(line.keys, x: box.x + 2, y: y, limit: box.width - 4, style: .frame)
            } else {
                grid.put(line.keys, x: box.x + 3, y: y, limit: keyWidth, style: .key)
                grid.put(line.text, x: box.x + keyWidth + 4, y: y, limit: box.width - keyWidth - 6)
            }
        }
        drawScrollMarks(box, first: first, rows: rows, total: all.count, into: &grid)
    }
}

/// Marks on a box's frame that say there is more above or below, and how to reach it.
/// With `letters` false (the picker, whose letters are typed), the marks name the arrows instead.
func drawScrollMarks(_ box: Box, first: Int, rows: Int, total: Int, letters: Bool = true, into grid: inout Grid) {
    if first > 0 && letters {
        let mark = " ↑ more above: k "
        grid.put(mark, x: box.x + box.width - 2 - grid.measure.columns(mark), y: box.y, style: .key)
    }
    if first + rows < total {
        let mark = " ↓ \(total - first - rows) more: \(letters ? "j or PgDn" : "↓ or PgDn") "
        grid.put(mark, x: box.x + box.width - 2 - grid.measure.columns(mark), y: box.y + box.height - 1, style: .key)
    }
}

/// A page of text to read in full (the messages, the filters), wrapped to the screen.
enum TextPageView {
    static func box(width: Int, height: Int) -> Box {
        Box(x: 0, y: 1, width: max(10, width), height: max(5, height - 3))
    }

    /// The page's lines at a width: each paragraph wrapped, its later lines indented.
    static func lines(_ page: TextPage, width: Int, measure: CharacterWidth = .unicode) -> [String] {
        let inner = box(width: width, height: 24).width - 4
        return page.paragraphs.flatMap { TextWrap.lines($0, width: inner, measure: measure, indent: 2) }
    }

    static func lastScroll(_ page: TextPage, width: Int, height: Int) -> Int {
        max(0, lines(page, width: width).count - (box(width: width, height: height).height - 2))
    }

    static func draw(_ page: TextPage, into grid: inout Grid) {
        let box = box(width: grid.width, height: grid.height)
        drawBox(box, title: page.title, into: &grid)
        let all = lines(page, width: grid.width, measure: grid.measure)
        let rows = box.height - 2
        let first = min(page.scroll, max(0, all.count - rows))
        for (k, line) in all.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line, x: box.x + 2, y: box.y + 1 + k, limit: box.width - 4)
        }
        drawScrollMarks(box, first: first, rows: rows, total: all.count, into: &grid)
    }
}

/// The filter picker: tabs of dimensions, the typed text, and values with their counts.
enum PickerView {
    static func draw(_ picker: PickerState, state: AppState, into grid: inout Grid) {
        let layout = PickerLayout(width: grid.width, height: grid.height)
        let box = layout.box
        drawBox(box, title: "Filter · Tab next list · Enter apply · Esc close", into: &grid)
        var x = box.x + 2
        for dimension in FilterDimension.allCases {
            let style = dimension == picker.dimension ? CellStyle(tone: .accent, bold: true, reverse: true) : .plain
            x += grid.put(" \(dimension.title) ", x: x, y: box.y + 1, limit: box.x + box.width - 1 - x, style: style) + 1
        }
        let queryY = box.y + 2
        var qx = box.x + 2
        qx += grid.put("Filter: ", x: qx, y: queryY, style: .key)
        qx += grid.put(picker.query, x: qx, y: queryY, limit: box.width - 30)
        grid.fill(x: qx, y: queryY, count: 1, style: CellStyle(reverse: true))
        let counted = "\(grouped(picker.listedCount)) of \(grouped(picker.entries.count))"
            + (picker.dimension == .flags ? " · all must hold" : "")
        grid.put(counted, x: box.x + box.width - 2 - grid.measure.columns(counted), y: queryY, style: .hint)
        let listY = box.y + 4
        let countWidth = 10
        let labelWidth = box.width - 6 - countWidth
        grid.put("Value", x: box.x + 2, y: listY - 1, style: CellStyle(bold: true, underline: true))
        grid.put("Incidents", x: box.x + box.width - 2 - countWidth, y: listY - 1, limit: countWidth,
                 style: CellStyle(bold: true, underline: true), alignRight: true)
        if let note = picker.note {
            grid.put(note, x: box.x + 2, y: listY, limit: box.width - 4, style: .warning)
            return
        }
        if picker.listedCount == 0 {
            let hint = picker.dimension == .period ? " (or type a range: 2024-04-01 to 2025-03-31)" : ""
            grid.put("Nothing matches “\(picker.query)”" + hint, x: box.x + 2, y: listY, limit: box.width - 4, style: .warning)
        }
        drawScrollMarks(box, first: picker.top, rows: layout.listRows, total: picker.listedCount, letters: false, into: &grid)
        for line in 0..<layout.listRows {
            let k = picker.top + line
            guard let entry = picker.listed(k) else { break }
            let style = k == picker.cursor ? CellStyle(tone: .cursor, bold: true, reverse: true) : .plain
            let y = listY + line
            grid.fill(x: box.x + 1, y: y, count: box.width - 2, style: style)
            grid.put(entry.label, x: box.x + 2, y: y, limit: labelWidth, style: style)
            grid.put(grouped(entry.count), x: box.x + box.width - 2 - countWidth, y: y, limit: countWidth, style: style,
                     alignRight: true)
        }
    }
}
