/// Decides which LA episode, if any, each linked police report describes.
///
/// A report and an episode of the same child are the same absence when their time windows
/// overlap once each is widened by the tolerance (the police are told hours after the home
/// notices). A date-only record covers its whole day; an open record runs on without end.
///
/// Pairs are chosen one to one, nearest start first; a report left over that truly overlaps an
/// episode (without the tolerance) joins that episode as a further report of the same absence.
/// An episode that records the report's `police_ref` is paired with it regardless of times.
public struct EpisodePairer: Sendable {
    /// How far apart, in seconds, two windows may be and still describe the same absence.
    public var tolerance: Int64

    public init(toleranceHours: Int = 24) {
        tolerance = Int64(toleranceHours) * Instant.hour
    }

    /// For each police report, the index of its episode, or `nil`.
    public func pair(_ context: LinkContext, links: [PersonLink?]) -> [Int?] {
        let dataset = context.dataset
        var result = [Int?](repeating: nil, count: dataset.policeReports.count)
        var reportsByChild: [ChildID: [Int]] = [:]
        for (r, link) in links.enumerated() {
            guard let link else { continue }
            let report = dataset.policeReports[r]
            if link.method == .policeReference, let e = context.episodeByPoliceRef[report.ref] {
                result[r] = e
                continue
            }
            reportsByChild[link.child, default: []].append(r)
        }
        let certainEpisodes = Set(result.compactMap { $0 })
        struct Candidate {
            let report: Int
            let episode: Int
            let distance: Int64
            let overlapsExactly: Bool
        }
        for (child, reports) in reportsByChild {
            guard let episodes = context.episodesByChild[child] else { continue }
            var candidates: [Candidate] = []
            for r in reports {
                let report = dataset.policeReports[r]
                guard let rStart = report.startedAt?.earliest else { continue }
                let rEnd = report.foundAt?.latest
                for e in episodes {
                    let episode = dataset.episodes[e]
                    let eStart = episode.startedAt.earliest
                    let eEnd = episode.endedAt?.latest
                    guard overlaps(rStart, rEnd, eStart, eEnd, slack: tolerance) else { continue }
                    candidates.append(Candidate(
                        report: r, episode: e,
                        distance: abs(rStart.secondsSinceEpoch - eStart.secondsSinceEpoch),
                        overlapsExactly: overlaps(rStart, rEnd, eStart, eEnd, slack: 0)))
                }
            }
            candidates.sort { ($0.distance, $0.report, $0.episode) < ($1.distance, $1.report, $1.episode) }
            var usedEpisodes = Set<Int>()
            var leftovers: [Candidate] = []
            for candidate in candidates where result[candidate.report] == nil {
                if usedEpisodes.contains(candidate.episode) || certainEpisodes.contains(candidate.episode) {
                    leftovers.append(candidate)
                    continue
                }
                result[candidate.report] = candidate.episode
                usedEpisodes.insert(candidate.episode)
            }
            for candidate in leftovers where result[candidate.report] == nil && candidate.overlapsExactly {
                result[candidate.report] = candidate.episode
            }
        }
        return result
    }

    /// Whether `[aStart, aEnd]` and `[bStart, bEnd]` (an open end runs forever) come within `slack`.
    func overlaps(_ aStart: Instant, _ aEnd: Instant?, _ bStart: Instant, _ bEnd: Instant?, slack: Int64) -> Bool {
        let aEndsBeforeB = aEnd.map { $0.secondsSinceEpoch + slack < bStart.secondsSinceEpoch } ?? false
        let bEndsBeforeA = bEnd.map { $0.secondsSinceEpoch + slack < aStart.secondsSinceEpoch } ?? false
        return !aEndsBeforeB && !bEndsBeforeA
    }
}
