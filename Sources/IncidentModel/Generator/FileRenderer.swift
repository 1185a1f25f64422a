/// Turns a generated world into the bytes of each file. Incidents are written in order of
/// start; episode ids and police references are numbered in that order (per authority, and per
/// force and year).
struct FileRenderer {
    let world: GeneratedWorld
    let configuration: GeneratorConfiguration
    /// Incident indices in order of start (then child).
    let order: [Int]
    /// Per incident: its episode's number within its authority, or 0.
    private let episodeNumbers: [Int32]
    /// Per incident: its police report's number within its force and year, and the second
    /// report's, or 0.
    private let refNumbers: [Int32]
    private let secondRefNumbers: [Int32]

    init(world: GeneratedWorld, configuration: GeneratorConfiguration) {
        self.world = world
        self.configuration = configuration
        let incidents = world.incidents
        order = incidents.indices.sorted {
            (incidents[$0].start, incidents[$0].child) < (incidents[$1].start, incidents[$1].child)
        }
        var episodeCounters = Array(repeating: Int32(0), count: world.authorities.count)
        let firstYear = CivilDate(daysSinceEpoch: Int(world.periodStart / LocalMinute.perDay)).year
        let years = CivilDate(daysSinceEpoch: Int(world.periodEnd / LocalMinute.perDay)).year - firstYear + 1
        var refCounters = Array(repeating: Int32(0), count: world.forces.count * years)
        var episodes = Array(repeating: Int32(0), count: incidents.count)
        var refs = Array(repeating: Int32(0), count: incidents.count)
        var seconds = Array(repeating: Int32(0), count: incidents.count)
        for i in order {
            let incident = incidents[i]
            if incident.hasEpisode {
                let authority = world.children[Int(incident.child)].authority
                episodeCounters[authority] += 1
                episodes[i] = episodeCounters[authority]
            }
            if incident.hasPoliceReport {
                let year = CivilDate(daysSinceEpoch: Int(incident.start / LocalMinute.perDay)).year - firstYear
                let force = world.force(ofHome: Int(incident.home))
                refCounters[force * years + year] += 1
                refs[i] = refCounters[force * years + year]
                if incident.secondReport {
                    let other = (force + 1) % world.forces.count
                    refCounters[other * years + year] += 1
                    seconds[i] = refCounters[other * years + year]
                }
            }
        }
        episodeNumbers = episodes
        refNumbers = refs
        secondRefNumbers = seconds
    }

    func forces() -> GeneratedFile {
        render("forces.csv", header: ["code", "name"], world.forces.map { [.text($0.code), .text($0.name)] })
    }

    func authorities() -> GeneratedFile {
        render("authorities.csv", header: ["code", "name", "police_force", "children_looked_after"], world.authorities.map {
            [.text($0.code), .text($0.name), .text(world.forces[$0.force].code), .formatted(String($0.childrenLookedAfter))]
        })
    }

    func homes() -> GeneratedFile {
        let header = ["urn", "name", "provider", "address", "postcode", "local_authority", "police_force", "ofsted_rating", "places"]
        return render("homes.csv", header: header, world.homes.map { home in
            let authority = world.authorities[home.authority]
            return [
                .text(home.urn), .text(home.name), .text(home.provider), .text(home.address), .text(home.postcode),
                .text(authority.code), .text(world.forces[authority.force].code), .text(home.rating.rawValue),
                .formatted(String(home.places)),
            ]
        })
    }

    func children() -> GeneratedFile {
        let header = ["child_id", "local_authority", "given_name", "family_name", "dob", "sex", "placement_urn"]
        let sorted = world.children.indices.sorted { world.children[$0].id < world.children[$1].id }
        return render("children.csv", header: header, sorted.map { i in
            let child = world.children[i]
            return [
                .text(child.id), .text(world.authorities[child.authority].code), .text(child.forename.name),
                .text(child.familyName), .formatted(child.dob.description), .text(child.sex.rawValue),
                .text(world.homes[Int(child.home)].urn),
            ]
        })
    }

