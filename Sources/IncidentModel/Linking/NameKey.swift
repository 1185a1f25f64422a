/// Normalises names for comparison: lower case, with spaces, hyphens, apostrophes (straight and
/// curly), full stops and commas removed. "O'Neil-Smith" and "oneil smith" give the same key.
public enum NameKey {
    public static func normalise(_ name: String) -> String {
        // A native string's bytes are read where they lie; iterating the UTF-8 view instead
        // goes through its generic index, byte by byte.
        if let key = name.utf8.withContiguousStorageIfAvailable { asciiKey($0) } { return key ?? slowKey(name) }
        return asciiKey(Array(name.utf8)) ?? slowKey(name)
    }

    /// The key of an all-ASCII name, written straight into the string's storage (no allocation
    /// for a short name); `nil` when the name has other characters.
    private static func asciiKey(_ bytes: some Collection<UInt8>) -> String? {
        for b in bytes where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for var b in bytes {
                if b >= 65 && b <= 90 { b += 32 }
                if b == 0x20 || b == 0x2D || b == 0x27 || b == 0x2E || b == 0x2C || b == 0x09 { continue }
                buffer[count] = b
                count += 1
            }
            return count
        }
    }

    private static func slowKey(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !ignored.contains($0) }.map(Character.init))
    }

    private static let ignored: Set<Unicode.Scalar> = [" ", "-", "'", "\u{2019}", "\u{2018}", ".", ",", "\t", "\u{2010}", "\u{2011}"]
}
