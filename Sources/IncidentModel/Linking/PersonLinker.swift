import Dispatch

/// Decides which local-authority child, if any, each police report is about.
///
/// ``ProbabilisticPersonLinker`` (the default) and ``DeterministicPersonLinker`` (the first,
/// rule-based version) both fit in ``IncidentLinker`` without touching it or its callers.
public protocol PersonLinker: Sendable {
    /// One entry per police report of `context.dataset`, in the same order: the child the
    /// report is linked to, or `nil`.
    func linkPersons(_ context: LinkContext) -> [PersonLink?]
}

/// A police report's link to a child, and how it was made.
public struct PersonLink: Hashable, Sendable {
    public var child: ChildID
    public var method: LinkMethod
    /// The match weight, for links the probabilistic model made.
    public var weight: Double?

    public init(child: ChildID, method: LinkMethod, weight: Double? = nil) {
        self.child = child
        self.method = method
        self.weight = weight
    }
}

/// How a person link was made.
public enum LinkMethod: String, Hashable, Sendable, Codable {
    /// An LA episode records the report's police reference: certain.
    case policeReference = "police_ref"
    /// Same date of birth, sex and surname, and the same forename.
    case nameRule = "rule: name"
    /// Same date of birth, sex and surname (or a child with no names), and the same home.
    case homeRule = "rule: home"
    /// The probabilistic model's weight was in the linked band.
    case model = "model"
}

/// What a linker may look at: the data, its registers and indexes built once (``LinkIndex``).
///
/// Children are numbered once (every child in `children.csv`, then any other child an episode
/// names) so that per-child work runs over arrays instead of dictionaries.
public struct LinkContext: Sendable {
    public let dataset: Dataset
    public let registers: Registers
    /// For each police reference recorded on an LA episode, the first such episode's index.
    public let episodeByPoliceRef: [PoliceRef: Int]
    /// For each police report (in `dataset.policeReports` order), the index of the first LA
    /// episode that records its reference (a certain link); -1 when none does. Looked up once
    /// here for every linker and the pairing.
    public let certainEpisodes: [Int32]
    /// Homes by postcode and by normalised name.
    public let homeIndex: HomeIndex
    /// Each episode's placement by its number in ``homeIndex``; -1 when it has none or the
    /// register lacks it.
    public let episodeHome: [Int32]
    /// Each child's number.
    public let childNumbers: [ChildID: Int32]
    /// For each episode, its child's number.
    public let episodeChild: [Int32]
    private let episodeOffsets: [Int32]
    private let episodeItems: [Int32]

    /// Each child's id, by number.
    private let childIDs: [ChildID]
    /// Each child's position in `dataset.children`, by number; -1 for a child that only
    /// episodes name.
    public let childRows: [Int32]
    /// The number of the child at each position of `dataset.children`.
    private let childRowNumbers: [Int32]

    public init(dataset: Dataset) {
        self.dataset = dataset
        // Built by the loader when it checked the references, unless the records changed since.
        let index = dataset.linkIndex ?? LinkIndex(dataset: dataset)
        registers = index.registers
        episodeByPoliceRef = index.episodeByPoliceRef
        certainEpisodes = index.certainEpisodes
        homeIndex = index.homeIndex
        episodeHome = index.episodeHome
        childNumbers = index.childNumbers
        episodeChild = index.episodeChild
        episodeOffsets = index.episodeOffsets
        episodeItems = index.episodeItems
        childIDs = index.childIDs
        childRows = index.childRows
        childRowNumbers = index.childRowNumbers
    }

    /// The child of an episode (by index), from the compact per-episode numbers.
    public func childID(ofEpisode episode: Int) -> ChildID { childIDs[Int(episodeChild[episode])] }

    /// The indexes (into `dataset.episodes`) of a child's episodes, in file order.
    public func episodes(ofChild number: Int32) -> ArraySlice<Int32> {
        episodeItems[Int(episodeOffsets[Int(number)])..<Int(episodeOffsets[Int(number) + 1])]
    }

    /// A child's homes: its placement, then its episodes' placements in file order, each once.
    public func homes(of child: Child) -> [HomeURN] {
        var homes: [HomeURN] = child.placement.map { [$0] } ?? []
        for e in episodes(of: child.id) {
            if let urn = dataset.episodes[Int(e)].placement, !homes.contains(urn) { homes.append(urn) }
        }
        return homes
    }

    /// The episode that records report `r`'s police reference, if any (see ``certainEpisodes``).
    public func certainEpisode(ofReport r: Int) -> Int? {
        certainEpisodes[r] >= 0 ? Int(certainEpisodes[r]) : nil
    }

    /// The position in `dataset.children` of an episode's child; `nil` when children.csv lacks it.
    public func childRow(ofEpisode episode: Int) -> Int? {
        let row = childRows[Int(episodeChild[episode])]
        return row >= 0 ? Int(row) : nil
    }

    /// Whether the child at `row` of `dataset.children` was placed at `home`: its placement, or
    /// any of its episodes' (as ``homes(of:)`` lists them, without building the list).
    public func wasPlaced(childAt row: Int, at home: HomeURN) -> Bool {
        if dataset.children[row].placement == home { return true }
        for e in episodes(ofChild: childRowNumbers[row]) where dataset.episodes[Int(e)].placement == home { return true }
        return false
    }

