/// The records prepared for comparison, and the blocking indexes that pick each report's
/// candidate children. Built once per linking run; read from every core.
///
/// The blocks: date of birth and surname sound (and the same with day and month swapped);
/// birth year, surname sound and forename initial; home and date of birth; home, birth year and
/// forename initial; and, for a report with no date of birth, home and surname sound.
struct CandidateSpace: Sendable {
    let context: LinkContext
    /// One comparable person per police report, in dataset order.
    let reports: [ComparablePerson]
    /// One comparable person per child of `children.csv`, in dataset order.
    let children: [ComparablePerson]
    private let childIndexes: [ChildID: Int]
    private let byBirthAndSound: [BlockKey: [Int32]]
    private let byYearSoundAndInitial: [BlockKey: [Int32]]
    private let byHomeAndBirth: [BlockKey: [Int32]]
    private let byHomeAndYear: [BlockKey: [Int32]]
    private let byHomeAndSound: [BlockKey: [Int32]]
    private let reportSounds: [String]

    /// A blocking key: whichever of its parts the rule uses; the others stay empty.
    private struct BlockKey: Hashable, Sendable {
        var date: CivilDate?
        var year = 0
        var sound = ""
        var initial: Character?
        var home: HomeURN?
    }

    init(context: LinkContext) {
        self.context = context
        let dataset = context.dataset
        let homeIndex = context.homeIndex
        reports = ParallelMap.map(count: dataset.policeReports.count) { r in
            let report = dataset.policeReports[r]
            let named = homeIndex.home(named: report.missingFrom) ?? report.missingFromPostcode.flatMap {
                homeIndex.home(postcode: $0, address: "")
            }
            return ComparablePerson(
                surname: report.surname, forename: report.forename, dateOfBirth: report.dateOfBirth, sex: report.sex,
                homes: named.map { [$0] } ?? [], postcodes: report.missingFromPostcode.map { [$0] } ?? [],
                streetHome: homeIndex.home(street: report.missingFrom),
                hasPlace: !report.missingFrom.isEmpty || report.missingFromPostcode != nil)
        }
        children = ParallelMap.map(count: dataset.children.count) { c in
            let child = dataset.children[c]
            let homes = context.homes(of: child)
            return ComparablePerson(
                surname: child.familyName, forename: child.givenName, dateOfBirth: child.dateOfBirth, sex: child.sex,
                homes: homes, postcodes: homes.compactMap(homeIndex.postcode(of:)), streetHome: nil, hasPlace: true)
        }
        var indexes: [ChildID: Int] = [:]
        indexes.reserveCapacity(dataset.children.count)
        for (c, child) in dataset.children.enumerated() where indexes[child.id] == nil { indexes[child.id] = c }
        childIndexes = indexes
        reportSounds = reports.map { Soundex.code($0.surname) }
        var birthSound: [BlockKey: [Int32]] = [:]
        var yearSoundInitial: [BlockKey: [Int32]] = [:]
        var homeBirth: [BlockKey: [Int32]] = [:]
        var homeYear: [BlockKey: [Int32]] = [:]
        var homeSound: [BlockKey: [Int32]] = [:]
        for (c, child) in children.enumerated() {
            let sound = Soundex.code(child.surname)
            let n = Int32(c)
            if let dob = child.dateOfBirth {
                birthSound[BlockKey(date: dob, sound: sound), default: []].append(n)
                yearSoundInitial[BlockKey(year: dob.year, sound: sound, initial: child.forename.first), default: []].append(n)
            }
            for home in child.homes {
                if let dob = child.dateOfBirth {
                    homeBirth[BlockKey(date: dob, home: home), default: []].append(n)
                    homeYear[BlockKey(year: dob.year, initial: child.forename.first, home: home), default: []].append(n)
                }
                homeSound[BlockKey(sound: sound, home: home), default: []].append(n)
            }
        }
        byBirthAndSound = birthSound
        byYearSoundAndInitial = yearSoundInitial
        byHomeAndBirth = homeBirth
        byHomeAndYear = homeYear
        byHomeAndSound = homeSound
    }

    /// Calls `body` with borrowed views of the reports and children, for loops that compare
    /// many pairs on every core (reading the arrays through the space would retain their
    /// buffers on every access, from every core at once).
    func withPeople<R>(_ body: (ComparablePeople) -> R) -> R {
        reports.withUnsafeBufferPointer { reportBuffer in
            children.withUnsafeBufferPointer { childBuffer in
                body(ComparablePeople(reports: reportBuffer, children: childBuffer))
            }
        }
    }

    /// The index of a child of `children.csv`.
    func childIndex(_ id: ChildID) -> Int? { childIndexes[id] }

    /// The children that share any block key with report `r`, each once, in index order.
    func candidates(ofReport r: Int) -> [Int] {
        let report = reports[r]
        let sound = reportSounds[r]
        var found: [Int32] = []
        func add(_ list: [Int32]?) { if let list { found.append(contentsOf: list) } }
        if let dob = report.dateOfBirth {
            add(byBirthAndSound[BlockKey(date: dob, sound: sound)])
            if let swapped = dob.swappingDayAndMonth, swapped != dob {
                add(byBirthAndSound[BlockKey(date: swapped, sound: sound)])
            }
            add(byYearSoundAndInitial[BlockKey(year: dob.year, sound: sound, initial: report.forename.first)])
        }
        var homes = report.homes
        if let street = report.streetHome, !homes.contains(street) { homes.append(street) }
        for home in homes {
            if let dob = report.dateOfBirth {
                add(byHomeAndBirth[BlockKey(date: dob, home: home)])
                add(byHomeAndYear[BlockKey(year: dob.year, initial: report.forename.first, home: home)])
            } else {
                add(byHomeAndSound[BlockKey(sound: sound, home: home)])
            }
        }
        guard found.count > 1 else { return found.map(Int.init) }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for n in found where unique.last != Int(n) { unique.append(Int(n)) }
        return unique
    }
}

/// Borrowed views of a ``CandidateSpace``'s people, valid only inside ``CandidateSpace/withPeople(_:)``.
struct ComparablePeople: @unchecked Sendable {
    let reports: UnsafeBufferPointer<ComparablePerson>
    let children: UnsafeBufferPointer<ComparablePerson>
}
