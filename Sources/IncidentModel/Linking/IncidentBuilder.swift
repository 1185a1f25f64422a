/// Builds combined incidents from paired sources and computes each one's derived facts
/// (DESIGN section 4).
///
/// - start: the earliest start among the sources; end: the latest end any source recorded, or
///   none when no source recorded one (a date-only record covers its whole day).
/// - home: the LA episode's placement; for police-only incidents, the register's home that the
///   report's postcode or address names. Host authority and force come from the home; the
///   force falls back to the reporting force.
/// - responsible authority: the episode's authority, or the linked child's.
/// - return home interview: offered / completed within 72 hours of the incident's end.
/// - discrepancies: starts more than 24 hours apart; one source open and another closed (the
///   incident ends at the recorded end); the police address naming a different home from the
///   LA placement. An open incident followed by a later one of the same child is marked
///   afterwards, over all the incidents (``StillMissing``).
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
        /// Its place among the groups in source order.
        var source: Int32
    }

    /// The incidents, ordered by start then id, each with its child's number in the context
    /// (-1 when the incident names no child the context has numbered), for ``RepeatMissing``.
    func build(links: [PersonLink?], pairs: [Int?]) -> (incidents: [CombinedIncident], childCodes: [Int32]) {
        let dataset = context.dataset
        // Each report's start (``noStart`` for none), read once on every core (in report order,
        // where the reports lie in memory): the steps below look starts up at random, in this
        // small array.
        let noStart = Int64.min
        let reportStarts: [Int64] = Records.borrowing(dataset) { records in
            ParallelMap.map(count: records.reports.count) { records.reports[$0].startedAt?.earliest.secondsSinceEpoch ?? noStart }
        }
        // A report's start for ordering: none counts as 0.
        func orderStart(_ r: Int) -> Int64 { reportStarts[r] == noStart ? 0 : reportStarts[r] }
        // Each episode's reports, sorted by start, then reference.
        var byEpisode = CompressedRows(groups: dataset.episodes.count, count: pairs.count) { pairs[$0] }
        Records.borrowing(dataset) { records in
            for e in records.episodes.indices where byEpisode.range(of: e).count > 1 {
                byEpisode.items[byEpisode.range(of: e)].sort { a, b in
                    let startA = orderStart(Int(a)), startB = orderStart(Int(b))
                    if startA != startB { return startA < startB }
                    return records.reports[Int(a)].ref < records.reports[Int(b)].ref
                }
            }
        }
        // The groups in source order: every episode (each group's place is its episode's), then
        // the police reports that stand alone.
        let paired = byEpisode
        let alone = pairs.lazy.filter { $0 == nil }.count
        var groups: [Group] = Records.borrowing(dataset) { records in
            ParallelMap.map(count: records.episodes.count, capacity: records.episodes.count + alone) { e in
                var start = records.episodes[e].startedAt.earliest.secondsSinceEpoch
                for k in paired.range(of: e) where reportStarts[Int(paired.items[k])] != noStart {
                    start = min(start, reportStarts[Int(paired.items[k])])
                }
                return Group(episode: e, report: -1, start: start, source: Int32(e))
            }
        }
        for (r, episode) in pairs.enumerated() where episode == nil {
            groups.append(Group(episode: -1, report: r, start: orderStart(r), source: Int32(groups.count)))
        }
        // Each group's place in the result. Ids are "L-<episode_id>" and "P-<police_ref>": L
        // sorts before P.
        let source = groups
        Records.borrowing(dataset) { records in
            ParallelMap.sort(&groups) { a, b in
                if a.start != b.start { return a.start < b.start }
                if (a.episode >= 0) != (b.episode >= 0) { return a.episode >= 0 }
                if a.episode >= 0 { return records.episodes[a.episode].id < records.episodes[b.episode].id }
                return records.reports[a.report].ref < records.reports[b.report].ref
            }
        }
        // The sorted places, written on every core (each group's source is its own).
        let ranked = groups
        let positions = [Int32](unsafeUninitializedCapacity: ranked.count) { buffer, initialized in
            let target = SharedPointer(base: buffer.baseAddress)
            ParallelMap.forEachChunk(count: ranked.count, minimumChunk: 100_000) { range in
                guard let base = target.base else { return }
                for rank in range { (base + Int(ranked[rank].source)).initialize(to: Int32(rank)) }
            }
            initialized = ranked.count
        }
        let reports = byEpisode
        // Built in source order, so that the episodes and reports are read where they lie in
        // memory (in start order they would be read at random), and each written to its place.
        let incidents = Records.borrowing(dataset) { records in
            ParallelMap.scatter(count: source.count, to: positions) { n in
                let group = source[n]
                return group.episode >= 0
                    ? incident(
                        episode: group.episode,
                        reports: reports.items[reports.range(of: group.episode)],
                        links: links, records: records)
                    : incident(episode: nil, reports: CollectionOfOne(Int32(group.report)), links: links, records: records)
            }
        }
        let sorted = groups
        let codes: [Int32] = ParallelMap.map(count: sorted.count) { n in
            let group = sorted[n]
            if group.episode >= 0 { return context.episodeChild[group.episode] }
            return links[group.report].flatMap { context.childNumbers[$0.child] } ?? -1
        }
        return (incidents, codes)
    }

    /// One incident. The source records are read in place (copying one would retain each of
    /// its strings), and registers are looked up by position where the context has numbered them.
    private func incident(
        episode e: Int?, reports: some Collection<Int32> & Sendable, links: [PersonLink?], records: Records
    ) -> CombinedIncident {
        let episodes = records.episodes
        let policeReports = records.reports
        let order = reports.lazy.map(Int.init)

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
        if let e { add(start: episodes[e].startedAt.earliest, end: episodes[e].endedAt?.latest) }
        var highestRisk: RiskLevel?
        // CSE: true when any source recorded a concern, false when some recorded none, nil when
        // no source recorded the field.
        var cse: Bool? = e.flatMap { episodes[$0].cseConcern }
        for r in order {
            add(start: policeReports[r].startedAt?.earliest, end: policeReports[r].foundAt?.latest)
            if let risk = policeReports[r].risk, risk > (highestRisk ?? .noApparentRisk) || highestRisk == nil { highestRisk = risk }
            if let concern = policeReports[r].cseConcern { cse = (cse ?? false) || concern }
        }
        if start == Int64.max { start = 0 }
        // One source's recorded end ends the incident, even while another source is open.
        let end: Instant? = closedCount > 0 ? Instant(secondsSinceEpoch: latestEnd) : nil

        var discrepancies: Discrepancies = []
        if latestStart - start > Self.startDiscrepancy { discrepancies.insert(.startsApart) }
        if openCount > 0 && closedCount > 0 { discrepancies.insert(.openAndClosed) }

        // Homes by their number in the register (-1: none, or not in the register); a placement
        // the register lacks differs from every home the police name, which the register has.
        let placement = e.flatMap { episodes[$0].placement }
        let placementNumber = e.map { context.episodeHome[$0] } ?? -1
        var policeNumber: Int32 = -1
        for r in order {
            guard let number = context.homeIndex.homeNumber(
                postcode: policeReports[r].missingFromPostcode, address: policeReports[r].missingFrom)
            else { continue }
            if placement != nil {
                if number != placementNumber { discrepancies.insert(.differentHomes) }
            } else if policeNumber < 0 {
                policeNumber = number
            }
        }
        let home = placement ?? (policeNumber >= 0 ? context.homeIndex.urn(number: policeNumber) : nil)
        let homeNumber = placement != nil ? placementNumber : policeNumber
        let place = homeNumber >= 0 ? context.homeIndex.place(number: homeNumber) : nil

        let firstReport = order.first
        let childID: ChildID?
        let childRow: Int?
        if let e {
            childID = episodes[e].child
            childRow = context.childRow(ofEpisode: e)
        } else {
            childID = order.lazy.compactMap { links[$0]?.child }.first
            childRow = childID.flatMap { context.childNumbers[$0] }.flatMap { number in
                let row = context.childRows[Int(number)]
                return row >= 0 ? Int(row) : nil
            }
        }
        let person: PersonSummary
        if let childRow {
            let child = records.children[childRow]
            person = PersonSummary(
                givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, sex: child.sex)
        } else if let r = firstReport {
            person = PersonSummary(
                givenName: policeReports[r].forename, familyName: policeReports[r].surname,
                dateOfBirth: policeReports[r].dateOfBirth, sex: policeReports[r].sex)
        } else {
            person = PersonSummary(givenName: "", familyName: "", dateOfBirth: nil, sex: .unknown)
        }
        var responsible = e.map { episodes[$0].localAuthority }
        if responsible?.rawValue.isEmpty ?? true { responsible = childRow.map { records.children[$0].localAuthority } }

        let id = e.map { IncidentID("L-" + episodes[$0].id.rawValue) }
            ?? IncidentID("P-" + (firstReport.map { policeReports[$0].ref.rawValue } ?? ""))
        return CombinedIncident(
            id: id,
            provenance: e == nil ? .policeOnly : (order.isEmpty ? .laOnly : .both),
            child: childID, person: person, responsibleAuthority: responsible, home: home,
            hostAuthority: place?.hostAuthority, force: place?.force ?? firstReport.flatMap { policeReports[$0].force },
            start: Instant(secondsSinceEpoch: start), end: end, highestRisk: highestRisk,
            returnInterview: returnInterview(episode: e, end: end, records: records),
            cseConcern: cse,
            discrepancies: discrepancies, episodeIDs: e.map { [episodes[$0].id] } ?? [],
            policeRefs: order.map { policeReports[$0].ref })
    }

    private func returnInterview(episode e: Int?, end: Instant?, records: Records) -> ReturnInterview {
        guard let e, let end else { return .notApplicable }
        let episodes = records.episodes
        if let completed = episodes[e].returnInterviewCompletedAt {
            return completed.earliest.secondsSinceEpoch <= end.secondsSinceEpoch + Self.returnInterviewWindow
                ? .completedInTime : .completedLate
        }
        switch episodes[e].returnInterviewOffered {
        case true?: return .offered
        case false?: return .notOffered
        case nil: return .notRecorded
        }
    }
}