    /// The indexes of a child's episodes; empty for a child no episode names.
    public func episodes(of child: ChildID) -> ArraySlice<Int32> {
        guard let number = childNumbers[child] else { return [] }
        return episodes(ofChild: number)
    }
}

/// Finds the register's home that a police report's address names.
///
/// Each URN in the register has a number (its first row's place among the register's URNs), so
/// that linking can look a home up once and keep the number instead of hashing the URN again.
public struct HomeIndex: Sendable {
    /// The home number of each postcode, name and street address (normalised) in the register,
    /// or ``several`` when more than one row has it: one look-up answers, with no list to read.
    private let byPostcode: [Postcode: Int32]
    private let byName: [String: Int32]
    private let byStreet: [String: Int32]
    private let postcodes: [HomeURN: Postcode]
    private let numbers: [HomeURN: Int32]
    private let urns: [HomeURN]
    private let places: [HomePlace]

    public init(homes: [Home]) {
        var byPostcode: [Postcode: Int32] = [:]
        var names: [String: Int32] = [:]
        var streets: [String: Int32] = [:]
        var postcodes: [HomeURN: Postcode] = [:]
        var numbers: [HomeURN: Int32] = [:]
        var urns: [HomeURN] = []
        var places: [HomePlace] = []
        for home in homes {
            let number: Int32
            if let known = numbers[home.urn] {
                number = known
            } else {
                number = Int32(urns.count)
                numbers[home.urn] = number
                urns.append(home.urn)
                places.append(HomePlace(hostAuthority: home.localAuthority, force: home.policeForce))
            }
            if let postcode = home.postcode {
                Self.note(number, for: postcode, in: &byPostcode)
                postcodes[home.urn] = postcode
            }
            Self.note(number, for: NameKey.normalise(home.name), in: &names)
            if !home.address.isEmpty { Self.note(number, for: NameKey.normalise(home.address), in: &streets) }
        }
        self.byPostcode = byPostcode
        byName = names
        byStreet = streets
        self.postcodes = postcodes
        self.numbers = numbers
        self.urns = urns
        self.places = places
    }

    /// The mark of a postcode, name or street that more than one row of the register has.
    private static let several: Int32 = -1

    /// Records a row's home number under `key`; a second row with the key makes it ``several``.
    private static func note<Key: Hashable>(_ number: Int32, for key: Key, in table: inout [Key: Int32]) {
        if table.updateValue(number, forKey: key) != nil { table[key] = several }
    }

    /// The one home under `key`; `nil` when none or several.
    private static func unique<Key: Hashable>(_ key: Key, in table: [Key: Int32]) -> Int32? {
        guard let number = table[key], number != several else { return nil }
        return number
    }

    /// Where a register's home stands (the first row of its URN, as in ``Registers``); `nil`
    /// for a home the register lacks.
    public func place(of urn: HomeURN) -> HomePlace? { numbers[urn].map { places[Int($0)] } }

    /// The number of a home in the register; `nil` for a home the register lacks.
    public func number(of urn: HomeURN) -> Int32? { numbers[urn] }

    /// The URN of a numbered home.
    public func urn(number: Int32) -> HomeURN { urns[Int(number)] }

    /// Where a numbered home stands.
    public func place(number: Int32) -> HomePlace { places[Int(number)] }

    /// The one home whose name begins the address text (up to its first comma); `nil` when
    /// none or several match.
    public func home(named address: String) -> HomeURN? {
        guard !address.isEmpty else { return nil }
        let name = address.firstIndex(of: ",").map { String(address[..<$0]) } ?? address
        return Self.unique(NameKey.normalise(name), in: byName).map { urns[Int($0)] }
    }

    /// The one home whose street address is the text, or the text after its first comma.
    public func home(street address: String) -> HomeURN? {
        guard !address.isEmpty else { return nil }
        if let number = Self.unique(NameKey.normalise(address), in: byStreet) { return urns[Int(number)] }
        guard let comma = address.firstIndex(of: ",") else { return nil }
        let rest = address[address.index(after: comma)...]
        return Self.unique(NameKey.normalise(String(rest)), in: byStreet).map { urns[Int($0)] }
    }

    /// The register's postcode of a home.
    public func postcode(of urn: HomeURN) -> Postcode? { postcodes[urn] }

    /// The one home matching the postcode, else the one whose name begins the address text
    /// (up to its first comma); `nil` when none or several match.
    public func home(postcode: Postcode?, address: String) -> HomeURN? {
        homeNumber(postcode: postcode, address: address).map { urns[Int($0)] }
    }

    /// The number of ``home(postcode:address:)``'s home.
    public func homeNumber(postcode: Postcode?, address: String) -> Int32? {
        if let postcode, let number = Self.unique(postcode, in: byPostcode) { return number }
        guard !address.isEmpty else { return nil }
        let name = address.firstIndex(of: ",").map { String(address[..<$0]) } ?? address
        return Self.unique(NameKey.normalise(name), in: byName)
    }
}

/// The host authority and police force of a home in the register.
public struct HomePlace: Hashable, Sendable {
    public let hostAuthority: AuthorityCode?
    public let force: ForceCode?
}
