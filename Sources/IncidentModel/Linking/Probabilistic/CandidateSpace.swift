/// The records prepared for comparison, and the blocking indexes that pick each report's
/// candidate children. Built once per linking run; read from every core.
///
/// Blocking is a union of rules over different fields, so that a report and its child that
/// agree on all but one field (or lack one) still share a key ("Blocking" in the README):
/// - date of birth and the sound (Soundex) of either name (also with day and month swapped;
///   either name's sound meets either, so swapped names still meet);
/// - both names exactly, in either order, whatever the date of birth;
/// - both initials with two of the three parts of the date of birth (with the sex, for the
///   year and month);
/// - a home the address names, with the date of birth, the birth year and sex, the day and
///   month, or the sound of either name;
/// - the postcode itself (even one several homes share), with the birth year and sex, or either
///   sound;
/// - the house number and street, with the birth year and sex, or either sound;
/// - where few children share them (``broadBlock``): date of birth and either initial, both
///   names' sounds in either order, the postcode alone, and the sound of the street's name alone;
/// - for a child with no names (an SSDA903 return), date of birth and sex, and home and sex.
/// Every part of a key is a number (``BlockKey``), computed once per record; each pair is
/// compared once, however many rules produce it.
struct CandidateSpace: Sendable {
    let context: LinkContext
    /// One prepared person per police report and per child of `children.csv`, in dataset order.
    let people: ComparablePeople
    private let blocks: BlockTable

    private enum Rule: UInt64 {
        case birthAndSound = 1, names, yearMonthSexAndInitials, monthDayAndInitials, yearDayAndInitials
        case homeAndBirth, homeAndYear, homeAndMonthDay, homeAndSound
        case postcodeAndYear, postcodeAndSound, streetAndYear, streetAndSound, birthAndSex, homeAndSex
        // Broad rules: used only where few children share the key (``broadBlock``).
        case birthAndInitial = 16, nameSounds, postcode, streetName
    }

    /// The most children a broad rule's block may hold and still be used. A date of birth with
    /// an initial, or two names' sounds, are few children's among a few thousand, and pair a
    /// report whose names both changed their sound, or whose date of birth and one name both
    /// slipped; among a nation's children (or a generator's few hundred names) they are shared
    /// by dozens, and the narrower rules must do.
    static let broadBlock = 16

    init(context: LinkContext) {
        self.context = context
        let dataset = context.dataset
        let homeIndex = context.homeIndex
        let childFields = ParallelMap.map(count: dataset.children.count) { c in
            let child = dataset.children[c]
            let homes = context.homes(of: child)
            return ChildFields(
                surname: child.familyName, forename: child.givenName, dateOfBirth: child.dateOfBirth, sex: child.sex,
                homes: homes, postcodes: homes.compactMap { homeIndex.postcode(of: $0) },
                homeTexts: homes.map { urn in context.registers.homes[urn].map { ($0.name, $0.address) } })
        }
        var people = ComparablePeople(children: childFields)
        let addressIDs = people.numberAddresses(dataset.policeReports.lazy.map(\.missingFrom))
        let places = people
        let prepared = dataset.policeReports.withUnsafeBufferPointer { buffer in
            // Read in place: copying a report would retain each of its strings.
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.chunks(count: buffer.count) { range in
                // Reports repeat a few thousand addresses: each is looked up once per chunk.
                var addresses = TextMemo<(byName: Int32?, street: Int32)>()
                var postcodes = TextMemo<(home: Int32, id: Int32, outward: Int32)>()
                // A child's reports mostly spell its names the same way: each spelling is
                // normalised and looked up once per chunk.
                var surnames = TextMemo<PreparedName>(capacity: 1 << 14)
                var forenames = TextMemo<PreparedName>(capacity: 1 << 12)
                return range.map { r in
                    let missingFrom = all.buffer[r].missingFrom
                    let address = addresses.value(for: missingFrom) {
                        (homeIndex.home(named: missingFrom).map(places.homeID), places.homeID(homeIndex.home(street: missingFrom)))
                    }
                    var postcode: (home: Int32, id: Int32, outward: Int32) = (-1, -1, -1)
                    if let code = all.buffer[r].missingFromPostcode {
                        postcode = postcodes.value(for: code.value) {
                            (places.homeID(homeIndex.home(postcode: code, address: "")), places.postcodeID(code),
                             places.outwardID(code))
                        }
                    }
                    return PreparedReport(
                        surname: Self.name(all.buffer[r].surname, memo: &surnames, among: places),
                        forename: Self.name(all.buffer[r].forename, memo: &forenames, among: places),
                        dateOfBirth: all.buffer[r].dateOfBirth, sex: all.buffer[r].sex,
                        namedHome: address.byName ?? postcode.home, postcode: postcode.id, streetHome: address.street,
                        hasPlace: !missingFrom.isEmpty || all.buffer[r].missingFromPostcode != nil,
                        address: addressIDs[r], outward: postcode.outward)
                }
            }
        }
        people.add(prepared)
        self.people = people
        var entries: [(key: BlockKey, child: Int32)] = []
        entries.reserveCapacity(people.children.count * 16)
        for (c, child) in people.children.enumerated() {
            let keys = Self.keys(surname: child.surname, forename: child.forename, dateOfBirth: child.dateOfBirth, sex: child.sex,
                                 people: people)
            for key in keys.person + keys.broad { entries.append((key, Int32(c))) }
            let homes = people.childHomes[Int(child.homes.lowerBound)..<Int(child.homes.upperBound)]
            let postcodes = people.childPostcodes[Int(child.postcodes.lowerBound)..<Int(child.postcodes.upperBound)]
            for home in homes {
                for key in keys.place(.home, home) { entries.append((key, Int32(c))) }
                let text = people.homeAddresses[Int(home)]
                let street = text >= 0 ? people.addresses[Int(text)].streetKey : 0
                for key in keys.place(.street, street) { entries.append((key, Int32(c))) }
                if text >= 0, case let name = people.addresses[Int(text)].streetName, name != 0 {
                    entries.append((BlockKey(rule: Rule.streetName.rawValue, a: name), Int32(c)))
                }
            }
            for postcode in postcodes {
                for key in keys.place(.postcode, postcode) { entries.append((key, Int32(c))) }
                entries.append((BlockKey(rule: Rule.postcode.rawValue, b: postcode), Int32(c)))
            }
        }
        blocks = BlockTable(entries: entries)
    }

