import Testing
@testable import IncidentModel

struct LinkDecisionsTests {
    /// Two children, each with one episode; P1 is Amy's report of E1 (paired by the linker),
    /// P2 is a report nobody links (another name), overlapping Ben's episode E2.
    func dataset() throws -> Dataset {
        try Fixture.load(Fixture.files(
            children: Rows.child("C1", home: "SC000001") + Rows.child("C2", given: "Ben", family: "Jones", dob: "05/06/2011", sex: "M"),
            episodes: Rows.episode("E1", start: "01/03/2024 10:00", end: "01/03/2024 20:00")
                + Rows.episode("E2", child: "C2", start: "10/03/2024 10:00", end: "10/03/2024 18:00")
                + Rows.episode("E3", start: "20/03/2024 10:00", end: "20/03/2024 12:00", ref: "P3"),
            police: Rows.police("P1", seen: "01/03/2024 11:00", found: "01/03/2024 19:00")
                + Rows.police("P2", forename: "Benny", surname: "Jonas", dob: "", sex: "", seen: "10/03/2024 11:00", found: "10/03/2024 17:00")
                + Rows.police("P3", forename: "Zed", surname: "Other", dob: "", seen: "25/03/2024 10:00", found: "25/03/2024 11:00")))
    }

    func pair(_ ref: String, _ episode: String) -> SourcePair {
        SourcePair(policeRef: PoliceRef(ref), episodeID: EpisodeID(episode))
    }

    @Test func noDecisionsLinkAsTheLinkerAlone() throws {
        let data = try dataset()
        #expect(IncidentLinker().link(data, decisions: LinkDecisions()).incidents == IncidentLinker().link(data).incidents)
    }

    @Test func rejectedPairIsNeverPaired() throws {
        let data = try dataset()
        #expect(IncidentLinker().link(data).linkedPairs.contains(pair("P1", "E1")))
        let linked = IncidentLinker().link(data, decisions: LinkDecisions([(pair("P1", "E1"), .reject)]))
        #expect(!linked.linkedPairs.contains(pair("P1", "E1")))
        #expect(linked.incident("L-E1")?.provenance == .laOnly)
        // The report is still Amy's: a police-only incident of child C1.
        #expect(linked.incident("P-P1")?.child == ChildID("C1"))
    }

    @Test func rejectedPairIsNotPairedEvenWithTheRecordedPoliceRef() throws {
        let data = try dataset()
        #expect(IncidentLinker().link(data).linkedPairs.contains(pair("P3", "E3")))
        let linked = IncidentLinker().link(data, decisions: LinkDecisions([(pair("P3", "E3"), .reject)]))
        #expect(!linked.linkedPairs.contains(pair("P3", "E3")))
        #expect(linked.incident("P-P3")?.provenance == .policeOnly)
    }

    @Test func acceptedPairIsPairedWhenTheLinkerFindsNoPerson() throws {
        let data = try dataset()
        #expect(!IncidentLinker().link(data).linkedPairs.contains(pair("P2", "E2")))
        let linked = IncidentLinker().link(data, decisions: LinkDecisions([(pair("P2", "E2"), .accept)]))
        let incident = try #require(linked.incident("L-E2"))
        #expect(incident.provenance == .both)
        #expect(incident.policeRefs == [PoliceRef("P2")])
        #expect(linked.incident("P-P2") == nil)
    }

    @Test func acceptedPairOverridesTheLinkersPairing() throws {
        // P1 overlaps E1 only; accepting it with E2 moves it there and leaves E1 to the authority.
        let data = try dataset()
        let linked = IncidentLinker().link(data, decisions: LinkDecisions([(pair("P1", "E2"), .accept)]))
        #expect(linked.incident("L-E2")?.policeRefs == [PoliceRef("P1")])
        #expect(linked.incident("L-E1")?.provenance == .laOnly)
    }

    @Test func laterDecisionOnAPairReplacesTheEarlier() throws {
        let decisions = LinkDecisions([(pair("P2", "E2"), .accept), (pair("P2", "E2"), .reject)])
        #expect(decisions.rejected == [pair("P2", "E2")])
        #expect(decisions.accepted.isEmpty)
        let linked = IncidentLinker().link(try dataset(), decisions: decisions)
        #expect(linked.incident("P-P2")?.provenance == .policeOnly)
    }

    @Test func decisionsOnRecordsNotInTheDataChangeNothing() throws {
        let data = try dataset()
        let decisions = LinkDecisions([(pair("P9", "E1"), .accept), (pair("P1", "E9"), .reject)])
        #expect(IncidentLinker().link(data, decisions: decisions).incidents == IncidentLinker().link(data).incidents)
    }

    @Test func linkingTwiceWithDecisionsGivesTheSameIncidents() throws {
        let data = try dataset()
        let decisions = LinkDecisions([(pair("P2", "E2"), .accept), (pair("P1", "E1"), .reject)])
        #expect(IncidentLinker().link(data, decisions: decisions).incidents
            == IncidentLinker().link(data, decisions: decisions).incidents)
    }
}
