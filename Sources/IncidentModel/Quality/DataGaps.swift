/// What makes the figures partial: rows left out, and whole sides of the data that could not be
/// linked or placed. Worked out once when the data are loaded (one pass over the incidents),
/// and said in one line wherever figures are printed (``notice``), so that figures are never
/// printed as complete when they are not.
public struct DataGaps: Hashable, Sendable {
    /// Rejected rows of one source: a file, or a file of one import.
    public struct Rejected: Hashable, Sendable {
        /// The file's name as shown (`la_episodes.csv`, `import 3 la_episodes.csv`).
        public var source: String
        public var rows: Int

        public init(source: String, rows: Int) {
            self.source = source
            self.rows = rows
        }
    }

    /// One reason the figures are partial.
    public enum Gap: Hashable, Sendable {
        /// Rows that could not stand were left out, per source (those with any).
        case rejectedRows([Rejected])
        /// No homes register: these incidents have no host authority or force of a home, and
        /// the police's addresses cannot name a home for linking.
        case noHomesRegister(unplaced: Int)
        /// No authorities register: these authorities' codes cannot be named or checked.
        case noAuthoritiesRegister(authorities: Int)
        /// LA records but no police reports: no incident can be known to both.
        case noPoliceReports(incidents: Int)
        /// Police reports but no LA records: no incident can be known to both.
        case noLAEpisodes(incidents: Int)
        /// The sources' starts do not overlap in time (24 hours allowed), so nothing can pair:
        /// the LA's first and last start dates, then the police's.
        case noOverlapInTime(la: ClosedRange<CivilDate>, police: ClosedRange<CivilDate>)
    }

    /// The gaps, in the order above; empty when the figures rest on every row read.
    public let gaps: [Gap]

    public init(gaps: [Gap]) { self.gaps = gaps }

    /// The gaps of linked incidents with their registers, given the rows rejected on the way
    /// in. One pass over the incidents: O(n).
    public init(incidents: [CombinedIncident], registers: Registers, rejected: [Rejected], zone: LocalTimeZone) {
        var gaps: [Gap] = []
        let rejected = rejected.filter { $0.rows > 0 }
        if !rejected.isEmpty { gaps.append(.rejectedRows(rejected)) }
        var unplaced = 0
        var authorities = Set<AuthorityCode>()
        var laStarts: ClosedRange<Int64>?
        var policeStarts: ClosedRange<Int64>?
        var laCount = 0, policeCount = 0, both = 0
        func widen(_ range: inout ClosedRange<Int64>?, _ value: Int64) {
            range = range.map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
        }
        for incident in incidents {
            if incident.hostAuthority == nil { unplaced += 1 }
            if let code = incident.responsibleAuthority { authorities.insert(code) }
            let start = incident.start.secondsSinceEpoch
            if !incident.episodeIDs.isEmpty {
                laCount += 1
                widen(&laStarts, start)
            }
            if !incident.policeRefs.isEmpty {
                policeCount += 1
                widen(&policeStarts, start)
            }
            if incident.provenance == .both { both += 1 }
        }
        if registers.homes.isEmpty && !incidents.isEmpty { gaps.append(.noHomesRegister(unplaced: unplaced)) }
        if registers.authorities.isEmpty && !authorities.isEmpty {
            gaps.append(.noAuthoritiesRegister(authorities: authorities.count))
        }
        if laCount > 0 && policeCount == 0 { gaps.append(.noPoliceReports(incidents: laCount)) }
        if policeCount > 0 && laCount == 0 { gaps.append(.noLAEpisodes(incidents: policeCount)) }
        if both == 0, let la = laStarts, let police = policeStarts {
            let tolerance = 24 * Instant.hour
            if la.upperBound + tolerance < police.lowerBound || police.upperBound + tolerance < la.lowerBound {
                func dates(_ range: ClosedRange<Int64>) -> ClosedRange<CivilDate> {
                    zone.local(Instant(secondsSinceEpoch: range.lowerBound)).date...zone.local(
                        Instant(secondsSinceEpoch: range.upperBound)).date
                }
                gaps.append(.noOverlapInTime(la: dates(la), police: dates(police)))
            }
        }
        self.gaps = gaps
    }

    /// Whether the figures rest on every row read, with every side linked and placed.
    public var isComplete: Bool { gaps.isEmpty }

    /// Rows rejected in all.
    public var rejectedRows: Int {
        gaps.reduce(0) { total, gap in
            if case let .rejectedRows(sources) = gap { return total + sources.reduce(0) { $0 + $1.rows } }
            return total
        }
    }

    /// One line saying what is partial and how much, for standard error; `nil` when nothing is.
    /// Names files and counts only, never a person.
    public var notice: String? {
        guard !gaps.isEmpty else { return nil }
        return "partial figures: " + gaps.map(\.text).joined(separator: "; ") + "; see mfc quality"
    }
}

extension DataGaps.Gap {
    /// The gap in words: what and how many.
    public var text: String {
        switch self {
        case let .rejectedRows(sources):
            let total = sources.reduce(0) { $0 + $1.rows }
            let parts = sources.map { "\($0.source) \(grouped($0.rows))" }.joined(separator: ", ")
            return "\(grouped(total)) row\(total == 1 ? "" : "s") rejected and left out (\(parts))"
        case let .noHomesRegister(unplaced):
            return "no homes register: \(grouped(unplaced)) incident\(unplaced == 1 ? "" : "s") not placed in a home's area"
                + " and no police address matched to a home for linking"
        case let .noAuthoritiesRegister(authorities):
            return "no authorities register: \(grouped(authorities)) authorit\(authorities == 1 ? "y" : "ies")"
                + " not named or checked"
        case let .noPoliceReports(incidents):
            return "no police reports: all \(grouped(incidents)) incident\(incidents == 1 ? " is" : "s are") LA only"
        case let .noLAEpisodes(incidents):
            return "no LA episodes: all \(grouped(incidents)) incident\(incidents == 1 ? " is" : "s are") police only"
        case let .noOverlapInTime(la, police):
            return "LA episodes (\(la.lowerBound) to \(la.upperBound)) and police reports (\(police.lowerBound) to "
                + "\(police.upperBound)) do not overlap in time: none can pair"
        }
    }
}
