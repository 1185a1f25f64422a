import IncidentModel

/// Search in the incidents: `/` finds, `n` and `N` move between the matches, which are found
/// once per search and view and kept, so that moving is a binary search.
extension AppState {
    mutating func findNext(forward: Bool, fresh: Bool) {
        guard !search.isEmpty else {
            message = "No search yet: press / to search"
            return
        }
        if tab == .review || tab == .quality {
            message = "Search works in the incidents and the reports"
            return
        }
        if tab != .incidents {
            findInReport(forward: forward, fresh: fresh)
            return
        }
        let hits = currentSearchHits()
        guard !hits.rows.isEmpty else {
            message = hits.identified > 0
                ? "“\(search)” is not in the view: \(grouped(hits.identified)) incident\(hits.identified == 1 ? "" : "s") outside the filters (F clears them)"
                : "No match for “\(search)” in the view"
                    + (hits.identifiersReady ? "" : " (incident ids and police references are still being indexed: try again in a moment)")
            if !hits.identifiersReady { searchHits = nil }
            return
        }
        // The first match after the cursor (before it backwards), wrapping round.
        let start = fresh ? (forward ? cursor - 1 : cursor + 1) : cursor
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

    /// The last search's hits in the rows now shown: kept while the rows are the same, else
    /// found again in one pass over the rows.
    mutating func currentSearchHits() -> SearchHits {
        if let hits = searchHits, hits.query == search, hits.version == rowsVersion { return hits }
        let matcher = SearchMatcher(search, index: index, identifiers: identifiers)
        let hits = SearchHits(
            query: search, version: rowsVersion, rows: matcher.hits(in: rows, index: index), identified: matcher.identified.count,
            identifiersReady: matcher.identifiersReady)
        searchHits = hits
        return hits
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
