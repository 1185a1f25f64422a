/// Builds combined incidents from paired sources and computes each one's derived facts
/// (DESIGN section 4).
///
/// - start: the earliest start among the sources; end: the latest end, or none while any
///   source is open (a date-only record covers its whole day).
/// - home: the LA episode's placement; for police-only incidents, the register's home that the
///   report's postcode or address names. Host authority and force come from the home; the
///   force falls back to the reporting force.
/// - responsible authority: the episode's authority, or the linked child's.
/// - return home interview: offered / completed within 72 hours of the incident's end.
/// - discrepancies: starts more than 24 hours apart; one source open and another closed; the
///   police address naming a different home from the LA placement.
///
/// Incidents come out ordered by start, then id; the order is decided before any incident is
/// built, so no incident is copied to sort it.
struct IncidentBuilder {
    let context: LinkContext
    static let returnInterviewWindow: Int64 = 72 * Instant.hour
    static let startDiscrepancy: Int64 = 24 * Instant.hour

    /// One incident to build: an episode with its reports, or a police report alone.
    private struct Group: Sendable {
        /// The episode index, or -1 for a police-only incident.
        var episode: Int
        /// For a police-only incident, its report.
        var report: Int
        var start: Int64
    }

    func build(links: [PersonLink?], pairs: [Int?]) -> [CombinedIncident] {
        let dataset = context.dataset
        var reportsByEpisode = [[Int]](repeating: [], count: dataset.episodes.count)
        for (r, episode) in pairs.enumerated() {
            if let episode { reportsByEpisode[episode].append(r) }
        }
        var groups: [Group] = []
        groups.reserveCapacity(dataset.episodes.count + dataset.policeReports.count / 4)
        for e in dataset.episodes.indices {
            var start = dataset.episodes[e].startedAt.earliest.secondsSinceEpoch
            for r in reportsByEpisode[e] {
                if let s = dataset.policeReports[r].startedAt?.earliest.secondsSinceEpoch, s < start { start = s }
            }
            groups.append(Group(episode: e, report: -1, start: start))
        }
        for (r, episode) in pairs.enumerated() where episode == nil {
            let start = dataset.policeReports[r].startedAt?.earliest.secondsSinceEpoch ?? 0
            groups.append(Group(episode: -1, report: r, start: start))
        }
        // Ids are "L-<episode_id>" and "P-<police_ref>": L sorts before P.
        groups.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if (a.episode >= 0) != (b.episode >= 0) { return a.episode >= 0 }
            if a.episode >= 0 { return dataset.episodes[a.episode].id < dataset.episodes[b.episode].id }
            return dataset.policeReports[a.report].ref < dataset.policeReports[b.report].ref
        }
        let sorted = groups
        let reports = reportsByEpisode
        return ParallelMap.map(count: sorted.count) { n in
            let group = sorted[n]
            return group.episode >= 0
                ? incident(episode: group.episode, reports: reports[group.episode], links: links)
                : incident(episode: nil, reports: [group.report], links: links)
        }
    }

    private func incident(episode e: Int?, reports: [Int], links: [PersonLink?]) -> CombinedIncident {
        let episode = e.map { context.dataset.episodes[$0] }
        var order = reports
        if order.count > 1 {
            order.sort {
                let a = context.dataset.policeReports[$0], b = context.dataset.policeReports[$1]
                return (a.startedAt?.earliest.secondsSinceEpoch ?? 0, a.ref) < (b.startedAt?.earliest.secondsSinceEpoch ?? 0, b.ref)
            }
        }

        var start = Int64.max
        var latestStart = Int64.min
        var latestEnd = Int64.min
        var openCount = 0
        var closedCount = 0
        func add(start s: Instant?, end: Instant?) {
            if let s {
                start = min(start, s.secondsSinceEpoch)
                latestStart = max(latestStart, s.secondsSinceEpoch)
            }
            if let end {
                latestEnd = max(latestEnd, end.secondsSinceEpoch)
                closedCount += 1
            } else {
                openCount += 1
            }
        }
        if let episode { add(start: episode.startedAt.earliest, end: episode.endedAt?.latest) }
        var highestRisk: RiskLevel?
        var policeCSE = false
        for r in order {
            let report = context.dataset.policeReports[r]
            add(start: report.startedAt?.earliest, end: report.foundAt?.latest)
            if let risk = report.risk, risk > (highestRisk ?? .noApparentRisk) || highestRisk == nil { highestRisk = risk }
            if report.cseConcern == true { policeCSE = true }
        }
        if start == Int64.max { start = 0 }
        let end: Instant? = openCount > 0 ? nil : Instant(secondsSinceEpoch: latestEnd)

        var discrepancies: Discrepancies = []
        if latestStart - start > Self.startDiscrepancy { discrepancies.insert(.startsApart) }
        if openCount > 0 && closedCount > 0 { discrepancies.insert(.openAndClosed) }

        var home = episode?.placement
        for r in order {
            let report = context.dataset.policeReports[r]
            guard let policeHome = context.homeIndex.home(postcode: report.missingFromPostcode, address: report.missingFrom)
            else { continue }
            if let placement = episode?.placement {
                if policeHome != placement { discrepancies.insert(.differentHomes) }
            } else if home == nil {
                home = policeHome
            }
        }
        let homeRecord = home.flatMap { context.registers.homes[$0] }

        let childID = episode?.child ?? order.lazy.compactMap { links[$0]?.child }.first
        let child = childID.flatMap { context.registers.children[$0] }
        let firstReport = order.first.map { context.dataset.policeReports[$0] }
        let person: PersonSummary
        if let child {
            person = PersonSummary(
                givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, sex: child.sex)
        } else if let report = firstReport {
            person = PersonSummary(
                givenName: report.forename, familyName: report.surname, dateOfBirth: report.dateOfBirth, sex: report.sex)
        } else {
            person = PersonSummary(givenName: "", familyName: "", dateOfBirth: nil, sex: .unknown)
        }
        var responsible = episode?.localAuthority
        if responsible?.rawValue.isEmpty ?? true { responsible = child?.localAuthority }

        let id = episode.map { IncidentID("L-" + $0.id.rawValue) } ?? IncidentID("P-" + (firstReport?.ref.rawValue ?? ""))
        return CombinedIncident(
            id: id,
            provenance: episode == nil ? .policeOnly : (order.isEmpty ? .laOnly : .both),
            child: childID, person: person, responsibleAuthority: responsible, home: home,
            hostAuthority: homeRecord?.localAuthority, force: homeRecord?.policeForce ?? firstReport?.force,
            start: Instant(secondsSinceEpoch: start), end: end, highestRisk: highestRisk,
            returnInterview: returnInterview(episode: episode, end: end),
            cseConcern: episode?.cseConcern == true || policeCSE,
            discrepancies: discrepancies, episodeIDs: episode.map { [$0.id] } ?? [],
            policeRefs: order.map { context.dataset.policeReports[$0].ref })
    }

    private func returnInterview(episode: LAEpisode?, end: Instant?) -> ReturnInterview {
        guard let episode, let end else { return .notApplicable }
        if let completed = episode.returnInterviewCompletedAt {
            return completed.earliest.secondsSinceEpoch <= end.secondsSinceEpoch + Self.returnInterviewWindow
                ? .completedInTime : .completedLate
        }
        switch episode.returnInterviewOffered {
        case true?: return .offered
        case false?: return .notOffered
        case nil: return .notRecorded
        }
    }
}
