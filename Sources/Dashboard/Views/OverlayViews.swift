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
        out.append(("type", "narrow the values; Backspace and Ctrl-U undo"))
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

    static func draw(scroll: Int, into grid: inout Grid) {
        let centred = Box.centred(width: 72, height: grid.height - 3, in: grid.width, grid.height)
        let box = Box(x: centred.x, y: 1, width: centred.width, height: grid.height - 3)
        drawBox(box, title: "Keys · Esc closes", into: &grid)
        let all = lines
        let rows = box.height - 2
        let first = min(scroll, max(0, all.count - rows))
        for (k, line) in all.dropFirst(first).prefix(rows).enumerated() {
            let y = box.y + 1 + k
            if line.text.isEmpty {
                grid.put(line.keys, x: box.x + 2, y: y, limit: box.width - 4, style: .frame)
            } else {
                grid.put(line.keys, x: box.x + 3, y: y, limit: 16, style: .key)
                grid.put(line.text, x: box.x + 20, y: y, limit: box.width - 22)
            }
        }
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
        let counted = "\(grouped(picker.shown.count)) of \(grouped(picker.entries.count))"
        grid.put(counted, x: box.x + box.width - 2 - grid.measure.columns(counted), y: queryY, style: .hint)
        let listY = box.y + 4
        let countWidth = 10
        let labelWidth = box.width - 6 - countWidth
        grid.put("Value", x: box.x + 2, y: listY - 1, style: CellStyle(bold: true, underline: true))
        grid.put("Incidents", x: box.x + box.width - 2 - countWidth, y: listY - 1, limit: countWidth,
                 style: CellStyle(bold: true, underline: true), alignRight: true)
        if picker.shown.isEmpty {
            grid.put("Nothing matches “\(picker.query)”", x: box.x + 2, y: listY, limit: box.width - 4, style: .warning)
        }
        for line in 0..<layout.listRows {
            let k = picker.top + line
            guard k < picker.shown.count else { break }
            let entry = picker.entries[picker.shown[k]]
            let style = k == picker.cursor ? CellStyle(tone: .cursor, bold: true, reverse: true) : .plain
            let y = listY + line
            grid.fill(x: box.x + 1, y: y, count: box.width - 2, style: style)
            grid.put(entry.label, x: box.x + 2, y: y, limit: labelWidth, style: style)
            grid.put(grouped(entry.count), x: box.x + box.width - 2 - countWidth, y: y, limit: countWidth, style: style,
                     alignRight: true)
        }
    }
}
