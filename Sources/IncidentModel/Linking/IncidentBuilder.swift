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
struct IncidentBuilder {
    let context: LinkContext
    static let returnInterviewWindow: Int64 = 72 * Instant.hour
    static let startDiscrepancy: Int64 = 24 * Instant.hour

    func build(links: [PersonLink?], pairs: [Int?]) -> [CombinedIncident] {
        let dataset = context.dataset
        var reportsByEpisode = [[Int]](repeating: [], count: dataset.episodes.count)
        var incidents: [CombinedIncident] = []
        incidents.reserveCapacity(dataset.episodes.count + dataset.policeReports.count / 5)
        for (r, episode) in pairs.enumerated() {
            if let episode { reportsByEpisode[episode].append(r) }
        }
        for e in dataset.episodes.indices {
            incidents.append(incident(episode: e, reports: reportsByEpisode[e], links: links))
        }
        for (r, episode) in pairs.enumerated() where episode == nil {
            incidents.append(incident(episode: nil, reports: [r], links: links))
        }
        incidents.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        return incidents
    }

    private func incident(episode e: Int?, reports: [Int], links: [PersonLink?]) -> CombinedIncident {
        let dataset = context.dataset
        let registers = context.registers
        let episode = e.map { dataset.episodes[$0] }
        let policeReports = reports.map { dataset.policeReports[$0] }.sorted {
            ($0.startedAt?.earliest ?? Instant(secondsSinceEpoch: 0), $0.ref) < ($1.startedAt?.earliest ?? Instant(secondsSinceEpoch: 0), $1.ref)
        }

        var starts: [Instant] = []
        var ends: [Instant?] = []
        if let episode {
            starts.append(episode.startedAt.earliest)
            ends.append(episode.endedAt?.latest)
        }
        for report in policeReports {
            if let start = report.startedAt { starts.append(start.earliest) }
            ends.append(report.foundAt?.latest)
        }
        let start = starts.min() ?? Instant(secondsSinceEpoch: 0)
        let open = ends.contains { $0 == nil }
        let end: Instant? = open ? nil : ends.compactMap { $0 }.max()

        var discrepancies: Discrepancies = []
        if let latestStart = starts.max(), latestStart.secondsSinceEpoch - start.secondsSinceEpoch > Self.startDiscrepancy {
            discrepancies.insert(.startsApart)
        }
        if open && ends.contains(where: { $0 != nil }) { discrepancies.insert(.openAndClosed) }

        let policeHomes = policeReports.compactMap {
            context.homeIndex.home(postcode: $0.missingFromPostcode, address: $0.missingFrom)
        }
        let home = episode?.placement ?? policeHomes.first
        if let placement = episode?.placement, policeHomes.contains(where: { $0 != placement }) {
            discrepancies.insert(.differentHomes)
        }
        let homeRecord = home.flatMap { registers.homes[$0] }

        let childID = episode?.child ?? reports.lazy.compactMap { links[$0]?.child }.first
        let child = childID.flatMap { registers.children[$0] }
        let person: PersonSummary
        if let child {
            person = PersonSummary(
                givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, sex: child.sex)
        } else if let report = policeReports.first {
            person = PersonSummary(
                givenName: report.forename, familyName: report.surname, dateOfBirth: report.dateOfBirth, sex: report.sex)
        } else {
            person = PersonSummary(givenName: "", familyName: "", dateOfBirth: nil, sex: .unknown)
        }
        let responsible: AuthorityCode? = {
            if let code = episode?.localAuthority, !code.rawValue.isEmpty { return code }
            return child?.localAuthority
        }()

        let id: IncidentID
        if let episode {
            id = IncidentID("L-" + episode.id.rawValue)
        } else {
            id = IncidentID("P-" + (policeReports.first?.ref.rawValue ?? ""))
        }

        return CombinedIncident(
            id: id,
            provenance: episode == nil ? .policeOnly : (policeReports.isEmpty ? .laOnly : .both),
            child: childID, person: person, responsibleAuthority: responsible, home: home,
            hostAuthority: homeRecord?.localAuthority, force: homeRecord?.policeForce ?? policeReports.first?.force,
            start: start, end: end, highestRisk: policeReports.compactMap(\.risk).max(),
            returnInterview: returnInterview(episode: episode, end: end),
            cseConcern: episode?.cseConcern == true || policeReports.contains { $0.cseConcern == true },
            discrepancies: discrepancies, episodeIDs: episode.map { [$0.id] } ?? [],
            policeRefs: policeReports.map(\.ref))
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