    /// The kinds of place a key can name.
    private enum Place { case home, postcode, street }

    /// A record's block keys, worked out once: those of its person, and a way to make those of
    /// each place it names.
    private struct Keys {
        var person: [BlockKey] = []
        var dateOfBirth: DateKey
        var initials: [Int32]
        /// The sounds (Soundex numbers) of its names, each once.
        var sounds: [Int32] = []
        /// Its keys of the broad rules (``CandidateSpace/broadBlock``).
        var broad: [BlockKey] = []
        /// Whether the rules for children with no names apply: a child's keys when it has no
        /// names; always a report's, which looks for them whatever its own names.
        var pairsNameless = false
        /// Whether these are a child's keys (to index) rather than a report's (to look up).
        var forChild = true
        /// The sex numbers a key with sex uses: the record's; for an unknown sex, a child's is
        /// keyed as 3 and a report's looks up every one.
        var anySex: [Int32] = []

        /// The keys of a place (a home, postcode or street number): with the date of birth, the
        /// birth year and sex, the day and month (homes only), and the sound of each name (not its
        /// initial: a home has had dozens of children, and an initial would pair a report with
        /// a quarter of them). None for no place.
        func place(_ kind: Place, _ id: Int32) -> [BlockKey] {
            guard kind == .street ? id != 0 : id >= 0 else { return [] }
            var keys: [BlockKey] = []
            let (withYear, withSound): (Rule, Rule) = switch kind {
            case .home: (.homeAndYear, .homeAndSound)
            case .postcode: (.postcodeAndYear, .postcodeAndSound)
            case .street: (.streetAndYear, .streetAndSound)
            }
            let dob = dateOfBirth
            if !dob.isMissing {
                for sex in anySex { keys.append(BlockKey(rule: withYear.rawValue, date: dob.year, b: id, c: sex)) }
                if kind == .home {
                    keys.append(BlockKey(rule: Rule.homeAndBirth.rawValue, date: dob.bits, b: id))
                    keys.append(BlockKey(rule: Rule.homeAndMonthDay.rawValue, date: dob.month << 5 | dob.day, b: id))
                }
            }
            for sound in sounds { keys.append(BlockKey(rule: withSound.rawValue, a: sound, b: id)) }
            if kind == .home && pairsNameless && (forChild || dob.isMissing) {
                // A report with no date of birth looks for children with no names by home and sex.
                for sex in anySex { keys.append(BlockKey(rule: Rule.homeAndSex.rawValue, a: sex, b: id)) }
            }
            return keys
        }
    }