    func episodes() -> GeneratedFile {
        let header = [
            "episode_id", "child_id", "local_authority", "type", "started_at", "ended_at", "placement_urn", "police_ref",
            "rhi_offered", "rhi_completed_at", "cse_concern",
        ]
        var writer = CSVWriter()
        writer.append(header: header)
        var rows = 0
        for i in order where world.incidents[i].hasEpisode {
            let incident = world.incidents[i]
            let child = world.children[Int(incident.child)]
            let details = details(of: incident)
            let code = world.authorities[child.authority].code
            writer.append(row: [
                .text(episodeID(i)), .text(child.id), details.laAuthorityBlank ? .empty : .text(code),
                .text(details.type.rawValue), .formatted(LocalMinute.iso(incident.start)),
                details.laEnd >= 0 ? .formatted(LocalMinute.iso(details.laEnd)) : .empty,
                .text(world.homes[Int(incident.home)].urn),
                details.policeRefRecorded ? .text(policeRef(i, second: false)) : .empty,
                details.interviewOffered.map { .text($0 ? "Y" : "N") } ?? .empty,
                details.interviewCompleted >= 0 ? .formatted(LocalMinute.iso(details.interviewCompleted)) : .empty,
                .text(details.laCSE ? "Y" : "N"),
            ])
            rows += 1
        }
        return GeneratedFile(name: "la_episodes.csv", bytes: writer.bytes, rows: rows)
    }

    func policeReportsAndTruth() -> (GeneratedFile, GeneratedFile) {
        let header = [
            "police_ref", "force", "forename", "surname", "dob", "sex", "missing_from", "missing_from_postcode",
            "last_seen_at", "reported_at", "found_at", "risk", "cse_concern",
        ]
        var police = CSVWriter()
        var truth = CSVWriter()
        police.append(header: header)
        truth.append(header: ["police_ref", "episode_id", "child_id"])
        var rows = 0
        let lastYear = CivilDate(daysSinceEpoch: Int((world.periodEnd - 1) / LocalMinute.perDay)).year
        for i in order where world.incidents[i].hasPoliceReport {
            let incident = world.incidents[i]
            let child = world.children[Int(incident.child)]
            let home = world.homes[Int(incident.home)]
            let details = details(of: incident)
            var random = SeededRandom(seed: incident.noise ^ 0x5EED_0F_70_11CE)
            let force = world.force(ofHome: Int(incident.home))
            var reports = [(ref: policeRef(i, second: false), force: force, reported: details.reported, risk: details.risk)]
            if incident.secondReport {
                let reported = details.found >= 0 ? min(details.secondReported, max(details.reported, details.found)) : details.secondReported
                reports.append((policeRef(i, second: true), (force + 1) % world.forces.count, reported, details.secondRisk))
            }
            for report in reports {
                let noise = PoliceNameNoise(
                    child: child, home: home, rates: configuration.noise.rates, lastYear: lastYear, random: &random)
                police.append(row: [
                    .text(report.ref), .text(world.forces[report.force].code), .text(noise.forename), .text(noise.surname),
                    noise.dob.isEmpty ? .empty : .formatted(noise.dob), .text(noise.sex), .text(noise.missingFrom),
                    .text(noise.postcode), .formatted(LocalMinute.uk(details.lastSeen)),
                    .formatted(LocalMinute.uk(report.reported)),
                    details.found >= 0 ? .formatted(LocalMinute.uk(details.found)) : .empty,
                    .text(report.risk.label), .text(details.policeCSE ? "Y" : "N"),
                ])
                truth.append(row: [
                    .text(report.ref), incident.hasEpisode ? .text(episodeID(i)) : .empty, .text(child.id),
                ])
                rows += 1
            }
        }
        return (
            GeneratedFile(name: "police_reports.csv", bytes: police.bytes, rows: rows),
            GeneratedFile(name: "truth.csv", bytes: truth.bytes, rows: rows)
        )
    }

    func details(of incident: GeneratedWorld.Incident) -> IncidentDetails {
        IncidentDetails(
            incident, cseProne: world.children[Int(incident.child)].cseProne, periodEnd: world.periodEnd,
            refShare: configuration.policeRefRecordedShare)
    }

    private func episodeID(_ i: Int) -> String {
        let child = world.children[Int(world.incidents[i].child)]
        return world.authorities[child.authority].code + "-E" + pad(Int(episodeNumbers[i]), 7)
    }

    /// `XAB/25/000123`: force, two-digit year of the start, number within the force and year.
    func policeRef(_ i: Int, second: Bool) -> String {
        let incident = world.incidents[i]
        var force = world.force(ofHome: Int(incident.home))
        if second { force = (force + 1) % world.forces.count }
        let year = CivilDate(daysSinceEpoch: Int(incident.start / LocalMinute.perDay)).year % 100
        let number = second ? secondRefNumbers[i] : refNumbers[i]
        return world.forces[force].code + "/" + pad(year, 2) + "/" + pad(Int(number), 6)
    }

    private func render(_ name: String, header: [String], _ rows: [[CSVCell]]) -> GeneratedFile {
        var writer = CSVWriter()
        writer.append(header: header)
        for row in rows { writer.append(row: row) }
        return GeneratedFile(name: name, bytes: writer.bytes, rows: rows.count)
    }
}
