/// Breaks text into lines of at most a number of terminal columns: at spaces where it can,
/// inside a word only when the word alone is longer than a line.
enum TextWrap {
    static func lines(_ text: String, width: Int, measure: CharacterWidth = .unicode, indent: Int = 0) -> [String] {
        guard width > indent + 1 else { return [text] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        let pad = String(repeating: " ", count: indent)
        func limit() -> Int { lines.isEmpty ? width : width - indent }
        func flush() {
            lines.append((lines.isEmpty ? "" : pad) + line)
            line = ""
            lineWidth = 0
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            var w = measure.columns(word)
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + w <= limit() {
                if gap == 1 { line += " " }
                line += word
                lineWidth += gap + w
                continue
            }
            if !line.isEmpty { flush() }
            // A word longer than a line is cut.
            while w > limit() {
                var piece = "", pieceWidth = 0
                for character in word {
                    let cw = measure.columns(character)
                    if pieceWidth + cw > limit() { break }
                    piece.append(character)
                    pieceWidth += cw
                }
                if piece.isEmpty { break }
                line = piece
                flush()
                word = word.dropFirst(piece.count)
                w = measure.columns(word)
            }
            line = String(word)
            lineWidth = w
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }
}
