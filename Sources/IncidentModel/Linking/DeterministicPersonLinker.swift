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
/// 3. A child with no names (an SSDA903 return carries none) links when the date of birth and
///    sex are the same (both known) and the report's address names one of the child's homes.
///    When several such children qualify (twins placed together), only one with an LA episode
///    whose window overlaps the report's (allowing 24 hours) links; otherwise none does.
///
/// Linear in the number of reports and children (one dictionary of children by date of birth,
/// sex and surname).
public struct DeterministicPersonLinker: PersonLinker {
    public init() {}

    public func linkPersons(_ context: LinkContext) -> [PersonLink?] {
        let dataset = context.dataset
        // The children in blocks by date of birth, sex and surname: each block numbered, then
        // its children listed together (compressed rows: offsets, then members).
        var blockNumbers: [BlockKey: Int32] = [:]
        blockNumbers.reserveCapacity(dataset.children.count)
        var childBlocks = [Int32](repeating: -1, count: dataset.children.count)
        // The children's names normalised on every core; the blocks are then numbered in order.
        let (givenNames, familyNames) = dataset.children.withUnsafeBufferPointer { buffer in
            let children = BorrowedBuffer(buffer: buffer)
            return (
                ParallelMap.map(count: buffer.count) { NameKey.normalise(children.buffer[$0].givenName) },
                ParallelMap.map(count: buffer.count) { NameKey.normalise(children.buffer[$0].familyName) })
        }
        for i in dataset.children.indices {
            guard let dob = dataset.children[i].dateOfBirth, dataset.children[i].sex != .unknown else { continue }
            // A child with no names is in the block with an empty surname.
            let key = BlockKey(dob: dob, sex: dataset.children[i].sex, surname: familyNames[i])
            if let number = blockNumbers[key] {
                childBlocks[i] = number
            } else {
                childBlocks[i] = Int32(blockNumbers.count)
                blockNumbers[key] = childBlocks[i]
            }
        }
        let rows = CompressedRows(groups: blockNumbers.count, count: childBlocks.count) { i in
            childBlocks[i] >= 0 ? Int(childBlocks[i]) : nil
        }
        // Rule 3 is looked for only when some child has no surname (named data skip the look-up).
        let hasNameless = blockNumbers.keys.contains { $0.surname.isEmpty }
        return Records.borrowing(dataset) { records in
            givenNames.withUnsafeBufferPointer { names in
                rows.offsets.withUnsafeBufferPointer { offsets in
                    rows.items.withUnsafeBufferPointer { members in
                        // Each report and child is read in place (a copy would retain its strings).
                        let blocks = Blocks(numbers: blockNumbers, offsets: offsets, members: members)
                        let given = BorrowedBuffer(buffer: names)
                        return ParallelMap.map(count: records.reports.count) {
                            linkOne(
                                at: $0, records: records, context: context, blocks: blocks, givenNames: given.buffer,
                                hasNameless: hasNameless)
                        }
                    }
                }
            }
        }
    }

    private func linkOne(
        at r: Int, records: Records, context: LinkContext, blocks: Blocks, givenNames: UnsafeBufferPointer<String>,
        hasNameless: Bool
    ) -> PersonLink? {
        let reports = records.reports
        if let episode = context.certainEpisode(ofReport: r) {
            return PersonLink(child: context.childID(ofEpisode: episode), method: .policeReference)
        }
        guard let dob = reports[r].dateOfBirth, reports[r].sex != .unknown else { return nil }
        if hasNameless, let link = linkNameless(reports, at: r, dob: dob, context: context, blocks: blocks) { return link }
        let candidates = blocks.members(of: BlockKey(dob: dob, sex: reports[r].sex, surname: NameKey.normalise(reports[r].surname)))
        guard !candidates.isEmpty else { return nil }
        let forename = NameKey.normalise(reports[r].forename)
        // The forename is the stronger evidence: one child of that name links even when a
        // sibling at the same home also qualifies by home.
        var byName: PersonLink?
        var nameMatches = 0
        var byHome: PersonLink?
        var homeMatches = 0
        var reportHome: HomeURN??
        for member in candidates {
            let index = Int(member)
            if !forename.isEmpty && givenNames[index] == forename {
                nameMatches += 1
                byName = PersonLink(child: records.children[index].id, method: .nameRule)
                continue
            }
            if reportHome == nil {
                reportHome = .some(context.homeIndex.home(postcode: reports[r].missingFromPostcode, address: reports[r].missingFrom))
            }
            if let home = reportHome ?? nil, context.wasPlaced(childAt: index, at: home) {
                homeMatches += 1
                byHome = PersonLink(child: records.children[index].id, method: .homeRule)
            }
        }
        // Two children equally likely (twins of one name, siblings placed together): do not guess.
        if nameMatches == 1 { return byName }
        if nameMatches == 0 && homeMatches == 1 { return byHome }
        return nil
    }

    /// Rule 3: the one child with no names, the report's date of birth and sex, and a home the
    /// report names; among several, the one with an episode at the report's time.
    private func linkNameless(
        _ reports: UnsafeBufferPointer<PoliceReport>, at r: Int, dob: CivilDate, context: LinkContext, blocks: Blocks
    ) -> PersonLink? {
        let nameless = blocks.members(of: BlockKey(dob: dob, sex: reports[r].sex, surname: "")).map(Int.init)
        guard !nameless.isEmpty,
              let home = context.homeIndex.home(postcode: reports[r].missingFromPostcode, address: reports[r].missingFrom)
        else { return nil }
        let atHome = nameless.filter { index in
            context.dataset.children[index].givenName.isEmpty && context.wasPlaced(childAt: index, at: home)
        }
        if atHome.count == 1 { return PersonLink(child: context.dataset.children[atHome[0]].id, method: .homeRule) }
        guard atHome.count > 1, let start = reports[r].lastSeenAt ?? reports[r].reportedAt else { return nil }
        let from = start.earliest.adding(seconds: -Self.tolerance)
        let to = (reports[r].foundAt ?? start).latest.adding(seconds: Self.tolerance)
        let atTime = atHome.filter { index in
            context.episodes(of: context.dataset.children[index].id).contains { e in
                let episode = context.dataset.episodes[Int(e)]
                return episode.startedAt.earliest <= to && (episode.endedAt ?? episode.startedAt).latest >= from
            }
        }
        return atTime.count == 1 ? PersonLink(child: context.dataset.children[atTime[0]].id, method: .homeRule) : nil
    }

    /// How far apart a report and an episode may be and still be at the same time: 24 hours.
    private static let tolerance: Int64 = 24 * Instant.hour

    private struct BlockKey: Hashable, Sendable {
        let dob: CivilDate
        let sex: Sex
        let surname: String
    }

    /// The children's blocks: each key's number, and each block's children (compressed rows,
    /// borrowed for the length of the linking, so that no worker counts references to them).
    private struct Blocks: @unchecked Sendable {
        let numbers: [BlockKey: Int32]
        let offsets: UnsafeBufferPointer<Int32>
        let members: UnsafeBufferPointer<Int32>

        /// The children in the key's block, in file order; none when no child has the key.
        func members(of key: BlockKey) -> Slice<UnsafeBufferPointer<Int32>> {
            guard let block = numbers[key] else { return members[0..<0] }
            return members[Int(offsets[Int(block)])..<Int(offsets[Int(block) + 1])]
        }
    }
}
