/// Reads RFC 4180 CSV from a file's bytes: quoted fields holding commas, doubled quotes and
/// line breaks; CRLF, LF or CR line ends; a UTF-8 byte-order mark at the start is skipped.
///
/// The reader is lenient where spreadsheets are sloppy (a quote inside an unquoted field is
/// kept as text) and strict where data would be lost: a quote left open, a field longer than
/// ``maximumFieldLength`` and bytes that are not UTF-8 are reported on the record, with the
/// line it starts on and the byte offset, so the caller can reject that record and go on.
///
/// One pass over the bytes. A field is read where it lies in the file's bytes (a quoted one
/// between its quotes); only a quoted field holding a doubled quote, or text after its closing
/// quote, is copied (doubled quotes made single) into storage that is reused, so reading
/// allocates nothing per record.
public struct CSVReader {
    /// Fields longer than this many bytes are reported as ``CSVRecord/Problem/fieldTooLong``.
    public let maximumFieldLength: Int
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    public private(set) var position: Int
    /// The line on which the next record starts.
    public private(set) var line = 1
    /// Reading stops at the first record that starts at or after this offset.
    private let end: Int
    private var storage: [UInt8] = []
    private var fieldBounds: [Int] = []

    /// Whether the bytes began with a UTF-8 byte-order mark.
    public let hadByteOrderMark: Bool

    /// A reader over a whole file's bytes.
    public init(bytes: [UInt8], maximumFieldLength: Int = 100_000) {
        self.init(bytes: bytes, from: 0, to: bytes.count, line: 1, maximumFieldLength: maximumFieldLength)
    }

    /// A reader over the records that start in `[from, to)` of a file's bytes, the first on
    /// `line`. A record that starts before `to` is read whole, even past `to`. A byte-order
    /// mark is skipped only at offset 0.
    public init(bytes: [UInt8], from: Int, to: Int, line: Int, maximumFieldLength: Int = 100_000) {
        self.bytes = bytes
        self.maximumFieldLength = maximumFieldLength
        self.end = min(to, bytes.count)
        self.line = line
        let bom = from == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.hadByteOrderMark = bom
        self.position = bom ? 3 : from
        storage.reserveCapacity(4096)
        fieldBounds.reserveCapacity(64)
    }

