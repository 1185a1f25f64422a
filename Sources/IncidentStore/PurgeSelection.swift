import IncidentModel

/// What a purge removes, worked out from the linked incidents the same way on either engine:
/// every record of each incident that ended before the cutoff, and each such incident's child
/// unless the child also has an incident that is kept.
struct PurgeSelection {
    /// How many incidents ended before the cutoff.
    private(set) var incidents = 0
    private(set) var episodes = Set<String>()
    private(set) var policeRefs = Set<String>()
    private(set) var children = Set<String>()

    init(_ linked: LinkedData, before cutoff: Instant) {
        var kept = Set<String>()
        for incident in linked.incidents {
            guard let end = incident.end, end < cutoff else {
                if let child = incident.child { kept.insert(child.rawValue) }
                continue
            }
            incidents += 1
            for id in incident.episodeIDs { episodes.insert(id.rawValue) }
            for ref in incident.policeRefs { policeRefs.insert(ref.rawValue) }
            if let child = incident.child { children.insert(child.rawValue) }
        }
        children.subtract(kept)
    }
}
