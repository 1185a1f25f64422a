/// The records prepared for comparison, and the blocking indexes that pick each report's
/// candidate children. Built once per linking run; read from every core.
///
/// The blocks: date of birth and surname sound (and the same with day and month swapped);
/// birth year, surname sound and forename initial; home and date of birth; home, birth year and
/// forename initial; and, for a report with no date of birth, home and surname sound. Every
/// part of a key is a number (``BlockKey``), computed once per record.
struct CandidateSpace: Sendable {
    let context: LinkContext
    /// One prepared person per police report and per child of `children.csv`, in dataset order.
    let people: ComparablePeople
    private let blocks: BlockTable

    private enum Rule: UInt64 {
        case birthAndSound = 1, yearSoundAndInitial, homeAndBirth, homeAndYear, homeAndSound
    }

    init(context: LinkContext) {
        self.context = context
        let dataset = context.dataset
        let homeIndex = context.homeIndex
        let childFields = ParallelMap.map(count: dataset.children.count) { c in
            let child = dataset.children[c]
            let homes = context.homes(of: child)
            return ChildFields(
                surname: child.familyName, forename: child.givenName, dateOfBirth: child.dateOfBirth, sex: child.sex,
                homes: homes, postcodes: homes.compactMap { homeIndex.postcode(of: $0) })
        }
        var people = ComparablePeople(children: childFields)
        let places = people
        let prepared = dataset.policeReports.withUnsafeBufferPointer { buffer in
            // Read in place: copying a report would retain each of its strings.
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.chunks(count: buffer.count) { range in
                // Reports repeat a few thousand addresses: each is looked up once per chunk.
                var addresses = TextMemo<(byName: Int32?, street: Int32)>()
                var postcodes = TextMemo<(home: Int32, id: Int32)>()
                // A child's reports mostly spell its names the same way: each spelling is
                // normalised and looked up once per chunk.
                var surnames = TextMemo<PreparedName>(capacity: 1 << 14)
                var forenames = TextMemo<PreparedName>(capacity: 1 << 12)
                return range.map { r in
                    let missingFrom = all.buffer[r].missingFrom
                    let address = addresses.value(for: missingFrom) {
                        (homeIndex.home(named: missingFrom).map(places.homeID), places.homeID(homeIndex.home(street: missingFrom)))
                    }
                    var postcode: (home: Int32, id: Int32) = (-1, -1)
                    if let code = all.buffer[r].missingFromPostcode {
                        postcode = postcodes.value(for: code.value) {
                            (places.homeID(homeIndex.home(postcode: code, address: "")), places.postcodeID(code))
                        }
                    }
                    return PreparedReport(
                        surname: Self.name(all.buffer[r].surname, memo: &surnames, among: places),
                        forename: Self.name(all.buffer[r].forename, memo: &forenames, among: places),
                        dateOfBirth: all.buffer[r].dateOfBirth, sex: all.buffer[r].sex,
                        namedHome: address.byName ?? postcode.home, postcode: postcode.id, streetHome: address.street,
                        hasPlace: !missingFrom.isEmpty || all.buffer[r].missingFromPostcode != nil)
                }
            }
        }
        people.add(prepared)
        self.people = people
        var entries: [(key: BlockKey, child: Int32)] = []
        entries.reserveCapacity(people.children.count * 4)
        for (c, child) in people.children.enumerated() {
            let n = Int32(c)
            let sound = people.names.sounds[Int(child.surname)]
            let initial = people.names.initials[Int(child.forename)]
            let dob = child.dateOfBirth
            if !dob.isMissing {
                entries.append((BlockKey(rule: Rule.birthAndSound.rawValue, date: dob.bits, sound: sound), n))
                entries.append((BlockKey(rule: Rule.yearSoundAndInitial.rawValue, date: dob.year, sound: sound, initial: initial), n))
            }
            for h in child.homes {
                let home = people.childHomes[Int(h)]
                if !dob.isMissing {
                    entries.append((BlockKey(rule: Rule.homeAndBirth.rawValue, date: dob.bits, home: home), n))
                    entries.append((BlockKey(rule: Rule.homeAndYear.rawValue, date: dob.year, home: home, initial: initial), n))
                }
                entries.append((BlockKey(rule: Rule.homeAndSound.rawValue, sound: sound, home: home), n))
            }
        }
        blocks = BlockTable(entries: entries)
    }

    /// A report's name prepared by `people`, or as prepared before for the same spelling.
    /// (A plain function, not a closure for ``TextMemo/value(for:_:)``: a closure that calls a
    /// method of `people` may copy it on every call, retaining each of its buffers.)
    private static func name(
        _ raw: String, memo: inout TextMemo<PreparedName>, among people: ComparablePeople
    ) -> PreparedName {
        if let known = memo.value(for: raw) { return known }
        let name = people.prepareName(raw)
        memo.remember(name, for: raw)
        return name
    }

    /// The children that share any block key with report `r`, each once, in index order.
    func candidates(ofReport r: Int) -> [Int] {
        var found: [Int32] = []
        candidates(ofReport: r, into: &found)
        return found.map(Int.init)
    }

    /// Replaces `found` with the children that share any block key with report `r`, each once,
    /// in index order (a buffer the caller reuses from report to report).
    func candidates(ofReport r: Int, into found: inout [Int32]) {
        found.removeAll(keepingCapacity: true)
        let report = people.reports[r]
        let sound = people.names.sounds[Int(report.surname)]
        let initial = people.names.initials[Int(report.forename)]
        let dob = report.dateOfBirth
        if !dob.isMissing {
            blocks.appendChildren(of: BlockKey(rule: Rule.birthAndSound.rawValue, date: dob.bits, sound: sound), to: &found)
            // The same with day and month swapped, when that is another real date.
            if dob.day <= 12 && dob.day != dob.month {
                let swapped = DateKey(year: dob.year, month: dob.day, day: dob.month)
                blocks.appendChildren(of: BlockKey(rule: Rule.birthAndSound.rawValue, date: swapped.bits, sound: sound), to: &found)
            }
            blocks.appendChildren(
                of: BlockKey(rule: Rule.yearSoundAndInitial.rawValue, date: dob.year, sound: sound, initial: initial), to: &found)
        }
        func addHome(_ home: Int32) {
            guard home >= 0 else { return }
            if !dob.isMissing {
                blocks.appendChildren(of: BlockKey(rule: Rule.homeAndBirth.rawValue, date: dob.bits, home: home), to: &found)
                blocks.appendChildren(
                    of: BlockKey(rule: Rule.homeAndYear.rawValue, date: dob.year, home: home, initial: initial), to: &found)
            } else {
                blocks.appendChildren(of: BlockKey(rule: Rule.homeAndSound.rawValue, sound: sound, home: home), to: &found)
            }
        }
        // The home the address names, then the one its street names when that is another.
        addHome(report.namedHome)
        if report.streetHome != report.namedHome { addHome(report.streetHome) }
        guard found.count > 1 else { return }
        found.sort()
        var kept = 1
        for i in 1..<found.count where found[i] != found[kept - 1] {
            found[kept] = found[i]
            kept += 1
        }
        found.removeLast(found.count - kept)
    }
}
