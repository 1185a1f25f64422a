import Foundation

/// Text as search compares it: lower case, accents and other marks taken off (`Siân` is
/// `sian`), so that a search typed on any keyboard finds the name as recorded.
enum TextFold {
    /// The folded text. ASCII is only lower-cased (the common case, and cheap); other text loses
    /// its case and diacritics through the canonical decomposition.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The folded text without spaces at either end: what a typed search looks for.
    static func key(_ text: String) -> String {
        fold(text).trimmingCharacters(in: .whitespaces)
    }

    /// Joins the texts a record is found by (`Oak House` and `SC000001`), so that a search
    /// matches within one of them, never across the join.
    static func joined(_ texts: String...) -> String { texts.joined(separator: "\u{1}") }
}