    /// The keys of a person's names and date of birth; for a report (`isReport`) also those
    /// with day and month swapped, and those that find children with no names.
    private static func keys(
        surname: Int32, forename: Int32, dateOfBirth dob: DateKey, sex: Sex, people: ComparablePeople, isReport: Bool = false
    ) -> Keys {
        let names = people.names
        let both = (names.initials[Int(surname)], names.initials[Int(forename)])
        var initials: [Int32] = []
        for initial in [both.0, both.1] where initial != 0 && !initials.contains(initial) { initials.append(initial) }
        var keys = Keys(dateOfBirth: dob, initials: initials, forChild: !isReport)
        keys.anySex = sex == .male ? [1] : sex == .female ? [2] : isReport ? [1, 2, 3] : [3]
        if isReport && sex != .unknown { keys.anySex.append(3) }
        for sound in [names.sounds[Int(surname)], names.sounds[Int(forename)]] where sound != 0 && !keys.sounds.contains(sound) {
            keys.sounds.append(sound)
        }
        keys.pairsNameless = isReport || (surname == NameTable.empty && forename == NameTable.empty)
        if !dob.isMissing {
            var dates = [dob]
            if isReport && dob.day <= 12 && dob.day != dob.month {
                dates.append(DateKey(year: dob.year, month: dob.day, day: dob.month))
            }
            for date in dates {
                for sound in keys.sounds { keys.person.append(BlockKey(rule: Rule.birthAndSound.rawValue, date: date.bits, a: sound)) }
                for initial in keys.initials {
                    keys.broad.append(BlockKey(rule: Rule.birthAndInitial.rawValue, date: date.bits, a: initial))
                }
                if keys.pairsNameless {
                    for sex in keys.anySex { keys.person.append(BlockKey(rule: Rule.birthAndSex.rawValue, date: date.bits, a: sex)) }
                }
            }
            if both.0 != 0 && both.1 != 0 {
                let (low, high) = (min(both.0, both.1), max(both.0, both.1))
                for sex in keys.anySex {
                    keys.person.append(BlockKey(
                        rule: Rule.yearMonthSexAndInitials.rawValue, date: dob.year << 4 | dob.month, a: low, b: high, c: sex))
                }
                keys.person.append(BlockKey(rule: Rule.monthDayAndInitials.rawValue, date: dob.month << 5 | dob.day, a: low, b: high))
                keys.person.append(BlockKey(rule: Rule.yearDayAndInitials.rawValue, date: dob.year << 5 | dob.day, a: low, b: high))
            }
        }
        if surname != NameTable.empty && forename != NameTable.empty {
            // Both names exactly, in either order, whatever the date of birth; and their sounds.
            keys.person.append(BlockKey(rule: Rule.names.rawValue, b: min(surname, forename), c: max(surname, forename)))
            let (first, second) = (names.sounds[Int(surname)], names.sounds[Int(forename)])
            keys.broad.append(BlockKey(rule: Rule.nameSounds.rawValue, b: min(first, second), c: max(first, second)))
        }
        return keys
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
        let keys = Self.keys(surname: report.surname, forename: report.forename, dateOfBirth: report.dateOfBirth,
                             sex: report.sex, people: people, isReport: true)
        for key in keys.person { blocks.appendChildren(of: key, to: &found) }
        for key in keys.broad { blocks.appendChildren(of: key, to: &found, limit: Self.broadBlock) }
        // The home the address names, then the one its street names when that is another.
        for key in keys.place(.home, report.namedHome) { blocks.appendChildren(of: key, to: &found) }
        if report.streetHome != report.namedHome {
            for key in keys.place(.home, report.streetHome) { blocks.appendChildren(of: key, to: &found) }
        }
        for key in keys.place(.postcode, report.postcode) { blocks.appendChildren(of: key, to: &found) }
        if report.postcode >= 0 {
            blocks.appendChildren(of: BlockKey(rule: Rule.postcode.rawValue, b: report.postcode), to: &found, limit: Self.broadBlock)
        }
        if report.address >= 0 {
            let address = people.addresses[Int(report.address)]
            for key in keys.place(.street, address.streetKey) { blocks.appendChildren(of: key, to: &found) }
            if address.streetName != 0 {
                blocks.appendChildren(
                    of: BlockKey(rule: Rule.streetName.rawValue, a: address.streetName), to: &found, limit: Self.broadBlock)
            }
        }
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
