import Testing
@testable import IncidentModel

struct EpisodePairerTests {
    func link(episodes: String, police: String, toleranceHours: Int = 24) throws -> LinkedData {
        try Fixture.link(
            Fixture.files(children: Rows.child("C1", home: "SC000001"), episodes: episodes, police: police),
            toleranceHours: toleranceHours)
    }

    @Test(arguments: [
        ("02/03/2024 11:00", true),  // 23 hours after the episode ended
        ("02/03/2024 12:00", true),  // exactly 24 hours
        ("02/03/2024 12:01", false),  // just over
        ("03/03/2024 12:00", false),
        ("29/02/2024 10:30", true),  // found at 11:00, 23 hours before the home noticed
        ("29/02/2024 08:30", false),  // found at 09:30, 24.5 hours before
    ])
    func pairsWithinTheTolerance(_ seen: String, _ paired: Bool) throws {
        let day = seen == "29/02/2024 10:30" ? "29/02/2024 11:00" : seen.hasPrefix("29") ? "29/02/2024 09:30" : ""
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00"),
            police: Rows.police("P1", seen: seen, found: day.isEmpty ? "04/03/2024 12:00" : day))
        #expect(linked.link("P1") != nil)
        #expect((linked.incident("L-E1")?.provenance == .both) == paired)
        #expect(linked.incidents.count == (paired ? 1 : 2))
    }

    @Test func pairsOpenEpisodeWithAReportStartingWithinTheTolerance() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00"),
            police: Rows.police("P1", seen: "02/03/2024 09:00", found: "03/03/2024 10:00"))
        let incident = try #require(linked.incident("L-E1"))
        #expect(incident.provenance == .both)
        // The police recorded the end: the open episode is a discrepancy, not a missing child.
        #expect(!incident.isStillMissing && incident.discrepancies.contains(.openAndClosed))
    }

    @Test func doesNotLetAnOpenEpisodeSwallowALaterReport() throws {
        // An open end is unknown, not endless: a report starting 8 days later is another absence.
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00"),
            police: Rows.police("P1", seen: "09/03/2024 10:00", found: "10/03/2024 10:00"))
        #expect(linked.incident("L-E1")?.provenance == .laOnly)
        #expect(linked.incident("P-P1")?.provenance == .policeOnly)
    }

    @Test func pairsOpenReportWithAnEpisodeStartingWithinTheTolerance() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 20:00", end: "02/03/2024 11:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:00"))
        #expect(linked.incident("L-E1")?.policeRefs == ["P1"])
    }

    @Test func doesNotLetAnOpenReportSwallowALaterEpisode() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "09/03/2024 10:00", end: "09/03/2024 11:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:00"))
        #expect(linked.incident("L-E1")?.policeRefs == [])
        #expect(linked.incident("P-P1")?.provenance == .policeOnly)
    }

    @Test func treatsDateOnlyRecordsAsCoveringTheWholeDay() throws {
        // With no tolerance, a report at 22:00 meets an episode recorded only as "1 March".
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024", end: "01/03/2024"),
            police: Rows.police("P1", seen: "01/03/2024 22:00", found: "01/03/2024 23:00")
                + Rows.police("P2", seen: "02/03/2024 00:30", found: "02/03/2024 01:00"),
            toleranceHours: 0)
        #expect(linked.incident("L-E1")?.policeRefs == ["P1"])
        #expect(linked.incident("P-P2")?.provenance == .policeOnly)
        let incident = try #require(linked.incident("L-E1"))
        #expect(incident.start == Fixture.instant("01/03/2024 00:00"))
        #expect(incident.end == Fixture.instant("02/03/2024 00:00"))
    }

    @Test func pairsOneToOneNearestStartFirst() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00")
                + Rows.episode("E2", start: "02/03/2024 08:00", end: "02/03/2024 09:00"),
            police: Rows.police("P1", seen: "02/03/2024 08:30", found: "02/03/2024 09:00")
                + Rows.police("P2", seen: "01/03/2024 10:30", found: "01/03/2024 11:30"))
        #expect(linked.incident("L-E1")?.policeRefs == ["P2"])
        #expect(linked.incident("L-E2")?.policeRefs == ["P1"])
    }

    @Test func joinsASecondReportThatTrulyOverlapsTheSameEpisode() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "03/03/2024 10:00"),
            police: Rows.police("P1", seen: "01/03/2024 11:00", found: "01/03/2024 20:00")
                + Rows.police("P2", seen: "02/03/2024 11:00", found: "02/03/2024 12:00")
                + Rows.police("P3", seen: "04/03/2024 09:00", found: "04/03/2024 12:00"))
        #expect(linked.incident("L-E1")?.policeRefs == ["P1", "P2"])
        // P3 is only within the tolerance of an episode already taken: its own incident.
        #expect(linked.incident("P-P3")?.provenance == .policeOnly)
        #expect(linked.incident("P-P3")?.child == "C1")
    }

    @Test func neverPairsAcrossDifferentChildren() throws {
        let linked = try Fixture.link(Fixture.files(
            children: Rows.child("C1") + Rows.child("C2", given: "Tom", family: "Jones", sex: "M"),
            episodes: Rows.episode("E1", child: "C2", start: "01/03/2024 10:00", end: "01/03/2024 12:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:30")))
        #expect(linked.incident("L-E1")?.provenance == .laOnly)
        #expect(linked.incident("P-P1")?.child == "C1")
    }

    @Test func checksOverlapWithSlack() {
        let pairer = EpisodePairer(toleranceHours: 1)
        let t = { (h: Int64) in Instant(secondsSinceEpoch: h * 3600) }
        #expect(pairer.overlaps(t(0), t(2), t(3), t(4), slack: pairer.tolerance))
        #expect(!pairer.overlaps(t(0), t(2), t(3) .adding(seconds: 1), t(4), slack: pairer.tolerance))
        #expect(pairer.overlaps(t(0), nil, t(100), t(101), slack: 0))
        #expect(!pairer.overlaps(t(200), nil, t(100), t(101), slack: 0))
        #expect(pairer.overlaps(t(5), t(6), t(0), nil, slack: 0))
    }
}

