#if canImport(Glibc)
import Glibc
#endif

/// Where to cut a file's body so that its pieces can be read on separate cores.
///
/// Each cut falls just after a line feed near an even share of the bytes. A line feed inside a
/// quoted field would make a bad cut; that is not detected here but by the reader of the piece
/// before it, which then runs past its end (``TableImporter`` reads the file whole instead).
/// The first line of each piece comes from counting line ends in parallel: LF, and CR not
/// followed by LF, as ``CSVReader`` counts them.
enum ChunkPlan {
    /// Files smaller than this are read in one piece.
    static let minimumBytes = 4 << 20
    /// The size of a piece of a large file.
    static let pieceBytes = 8 << 20

    struct Piece: Sendable {
        let start: Int
        let end: Int
        let line: Int
        /// The line ends in `[start, end)`: a piece read without running past its end holds at
        /// most this many records, or one more in the last piece (the file's last record, when
        /// it has no line end); every other piece ends just after a line feed.
        let lineEnds: Int
    }

    /// The pieces of `bytes` from `start` (a record start on `line`): `pieces` of them (by
    /// default twice the cores, or one for every `pieceBytes` when that is more, at most 64)
    /// when the body has at least `minimumBytes` bytes, else one. Each piece knows its line
    /// ends, so its records can be given room in advance.
    static func pieces(
        bytes: [UInt8], from start: Int, line: Int, pieces: Int = 0, minimumBytes: Int = minimumBytes
    ) -> [Piece] {
        let length = bytes.count - start
        // Small pieces, so that the cores finish together when several files share them.
        let count = pieces > 0 ? pieces : min(64, max(ProcessInfoCores.count * 2, length / pieceBytes))
        guard length >= minimumBytes, count > 1 else {
            return [Piece(start: start, end: bytes.count, line: line, lineEnds: countLineEnds(bytes, from: start, to: bytes.count))]
        }
        var cuts = [start]
        bytes.withUnsafeBufferPointer { buffer in
            for k in 1..<count {
                var i = start + length * k / count
                guard i > cuts[cuts.count - 1] else { continue }
                while i < buffer.count && buffer[i] != 0x0A { i += 1 }
                if i + 1 < buffer.count && i + 1 > cuts[cuts.count - 1] { cuts.append(i + 1) }
            }
        }
        cuts.append(bytes.count)
        let ranges = (0..<(cuts.count - 1)).map { (cuts[$0], cuts[$0 + 1]) }
        let lineEnds = ParallelMap.each(ranges.count) { countLineEnds(bytes, from: ranges[$0].0, to: ranges[$0].1) }
        var pieces: [Piece] = []
        var first = line
        for (n, range) in ranges.enumerated() {
            pieces.append(Piece(start: range.0, end: range.1, line: first, lineEnds: lineEnds[n]))
            first += lineEnds[n]
        }
        return pieces
    }

    static func countLineEnds(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var i = from
            // Eight bytes at a time: each LF, and each CR whose next byte is not an LF.
            while i + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let lineFeeds = matches(word, 0x0A)
                count &+= marked(lineFeeds)
                let returns = matches(word, 0x0D)
                if returns != 0 {
                    // A byte's mark moved down one byte lands on the byte before it; the last
                    // byte's next is the next word's first.
                    var lone = returns & ~(lineFeeds >> 8)
                    if lone & lastByte != 0 && i + 8 < buffer.count && buffer[i + 8] == 0x0A { lone &= ~lastByte }
                    count &+= marked(lone)
                }
                i += 8
            }
            while i < to {
                let b = buffer[i]
                if b == 0x0A || (b == 0x0D && !(i + 1 < buffer.count && buffer[i + 1] == 0x0A)) { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// How many bytes a mask from ``matches(_:_:)`` marks: its high bits brought down and summed
    /// into the top byte by one multiplication (the build targets processors without `popcnt`,
    /// where `nonzeroBitCount` takes a dozen steps).
    @inline(__always)
    private static func marked(_ mask: UInt64) -> Int { Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56) }

    /// The high bit of a word's last byte (in memory order).
    private static let lastByte: UInt64 = 0x80 << 56

    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each of the word's eight bytes that equals `byte`, and no other bit
    /// (exact: no false positives).
    @inline(__always)
    private static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        // A byte of x is zero exactly where its high bit is set below.
        return ~(((x & lows) &+ lows) | x | lows)
    }
}

/// The number of cores, read once.
enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}
