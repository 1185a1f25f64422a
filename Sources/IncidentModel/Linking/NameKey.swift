/// Normalises names for comparison: lower case, with spaces, hyphens, apostrophes (straight and
/// curly), full stops and commas removed. "O'Neil-Smith" and "oneil smith" give the same key.
public enum NameKey {
    public static func normalise(_ name: String) -> String {
        let utf8 = name.utf8
        var allASCII = true
        for b in utf8 where b >= 0x80 {
            allASCII = false
            break
        }
        if allASCII {
            // Written straight into the string's storage: no allocation for short names.
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                var count = 0
                for var b in utf8 {
                    if b >= 65 && b <= 90 { b += 32 }
                    if b == 0x20 || b == 0x2D || b == 0x27 || b == 0x2E || b == 0x2C || b == 0x09 { continue }
                    buffer[count] = b
                    count += 1
                }
                return count
            }
        }
        return String(name.lowercased().unicodeScalars.filter { !ignored.contains($0) }.map(Character.init))
    }

    private static let ignored: Set<Unicode.Scalar> = [" ", "-", "'", "\u{2019}", "\u{2018}", ".", ",", "\t", "\u{2010}", "\u{2011}"]
}
