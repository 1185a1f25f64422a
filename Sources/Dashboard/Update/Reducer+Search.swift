import IncidentModel

/// Search in the incidents: `/` finds, `n` and `N` move between the matches. A key moves to the
/// next match by a pass that stops there, as cheap as the distance to it; the matches are
/// counted off the main loop (``Action/searchCounted(_:)``), and once counted, moving is a
/// binary search and the message says which match of how many is shown.
extension AppState {
    mutating func findNext(forward: Bool, fresh: Bool) -> [Effect] {
        guard !search.isEmpty else {
            message = "No search yet: press / to search"
            return []
        }
        if tab == .review || tab == .quality {
            message = "Search works in the incidents and the reports"
            return []
        }
        if tab != .incidents {
            findInReport(forward: forward, fresh: fresh)
            return []
        }
        let start = fresh ? (forward ? cursor - 1 : cursor + 1) : cursor
        if let hits = searchHits, hits.query == search, hits.version == rowsVersion {
            move(to: hits, from: start, forward: forward, fresh: fresh)
            return []
        }
        let matcher = searchMatcher()
        guard let found = matcher.find(in: rows, from: start, forward: forward, index: index) else {
            let identified = matcher.identified.count
            message = identified > 0
                ? "“\(search)” is not in the view: \(grouped(identified)) incident\(identified == 1 ? "" : "s") outside the filters (F clears them)"
                : "No match for “\(search)” in the view"
                    + (matcher.identifiersReady ? "" : " (incident ids and police references are still being indexed: try again in a moment)")
            return []
        }
        let wrapped = !fresh && (forward ? found <= cursor : found >= cursor)
        cursor = found
        clampScroll()
        message = "/\(search): counting the matches…" + (wrapped ? " (wrapped)" : "")
        return countMatches(matcher)
    }

    /// Moves to the next of the counted matches after `start` (before it backwards), wrapping.
    private mutating func move(to hits: SearchHits, from start: Int, forward: Bool, fresh: Bool) {
        guard !hits.rows.isEmpty else {
            message = "No match for “\(search)” in the view"
            return
        }
        let k: Int
        var wrapped = false
        if forward {
            let next = Self.firstIndex(in: hits.rows, after: start)
            wrapped = next == hits.rows.count
            k = wrapped ? 0 : next
        } else {
            let next = Self.firstIndex(in: hits.rows, after: start - 1) - 1
            wrapped = next < 0
            k = wrapped ? hits.rows.count - 1 : next
        }
        cursor = hits.rows[k]
        clampScroll()
        message = "/\(search): match \(grouped(k + 1)) of \(grouped(hits.rows.count))" + (wrapped && !fresh ? " (wrapped)" : "")
    }

    /// The matcher of the search, kept while the search and the identifiers' index are the same.
    private mutating func searchMatcher() -> SearchMatcher {
        if let kept = keptMatcher, kept.query == search, kept.matcher.identifiersReady == (identifiers != nil) {
            return kept.matcher
        }
        let matcher = SearchMatcher(search, index: index, identifiers: identifiers)
        keptMatcher = (search, matcher)
        return matcher
    }

    /// The job that counts the matches in the rows now shown, unless one is under way.
    private mutating func countMatches(_ matcher: SearchMatcher) -> [Effect] {
        guard countingSearch.map({ $0.query != search || $0.version != rowsVersion }) ?? true else { return [] }
        countingSearch = (search, rowsVersion)
        jobSerial += 1
        let rows = self.rows, index = self.index, query = search, version = rowsVersion
        return [.run(BackgroundJob("search", serial: jobSerial) {
            .searchCounted(SearchHits(query: query, version: version, rows: matcher.hits(in: rows, index: index)))
        })]
    }

    /// Takes counted matches: kept while the search and the rows are the same, and the message
    /// of a match on screen says which of how many it is.
    mutating func receive(_ hits: SearchHits) {
        if countingSearch.map({ $0.query == hits.query && $0.version == hits.version }) ?? false { countingSearch = nil }
        guard hits.query == search, hits.version == rowsVersion else { return }
        searchHits = hits
        let prefix = "/\(search): counting the matches…"
        guard message.hasPrefix(prefix) else { return }
        let k = Self.firstIndex(in: hits.rows, after: cursor) - 1
        guard hits.rows.indices.contains(k), hits.rows[k] == cursor else { return }
        message = "/\(search): match \(grouped(k + 1)) of \(grouped(hits.rows.count))" + message.dropFirst(prefix.count)
    }

    /// The first position in `sorted` whose value is greater than `value`.
    static func firstIndex(in sorted: [Int], after value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The job that builds ``IdentifierIndex``.
    func buildIdentifiersJob() -> Effect {
        let incidents = index.linked.incidents
        return .run(BackgroundJob("identifiers", serial: 0) { .identifiersReady(IdentifierIndex(incidents)) })
    }
}
