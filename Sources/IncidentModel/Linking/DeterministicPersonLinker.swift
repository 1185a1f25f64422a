/// The first linker: exact rules an analyst can check by eye.
///
/// 1. An LA episode that records the report's `police_ref` links the report to that episode's
///    child, with certainty.
/// 2. Otherwise a child links when the date of birth and sex are the same (both known), the
///    normalised surnames (``NameKey``) are the same, and either the normalised forenames are
///    the same or the report's address names one of the child's homes (its placement or an
///    episode's placement, by postcode or by name). One child matching by forename links even
///    when a sibling qualifies by home; when two children qualify equally (twins of the same
///    forename, or two siblings at the same home and no forename match) the report is left
///    unlinked rather than guessed.
///
/// Linear in the number of reports and children (one dictionary of children by date of birth,
/// sex and surname).
public struct DeterministicPersonLinker: PersonLinker {
    public init() {}

    public func linkPersons(_ context: LinkContext) -> [PersonLink?] {
        let dataset = context.dataset
        var blocks: [BlockKey: [Int]] = [:]
        blocks.reserveCapacity(dataset.children.count)
        let givenNames = dataset.children.map { NameKey.normalise($0.givenName) }
        for i in dataset.children.indices {
            let child = dataset.children[i]
            guard let dob = child.dateOfBirth, child.sex != .unknown else { continue }
            blocks[BlockKey(dob: dob, sex: child.sex, surname: NameKey.normalise(child.familyName)), default: []]
                .append(i)
        }
        let candidatesByKey = blocks
        return ParallelMap.map(count: dataset.policeReports.count) {
            linkOne(dataset.policeReports[$0], context: context, blocks: candidatesByKey, givenNames: givenNames)
        }
    }

    private func linkOne(
        _ report: PoliceReport, context: LinkContext, blocks: [BlockKey: [Int]], givenNames: [String]
    ) -> PersonLink? {
        if let episode = context.episodeByPoliceRef[report.ref] {
            return PersonLink(child: context.childID(ofEpisode: episode), method: .policeReference)
        }
        guard let dob = report.dateOfBirth, report.sex != .unknown,
              let candidates = blocks[BlockKey(dob: dob, sex: report.sex, surname: NameKey.normalise(report.surname))]
        else { return nil }
        let forename = NameKey.normalise(report.forename)
        // The forename is the stronger evidence: one child of that name links even when a
        // sibling at the same home also qualifies by home.
        var byName: PersonLink?
        var nameMatches = 0
        var byHome: PersonLink?
        var homeMatches = 0
        var reportHome: HomeURN??
        for index in candidates {
            let child = context.dataset.children[index]
            if !forename.isEmpty && givenNames[index] == forename {
                nameMatches += 1
                byName = PersonLink(child: child.id, method: .nameRule)
                continue
            }
            if reportHome == nil {
                reportHome = .some(context.homeIndex.home(postcode: report.missingFromPostcode, address: report.missingFrom))
            }
            if let home = reportHome ?? nil, context.homes(of: child).contains(home) {
                homeMatches += 1
                byHome = PersonLink(child: child.id, method: .homeRule)
            }
        }
        // Two children equally likely (twins of one name, siblings placed together): do not guess.
        if nameMatches == 1 { return byName }
        if nameMatches == 0 && homeMatches == 1 { return byHome }
        return nil
    }

    private struct BlockKey: Hashable, Sendable {
        let dob: CivilDate
        let sex: Sex
        let surname: String
    }
}
