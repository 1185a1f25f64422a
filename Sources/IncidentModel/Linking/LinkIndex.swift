/// The indexes linking needs over a dataset's records, built once: the registers, the children
/// numbered (every child in `children.csv`, then any other child an episode names), each
/// child's episodes, the episode that records each police reference, and the homes by postcode
/// and name.
///
/// The loader builds it while it checks the references between files and keeps it in the
/// ``Dataset``; any change to the dataset's records drops it, and ``LinkContext`` builds it again.
struct LinkIndex: Sendable {
    let registers: Registers
    /// For each police reference recorded on an LA episode, the first such episode's index.
    let episodeByPoliceRef: [PoliceRef: Int]
    /// Episodes whose police reference an earlier episode in the file records too.
    let repeatedPoliceRefs: [Int32]
    /// Each episode's placement by its number in ``homeIndex``; -1 when it has none or the
    /// register lacks it.
    let episodeHome: [Int32]
    /// For each police report, the first LA episode that records its reference; -1 when none.
    let certainEpisodes: [Int32]
    let homeIndex: HomeIndex
    /// Each child's number.
    let childNumbers: [ChildID: Int32]
    /// For each episode, its child's number.
    let episodeChild: [Int32]
    /// Each child's episodes: compressed rows, offsets by child number, then episode indexes.
    let episodeOffsets: [Int32]
    let episodeItems: [Int32]
    /// Each child's id, by number.
    let childIDs: [ChildID]
    /// Each child's position in `dataset.children`, by number; -1 for a child that only
    /// episodes name.
    let childRows: [Int32]
    /// The number of the child at each position of `dataset.children`.
    let childRowNumbers: [Int32]

    /// The indexes of `dataset`.
    init(dataset: Dataset) {
        // The registers and the police references are indexed on one core while the children
        // are numbered on another.
        let background = Background {
            (registers: Registers(dataset), references: Self.firstEpisodes(byPoliceRef: dataset.episodes))
        }
        var numbers: [ChildID: Int32] = [:]
        numbers.reserveCapacity(dataset.children.count)
        var rows: [Int32] = []
        rows.reserveCapacity(dataset.children.count)
        var rowNumbers: [Int32] = []
        rowNumbers.reserveCapacity(dataset.children.count)
        for row in dataset.children.indices {
            if let number = numbers[dataset.children[row].id] {
                rowNumbers.append(number)
            } else {
                numbers[dataset.children[row].id] = Int32(numbers.count)
                rowNumbers.append(Int32(rows.count))
                rows.append(Int32(row))
            }
        }
        childRowNumbers = rowNumbers
        // Each episode's child among those, looked up on every core (the episodes read in place:
        // through the array, each read would retain its buffer, from both cores); then, in file order, a new
        // number for each child that only episodes name.
        let known = numbers
        var episodeChild: [Int32] = dataset.episodes.withUnsafeBufferPointer { buffer in
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count) { known[all.buffer[$0].child] ?? -1 }
        }
        for i in dataset.episodes.indices {
            guard episodeChild[i] < 0 else { continue }
            if let number = numbers[dataset.episodes[i].child] {
                episodeChild[i] = number
            } else {
                let number = Int32(numbers.count)
                numbers[dataset.episodes[i].child] = number
                rows.append(-1)
                episodeChild[i] = number
            }
        }
        childRows = rows
        // Episodes grouped by child, in file order.
        let byChild = CompressedRows(groups: numbers.count, count: episodeChild.count) { Int(episodeChild[$0]) }
        var ids = [ChildID](repeating: ChildID(""), count: numbers.count)
        for (id, number) in numbers { ids[Int(number)] = id }
        childIDs = ids
        childNumbers = numbers
        self.episodeChild = episodeChild
        episodeOffsets = byChild.offsets
        episodeItems = byChild.items
        // Each episode's placement, numbered once here, so that neither the check of the
        // references nor the building of incidents hashes its URN again.
        let homes = HomeIndex(homes: dataset.homes)
        homeIndex = homes
        episodeHome = dataset.episodes.withUnsafeBufferPointer { buffer in
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count) { e in
                guard let urn = all.buffer[e].placement else { return -1 }
                return homes.number(of: urn) ?? -1
            }
        }
        let (registers, references) = background.wait()
        self.registers = registers
        let firstByRef = references.byRef
        episodeByPoliceRef = firstByRef
        repeatedPoliceRefs = references.repeated
        certainEpisodes = dataset.policeReports.withUnsafeBufferPointer { buffer in
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count) { r in
                guard let episode = firstByRef[all.buffer[r].ref] else { return -1 }
                return Int32(episode)
            }
        }
    }

    /// The first episode to record each police reference, and the later ones that record it
    /// again (in file order). The episodes are read last to first, so that each reference is
    /// hashed once: the first episode's index is the last one written.
    private static func firstEpisodes(byPoliceRef episodes: [LAEpisode]) -> (byRef: [PoliceRef: Int], repeated: [Int32]) {
        var byRef: [PoliceRef: Int] = [:]
        byRef.reserveCapacity(episodes.count / 2)
        var repeated: [Int32] = []
        for i in episodes.indices.reversed() {
            guard let ref = episodes[i].policeRef else { continue }
            if let later = byRef.updateValue(i, forKey: ref) { repeated.append(Int32(later)) }
        }
        repeated.sort()
        return (byRef, repeated)
    }
}