struct IncidentBuilderTests {
    func link(children: String = Rows.child("C1", la: "330", home: "SC000001"), episodes: String = "", police: String = "")
        throws -> LinkedData
    {
        try Fixture.link(Fixture.files(children: children, episodes: episodes, police: police))
    }

    @Test func combinesBothSourcesWithEveryFact() throws {
        let linked = try link(
            episodes: Rows.episode(
                "E1", la: "330", start: "01/03/2024 10:00", end: "01/03/2024 18:00", home: "SC000001", offered: "Y",
                completed: "03/03/2024 09:00", cse: "N"),
            police: Rows.police(
                "P1", from: "Willow House, 1 Willow Lane", seen: "01/03/2024 09:00", reported: "01/03/2024 11:00",
                found: "01/03/2024 20:30", risk: "medium", cse: "Y")
                + Rows.police("P2", force: "WMP", seen: "01/03/2024 12:00", found: "01/03/2024 13:00", risk: "HIGH"))
        #expect(linked.incidents.count == 1)
        let incident = try #require(linked.incidents.first)
        #expect(incident.id == "L-E1")
        #expect(incident.provenance == .both)
        #expect(incident.child == "C1")
        #expect(incident.person == PersonSummary(
            givenName: "Amy", familyName: "Smith", dateOfBirth: CivilDate(year: 2010, month: 2, day: 1), sex: .female))
        #expect(incident.start == Fixture.instant("01/03/2024 09:00"))
        #expect(incident.end == Fixture.instant("01/03/2024 20:30"))
        #expect(!incident.isStillMissing)
        #expect(incident.durationHours == 11.5)
        #expect(incident.home == "SC000001")
        #expect(incident.responsibleAuthority == "330")
        #expect(incident.hostAuthority == "916")
        #expect(incident.force == "GLO")
        #expect(incident.isOutOfArea == true)
        #expect(incident.highestRisk == .high)
        #expect(incident.isHighRisk)
        #expect(incident.returnInterview == .completedInTime)
        #expect(incident.cseConcern == true)
        #expect(incident.discrepancies.isEmpty)
        #expect(incident.episodeIDs == ["E1"])
        #expect(incident.policeRefs == ["P1", "P2"])
    }

    @Test func buildsLAOnlyIncident() throws {
        let linked = try link(episodes: Rows.episode("E1", la: "916", start: "01/03/2024 10:00", end: "01/03/2024 12:00", home: "SC000002"))
        let incident = try #require(linked.incident("L-E1"))
        #expect(incident.provenance == .laOnly)
        #expect(incident.policeRefs.isEmpty)
        #expect(incident.highestRisk == nil)
        #expect(incident.isOutOfArea == false)
        #expect(incident.force == "GLO")
        #expect(incident.durationHours == 2)
        #expect(incident.returnInterview == .notRecorded)
        #expect(incident.cseConcern == nil)  // no source recorded the field
    }

    @Test func buildsPoliceOnlyIncidentFromAnUnlinkedReport() throws {
        let linked = try link(police: Rows.police(
            "P9", force: "WMP", forename: "Kim", surname: "Ray", dob: "", sex: "F", from: "Birch Court, Birch Street",
            seen: "05/03/2024 10:00", risk: "low"))
        let incident = try #require(linked.incident("P-P9"))
        #expect(incident.provenance == .policeOnly)
        #expect(incident.child == nil)
        #expect(incident.person.fullName == "Kim Ray")
        #expect(incident.home == "SC000003")
        #expect(incident.hostAuthority == "330")
        #expect(incident.force == "WMP")
        #expect(incident.responsibleAuthority == nil)
        #expect(incident.isOutOfArea == nil)
        #expect(incident.isStillMissing)
        #expect(incident.durationHours == nil)
        #expect(incident.returnInterview == .notApplicable)
        #expect(incident.highestRisk == .low)
        #expect(incident.episodeIDs.isEmpty)
    }

    @Test func fallsBackToTheReportingForceWhenTheHomeIsUnknown() throws {
        let linked = try link(police: Rows.police("P9", force: "WMP", forename: "Kim", from: "a park", seen: "05/03/2024 10:00"))
        #expect(linked.incident("P-P9")?.home == nil)
        #expect(linked.incident("P-P9")?.force == "WMP")
    }

    @Test func usesTheLinkedChildForAPoliceOnlyIncident() throws {
        let linked = try link(police: Rows.police("P9", forename: "AMY", seen: "05/03/2024 10:00"))
        let incident = try #require(linked.incident("P-P9"))
        #expect(incident.child == "C1")
        #expect(incident.person.givenName == "Amy")
        #expect(incident.responsibleAuthority == "330")
    }

    @Test(arguments: [
        ("Y", "01/03/2024 20:00", ReturnInterview.completedInTime),  // 8 hours after
        ("Y", "04/03/2024 12:00", .completedInTime),  // exactly 72 hours
        ("Y", "04/03/2024 12:01", .completedLate),
        ("", "10/03/2024", .completedLate),
        ("Y", "", .offered),
        ("N", "", .notOffered),
        ("", "", .notRecorded),
    ])
    func classifiesTheReturnInterview(_ offered: String, _ completed: String, _ expected: ReturnInterview) throws {
        let linked = try link(episodes: Rows.episode(
            "E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", offered: offered, completed: completed))
        #expect(linked.incident("L-E1")?.returnInterview == expected)
    }

    @Test func measuresTheInterviewFromTheLatestEndAmongTheSources() throws {
        // The police found the child two days after the home's record closed.
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", offered: "Y", completed: "05/03/2024 10:00"),
            police: Rows.police("P1", seen: "01/03/2024 11:00", found: "02/03/2024 11:00"))
        #expect(linked.incident("L-E1")?.returnInterview == .completedInTime)
    }

    @Test func marksReturnInterviewNotApplicableWhileOngoing() throws {
        let linked = try link(episodes: Rows.episode("E1", start: "01/03/2024 10:00", offered: "Y"))
        #expect(linked.incident("L-E1")?.returnInterview == .notApplicable)
    }

    @Test func flagsOpenAndClosedSources() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", home: "SC000001"),
            police: Rows.police("P1", from: "Willow House", seen: "01/03/2024 10:30"))
        let incident = try #require(linked.incident("L-E1"))
        // The authority recorded the end: the incident ended then, and the open report is a
        // discrepancy, not a missing child.
        #expect(!incident.isStillMissing)
        #expect(incident.end == Fixture.instant("01/03/2024 12:00"))
        #expect(incident.discrepancies == .openAndClosed)
        #expect(incident.discrepancies.labels == ["open/closed"])
    }

    @Test func flagsStartsMoreThanADayApart() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "05/03/2024 10:00"),
            police: Rows.police("P1", seen: "02/03/2024 10:01", found: "03/03/2024 10:00")
                + Rows.police("P2", seen: "09/03/2024 10:00", found: "09/03/2024 11:00"))
        #expect(linked.incident("L-E1")?.discrepancies == .startsApart)
        #expect(linked.incident("L-E1")?.discrepancies.labels == ["starts >24h apart"])
    }

    @Test func doesNotFlagStartsExactlyADayApart() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "05/03/2024 10:00"),
            police: Rows.police("P1", seen: "02/03/2024 10:00", found: "03/03/2024 10:00"))
        #expect(linked.incident("L-E1")?.discrepancies == [])
    }

    /// The police name Oak Lodge; the placement is another home of the register, or one it lacks.
    @Test(arguments: [("SC000001", "916"), ("SC999999", nil)] as [(String, String?)])
    func flagsDifferentHomes(placement: String, host: String?) throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", home: placement),
            police: Rows.police("P1", from: "Oak Lodge, 2 Oak Road", seen: "01/03/2024 10:30", found: "01/03/2024 12:00"))
        let incident = try #require(linked.incident("L-E1"))
        #expect(incident.discrepancies == .differentHomes)
        #expect(incident.discrepancies.labels == ["different homes"])
        #expect(incident.home == HomeURN(placement))
        #expect(incident.hostAuthority == host.map(AuthorityCode.init))
    }

    @Test func takesAPoliceOnlyIncidentsHomeFromTheAddress() throws {
        let linked = try link(police: Rows.police(
            "P9", force: "WMP", forename: "Kim", surname: "Ray", dob: "", sex: "F", from: "Oak Lodge, 2 Oak Road",
            seen: "05/03/2024 10:00"))
        let incident = try #require(linked.incident("P-P9"))
        #expect(incident.home == "SC000002")
        #expect(incident.hostAuthority == "916")
        #expect(incident.force == "GLO")
        #expect(incident.discrepancies.isEmpty)
    }

    @Test func takesCSEConcernFromEitherSource() throws {
        let linked = try link(
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00", cse: "Y")
                + Rows.episode("E2", start: "05/03/2024 10:00", end: "05/03/2024 12:00", cse: "N")
                + Rows.episode("E3", start: "09/03/2024 10:00", end: "09/03/2024 12:00", cse: "N"),
            police: Rows.police("P2", seen: "05/03/2024 10:30", found: "05/03/2024 11:00", cse: "Y")
                + Rows.police("P3", seen: "09/03/2024 10:30", found: "09/03/2024 11:00", cse: "n"))
        #expect(linked.incident("L-E1")?.cseConcern == true)
        #expect(linked.incident("L-E2")?.cseConcern == true)
        #expect(linked.incident("L-E3")?.cseConcern == false)
    }

    @Test func ordersIncidentsByStartThenId() throws {
        let linked = try link(
            episodes: Rows.episode("E2", start: "01/03/2024 10:00") + Rows.episode("E1", start: "01/03/2024 10:00")
                + Rows.episode("E0", start: "02/03/2024 10:00"),
            police: Rows.police("P1", forename: "Kim", seen: "28/02/2024 10:00"))
        #expect(linked.incidents.map(\.id) == ["P-P1", "L-E1", "L-E2", "L-E0"])
    }
}

