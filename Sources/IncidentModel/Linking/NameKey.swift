/// Normalises names for comparison: lower case, with spaces, hyphens, apostrophes (straight and
/// curly), full stops and commas removed. "O'Neil-Smith" and "oneil smith" give the same key.
public enum NameKey {
    public static func normalise(_ name: String) -> String {
        var bytes: [UInt8] = []
        var allASCII = true
        for b in name.utf8 {
            if b >= 0x80 { allASCII = false; break }
        }
        if allASCII {
            bytes.reserveCapacity(name.utf8.count)
            for var b in name.utf8 {
                if b >= 65 && b <= 90 { b += 32 }
                if b == 0x20 || b == 0x2D || b == 0x27 || b == 0x2E || b == 0x2C || b == 0x09 { continue }
                bytes.append(b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(name.lowercased().unicodeScalars.filter { !ignored.contains($0) }.map(Character.init))
    }

    private static let ignored: Set<Unicode.Scalar> = [" ", "-", "'", "\u{2019}", "\u{2018}", ".", ",", "\t", "\u{2010}", "\u{2011}"]
}