    /// Reads the next record and passes it to `body`; returns `false` at the end of the input.
    /// The record is valid only inside `body`.
    public mutating func next(_ body: (CSVRecord) throws -> Void) rethrows -> Bool {
        guard position < end else { return false }
        storage.removeAll(keepingCapacity: true)
        fieldBounds.removeAll(keepingCapacity: true)
        let startLine = line
        let startOffset = position
        var problem: CSVRecord.Problem?
        let count = bytes.count
        var isBlank = true
        bytes.withUnsafeBufferPointer { buffer in
            var i = position
            fieldLoop: while true {
                var length: Int
                if i < count && buffer[i] == 0x22 {  // quoted field
                    let quoteLine = line
                    let quoteOffset = i
                    i += 1
                    let contentStart = i
                    var closed = false
                    // A doubled quote inside: the field is unescaped into storage.
                    var doubled = false
                    while i < count {
                        let b = buffer[i]
                        if b == 0x22 {
                            if i + 1 < count && buffer[i + 1] == 0x22 {
                                doubled = true
                                i += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        if b == 0x0A || (b == 0x0D && !(i + 1 < count && buffer[i + 1] == 0x0A)) { line += 1 }
                        i += 1
                    }
                    let contentEnd = i
                    if closed { i += 1 }
                    if !closed && problem == nil {
                        problem = .unterminatedQuote(
                            line: quoteLine, column: Self.columnOf(buffer, offset: quoteOffset, lineStart: startOffset))
                    }
                    // Text after the closing quote, up to the delimiter or line end, joins the field.
                    let runStart = i
                    i = Self.nextSeparator(buffer, from: i, count: count)
                    if !doubled && i == runStart {
                        // Read in place, between its quotes.
                        length = contentEnd - contentStart
                        fieldBounds.append(contentStart)
                        fieldBounds.append(contentEnd)
                    } else {
                        let fieldStart = storage.count
                        // Every quote inside is the first of a doubled pair (a single one closes).
                        var run = contentStart
                        var k = contentStart
                        while k < contentEnd {
                            if buffer[k] == 0x22 {
                                storage.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run...k]))
                                k += 2
                                run = k
                            } else {
                                k += 1
                            }
                        }
                        storage.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<contentEnd]))
                        storage.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i]))
                        length = storage.count - fieldStart
                        fieldBounds.append(CSVRecord.inStorage | fieldStart)
                        fieldBounds.append(storage.count)
                    }
                } else {  // unquoted field: read in place, up to the delimiter or line end
                    let runStart = i
                    i = Self.nextSeparator(buffer, from: i, count: count)
                    length = i - runStart
                    fieldBounds.append(runStart)
                    fieldBounds.append(i)
                }
                if length > 0 { isBlank = false }
                if length > maximumFieldLength && problem == nil {
                    problem = .fieldTooLong(field: fieldBounds.count / 2 - 1, length: length)
                }
                if i >= count { break fieldLoop }
                let b = buffer[i]
                i += 1
                if b == 0x2C { continue fieldLoop }
                if b == 0x0D && i < count && buffer[i] == 0x0A { i += 1 }
                line += 1
                break fieldLoop
            }
            if problem == nil, let offset = Self.firstInvalidUTF8(buffer, from: startOffset, to: i) {
                problem = .invalidUTF8(
                    byteOffset: offset, line: startLine + Self.lineEnds(buffer, from: startOffset, to: offset),
                    column: Self.columnOf(buffer, offset: offset, lineStart: startOffset))
            }
            position = i
        }
        // The record borrows the reader's buffers (no reference to count, row by row).
        try bytes.withUnsafeBufferPointer { bytes in
            try storage.withUnsafeBufferPointer { storage in
                try fieldBounds.withUnsafeBufferPointer { fieldBounds in
                    try body(CSVRecord(
                        line: startLine, byteOffset: startOffset, bytes: bytes, storage: storage,
                        fieldBounds: fieldBounds, isBlank: isBlank, problem: problem))
                }
            }
        }
        return true
    }

    /// The 1-based byte column of `offset` within its line: bytes since the last line end
    /// (LF or CR) before it, or since `lineStart`. Used only to report a problem.
    static func columnOf(_ buffer: UnsafeBufferPointer<UInt8>, offset: Int, lineStart: Int) -> Int {
        var k = offset
        while k > lineStart, buffer[k - 1] != 0x0A, buffer[k - 1] != 0x0D { k -= 1 }
        return offset - k + 1
    }

    /// The line ends (LF, CR, or CR LF counted once) in `[from, to)`.
    static func lineEnds(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var k = from
        while k < to {
            if buffer[k] == 0x0A || (buffer[k] == 0x0D && !(k + 1 < to && buffer[k + 1] == 0x0A)) { count += 1 }
            k += 1
        }
        return count
    }

    /// The offset of the first comma, LF or CR at or after `from`; `count` when there is none.
    @inline(__always)
    static func nextSeparator(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, count: Int) -> Int {
        var i = from
        while i < count {
            let b = buffer[i]
            if b == 0x2C || b == 0x0A || b == 0x0D { return i }
            i += 1
        }
        return count
    }

    /// The offset of the first byte that is not part of well-formed UTF-8 in `[from, to)`.
    static func firstInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            // Fast path: eight ASCII bytes at a time.
            if i + 8 <= to {
                let word = UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = buffer[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            let lower: UInt8, upper: UInt8
            switch b {
            case 0xC2...0xDF: (length, lower, upper) = (2, 0x80, 0xBF)
            case 0xE0: (length, lower, upper) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, lower, upper) = (3, 0x80, 0xBF)
            case 0xED: (length, lower, upper) = (3, 0x80, 0x9F)
            case 0xF0: (length, lower, upper) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, lower, upper) = (4, 0x80, 0xBF)
            case 0xF4: (length, lower, upper) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + length <= to else { return i }
            let second = buffer[i + 1]
            guard second >= lower && second <= upper else { return i }
            for k in 2..<length where buffer[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

/// One CSV record: its fields, the physical line it starts on, and any problem reading it.
///
/// A record borrows its reader's buffers: it is valid only inside the closure that
/// ``CSVReader/next(_:)`` passes it to, and must not be kept.
public struct CSVRecord {
    /// What went wrong reading a record. The record's fields are still given, as far as read.
    public enum Problem: Hashable, Sendable {
        /// A quoted field opened on `line`, at byte `column` (1-based) of that line, is never
        /// closed: the rest of the file was read into it.
        case unterminatedQuote(line: Int, column: Int)
        /// Field number `field` (0-based) is `length` bytes long, over the reader's limit.
        case fieldTooLong(field: Int, length: Int)
        /// The byte at `byteOffset` (0-based, in the file), on `line` at byte `column` (1-based)
        /// of that line, is not part of well-formed UTF-8.
        case invalidUTF8(byteOffset: Int, line: Int, column: Int)
    }

    /// The physical line (1-based) on which the record starts.
    public let line: Int
    /// The byte offset (0-based) in the file at which the record starts.
    public let byteOffset: Int
    /// The file's bytes, where unquoted fields are read in place.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Quoted fields, unescaped.
    private let storage: UnsafeBufferPointer<UInt8>
    /// Two numbers per field, its start and end: in `storage` when the start carries
    /// ``inStorage``, else in `bytes`.
    private let fieldBounds: UnsafeBufferPointer<Int>
    /// Whether every field is empty (a blank line, or a spreadsheet's row of commas).
    public let isBlank: Bool
    /// The first problem met reading this record, if any.
    public let problem: Problem?

    /// The mark on a field's start that places it in the record's own storage.
    static let inStorage = 1 << 62

    init(
        line: Int, byteOffset: Int, bytes: UnsafeBufferPointer<UInt8>, storage: UnsafeBufferPointer<UInt8>,
        fieldBounds: UnsafeBufferPointer<Int>, isBlank: Bool, problem: Problem?
    ) {
        self.line = line
        self.byteOffset = byteOffset
        self.bytes = bytes
        self.storage = storage
        self.fieldBounds = fieldBounds
        self.isBlank = isBlank
        self.problem = problem
    }

    /// A record with no fields, borrowing nothing.
    static var empty: CSVRecord {
        CSVRecord(
            line: 0, byteOffset: 0, bytes: UnsafeBufferPointer(start: nil, count: 0),
            storage: UnsafeBufferPointer(start: nil, count: 0), fieldBounds: UnsafeBufferPointer(start: nil, count: 0),
            isBlank: true, problem: nil)
    }

    /// The number of fields.
    public var count: Int { fieldBounds.count / 2 }

    /// Calls `body` with the bytes of field `index`, empty when the record has fewer fields.
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index >= 0, index < count else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let start = fieldBounds[2 * index], end = fieldBounds[2 * index + 1]
        if start & Self.inStorage != 0 {
            return try body(UnsafeBufferPointer(rebasing: storage[(start & ~Self.inStorage)..<end]))
        }
        return try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Field `index` as text, or `""` when the record has fewer fields. Bytes that are not
    /// UTF-8 become U+FFFD here; the reader has already reported them in ``problem``.
    public func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// All fields as text.
    public var strings: [String] { (0..<count).map(string) }
}