struct IncidentLinkerTests {
    /// A random but valid dataset: children, their episodes, and police reports that are
    /// sometimes the same absence, sometimes not, sometimes about nobody the authority knows.
    static func randomFiles(seed: UInt64) -> [String: String] {
        var random = SeededGenerator(seed: seed)
        var children = "", episodes = "", police = ""
        let homes = ["SC000001", "SC000002", "SC000003", ""]
        let names = ["Amy", "Tom", "Zoe", "Sam", "Lee"]
        var e = 0, p = 0
        for c in 0..<30 {
            let given = names.randomElement(using: &random) ?? "Amy"
            let family = ["Smith", "Jones", "Khan"].randomElement(using: &random) ?? "Smith"
            let dob = "0\(Int.random(in: 1...2, using: &random))/02/2010"
            let sex = ["M", "F", "U"].randomElement(using: &random) ?? "F"
            let home = homes.randomElement(using: &random) ?? ""
            children += Rows.child("C\(c)", la: c % 2 == 0 ? "916" : "330", given: given, family: family, dob: dob, sex: sex, home: home)
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let day = Int.random(in: 1...28, using: &random)
                let hour = Int.random(in: 0...20, using: &random)
                let start = "\(pad(day, 2))/03/2024 \(pad(hour, 2)):00"
                let open = Int.random(in: 0..<10, using: &random) == 0
                let end = open ? "" : "\(pad(day, 2))/03/2024 \(pad(hour + Int.random(in: 1...3, using: &random), 2)):00"
                e += 1
                let reported = Int.random(in: 0..<10, using: &random) < 8
                let withRef = reported && Bool.random(using: &random)
                episodes += Rows.episode("E\(e)", child: "C\(c)", start: start, end: end, home: home, ref: withRef ? "P\(p + 1)" : "")
                if reported {
                    p += 1
                    let lag = Int.random(in: 0...3, using: &random)
                    police += Rows.police(
                        "P\(p)", forename: Bool.random(using: &random) ? given : "X", surname: family, dob: dob, sex: sex,
                        from: home == "SC000001" ? "Willow House" : "", seen: "\(pad(day, 2))/03/2024 \(pad(hour + lag, 2)):30",
                        risk: ["low", "high", ""].randomElement(using: &random) ?? "")
                }
            }
        }
        for _ in 0..<10 {
            p += 1
            police += Rows.police("P\(p)", forename: "Stranger", surname: "Nobody", seen: "15/03/2024 12:00")
        }
        return Fixture.files(children: children, episodes: episodes, police: police)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func linksTheSameDataToTheSameIncidents(seed: UInt64) throws {
        let dataset = try Fixture.load(Self.randomFiles(seed: seed))
        #expect(dataset.reports.allSatisfy { $0.rejected == 0 })
        let first = IncidentLinker().link(dataset)
        let second = IncidentLinker().link(dataset)
        #expect(first.incidents == second.incidents)
        #expect(first.personLinks == second.personLinks)
        // Every source record sits in exactly one incident.
        let episodeIDs = first.incidents.flatMap(\.episodeIDs)
        let refs = first.incidents.flatMap(\.policeRefs)
        #expect(Set(episodeIDs).count == dataset.episodes.count && episodeIDs.count == dataset.episodes.count)
        #expect(Set(refs).count == dataset.policeReports.count && refs.count == dataset.policeReports.count)
        #expect(Set(first.incidents.map(\.id)).count == first.incidents.count)
        // Group totals add up to the total.
        let byProvenance = Dictionary(grouping: first.incidents, by: \.provenance).mapValues(\.count)
        #expect(byProvenance.values.reduce(0, +) == first.incidents.count)
        #expect((byProvenance[.both] ?? 0) + (byProvenance[.laOnly] ?? 0) == dataset.episodes.count)
    }

