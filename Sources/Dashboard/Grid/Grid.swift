import IncidentModel

/// One cell of the screen: a character (with any combining marks) and its style. The cell to
/// the right of a double-width character holds ``continuation`` text, `""`.
package struct Cell: Hashable, Sendable {
    /// The character drawn here; `""` when the cell continues a wide character on its left.
    package var text: String
    package var style: CellStyle

    package init(_ text: String = " ", style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// Whether the cell is the right half of a double-width character.
    package var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells that views draw into and the terminal paints. Widths are terminal
/// columns, measured by a ``CharacterWidth``; every text drawn passes through
/// `TextSanitiser.visible`, so control and bidirectional-override characters become visible
/// placeholders and never reach the terminal raw.
package struct Grid: Sendable {
    package let width: Int
    package let height: Int
    package private(set) var cells: [Cell]
    /// The measure used to lay out text.
    package let measure: CharacterWidth
    /// Whether only ASCII is drawn (the locale is not UTF-8): every other character is drawn as
    /// its ``ASCIIStandIn``.
    package let ascii: Bool

    /// A blank grid; with `ascii`, text is drawn in ASCII stand-ins.
    package init(width: Int, height: Int, measure: CharacterWidth = .unicode, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.measure = measure
        self.ascii = ascii
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// The cell at a column and row.
    package subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Paints `count` cells of row `y` from column `x` blank in `style`.
    package mutating func fill(x: Int = 0, y: Int, count: Int? = nil, style: CellStyle) {
        guard y >= 0 && y < height else { return }
        let end = min(width, x + (count ?? width - x))
        var column = max(0, x)
        while column < end {
            set(column, y, " ", wide: false, style: style)
            column += 1
        }
    }

    /// Draws text at column `x` of row `y`, within `limit` columns (to the right edge by
    /// default). Text that does not fit ends with `…` (`~` in ASCII); with `pad`, the rest of the limit is
    /// filled with spaces. Returns the number of columns drawn.
    @discardableResult
    package mutating func put(
        _ text: String, x: Int, y: Int, limit: Int? = nil, style: CellStyle = .plain, pad: Bool = false,
        alignRight: Bool = false
    ) -> Int {
        guard y >= 0 && y < height && x < width else { return 0 }
        let available = min(limit ?? (width - x), width - x)
        guard available > 0 else { return 0 }
        let visible = TextSanitiser.visible(text)
        let safe = ascii ? ASCIIStandIn.text(visible) : visible
        let total = measure.columns(safe)
        var column = x
        if alignRight && total < available {
            fill(x: column, y: y, count: available - total, style: style)
            column += available - total
        }
        let end = x + available
        let truncating = total > available
        let room = truncating ? available - 1 : available
        for character in safe {
            let w = measure.columns(character)
            if w == 0 { continue }
            if column + w > x + room { break }
            set(column, y, String(character), wide: w == 2, style: style)
            column += w
        }
        if truncating {
            while column < end - 1 {
                set(column, y, " ", wide: false, style: style)
                column += 1
            }
            set(column, y, ascii ? "~" : "…", wide: false, style: style)
            column += 1
        } else if pad {
            while column < end {
                set(column, y, " ", wide: false, style: style)
                column += 1
            }
        }
        return column - x
    }

    /// The text of row `y`, continuation cells left out.
    package func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width {
            out += cells[y * width + x].text
        }
        return out
    }

    /// Every row's text, trailing spaces removed: what tests compare.
    package var lines: [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The rows joined by newlines.
    package var text: String { lines.joined(separator: "\n") }

    /// Sets one cell (and its continuation when wide), repairing any wide character it cuts.
    private mutating func set(_ x: Int, _ y: Int, _ text: String, wide: Bool, style: CellStyle) {
        let row = y * width
        if wide && x + 1 >= width {
            set(x, y, " ", wide: false, style: style)
            return
        }
        // Writing over the right half of a wide character blanks its left half.
        if cells[row + x].isContinuation && x > 0 { cells[row + x - 1].text = " " }
        // Writing over the left half of a wide character blanks its right half.
        let span = wide ? 2 : 1
        if x + span < width && cells[row + x + span].isContinuation { cells[row + x + span].text = " " }
        cells[row + x] = Cell(text, style: style)
        if wide { cells[row + x + 1] = Cell("", style: style) }
    }
}
