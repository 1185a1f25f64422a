import IncidentModel

/// Which incidents match a search, worked out once per search so that each row is tested with
/// a few reads: the names, homes (name or URN), authorities (name or code) and forces (name or
/// code) that contain the text, case and accents ignored; the incidents one of whose
/// identifiers (incident id, police reference, episode id, child id) is the text; and, for a
/// date (`2024-03-01`, `01/03/2024`) or a month (`2024-03`), the incidents starting then.
struct SearchMatcher: Sendable {
    let home: [Bool]
    let authority: [Bool]
    let force: [Bool]
    let name: [Bool]
    /// Incidents found by identifier.
    let identified: Set<Int32>
    /// Whether identifiers were searched (their index was ready).
    let identifiersReady: Bool
    /// Starts in `[from, to)`, in seconds, for a date or a month.
    let starts: Range<Int64>?

    init(_ query: String, index: IncidentIndex, identifiers: IdentifierIndex?) {
        let needle = TextFold.key(query)
        home = [false] + index.homeSearch.matches(needle)
        authority = [false] + index.authoritySearch.matches(needle)
        force = [false] + index.forceSearch.matches(needle)
        name = index.nameSearch.matches(needle)
        // Until the index is built (in the background, after the first screen), identifiers are
        // not searched: a pass over every incident would hold up the key.
        identified = Set(identifiers?.positions(of: needle, in: index) ?? [])
        identifiersReady = identifiers != nil
        starts = Self.days(needle, zone: index.catalogue.formatter.zone)
    }

    /// Whether incident `i` matches.
    func matches(_ i: Int, in index: IncidentIndex) -> Bool {
        name[Int(index.nameCode[i])] || home[Int(index.homeCode[i]) + 1]
            || authority[Int(index.authorityCode[i]) + 1] || force[Int(index.forceCode[i]) + 1]
            || (starts?.contains(index.startSeconds[i]) ?? false) || (!identified.isEmpty && identified.contains(Int32(i)))
    }

    /// The next row after `start` (before it when `forward` is false) whose incident matches,
    /// wrapping round; `nil` when none does. O(distance to it), O(rows) at most.
    func find(in rows: [Int32], from start: Int, forward: Bool, index: IncidentIndex) -> Int? {
        let n = rows.count
        guard n > 0 else { return nil }
        var k = start
        for _ in 0..<n {
            k = forward ? (k + 1) % n : (k - 1 + n) % n
            if matches(Int(rows[k]), in: index) { return k }
        }
        return nil
    }

    /// The positions in `rows` whose incidents match, ascending. O(rows), in chunks on every
    /// core for large views (100,000 rows and more).
    func hits(in rows: [Int32], index: IncidentIndex) -> [Int] {
        let matcher = self
        return ParallelMap.chunks(count: rows.count, minimumChunk: 50_000) { range in
            var out: [Int] = []
            rows.withUnsafeBufferPointer { buffer in
                for k in range where matcher.matches(Int(buffer[k]), in: index) { out.append(k) }
            }
            return out
        }
    }

    /// The local day or month a search names, as a range of start seconds.
    static func days(_ text: String, zone: LocalTimeZone) -> Range<Int64>? {
        let bytes = Array(text.utf8)
        // yyyy-mm: the month.
        if bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
           let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
           let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)), (1...12).contains(month)
        {
            let code = Int32(year * 12 + month - 1)
            return MonthWindow.start(code, zone).secondsSinceEpoch..<MonthWindow.start(code + 1, zone).secondsSinceEpoch
        }
        guard case let .success(parsed) = DateTimeParser.parse(text), parsed.secondsIntoDay == nil else { return nil }
        let next = CivilDate(daysSinceEpoch: parsed.date.daysSinceEpoch + 1)
        return zone.startOfDay(parsed.date).secondsSinceEpoch..<zone.startOfDay(next).secondsSinceEpoch
    }
}

/// The rows that matched the last search, kept while the rows stay the same, so that `n` and
/// `N` move by a binary search and the message can say which match of how many is shown.
package struct SearchHits: Sendable {
    let query: String
    /// ``AppState/rowsVersion`` when they were found.
    let version: Int
    /// Positions in the rows, ascending.
    let rows: [Int]
}