    @Test(arguments: [21, 22] as [UInt64])
    func linksTheSameWhateverTheOrderOfTheRows(seed: UInt64) throws {
        let dataset = try Fixture.load(Self.randomFiles(seed: seed))
        var random = SeededGenerator(seed: seed)
        var shuffled = dataset
        shuffled.children.shuffle(using: &random)
        shuffled.episodes.shuffle(using: &random)
        shuffled.policeReports.shuffle(using: &random)
        func summary(_ linked: LinkedData) -> [String] {
            linked.incidents.map { "\($0.id) \($0.child?.rawValue ?? "-") \($0.policeRefs.map(\.rawValue))" }
        }
        #expect(summary(IncidentLinker().link(shuffled)) == summary(IncidentLinker().link(dataset)))
        #expect(IncidentLinker().link(shuffled).incidents == IncidentLinker().link(dataset).incidents)
    }

    @Test func keepsIncidentIdsWhenUnrelatedRecordsAreAdded() throws {
        let files = Fixture.files(
            children: Rows.child("C1"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:30") + Rows.police("P2", forename: "Kim", seen: "01/02/2024 10:30"))
        // Another child, with an absence of its own.
        var more = files
        more["children.csv", default: ""] += Rows.child("C2", given: "Lee", family: "Jones", dob: "05/06/2011", sex: "M")
        more["la_episodes.csv", default: ""] += Rows.episode("E0", child: "C2", start: "01/01/2024 10:00")
        more["police_reports.csv", default: ""] += Rows.police(
            "P0", forename: "Lee", surname: "Jones", dob: "05/06/2011", sex: "M", seen: "01/01/2024 09:00")
        let before = try Fixture.link(files).incidents
        let after = try Fixture.link(more).incidents
        for incident in before {
            #expect(after.contains(incident), "\(incident.id)")
        }
        #expect(before.map(\.id) == ["P-P2", "L-E1"])
        // Another absence of the same child joins its incidents; their ids stay the same, though
        // the mark of repeats may change with it.
        var again = files
        again["la_episodes.csv", default: ""] += Rows.episode("E0", start: "01/01/2024 10:00")
        again["police_reports.csv", default: ""] += Rows.police("P0", seen: "01/01/2024 09:00")
        let joined = try Fixture.link(again).incidents
        #expect(Set(before.map(\.id)).isSubset(of: Set(joined.map(\.id))))
        #expect(joined.map(\.id) == ["L-E0", "P-P2", "L-E1"])
    }

    @Test func reportsLinkedPairs() throws {
        let linked = try Fixture.link(Fixture.files(
            children: Rows.child("C1"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 12:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:30") + Rows.police("P2", forename: "Kim", seen: "01/02/2024 10:30")))
        #expect(linked.linkedPairs == [SourcePair(policeRef: "P1", episodeID: "E1")])
    }

    @Test func acceptsAnotherPersonLinker() throws {
        struct NoLinks: PersonLinker {
            func linkPersons(_ context: LinkContext) -> [PersonLink?] {
                Array(repeating: nil, count: context.dataset.policeReports.count)
            }
        }
        let dataset = try Fixture.load(Fixture.files(
            children: Rows.child("C1"), episodes: Rows.episode("E1", start: "01/03/2024 10:00"),
            police: Rows.police("P1", seen: "01/03/2024 10:30")))
        let linked = IncidentLinker(personLinker: NoLinks()).link(dataset)
        #expect(linked.incidents.map(\.provenance) == [.laOnly, .policeOnly])
    }
}
