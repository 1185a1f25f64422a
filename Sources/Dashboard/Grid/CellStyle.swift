/// The role of a cell, which a colour terminal maps to a colour pair. Monochrome terminals and
/// `NO_COLOR` ignore tones, so every distinction that matters is also carried by ``CellStyle``'s
/// bold and reverse attributes.
package enum Tone: UInt8, CaseIterable, Sendable, Hashable {
    case normal
    case header
    case cursor
    case selected
    case ongoing
    case highRisk
    case status
    case hint
    case chip
    case accent
    case warning
    case frame
}

/// How a cell is drawn: a tone for colour terminals and the attributes used everywhere.
package struct CellStyle: Hashable, Sendable {
    package var tone: Tone
    package var bold: Bool
    package var reverse: Bool
    package var underline: Bool

    package init(tone: Tone = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.tone = tone
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// Plain text.
    package static let plain = CellStyle()
    /// The column header and titles.
    package static let header = CellStyle(tone: .header, bold: true, reverse: true)
    /// The status bar.
    package static let status = CellStyle(tone: .status, reverse: true)
    /// The hint line.
    package static let hint = CellStyle(tone: .hint)
    /// A key name in the hint line or help.
    package static let key = CellStyle(tone: .accent, bold: true)
    /// Frames of overlays.
    package static let frame = CellStyle(tone: .frame, bold: true)
    /// Warnings and confirmations.
    package static let warning = CellStyle(tone: .warning, bold: true)

    /// This style in bold.
    package func emboldened(_ on: Bool = true) -> CellStyle {
        var copy = self
        copy.bold = copy.bold || on
        return copy
    }
}
