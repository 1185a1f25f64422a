/// The first linker: exact rules an analyst can check by eye.
///
/// 1. An LA episode that records the report's `police_ref` links the report to that episode's
///    child, with certainty.
/// 2. Otherwise a child links when the date of birth and sex are the same (both known), the
///    normalised surnames (``NameKey``) are the same, and either the normalised forenames are
///    the same or the report's address names one of the child's homes (its placement or an
///    episode's placement, by postcode or by name). When more than one child qualifies (twins,
///    siblings placed together) the report is left unlinked rather than guessed.
///
/// Linear in the number of reports and children (one dictionary of children by date of birth,
/// sex and surname).
public struct DeterministicPersonLinker: PersonLinker {
    public init() {}

    public func linkPersons(_ context: LinkContext) -> [PersonLink?] {
        struct BlockKey: Hashable {
            let dob: CivilDate
            let sex: Sex
            let surname: String
        }
        var blocks: [BlockKey: [Int]] = [:]
        blocks.reserveCapacity(context.dataset.children.count)
        for (i, child) in context.dataset.children.enumerated() {
            guard let dob = child.dateOfBirth, child.sex != .unknown else { continue }
            blocks[BlockKey(dob: dob, sex: child.sex, surname: NameKey.normalise(child.familyName)), default: []]
                .append(i)
        }
        let dataset = context.dataset
        return dataset.policeReports.map { report -> PersonLink? in
            if let episode = context.episodeByPoliceRef[report.ref] {
                return PersonLink(child: dataset.episodes[episode].child, method: .policeReference)
            }
            guard let dob = report.dateOfBirth, report.sex != .unknown,
                  let candidates = blocks[BlockKey(dob: dob, sex: report.sex, surname: NameKey.normalise(report.surname))]
            else { return nil }
            let forename = NameKey.normalise(report.forename)
            let reportHome = context.homeIndex.home(postcode: report.missingFromPostcode, address: report.missingFrom)
            var matches: [PersonLink] = []
            for index in candidates {
                let child = dataset.children[index]
                if !forename.isEmpty && NameKey.normalise(child.givenName) == forename {
                    matches.append(PersonLink(child: child.id, method: .nameRule))
                } else if let reportHome, homes(of: child, context).contains(reportHome) {
                    matches.append(PersonLink(child: child.id, method: .homeRule))
                }
            }
            return matches.count == 1 ? matches[0] : nil
        }
    }

    private func homes(of child: Child, _ context: LinkContext) -> Set<HomeURN> {
        var result = Set<HomeURN>()
        if let placement = child.placement { result.insert(placement) }
        for i in context.episodesByChild[child.id] ?? [] {
            if let urn = context.dataset.episodes[i].placement { result.insert(urn) }
        }
        return result
    }
}
