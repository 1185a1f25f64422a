/// Everything read from one folder of native files, with the report of each file.
public struct Dataset: Sendable {
    public var forces: [PoliceForce] = [] { didSet { linkIndex = nil } }
    public var authorities: [Authority] = [] { didSet { linkIndex = nil } }
    public var homes: [Home] = [] { didSet { linkIndex = nil } }
    public var children: [Child] = [] { didSet { linkIndex = nil } }
    public var episodes: [LAEpisode] = [] { didSet { linkIndex = nil } }
    public var policeReports: [PoliceReport] = [] { didSet { linkIndex = nil } }
    /// One report per file read, in the order read.
    public var reports: [FileReport] = []
    /// The indexes linking needs, when the loader built them (it checks the references with
    /// them); dropped by any change to the records, so they always describe these records.
    var linkIndex: LinkIndex?

    public init(
        forces: [PoliceForce] = [], authorities: [Authority] = [], homes: [Home] = [], children: [Child] = [],
        episodes: [LAEpisode] = [], policeReports: [PoliceReport] = [], reports: [FileReport] = []
    ) {
        self.forces = forces
        self.authorities = authorities
        self.homes = homes
        self.children = children
        self.episodes = episodes
        self.policeReports = policeReports
        self.reports = reports
    }

    /// Whether any row of any file was rejected.
    public var hasRejections: Bool { reports.contains { $0.rejected > 0 } }
    /// Whether any file could not be read at all.
    public var hasUnreadableFiles: Bool { reports.contains { $0.failed } }
}

/// Look-ups by id over a dataset's registers, built once.
public struct Registers: Sendable {
    public let forces: [ForceCode: PoliceForce]
    public let authorities: [AuthorityCode: Authority]
    public let homes: [HomeURN: Home]
    public let children: [ChildID: Child]

    public init(_ dataset: Dataset) {
        forces = Dictionary(dataset.forces.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        authorities = Dictionary(dataset.authorities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        homes = Dictionary(dataset.homes.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        children = Dictionary(dataset.children.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
