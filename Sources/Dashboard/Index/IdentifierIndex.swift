import IncidentModel

/// Finds incidents by an identifier typed in full, case ignored: the incident id, a police
/// reference or the authority's child id. Built once off the main loop: every identifier's
/// hash beside its incident, sorted, so that a look-up is a binary search and a check of the
/// few incidents found, O(log n), whatever the number of incidents.
package struct IdentifierIndex: Sendable {
    private let hashes: [UInt64]
    private let positions: [Int32]

    /// Indexes every incident's identifiers: O(n log n).
    package init(_ incidents: [CombinedIncident]) {
        var pairs: [(hash: UInt64, position: Int32)] = []
        pairs.reserveCapacity(incidents.count * 2)
        incidents.withUnsafeBufferPointer { buffer in
            for k in 0..<buffer.count {
                for text in Self.identifiers(of: buffer[k]) { pairs.append((Self.hash(text), Int32(k))) }
            }
        }
        pairs.sort { ($0.hash, $0.position) < ($1.hash, $1.position) }
        hashes = pairs.map(\.hash)
        positions = pairs.map(\.position)
    }

    /// The incidents one of whose identifiers is `text` (case ignored), ascending.
    func positions(of text: String, in index: IncidentIndex) -> [Int32] {
        let wanted = TextFold.fold(text)
        let hash = Self.hash(wanted)
        var low = 0, high = hashes.count
        while low < high {
            let mid = (low + high) / 2
            if hashes[mid] < hash { low = mid + 1 } else { high = mid }
        }
        var found: [Int32] = []
        while low < hashes.count && hashes[low] == hash {
            let position = positions[low]
            if found.last != position && Self.identifiers(of: index[position]).contains(wanted) { found.append(position) }
            low += 1
        }
        return found
    }

    /// An incident's identifiers, folded.
    static func identifiers(of incident: CombinedIncident) -> [String] {
        var out = [TextFold.fold(incident.id.rawValue)]
        for ref in incident.policeRefs { out.append(TextFold.fold(ref.rawValue)) }
        for episode in incident.episodeIDs { out.append(TextFold.fold(episode.rawValue)) }
        if let child = incident.child { out.append(TextFold.fold(child.rawValue)) }
        return out
    }

    /// FNV-1a over the UTF-8 bytes: the same in every run.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
