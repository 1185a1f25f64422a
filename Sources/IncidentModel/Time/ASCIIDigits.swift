/// Writes numbers as fixed-width ASCII digits into a buffer, so that dates, times and
/// durations are formatted without string interpolation (the exports format millions of them).
enum ASCIIDigits {
    /// Writes `value` (0 or more, at most `width` digits) zero-padded to `width` digits at
    /// `buffer[start...]`; returns the index after the last digit.
    @inline(__always)
    static func write(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var rest = value
        var i = start + width - 1
        while i >= start {
            buffer[i] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
            i -= 1
        }
        return start + width
    }

    /// The number of decimal digits of `value` (0 or more).
    static func count(_ value: Int) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// `yyyy-mm-dd` at `buffer[start...]` (a year of 0 to 9999); returns the index after it.
    static func writeDate(_ date: CivilDate, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var i = write(date.year, width: 4, into: buffer, at: start)
        buffer[i] = 0x2D
        i = write(date.month, width: 2, into: buffer, at: i + 1)
        buffer[i] = 0x2D
        return write(date.day, width: 2, into: buffer, at: i + 1)
    }
}
