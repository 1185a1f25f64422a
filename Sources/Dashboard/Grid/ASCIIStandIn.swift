import Foundation

/// The ASCII text drawn for each character when the terminal's locale is not UTF-8: a stand-in
/// for every glyph the dashboard draws (frames, arrows, marks), the letter without its accent
/// for names (`Siân` as `Sian`), and `?` for anything else. Under `LANG=C` nothing but ASCII
/// reaches the screen, and nothing drawn silently vanishes.
enum ASCIIStandIn {
    /// The stand-ins for the dashboard's own glyphs.
    static let glyphs: [Character: String] = [
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "─": "-", "│": "|", "├": "+", "┤": "+",
        "…": "~", "▲": "^", "▼": "v", "‹": "<", "›": ">", "▶": ">", "◀": "<",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "·": "-", "•": "*", "×": "x",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "£": "GBP", "€": "EUR",
        "░": ".", "▒": ":", "▓": "*", "█": "#", "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#",
    ]

    /// The text with every character ASCII.
    static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        for character in text { out += standIn(character) }
        return out
    }

    /// One character's stand-in.
    static func standIn(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        if let glyph = glyphs[character] { return glyph }
        let stripped = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        let ascii = stripped.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }
        return ascii.isEmpty ? "?" : String(String.UnicodeScalarView(ascii))
    }
}
