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
/// `police_ref`, and a rejected pair is never made, whatever the rules say.
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
    /// applied.
    func pair(_ context: LinkContext, links: [PersonLink?], decisions: ResolvedDecisions) -> [Int?] {
        let dataset = context.dataset
        var result = [Int?](repeating: nil, count: dataset.policeReports.count)
        var isCertain = [Bool](repeating: false, count: dataset.episodes.count)
        for (r, e) in decisions.accepted {
            result[r] = e
            isCertain[e] = true
        }
        // (child number, report) for every report linked by the rules, grouped by child below.
        var byChild: [(child: Int32, report: Int)] = []
        for (r, link) in links.enumerated() {
            guard let link, result[r] == nil else { continue }
            if link.method == .policeReference, let e = context.episodeByPoliceRef[dataset.policeReports[r].ref],
               !decisions.isRejected(report: r, episode: e) {
                result[r] = e
                isCertain[e] = true
                continue
            }
            if let number = context.childNumbers[link.child] { byChild.append((number, r)) }
        }
        byChild.sort { ($0.child, $0.report) < ($1.child, $1.report) }
        var candidates: [Candidate] = []
        var used = Set<Int>()
        var groupStart = 0
        while groupStart < byChild.count {
            var groupEnd = groupStart
            while groupEnd < byChild.count && byChild[groupEnd].child == byChild[groupStart].child { groupEnd += 1 }
            let episodes = context.episodes(ofChild: byChild[groupStart].child)
            candidates.removeAll(keepingCapacity: true)
            for item in byChild[groupStart..<groupEnd] {
                let report = dataset.policeReports[item.report]
                guard let rStart = report.startedAt?.earliest else { continue }
                let rEnd = report.foundAt?.latest
                for e32 in episodes {
                    let e = Int(e32)
                    if decisions.isRejected(report: item.report, episode: e) { continue }
                    let eStart = dataset.episodes[e].startedAt.earliest
                    let eEnd = dataset.episodes[e].endedAt?.latest
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
            used.removeAll(keepingCapacity: true)
            // One to one, nearest start first.
            for candidate in candidates where result[candidate.report] == nil {
                if used.contains(candidate.episode) || isCertain[candidate.episode] { continue }
                result[candidate.report] = candidate.episode
                used.insert(candidate.episode)
            }
            // A further report of an absence already paired joins it when the windows truly overlap.
            for candidate in candidates where result[candidate.report] == nil && candidate.overlapsExactly {
                result[candidate.report] = candidate.episode
            }
            groupStart = groupEnd
        }
        return result
    }

    private struct Candidate {
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
