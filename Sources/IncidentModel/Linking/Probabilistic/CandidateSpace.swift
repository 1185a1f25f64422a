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
            let keys = Keys(surname: child.surname, forename: child.forename, dateOfBirth: child.dateOfBirth, sex: child.sex,
                            names: people.names)
            let add = { (key: BlockKey) in entries.append((key, Int32(c))) }
            keys.person(add)
            keys.broad(add)
            let homes = people.childHomes[Int(child.homes.lowerBound)..<Int(child.homes.upperBound)]
            let postcodes = people.childPostcodes[Int(child.postcodes.lowerBound)..<Int(child.postcodes.upperBound)]
            for home in homes {
                keys.place(.home, home, add)
                let text = people.homeAddresses[Int(home)]
                let street = text >= 0 ? people.addresses[Int(text)].streetKey : 0
                keys.place(.street, street, add)
                if text >= 0, case let name = people.addresses[Int(text)].streetName, name != 0 {
                    add(BlockKey(rule: Rule.streetName.rawValue, a: name))
                }
            }
            for postcode in postcodes {
                keys.place(.postcode, postcode, add)
                add(BlockKey(rule: Rule.postcode.rawValue, b: postcode))
            }
        }
        blocks = BlockTable(entries: entries)
    }

    /// The kinds of place a key can name.
    private enum Place { case home, postcode, street }

    /// A record's block keys, worked out as they are asked for, with nothing allocated: those of
    /// its person (``person(_:)``), of the broad rules (``broad(_:)``), and of each place it
    /// names (``place(_:_:_:)``).
    private struct Keys {
        let surname: Int32
        let forename: Int32
        let dateOfBirth: DateKey
        /// The initials of the surname and forename (0 for an empty name).
        let bothInitials: (Int32, Int32)
        /// The sounds (Soundex numbers) of the surname and forename (0 for none).
        let bothSounds: (Int32, Int32)
        /// Each distinct initial, and each distinct sound, once.
        var initials = SmallSet()
        var sounds = SmallSet()
        /// The sex numbers a key with sex uses: the record's; for an unknown sex, a child's is
        /// keyed as 3 and a report's looks up every one.
        var anySex = SmallSet()
        /// Whether the rules for children with no names apply: a child's keys when it has no
        /// names; always a report's, which looks for them whatever its own names.
        let pairsNameless: Bool
        /// Whether these are a child's keys (to index) rather than a report's (to look up).
        let forChild: Bool

        /// The keys of a person's names and date of birth; for a report (`isReport`) also those
        /// with day and month swapped, and those that find children with no names.
        init(surname: Int32, forename: Int32, dateOfBirth: DateKey, sex: Sex, names: NameTable, isReport: Bool = false) {
            self.surname = surname
            self.forename = forename
            self.dateOfBirth = dateOfBirth
            bothInitials = (names.initials[Int(surname)], names.initials[Int(forename)])
            bothSounds = (names.sounds[Int(surname)], names.sounds[Int(forename)])
            forChild = !isReport
            pairsNameless = isReport || (surname == NameTable.empty && forename == NameTable.empty)
            if bothInitials.0 != 0 { initials.insert(bothInitials.0) }
            if bothInitials.1 != 0 { initials.insert(bothInitials.1) }
            if bothSounds.0 != 0 { sounds.insert(bothSounds.0) }
            if bothSounds.1 != 0 { sounds.insert(bothSounds.1) }
            switch sex {
            case .male: anySex.insert(1)
            case .female: anySex.insert(2)
            default:
                if isReport { anySex.insert(1); anySex.insert(2) }
            }
            if isReport || sex == .unknown { anySex.insert(3) }
        }

        /// The date of birth, and for a report the same with day and month swapped (when that
        /// is another date); none when it is missing.
        private func dates(_ body: (DateKey) -> Void) {
            let dob = dateOfBirth
            guard !dob.isMissing else { return }
            body(dob)
            if !forChild && dob.day <= 12 && dob.day != dob.month { body(DateKey(year: dob.year, month: dob.day, day: dob.month)) }
        }

        /// The keys of the person's names and date of birth (the narrow rules).
        func person(_ emit: (BlockKey) -> Void) {
            dates { date in
                sounds.forEach { emit(BlockKey(rule: Rule.birthAndSound.rawValue, date: date.bits, a: $0)) }
                if pairsNameless { anySex.forEach { emit(BlockKey(rule: Rule.birthAndSex.rawValue, date: date.bits, a: $0)) } }
            }
            let dob = dateOfBirth
            if !dob.isMissing && bothInitials.0 != 0 && bothInitials.1 != 0 {
                let (low, high) = (min(bothInitials.0, bothInitials.1), max(bothInitials.0, bothInitials.1))
                anySex.forEach { sex in
                    emit(BlockKey(rule: Rule.yearMonthSexAndInitials.rawValue, date: dob.year << 4 | dob.month, a: low, b: high, c: sex))
                }
                emit(BlockKey(rule: Rule.monthDayAndInitials.rawValue, date: dob.month << 5 | dob.day, a: low, b: high))
                emit(BlockKey(rule: Rule.yearDayAndInitials.rawValue, date: dob.year << 5 | dob.day, a: low, b: high))
            }
            if surname != NameTable.empty && forename != NameTable.empty {
                // Both names exactly, in either order, whatever the date of birth.
                emit(BlockKey(rule: Rule.names.rawValue, b: min(surname, forename), c: max(surname, forename)))
            }
        }

        /// The keys of the broad rules (``CandidateSpace/broadBlock``): date of birth and either
        /// initial; both names' sounds in either order.
        func broad(_ emit: (BlockKey) -> Void) {
            dates { date in initials.forEach { emit(BlockKey(rule: Rule.birthAndInitial.rawValue, date: date.bits, a: $0)) } }
            if surname != NameTable.empty && forename != NameTable.empty {
                let (first, second) = bothSounds
                emit(BlockKey(rule: Rule.nameSounds.rawValue, b: min(first, second), c: max(first, second)))
            }
        }

        /// The keys of a place (a home, postcode or street number): with the date of birth, the
        /// birth year and sex, the day and month (homes only), and the sound of each name (not its
        /// initial: a home has had dozens of children, and an initial would pair a report with
        /// a quarter of them). None for no place.
        func place(_ kind: Place, _ id: Int32, _ emit: (BlockKey) -> Void) {
            guard kind == .street ? id != 0 : id >= 0 else { return }
            let (withYear, withSound): (Rule, Rule) = switch kind {
            case .home: (.homeAndYear, .homeAndSound)
            case .postcode: (.postcodeAndYear, .postcodeAndSound)
            case .street: (.streetAndYear, .streetAndSound)
            }
            let dob = dateOfBirth
            if !dob.isMissing {
                anySex.forEach { emit(BlockKey(rule: withYear.rawValue, date: dob.year, b: id, c: $0)) }
                if kind == .home {
                    emit(BlockKey(rule: Rule.homeAndBirth.rawValue, date: dob.bits, b: id))
                    emit(BlockKey(rule: Rule.homeAndMonthDay.rawValue, date: dob.month << 5 | dob.day, b: id))
                }
            }
            sounds.forEach { emit(BlockKey(rule: withSound.rawValue, a: $0, b: id)) }
            if kind == .home && pairsNameless && (forChild || dob.isMissing) {
                // A report with no date of birth looks for children with no names by home and sex.
                anySex.forEach { emit(BlockKey(rule: Rule.homeAndSex.rawValue, a: $0, b: id)) }
            }
        }
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
    /// in index order.
    func candidates(ofReport r: Int, into found: inout [Int32]) {
        var lookups = BlockLookups(reused: false)
        candidates(ofReport: r, into: &found, lookups: &lookups)
    }

    /// The same, with a buffer for the report's keys that the caller reuses from report to
    /// report, as it does `found`.
    func candidates(ofReport r: Int, into found: inout [Int32], lookups: inout BlockLookups) {
        found.removeAll(keepingCapacity: true)
        lookups.removeAll()
        let report = people.reports[r]
        let keys = Keys(surname: report.surname, forename: report.forename, dateOfBirth: report.dateOfBirth,
                        sex: report.sex, names: people.names, isReport: true)
        keys.person { lookups.add($0) }
        keys.broad { lookups.add($0, limit: Self.broadBlock) }
        // The home the address names, then the one its street names when that is another.
        keys.place(.home, report.namedHome) { lookups.add($0) }
        if report.streetHome != report.namedHome {
            keys.place(.home, report.streetHome) { lookups.add($0) }
        }
        keys.place(.postcode, report.postcode) { lookups.add($0) }
        if report.postcode >= 0 {
            lookups.add(BlockKey(rule: Rule.postcode.rawValue, b: report.postcode), limit: Self.broadBlock)
        }
        if report.address >= 0 {
            let address = people.addresses[Int(report.address)]
            keys.place(.street, address.streetKey) { lookups.add($0) }
            if address.streetName != 0 {
                lookups.add(BlockKey(rule: Rule.streetName.rawValue, a: address.streetName), limit: Self.broadBlock)
            }
        }
        blocks.appendChildren(of: &lookups, to: &found)
        found.sortAndRemoveDuplicates()
    }
}
