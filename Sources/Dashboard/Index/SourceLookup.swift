import IncidentModel

/// Finds the source records behind an incident: LA episodes by id and police reports by
/// reference. Built once, off the main loop: O(n) dictionary inserts; or a reader that fetches
/// them by id from where the records are kept (the workspace), when they are not in memory.
package struct SourceLookup: Sendable {
    private let episodes: [EpisodeID: Int]
    private let reports: [PoliceRef: Int]
    private let reader: (@Sendable (CombinedIncident) -> IncidentSources)?

    /// Indexes the dataset's source records.
    package init(_ dataset: Dataset) {
        var episodes: [EpisodeID: Int] = [:]
        episodes.reserveCapacity(dataset.episodes.count)
        for (k, episode) in dataset.episodes.enumerated() where episodes[episode.id] == nil { episodes[episode.id] = k }
        var reports: [PoliceRef: Int] = [:]
        reports.reserveCapacity(dataset.policeReports.count)
        for (k, report) in dataset.policeReports.enumerated() where reports[report.ref] == nil { reports[report.ref] = k }
        self.episodes = episodes
        self.reports = reports
        reader = nil
    }

    /// A look-up that asks `reader` for each incident's records.
    package init(reader: @escaping @Sendable (CombinedIncident) -> IncidentSources) {
        episodes = [:]
        reports = [:]
        self.reader = reader
    }

    /// The incident's LA episodes and police reports, in its own order.
    package func sources(of incident: CombinedIncident, in dataset: Dataset) -> IncidentSources {
        if let reader { return reader(incident) }
        return IncidentSources(
            episodes: incident.episodeIDs.compactMap { episodes[$0].map { dataset.episodes[$0] } },
            reports: incident.policeRefs.compactMap { reports[$0].map { dataset.policeReports[$0] } })
    }

    /// The positions in the dataset of the incident's police reports, in its own order.
    package func reportIndexes(of incident: CombinedIncident) -> [Int] { incident.policeRefs.compactMap { reports[$0] } }

    /// The same, by scanning the dataset.
    package static func scanReportIndexes(_ incident: CombinedIncident, in dataset: Dataset) -> [Int] {
        incident.policeRefs.compactMap { ref in dataset.policeReports.firstIndex { $0.ref == ref } }
    }

    /// The same, by scanning the dataset: for when the look-up is not built yet.
    package static func scan(_ incident: CombinedIncident, in dataset: Dataset) -> IncidentSources {
        let ids = Set(incident.episodeIDs), refs = Set(incident.policeRefs)
        let episodes = ids.isEmpty ? [] : dataset.episodes.filter { ids.contains($0.id) }
        let reports = refs.isEmpty ? [] : dataset.policeReports.filter { refs.contains($0.ref) }
        return IncidentSources(
            episodes: incident.episodeIDs.compactMap { id in episodes.first { $0.id == id } },
            reports: incident.policeRefs.compactMap { ref in reports.first { $0.ref == ref } })
    }
}

/// The source records of one incident.
package struct IncidentSources: Sendable, Hashable {
    package var episodes: [LAEpisode]
    package var reports: [PoliceReport]

    package init(episodes: [LAEpisode], reports: [PoliceReport]) {
        self.episodes = episodes
        self.reports = reports
    }
}
