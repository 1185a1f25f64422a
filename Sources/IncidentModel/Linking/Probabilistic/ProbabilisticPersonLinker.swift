/// The probabilistic person linker (DESIGN section 4): a police report links to the child the
/// Fellegi-Sunter model scores highest, when that score is high enough and clearly above the
/// next candidate's.
///
/// 1. A `police_ref` recorded on an LA episode links with certainty, as before.
/// 2. Blocking: only children sharing a block key with the report are compared
///    (``CandidateSpace``), so the work grows about linearly with the records.
/// 3. Comparison: each field gets an agreement level (``FieldComparison``).
/// 4. Model: u from random pairs; m from the certain links when there are enough, else the
///    defaults; then refined by expectation-maximisation on the blocked pairs.
/// 5. Bands: a total weight of at least ``Thresholds/link`` links, with a margin over the next
///    candidate (twins and siblings are never guessed); at least ``Thresholds/review`` goes to
///    review; below that the report stays unlinked.
public struct ProbabilisticPersonLinker: PersonLinker {
    /// The weights that divide the three bands.
    public struct Thresholds: Sendable, Hashable {
        /// At or above: linked (when clear of the next candidate by `margin`).
        public var link: Double
        /// At or above (and below `link`): for review.
        public var review: Double
        /// How far the best candidate must score above the second to link without review.
        public var margin: Double

        public init(link: Double = 6, review: Double = 4, margin: Double = 4) {
            self.link = link
            self.review = review
            self.margin = margin
        }
    }

    public var thresholds: Thresholds
    /// Whether m is refined by expectation-maximisation after its first estimate.
    public var refinesByEM: Bool

    public init(thresholds: Thresholds = Thresholds(), refinesByEM: Bool = true) {
        self.thresholds = thresholds
        self.refinesByEM = refinesByEM
    }

    public func linkPersons(_ context: LinkContext) -> [PersonLink?] { run(context).links }

    /// Links every report and keeps what an analyst needs to check the result.
    ///
    /// Each blocked pair is compared once (``ComparedPairs``); the model is estimated from
    /// those comparisons, then every report is decided from them, on every core.
    public func run(_ context: LinkContext) -> ProbabilisticLinkage { run(context) { _ in } }

    /// ``run(_:)``, calling `phaseEnded` with each phase's name as it ends (`prepare`,
    /// `compare`, `model`, `decide`), for the benchmark to time them.
    package func run(_ context: LinkContext, phaseEnded: (String) -> Void) -> ProbabilisticLinkage {
        let space = CandidateSpace(context: context)
        phaseEnded("prepare")
        let pairs = ComparedPairs(space: space)
        phaseEnded("compare")
        let model = estimateModel(space, pairs: pairs)
        phaseEnded("model")
        let frequencies = NameFrequencies(people: space.people, model: model)
        let outcomes = decide(space: space, pairs: pairs, model: model, frequencies: frequencies)
        phaseEnded("decide")
        return ProbabilisticLinkage(
            links: outcomes.map(\.link), review: outcomes.compactMap(\.review), model: model,
            comparedPairs: pairs.count, space: space, frequencies: frequencies)
    }

    private struct Outcome: Sendable {
        var link: PersonLink?
        var review: ReviewCandidate?
    }

    private func decide(space: CandidateSpace, pairs: ComparedPairs, model: MatchModel, frequencies: NameFrequencies) -> [Outcome] {
        let context = space.context
        // Every vector's total weight, worked out once, and whether it has an exact name (whose
        // weight the name's frequency adjusts).
        let vectors = (0..<ComparisonVector.patternCount).map { ComparisonVector(patternIndex: $0) }
        let weights = vectors.map { model.weight($0) }
        let hasExactName = vectors.map { $0[.surname] == 1 || $0[.forename] == 1 }
        return ParallelMap.map(count: context.dataset.policeReports.count) { r in
            let episode = space.context.certainEpisodes[r]
            if episode >= 0 {
                return Outcome(link: PersonLink(child: context.childID(ofEpisode: Int(episode)), method: .policeReference))
            }
            var best: (child: Int32, weight: Double)?
            var second = -Double.infinity
            let report = space.people.reports[r]
            pairs.forEachPair(ofReport: r) { child, pattern in
                var weight = weights[pattern]
                if hasExactName[pattern] { weight += frequencies.gain(vectors[pattern], report: report) }
                if let current = best, weight <= current.weight {
                    second = max(second, weight)
                } else {
                    if let current = best { second = max(second, current.weight) }
                    best = (child, weight)
                }
            }
            guard let best else { return Outcome() }
            let id = context.dataset.children[Int(best.child)].id
            let clear = best.weight - second >= thresholds.margin
            if best.weight >= thresholds.link && clear {
                return Outcome(link: PersonLink(child: id, method: .model, weight: best.weight))
            }
            if best.weight >= thresholds.review {
                return Outcome(review: ReviewCandidate(
                    report: r, child: id, weight: best.weight, runnerUp: second.isFinite ? second : nil))
            }
            return Outcome()
        }
    }

