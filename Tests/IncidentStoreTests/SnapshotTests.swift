import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

/// The linked snapshot: kept incidents equal a fresh link, and go stale on every change.
struct SnapshotTests {
    let directory: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        directory = try TemporaryDirectory()
        workspace = try StoreFixture.importedWorkspace(in: directory)
    }

    @Test func keptIncidentsAreThoseOfAFreshLink() throws {
        #expect(try !workspace.isSnapshotCurrent())
        let first = try workspace.linkedIncidents()
        #expect(first.linkedNow)
        #expect(try workspace.isSnapshotCurrent())
        let kept = try Workspace.open(at: workspace.path).linkedIncidents()
        #expect(!kept.linkedNow)
        #expect(!kept.hasSourceRecords)
        #expect(kept.linked.incidents == (try workspace.link()).incidents)
        #expect(kept.linked.dataset.children.count == first.linked.dataset.children.count)
        #expect(kept.linked.dataset.episodes.isEmpty)
        // Asking for the source records reads them too, beside the kept incidents.
        let full = try workspace.linkedIncidents(sourceRecords: true)
        #expect(full.hasSourceRecords && !full.linkedNow)
        #expect(full.linked.dataset.episodes.count == first.linked.dataset.episodes.count)
        #expect(full.linked.incidents == first.linked.incidents)
    }

    @Test func sourceRecordsAreReadByTheIncidentsIDs() throws {
        let linked = try workspace.link()
        let incident = try #require(linked.incidents.first { $0.provenance == .both })
        let sources = try workspace.sourceRecords(of: incident)
        #expect(sources.episodes.map(\.id) == incident.episodeIDs)
        #expect(sources.reports.map(\.ref) == incident.policeRefs)
    }

    @Test func aDecisionAnImportOrAnotherLinkerMakesItStale() throws {
        try workspace.refreshSnapshot()
        let pair = SourcePair(policeRef: "P2", episodeID: "E2")
        try workspace.decide(pair, .reject, reason: "another absence", attribution: StoreFixture.analyst())
        #expect(try !workspace.isSnapshotCurrent())
        let relinked = try workspace.linkedIncidents()
        #expect(relinked.linkedNow)
        #expect(!relinked.linked.linkedPairs.contains(pair))
        #expect(!(try workspace.linkedIncidents()).linked.linkedPairs.contains(pair))

        var later = StoreFixture.extract
        later["la_episodes.csv"] = StoreFixture.laterEpisodes
        _ = try workspace.importFiles(
            [try directory.folder("later", later)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        #expect(try !workspace.isSnapshotCurrent())
        try workspace.refreshSnapshot()
        #expect(try workspace.isSnapshotCurrent())
        #expect(try !workspace.isSnapshotCurrent(linker: IncidentLinker(toleranceHours: 12)))
        // An export is not a change to the records.
        try workspace.recordExport(path: "x.csv", what: "incidents", filter: "all", rows: 1, attribution: StoreFixture.analyst())
        #expect(try workspace.isSnapshotCurrent())
    }

    @Test func aDamagedSnapshotIsLinkedAgainNotRead() throws {
        try workspace.refreshSnapshot()
        try workspace.execute(sql: "UPDATE linked_snapshot_parts SET data = substr(data, 1, length(data) - 3)")
        let linkage = try workspace.linkedIncidents()
        #expect(linkage.linkedNow)
        #expect(linkage.linked.incidents == (try workspace.link()).incidents)
        #expect(try workspace.isSnapshotCurrent())
        #expect(try !workspace.linkedIncidents().linkedNow)
    }

    @Test func oneDamagedPartAmongSeveralIsLinkedAgain() throws {
        try workspace.refreshSnapshot(linker: IncidentLinker(), partSize: 1)
        let parts = try #require(Int(try workspace.scalar("SELECT count(*) FROM linked_snapshot_parts") ?? ""))
        #expect(parts >= 3)
        #expect(try workspace.linkedIncidents().linked.incidents == (try workspace.link()).incidents)
        try workspace.execute(sql: StoreFixture.sql(
            sqlite: "UPDATE linked_snapshot_parts SET data = x'00' WHERE part = 1",
            postgres: "UPDATE linked_snapshot_parts SET data = '\\x00'::bytea WHERE part = 1"))
        let linkage = try workspace.linkedIncidents()
        #expect(linkage.linkedNow)
        #expect(linkage.linked.incidents == (try workspace.link()).incidents)
    }

    @Test func anImportIntoAnEmptyWorkspaceLinksWhatItWroteAsAReadBackWould() throws {
        let fresh = try Workspace.create(at: try StoreFixture.location("fresh", in: directory), attribution: StoreFixture.analyst()).workspace
        let result = try fresh.importFiles(
            [try directory.folder("again", StoreFixture.extract)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        #expect(result.written != nil)
        #expect(try fresh.refreshSnapshot(after: result))
        #expect(try fresh.linkedIncidents().linked.incidents == (try fresh.link()).incidents)
        // Into a workspace that holds records, nothing is taken from memory.
        var later = StoreFixture.extract
        later["la_episodes.csv"] = StoreFixture.laterEpisodes
        let update = try fresh.importFiles(
            [try directory.folder("later2", later)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        #expect(update.written == nil)
        #expect(try fresh.refreshSnapshot(after: update))
        #expect(try fresh.linkedIncidents().linked.incidents == (try fresh.link()).incidents)
    }

    @Test func anEmptyWorkspaceKeepsAnEmptySnapshot() throws {
        let empty = try Workspace.create(at: try StoreFixture.location("empty", in: directory), attribution: StoreFixture.analyst()).workspace
        #expect(try empty.linkedIncidents().linkedNow)
        let kept = try empty.linkedIncidents()
        #expect(!kept.linkedNow)
        #expect(kept.linked.incidents.isEmpty)
    }

    @Test func thePurgeRemovesTheSnapshot() throws {
        try workspace.refreshSnapshot()
        let cutoff = Instant(secondsSinceEpoch: 4_000_000_000)
        _ = try workspace.purge(before: cutoff, dryRun: false, attribution: StoreFixture.analyst())
        #expect(try workspace.scalar("SELECT count(*) FROM linked_snapshot_parts") == "0")
        #expect(try workspace.scalar("SELECT count(*) FROM linked_snapshot") == "0")
    }

    @Test func theCodecRoundTripsEveryField() throws {
        let incidents = try workspace.link().incidents
        #expect(incidents.count > 3)
        var edited = incidents
        edited[0].person.givenName = "漢字 \u{1}£"
        edited[0].person.dateOfBirth = nil
        edited[0].end = nil
        edited[0].highestRisk = nil
        edited[0].cseConcern = true
        edited[0].isRepeat = !edited[0].isRepeat
        edited[1].isRepeat = !edited[1].isRepeat
        edited[0].discrepancies = [.startsApart, .differentHomes]
        edited[1].home = nil
        edited[1].force = nil
        edited[1].child = nil
        edited[1].episodeIDs = []
        let bytes = IncidentCodec.encode(edited[...])
        let decoded = try bytes.withUnsafeBytes { try IncidentCodec.decode($0, count: edited.count) }
        #expect(decoded == edited)
        // Too few bytes, or bytes left over, is damage.
        #expect(throws: IncidentCodec.Damaged.self) {
            try bytes.dropLast().withUnsafeBytes { try IncidentCodec.decode($0, count: edited.count) }
        }
        #expect(throws: IncidentCodec.Damaged.self) {
            try bytes.withUnsafeBytes { try IncidentCodec.decode($0, count: edited.count - 1) }
        }
    }
}
