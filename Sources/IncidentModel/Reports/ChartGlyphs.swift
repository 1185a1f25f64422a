/// The characters charts are drawn with: Unicode blocks, or ASCII when the terminal's locale
/// is not UTF-8.
public enum ChartGlyphs: Sendable, Hashable {
    case unicode
    case ascii

    private var levels: [Character] {
        switch self {
        case .unicode: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        case .ascii: [".", ":", "-", "=", "+", "*", "#", "@"]
        }
    }

    /// One character per value, its height in eight levels scaled to the largest value; a
    /// zero is a space, any other value at least the lowest level.
    public func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { v in v <= 0 ? " " : levels[min(7, (v * 8 - 1) / top)] })
    }

    /// A bar of `width` characters for stacked counts (both, police only, LA only) scaled so
    /// that `maximum` fills the width; each part rounded, every non-zero part at least one.
    public func bar(_ parts: [Int], maximum: Int, width: Int) -> String {
        guard maximum > 0, width > 0 else { return "" }
        let marks: [Character] = self == .unicode ? ["█", "▓", "░"] : ["#", "=", "."]
        var out = ""
        for (k, part) in parts.enumerated() where part > 0 {
            let n = max(1, Int((Double(part) * Double(width) / Double(maximum)).rounded()))
            out += String(repeating: marks[k % marks.count], count: n)
        }
        return String(out.prefix(width))
    }

    /// One shade for a count in a heat grid: five steps from blank to full, scaled to `maximum`.
    public func shade(_ value: Int, maximum: Int) -> Character {
        let steps: [Character] = self == .unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "*", "#"]
        guard maximum > 0, value > 0 else { return steps[0] }
        return steps[min(4, 1 + (value * 4 - 1) / maximum)]
    }
}
