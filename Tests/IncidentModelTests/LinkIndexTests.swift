import Testing
@testable import IncidentModel

/// The loader keeps the indexes it built for the reference check; linking with them must give
/// what linking without them gives, and any change to the records must drop them.
struct LinkIndexTests {
    let loaded: Dataset

    init() throws {
        loaded = try DatasetLoader.load(directory: ExtractSamplesTests.folder, zone: .europeLondon)
    }

    /// The same records and reports, with no indexes kept.
    static func rebuilt(_ dataset: Dataset) -> Dataset {
        Dataset(
            forces: dataset.forces, authorities: dataset.authorities, homes: dataset.homes, children: dataset.children,
            episodes: dataset.episodes, policeReports: dataset.policeReports, reports: dataset.reports)
    }

    @Test func theLoaderKeepsTheIndexesAndLinkingWithThemChangesNothing() {
        #expect(loaded.linkIndex != nil)
        let plain = Self.rebuilt(loaded)
        #expect(plain.linkIndex == nil)
        let withIndex = IncidentLinker().link(loaded)
        let without = IncidentLinker().link(plain)
        #expect(withIndex.incidents.count > 1000)
        #expect(withIndex.incidents == without.incidents)
        #expect(withIndex.personLinks == without.personLinks)
    }

    @Test func changingAnyRecordsDropsTheIndexes() {
        var changed = loaded
        changed.reports = []
        #expect(changed.linkIndex != nil, "the reports are not indexed")
        for change: (inout Dataset) -> Void in [
            { $0.forces = [] }, { $0.authorities = [] }, { $0.homes.removeLast() }, { $0.children.removeFirst() },
            { $0.episodes[0].child = ChildID("NEW") }, { $0.policeReports[0].surname = "CHANGED" },
        ] {
            var dataset = loaded
            change(&dataset)
            #expect(dataset.linkIndex == nil)
        }
    }

    @Test func anEpisodeMovedToAnotherChildIsLinkedAsChanged() throws {
        var changed = loaded
        let index = try #require(changed.episodes.indices.first { changed.episodes[$0].policeRef != nil })
        changed.episodes[index].child = ChildID("NEW-CHILD")
        let linked = IncidentLinker().link(changed)
        let incident = try #require(linked.incidents.first { $0.episodeIDs == [changed.episodes[index].id] })
        #expect(incident.child == ChildID("NEW-CHILD"))
        #expect(linked.incidents == IncidentLinker().link(Self.rebuilt(changed)).incidents)
    }
}
