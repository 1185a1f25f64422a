/// Decides which local-authority child, if any, each police report is about.
///
/// The first version is ``DeterministicPersonLinker``; a probabilistic one can replace it
/// without touching ``IncidentLinker`` or its callers.
public protocol PersonLinker: Sendable {
    /// One entry per police report of `context.dataset`, in the same order: the child the
    /// report is linked to, or `nil`.
    func linkPersons(_ context: LinkContext) -> [PersonLink?]
}

/// A police report's link to a child, and how it was made.
public struct PersonLink: Hashable, Sendable {
    public var child: ChildID
    public var method: LinkMethod

    public init(child: ChildID, method: LinkMethod) {
        self.child = child
        self.method = method
    }
}

/// How a person link was made.
public enum LinkMethod: String, Hashable, Sendable, Codable {
    /// An LA episode records the report's police reference: certain.
    case policeReference = "police_ref"
    /// Same date of birth, sex and surname, and the same forename.
    case nameRule = "rule: name"
    /// Same date of birth, sex and surname, and the same home.
    case homeRule = "rule: home"
}

/// What a linker may look at: the data, its registers and indexes built once.
public struct LinkContext: Sendable {
    public let dataset: Dataset
    public let registers: Registers
    /// For each police reference recorded on an LA episode, the first such episode's index.
    public let episodeByPoliceRef: [PoliceRef: Int]
    /// Every child's episodes (indexes into `dataset.episodes`).
    public let episodesByChild: [ChildID: [Int]]
    /// Homes by postcode and by normalised name.
    public let homeIndex: HomeIndex

    public init(dataset: Dataset) {
        self.dataset = dataset
        registers = Registers(dataset)
        var byRef: [PoliceRef: Int] = [:]
        var byChild: [ChildID: [Int]] = [:]
        byChild.reserveCapacity(dataset.children.count)
        for (i, episode) in dataset.episodes.enumerated() {
            if let ref = episode.policeRef, byRef[ref] == nil { byRef[ref] = i }
            byChild[episode.child, default: []].append(i)
        }
        episodeByPoliceRef = byRef
        episodesByChild = byChild
        homeIndex = HomeIndex(homes: dataset.homes)
    }
}

/// Finds the register's home that a police report's address names.
public struct HomeIndex: Sendable {
    private let byPostcode: [Postcode: [HomeURN]]
    private let byName: [String: [HomeURN]]

    public init(homes: [Home]) {
        var postcodes: [Postcode: [HomeURN]] = [:]
        var names: [String: [HomeURN]] = [:]
        for home in homes {
            if let postcode = home.postcode { postcodes[postcode, default: []].append(home.urn) }
            names[NameKey.normalise(home.name), default: []].append(home.urn)
        }
        byPostcode = postcodes
        byName = names
    }

    /// The one home matching the postcode, else the one whose name begins the address text
    /// (up to its first comma); `nil` when none or several match.
    public func home(postcode: Postcode?, address: String) -> HomeURN? {
        if let postcode, let homes = byPostcode[postcode], homes.count == 1 { return homes[0] }
        let name = address.split(separator: ",", maxSplits: 1).first.map(String.init) ?? address
        if let homes = byName[NameKey.normalise(name)], homes.count == 1 { return homes[0] }
        return nil
    }
}
