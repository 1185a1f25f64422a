/// Makes text safe to show: control characters and bidirectional overrides become visible.
package enum TextSanitiser {
    /// Replaces C0 and C1 control characters, DEL and the bidirectional embedding, override and
    /// isolate characters (U+202A-202E, U+2066-2069) with visible placeholders: C0 controls with
    /// their Control Pictures (U+2400 block), others with U+FFFD. Cuts the result to `limit`
    /// characters with a trailing `…` when a limit is given.
    package static func visible(_ text: String, limit: Int? = nil) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) {
            needsWork = true
            break
        }
        var result: String
        if needsWork {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                scalars.append(isUnsafe(scalar) ? placeholder(for: scalar) : scalar)
            }
            result = String(scalars)
        } else {
            result = text
        }
        if let limit, result.count > limit {
            result = String(result.prefix(max(0, limit - 1))) + "…"
        }
        return result
    }

    /// Whether a scalar must never reach a terminal raw.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x20, let picture = Unicode.Scalar(0x2400 + v) { return picture }
        if v == 0x7F, let del = Unicode.Scalar(0x2421) { return del }
        return "\u{FFFD}"
    }
}
