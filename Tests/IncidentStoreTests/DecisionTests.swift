import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

struct DecisionTests {
    let directory: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        directory = try TemporaryDirectory()
        workspace = try StoreFixture.importedWorkspace(in: directory)
    }

    @Test func decisionsSurviveARelinkAndALaterImport() throws {
        let paired = SourcePair(policeRef: "P2", episodeID: "E2")
        let unpaired = SourcePair(policeRef: "P4", episodeID: "E3")
        let linked = try workspace.link().linkedPairs
        #expect(linked.contains(paired))
        #expect(!linked.contains(unpaired))

        try workspace.decide(paired, .reject, reason: "another absence", attribution: StoreFixture.analyst())
        try workspace.decide(unpaired, .accept, reason: "same absence, police had the wrong name", attribution: StoreFixture.analyst())
        for _ in 0..<2 {
            let pairs = try workspace.link().linkedPairs
            #expect(!pairs.contains(paired))
            #expect(pairs.contains(unpaired))
        }
        // A newer extract changes E2; the decisions still hold on the next link.
        var later = StoreFixture.extract
        later["la_episodes.csv"] = StoreFixture.laterEpisodes
        _ = try workspace.importFiles(
            [try directory.folder("later", later)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        let reopened = try Workspace.open(at: workspace.path)
        let pairs = try reopened.link().linkedPairs
        #expect(!pairs.contains(paired))
        #expect(pairs.contains(unpaired))
    }

    @Test func keepsWhoDecidedWhenAndWhyAndTheLatestCounts() throws {
        let pair = SourcePair(policeRef: "P2", episodeID: "E2")
        let first = Instant(secondsSinceEpoch: 1_760_000_000), second = Instant(secondsSinceEpoch: 1_760_000_600)
        try workspace.decide(pair, .reject, reason: "looked different", attribution: StoreFixture.analyst("amy", at: first))
        try workspace.decide(pair, .accept, reason: "checked with the home", attribution: StoreFixture.analyst("raj", at: second))
        let decisions = try workspace.decisions()
        #expect(decisions.map(\.user) == ["amy", "raj"].map(StoreFixture.recordedUser))
        #expect(decisions.map(\.decidedAt) == [first, second])
        #expect(decisions.map(\.reason) == ["looked different", "checked with the home"])
        #expect(try workspace.linkDecisions().accepted == [pair])
        #expect(try workspace.link().linkedPairs.contains(pair))
    }

    @Test func refusesADecisionOnARecordTheWorkspaceDoesNotHold() throws {
        let before = try workspace.contents()
        #expect(throws: WorkspaceError.unknownRecord(path: workspace.path, kind: "police report", id: "P404")) {
            try workspace.decide(SourcePair(policeRef: "P404", episodeID: "E1"), .accept, reason: "x", attribution: StoreFixture.analyst())
        }
        #expect(throws: WorkspaceError.unknownRecord(path: workspace.path, kind: "LA episode", id: "E404")) {
            try workspace.decide(SourcePair(policeRef: "P1", episodeID: "E404"), .accept, reason: "x", attribution: StoreFixture.analyst())
        }
        #expect(try workspace.contents() == before)
    }
}
