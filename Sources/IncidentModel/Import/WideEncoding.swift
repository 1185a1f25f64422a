/// UTF-16 and UTF-32 text, which mfc does not read: told from a byte-order mark, or without
/// one from where the NUL bytes fall (ASCII text in UTF-16LE has a NUL after every byte).
///
/// Found before any row is read, so that such a file is one encoding error rather than
/// thousands of rows of NUL bytes.
public enum WideEncoding: String, Hashable, Sendable {
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case utf32LE = "UTF-32LE"
    case utf32BE = "UTF-32BE"

    /// How many bytes at the start are looked at when there is no byte-order mark.
    static let sampleSize = 1024

    /// The wide encoding of `bytes`, and whether it carries a byte-order mark; `nil` for
    /// anything else (UTF-8, and text that only holds a stray NUL).
    public static func detect(_ bytes: [UInt8]) -> (encoding: WideEncoding, byteOrderMark: Bool)? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BE, true) }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LE, true) }
        if starts([0xFE, 0xFF]) { return (.utf16BE, true) }
        if starts([0xFF, 0xFE]) { return (.utf16LE, true) }
        let sample = bytes.prefix(sampleSize - sampleSize % 4)
        guard sample.count >= 4 else { return nil }
        // Per position modulo 4: how many bytes, and how many of them are NUL.
        var total = [0, 0, 0, 0], zeros = [0, 0, 0, 0]
        for (k, byte) in sample.enumerated() {
            total[k % 4] += 1
            if byte == 0 { zeros[k % 4] += 1 }
        }
        func mostlyZero(_ p: Int) -> Bool { zeros[p] * 10 >= total[p] * 9 }
        func rarelyZero(_ p: Int) -> Bool { zeros[p] * 10 <= total[p] }
        if mostlyZero(1) && mostlyZero(2) && mostlyZero(3) && rarelyZero(0) { return (.utf32LE, false) }
        if mostlyZero(0) && mostlyZero(1) && mostlyZero(2) && rarelyZero(3) { return (.utf32BE, false) }
        let even = zeros[0] + zeros[2], odd = zeros[1] + zeros[3]
        let evenTotal = total[0] + total[2], oddTotal = total[1] + total[3]
        // Text outside ASCII has no NUL in its code units: asks for most, not all.
        if odd * 10 >= oddTotal * 6 && even * 10 <= evenTotal { return (.utf16LE, false) }
        if even * 10 >= evenTotal * 6 && odd * 10 <= oddTotal { return (.utf16BE, false) }
        return nil
    }

    /// The error for a file in this encoding: what it is, and how to convert it.
    public static func diagnostic(_ encoding: WideEncoding, byteOrderMark: Bool, file: String) -> Diagnostic {
        Diagnostic(
            severity: .error, file: file,
            message: "the file is \(encoding.rawValue) text (\(byteOrderMark ? "with" : "without") a byte-order mark), not UTF-8; no row was read",
            expected: "UTF-8: save it as \"CSV UTF-8\", or convert it with `iconv -f \(encoding.rawValue) -t UTF-8`")
    }
}