    private func estimateModel(_ space: CandidateSpace, pairs: ComparedPairs) -> MatchModel {
        var model = MatchModel.defaults
        // u: how often unrelated pairs agree, from random pairs (a fixed seed: the same data give
        // the same model).
        let reports = space.people.reports.count
        let children = space.people.children.count
        guard reports > 0, children > 0 else { return model }
        space.people.withComparison { comparison in
            var random = SeededRandom(seed: 0x6D66_635F_7531)
            let samples = min(50_000, reports * children)
            var randomPairs: [(ComparisonVector, Double)] = []
            randomPairs.reserveCapacity(samples)
            for _ in 0..<samples {
                let r = random.below(reports)
                let c = random.below(children)
                randomPairs.append((comparison.compare(report: r, child: c), 1))
            }
            if samples >= 1000 { model.u = MatchModel.shares(randomPairs) }
            // m: from the links an LA episode's police_ref makes certain, when there are enough;
            // their vectors counted on every core, the context's arrays read in place.
            let context = space.context
            let certain = context.certainEpisodes.withUnsafeBufferPointer { certain in
                context.episodeChild.withUnsafeBufferPointer { episodeChild in
                    context.childRows.withUnsafeBufferPointer { childRows in
                        let (certainEpisodes, childOfEpisode, rows) = (
                            BorrowedBuffer(buffer: certain), BorrowedBuffer(buffer: episodeChild), BorrowedBuffer(buffer: childRows))
                        return ComparisonVector.patternCounts(count: reports, minimumChunk: 50_000) { r in
                            let episode = Int(certainEpisodes.buffer[r])
                            guard episode >= 0 else { return nil }
                            let child = Int(rows.buffer[Int(childOfEpisode.buffer[episode])])
                            return child >= 0 ? comparison.compare(report: r, child: child).patternIndex : nil
                        }
                    }
                }
            }
            if certain.reduce(0, +) >= 200 {
                model.m = MatchModel.shares(certain.enumerated().lazy.filter { $0.element > 0 }
                    .map { (ComparisonVector(patternIndex: $0.offset), Double($0.element)) })
            }
        }
        if refinesByEM {
            var patterns: [ComparisonVector: Int] = [:]
            for (index, count) in pairs.patternCounts().enumerated() where count > 0 {
                patterns[ComparisonVector(patternIndex: index)] = count
            }
            model.estimateM(patterns: patterns)
        }
        return model.tempered()
    }
}

/// What the probabilistic linker found.
public struct ProbabilisticLinkage: Sendable {
    /// One entry per police report: its link, or `nil`.
    public var links: [PersonLink?]
    /// Reports whose best candidate fell in the review band, or was too close to another.
    public var review: [ReviewCandidate]
    /// The model the weights came from.
    public var model: MatchModel
    /// How many report/child pairs blocking let through to comparison.
    public var comparedPairs: Int
    /// The prepared records and blocks the links were computed from, kept for explanations.
    let space: CandidateSpace
    /// The names' frequency adjustments the weights include.
    let frequencies: NameFrequencies

    /// The children blocking lets report `r` (its index in the dataset) be compared with.
    public func candidates(ofReport r: Int) -> [ChildID] {
        let children = space.context.dataset.children
        return space.candidates(ofReport: r).map { children[$0].id }
    }

    /// Every candidate child of report `r` (its index in the dataset), best first, with
    /// per-field levels and weights under this linkage's model.
    public func explain(report r: Int) -> [LinkExplanation] {
        let dataset = space.context.dataset
        return space.people.withComparison { comparison in
            space.candidates(ofReport: r).map { child in
                LinkExplanation(
                    report: dataset.policeReports[r].ref, child: dataset.children[child].id,
                    vector: comparison.compare(report: r, child: child), model: model,
                    gain: { field in frequencies.gain(field, name: field == .surname ? space.people.reports[r].surname : space.people.reports[r].forename) })
            }
        }.sorted { ($0.total, $1.child) > ($1.total, $0.child) }
    }
}

/// A report whose best candidate child needs an analyst's decision.
public struct ReviewCandidate: Hashable, Sendable {
    /// The report's index in the dataset.
    public var report: Int
    public var child: ChildID
    public var weight: Double
    /// The next candidate's weight, when there was one.
    public var runnerUp: Double?
}

/// Why a report and a child score as they do: each field's level and weight, and the total.
public struct LinkExplanation: Hashable, Sendable {
    public var report: PoliceRef
    public var child: ChildID
    /// Per field: its name, the level's name and the weight.
    public var fields: [(field: String, level: String, weight: Double)]
    public var total: Double

    /// `gain(field)`: the frequency adjustment of the field's exact level for this report's
    /// name (``NameFrequencies``).
    init(report: PoliceRef, child: ChildID, vector: ComparisonVector, model: MatchModel, gain: (LinkField) -> Double = { _ in 0 }) {
        self.report = report
        self.child = child
        fields = LinkField.allCases.map { field in
            let level = vector[field]
            let adjustment = level == 1 ? gain(field) : 0
            let name = adjustment == 0 ? field.levels[level]
                : field.levels[level] + (adjustment > 0 ? " (a rare name)" : " (a common name)")
            return (field.name, name, model.weight(field, level: level) + adjustment)
        }
        total = fields.reduce(0) { $0 + $1.weight }
    }

    public static func == (a: LinkExplanation, b: LinkExplanation) -> Bool {
        a.report == b.report && a.child == b.child && a.total == b.total
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(report)
        hasher.combine(child)
    }
}
