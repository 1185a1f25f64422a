/// Decides which LA episode, if any, each linked police report describes.
///
/// A report and an episode of the same child are the same absence when their time windows
/// overlap once each is widened by the tolerance (the police are told hours after the home
/// notices). A date-only record covers its whole day. An open record's end is unknown rather
/// than endless: it pairs only with a record that starts within the tolerance of its start, so
/// one open episode cannot swallow every later report of the same child.
///
/// Pairs are chosen one to one, nearest start first; a report left over that truly overlaps an
/// episode (without the tolerance) joins that episode as a further report of the same absence.
/// An episode that records the report's `police_ref` is paired with it regardless of times.
/// Analyst decisions (``LinkDecisions``) come first: an accepted pair is paired like a recorded
/// `police_ref`, and a rejected pair is never made, whatever the person linkage and the times say.
public struct EpisodePairer: Sendable {
    /// How far apart, in seconds, two windows may be and still describe the same absence.
    public var tolerance: Int64

    public init(toleranceHours: Int = 24) {
        tolerance = Int64(toleranceHours) * Instant.hour
    }

    /// For each police report, the index of its episode, or `nil`.
    public func pair(_ context: LinkContext, links: [PersonLink?]) -> [Int?] {
        pair(context, links: links, decisions: ResolvedDecisions())
    }

    /// For each police report, the index of its episode, or `nil`, with the analyst's decisions
    /// applied. Each child's reports and episodes are paired apart from every other child's, so
    /// the children are shared among the cores.
    func pair(_ context: LinkContext, links: [PersonLink?], decisions: ResolvedDecisions) -> [Int?] {
        let dataset = context.dataset
        var result = [Int?](repeating: nil, count: dataset.policeReports.count)
        var isCertain = [Bool](repeating: false, count: dataset.episodes.count)
        for (r, e) in decisions.accepted {
            result[r] = e
            isCertain[e] = true
        }
        // The child number of each report linked to a child (-1 for none), found on every core.
        let childOf: [Int32] = ParallelMap.map(count: links.count) { r in
            guard let link = links[r] else { return -1 }
            return context.childNumbers[link.child] ?? -1
        }
        // Every report linked to a child, grouped by child (a counting sort: each child's
        // reports stay in report order).
        var perChild = [Int32](repeating: 0, count: context.childNumbers.count + 1)
        var grouped: [Int] = []
        grouped.reserveCapacity(links.count)
        for r in links.indices where result[r] == nil {
            guard let link = links[r] else { continue }
            if link.method == .policeReference, let e = context.certainEpisode(ofReport: r),
               !decisions.isRejected(report: r, episode: e) {
                result[r] = e
                isCertain[e] = true
                continue
            }
            if childOf[r] >= 0 {
                grouped.append(r)
                perChild[Int(childOf[r]) + 1] += 1
            }
        }
        for c in 0..<(perChild.count - 1) { perChild[c + 1] += perChild[c] }
        var byChild = [(child: Int32, report: Int)](repeating: (0, 0), count: grouped.count)
        var fill = perChild
        for r in grouped {
            let c = Int(childOf[r])
            byChild[Int(fill[c])] = (childOf[r], r)
            fill[c] += 1
        }
        // Where each child's run of reports starts.
        var groupStarts: [Int] = []
        for c in 0..<(perChild.count - 1) where perChild[c + 1] > perChild[c] { groupStarts.append(Int(perChild[c])) }
        groupStarts.append(byChild.count)
        let groups = groupStarts
        let reportsByChild = byChild
        let certain = isCertain
        let before = result
        let made: [(report: Int, episode: Int)] = Records.borrowing(dataset) { records in
            ParallelMap.chunks(count: groups.count - 1, minimumChunk: 2_000) { range in
                var made: [(report: Int, episode: Int)] = []
                var candidates: [Candidate] = []
                var used = Set<Int>()
                var paired: [Int: Int] = [:]
                for g in range {
                    let run = reportsByChild[groups[g]..<groups[g + 1]]
                    self.candidates(
                        for: run, episodes: context.episodes(ofChild: run[run.startIndex].child), in: records,
                        decisions: decisions, into: &candidates)
                    used.removeAll(keepingCapacity: true)
                    paired.removeAll(keepingCapacity: true)
                    // One to one, nearest start first.
                    for candidate in candidates where before[candidate.report] == nil && paired[candidate.report] == nil {
                        if used.contains(candidate.episode) || certain[candidate.episode] { continue }
                        paired[candidate.report] = candidate.episode
                        used.insert(candidate.episode)
                    }
                    // A further report of an absence already paired joins it when the windows truly overlap.
                    for candidate in candidates
                    where before[candidate.report] == nil && paired[candidate.report] == nil && candidate.overlapsExactly {
                        paired[candidate.report] = candidate.episode
                    }
                    for (report, episode) in paired { made.append((report, episode)) }
                }
                return made
            }
        }
        for (report, episode) in made { result[report] = episode }
        return result
    }

    /// The report / episode pairs of one child whose windows come within the tolerance, nearest
    /// start first. Records are read in place, never copied.
    private func candidates(
        for run: ArraySlice<(child: Int32, report: Int)>, episodes: ArraySlice<Int32>, in records: Records,
        decisions: ResolvedDecisions, into candidates: inout [Candidate]
    ) {
        candidates.removeAll(keepingCapacity: true)
        for item in run {
            guard let rStart = records.reports[item.report].startedAt?.earliest else { continue }
            let rEnd = records.reports[item.report].foundAt?.latest
            for e32 in episodes {
                let e = Int(e32)
                if decisions.isRejected(report: item.report, episode: e) { continue }
                let eStart = records.episodes[e].startedAt.earliest
                let eEnd = records.episodes[e].endedAt?.latest
                guard overlaps(rStart, rEnd, eStart, eEnd, slack: tolerance) else { continue }
                // An open record's end is unknown, not endless: it pairs only with a record
                // that starts within the tolerance of it.
                if (rEnd == nil || eEnd == nil)
                    && abs(rStart.secondsSinceEpoch - eStart.secondsSinceEpoch) > tolerance { continue }
                candidates.append(Candidate(
                    report: item.report, episode: e,
                    distance: abs(rStart.secondsSinceEpoch - eStart.secondsSinceEpoch),
                    overlapsExactly: overlaps(rStart, rEnd, eStart, eEnd, slack: 0)))
            }
        }
        if candidates.count > 1 {
            candidates.sort { ($0.distance, $0.report, $0.episode) < ($1.distance, $1.report, $1.episode) }
        }
    }

    private struct Candidate: Sendable {
        let report: Int
        let episode: Int
        let distance: Int64
        let overlapsExactly: Bool
    }

    /// Whether `[aStart, aEnd]` and `[bStart, bEnd]` (an open end runs forever) come within `slack`.
    func overlaps(_ aStart: Instant, _ aEnd: Instant?, _ bStart: Instant, _ bEnd: Instant?, slack: Int64) -> Bool {
        let aEndsBeforeB = aEnd.map { $0.secondsSinceEpoch + slack < bStart.secondsSinceEpoch } ?? false
        let bEndsBeforeA = bEnd.map { $0.secondsSinceEpoch + slack < aStart.secondsSinceEpoch } ?? false
        return !aEndsBeforeB && !bEndsBeforeA
    }
}
