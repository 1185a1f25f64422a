/// Combines police reports and LA episodes into incidents: person linkage, then episode
/// pairing, then the derived facts of each incident.
public struct IncidentLinker: Sendable {
    public var personLinker: any PersonLinker
    public var pairer: EpisodePairer

    /// A linker with the given person linkage (the probabilistic model by default) and a
    /// pairing tolerance in hours (24 by default).
    public init(personLinker: any PersonLinker = ProbabilisticPersonLinker(), toleranceHours: Int = 24) {
        self.personLinker = personLinker
        self.pairer = EpisodePairer(toleranceHours: toleranceHours)
    }

    /// The version of the linking rules (pairing and incident building). Raise it whenever a
    /// change to the code could link the same data differently, so that linked incidents kept
    /// from an earlier version are linked again.
    public static let rulesVersion = 3

    /// What this linker is, for caches of its results: its person linker with every setting,
    /// the pairing tolerance and ``rulesVersion``. Linkers with the same signature link the same
    /// data into the same incidents.
    public var signature: String {
        "\(String(reflecting: personLinker)); tolerance \(pairer.tolerance) s; rules \(Self.rulesVersion)"
    }

    /// Links a dataset. The result is the same for the same data, whatever the order of work.
    public func link(_ dataset: Dataset) -> LinkedData {
        link(dataset, decisions: LinkDecisions())
    }

    /// Links a dataset with the analyst's decisions applied: accepted report / episode pairs
    /// are always paired and rejected ones never are (see ``LinkDecisions``).
    public func link(_ dataset: Dataset, decisions: LinkDecisions) -> LinkedData {
        let context = LinkContext(dataset: dataset)
        return link(context, links: personLinker.linkPersons(context), decisions: decisions)
    }

    /// Pairs episodes and builds the incidents for person links already made on `context`
    /// (one per police report), so a caller that ran a linker itself (to keep its review
    /// candidates or explanations) does not prepare the context or link the persons again.
    public func link(_ context: LinkContext, links: [PersonLink?], decisions: LinkDecisions = LinkDecisions()) -> LinkedData {
        let dataset = context.dataset
        let pairs = pairer.pair(context, links: links, decisions: decisions.resolved(in: dataset))
        var (incidents, childCodes) = IncidentBuilder(context: context).build(links: links, pairs: pairs)
        // Most children are numbered already: the marks need no look-up by id.
        let (codes, children) = ChildCodes.complete(incidents, given: childCodes, known: context.childNumbers.count)
        RepeatMissing.mark(&incidents, codes: codes, known: children)
        StillMissing.mark(&incidents, codes: codes, children: children)
        return LinkedData(
            dataset: dataset, registers: context.registers, markedIncidents: incidents, personLinks: links)
    }
}

/// A linked dataset: the source records, their registers, and the combined incidents.
public struct LinkedData: Sendable {
    public let dataset: Dataset
    public let registers: Registers
    /// The combined incidents, ordered by start, then id.
    public let incidents: [CombinedIncident]
    /// For each police report (in `dataset.policeReports` order), its person link.
    public let personLinks: [PersonLink?]

    /// The linked data; marks the incidents that belong to a child's run of 3 or more within
    /// 90 days (``RepeatMissing``) and the open ones followed by a later incident
    /// (``StillMissing``), so every view, filter and export sees the same marks.
    public init(dataset: Dataset, registers: Registers, incidents: consuming [CombinedIncident], personLinks: [PersonLink?]) {
        let (codes, children) = ChildCodes.complete(incidents)
        RepeatMissing.mark(&incidents, codes: codes, known: children)
        StillMissing.mark(&incidents, codes: codes, children: children)
        self.init(dataset: dataset, registers: registers, markedIncidents: incidents, personLinks: personLinks)
    }

    /// Linked data whose incidents are marked already (as kept by a workspace's snapshot).
    public init(dataset: Dataset, registers: Registers, markedIncidents incidents: [CombinedIncident], personLinks: [PersonLink?]) {
        self.dataset = dataset
        self.registers = registers
        self.incidents = incidents
        self.personLinks = personLinks
    }

    /// Police report / LA episode pairs that the linking made (one per report in a `both` incident).
    public var linkedPairs: Set<SourcePair> {
        var pairs = Set<SourcePair>()
        for incident in incidents where incident.provenance == .both {
            for ref in incident.policeRefs {
                for episode in incident.episodeIDs { pairs.insert(SourcePair(policeRef: ref, episodeID: episode)) }
            }
        }
        return pairs
    }
}

/// A police report and an LA episode said to describe the same absence.
public struct SourcePair: Hashable, Sendable {
    public var policeRef: PoliceRef
    public var episodeID: EpisodeID

    public init(policeRef: PoliceRef, episodeID: EpisodeID) {
        self.policeRef = policeRef
        self.episodeID = episodeID
    }
}
