/// A police report's person as the comparisons take it, before its names are numbered: names
/// normalised (``NameKey``); the places it names already as the people's home and postcode ids
/// (``ComparablePeople/homeID(_:)``, ``ComparablePeople/postcodeID(_:)``).
struct ReportFields: Sendable {
    var surname: String
    var forename: String
    var dateOfBirth: CivilDate?
    var sex: Sex
    /// The home the address names by name (or, failing that, by postcode); -1 when none.
    var namedHome: Int32
    var postcode: Int32
    /// The home the address names by street; -1 when none.
    var streetHome: Int32
    /// Whether the report gives any place at all.
    var hasPlace: Bool
    /// The address as written (`missing_from`).
    var address: String
    /// The postcode's district (outward code) id (``ComparablePeople/outwardID(_:)``); -1 when none.
    var outward: Int32

    init(surname: String, forename: String, dateOfBirth: CivilDate?, sex: Sex, namedHome: Int32,
         postcode: Int32, streetHome: Int32, hasPlace: Bool, address: String = "", outward: Int32 = -1) {
        self.surname = NameKey.normalise(surname)
        self.forename = NameKey.normalise(forename)
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.namedHome = namedHome
        self.postcode = postcode
        self.streetHome = streetHome
        self.hasPlace = hasPlace
        self.address = address
        self.outward = outward
    }
}

/// A report prepared by ``ComparablePeople/prepare(_:)``: its numbers, and the names the
/// people did not know yet (their ids in `report` are placeholders until ``ComparablePeople/add(_:)``).
struct PreparedReport: Sendable {
    var report: ComparableReport
    var newSurname: String?
    var newForename: String?

    /// A report from its names, already looked up, and its other fields (its address as an id
    /// of ``ComparablePeople/addresses``, numbered by the caller; -1 for none).
    init(surname: PreparedName, forename: PreparedName, dateOfBirth: CivilDate?, sex: Sex, namedHome: Int32,
         postcode: Int32, streetHome: Int32, hasPlace: Bool, address: Int32, outward: Int32) {
        report = ComparableReport(
            surname: surname.id, forename: forename.id, dateOfBirth: DateKey(dateOfBirth), sex: sex,
            namedHome: namedHome, streetHome: streetHome, postcode: postcode, hasPlace: hasPlace,
            address: address, outward: outward)
        newSurname = surname.new
        newForename = forename.new
    }
}

/// A report's name looked up among the names already numbered: its id, or, for a name no child
/// has, -1 and its normalised text, for ``ComparablePeople/add(_:)`` to number. It depends on
/// the name's text alone, so a name met again can take the one worked out before.
struct PreparedName: Sendable {
    var id: Int32
    var new: String?

    /// The name whose normalised text (``NameKey``) is `key`, looked up in `names`.
    init(key: String, in names: NameTable) {
        if let id = names.existingID(of: key) {
            self.id = id
            new = nil
        } else {
            id = -1
            new = key
        }
    }
}

/// A child as the comparisons take it, before its names and places are numbered.
struct ChildFields: Sendable {
    var surname: String
    var forename: String
    var dateOfBirth: CivilDate?
    var sex: Sex
    /// Its placement and its episodes' placements.
    var homes: [HomeURN]
    /// Those homes' postcodes.
    var postcodes: [Postcode]
    /// Each home's name and address as the register gives them, in `homes` order (`nil` when
    /// the register lacks the home).
    var homeTexts: [(name: String, address: String)?]

    init(surname: String, forename: String, dateOfBirth: CivilDate?, sex: Sex, homes: [HomeURN], postcodes: [Postcode],
         homeTexts: [(name: String, address: String)?] = []) {
        self.surname = NameKey.normalise(surname)
        self.forename = NameKey.normalise(forename)
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.homes = homes
        self.postcodes = postcodes
        self.homeTexts = homeTexts
    }
}

/// A date of birth in 32 bits (year, month and day in bit fields; 0 when missing), to compare
/// and to put in block keys.
struct DateKey: Hashable, Sendable {
    let bits: UInt32

    init(_ date: CivilDate?) {
        bits = date.map { UInt32($0.year) << 9 | UInt32($0.month) << 5 | UInt32($0.day) } ?? 0
    }

    init(year: UInt32, month: UInt32, day: UInt32) {
        bits = year << 9 | month << 5 | day
    }

    var isMissing: Bool { bits == 0 }
    var year: UInt32 { bits >> 9 }
    var month: UInt32 { (bits >> 5) & 0xF }
    var day: UInt32 { bits & 0x1F }

    /// The date's eight digits (YYYYMMDD) as a number.
    var digits: UInt32 { year * 10_000 + month * 100 + day }

    /// Whether the two dates' eight digits differ only by two neighbouring digits swapped
    /// (`1987` / `1978`, day `12` / `21`): a slip of the keyboard.
    func isTransposition(of other: DateKey) -> Bool {
        var a = digits
        var b = other.digits
        // The first place (0 = last digit) where the digits differ; the swap must be there and
        // at the next place, and nothing else may differ.
        var place = 0
        while place < 8 && a % 10 == b % 10 {
            a /= 10
            b /= 10
            place += 1
        }
        guard place < 7 else { return false }
        let (low, otherLow) = (a % 10, b % 10)
        a /= 10
        b /= 10
        guard a % 10 == otherLow && b % 10 == low else { return false }
        return a / 10 == b / 10
    }
}

/// A police report prepared for comparison: numbers only, so that copying one costs nothing.
/// Its candidates and its comparisons with them depend on these fields alone.
struct ComparableReport: Hashable, Sendable {
    /// Name ids in the people's ``NameTable``.
    var surname: Int32
    var forename: Int32
    var dateOfBirth: DateKey
    var sex: Sex
    /// Home ids (-1: none, or a home no child was placed in).
    var namedHome: Int32
    var streetHome: Int32
    /// Postcode id (-1: none, or a postcode of no child's home).
    var postcode: Int32
    var hasPlace: Bool
    /// The address text's id in ``ComparablePeople/addresses`` (-1: none).
    var address: Int32
    /// The postcode district's id (-1: none, or a district of no child's home).
    var outward: Int32
}

/// A child prepared for comparison: numbers, and where its homes and their postcodes lie in
/// the people's shared arrays.
struct ComparableChild: Sendable {
    var surname: Int32
    var forename: Int32
    var dateOfBirth: DateKey
    var sex: Sex
    var homes: Range<Int32>
    var postcodes: Range<Int32>
}

/// The reports and children of one linking run, prepared for comparison: every name, home and
/// postcode numbered once, so that comparing a pair reads numbers only.
struct ComparablePeople: Sendable {
    private(set) var names = NameTable()
    private(set) var reports: [ComparableReport] = []
    private(set) var children: [ComparableChild] = []
    /// The children's homes (home ids), each child's in one run.
    private(set) var childHomes: [Int32] = []
    /// Their postcodes (postcode ids), each child's in one run.
    private(set) var childPostcodes: [Int32] = []
    /// Each home's name and address (by home id), as an id of ``addresses``; -1 when unknown.
    private(set) var homeAddresses: [Int32] = []
    /// Each postcode's district (by postcode id), numbered.
    private(set) var postcodeOutwards: [Int32] = []
    /// Every address text met (the children's homes', then the reports'), prepared once.
    private(set) var addresses: [AddressText] = []

    private var homeIDs: [HomeURN: Int32] = [:]
    private var postcodeIDs: [Postcode: Int32] = [:]
    private var outwardIDs: [Substring: Int32] = [:]

    /// Prepares the children; reports are added by ``addReports(_:)``.
    init(children fields: [ChildFields]) {
        children.reserveCapacity(fields.count)
        for child in fields {
            let homesStart = Int32(childHomes.count)
            for (h, home) in child.homes.enumerated() {
                let (id, isNew) = Self.number(home, in: &homeIDs)
                childHomes.append(id)
                guard isNew else { continue }
                if h < child.homeTexts.count, let text = child.homeTexts[h] {
                    homeAddresses.append(Int32(addresses.count))
                    addresses.append(AddressText(name: text.name, address: text.address))
                } else {
                    homeAddresses.append(-1)
                }
            }
            let postcodesStart = Int32(childPostcodes.count)
            for postcode in child.postcodes {
                let (id, isNew) = Self.number(postcode, in: &postcodeIDs)
                childPostcodes.append(id)
                if isNew { postcodeOutwards.append(Self.number(Self.outward(of: postcode), in: &outwardIDs).id) }
            }
            children.append(ComparableChild(
                surname: names.id(of: child.surname), forename: names.id(of: child.forename),
                dateOfBirth: DateKey(child.dateOfBirth), sex: child.sex,
                homes: homesStart..<Int32(childHomes.count), postcodes: postcodesStart..<Int32(childPostcodes.count)))
        }
    }

    /// The number of `key` in `numbers`, numbering it when it is new (and saying so).
    private static func number<Key: Hashable>(_ key: Key, in numbers: inout [Key: Int32]) -> (id: Int32, isNew: Bool) {
        if let known = numbers[key] { return (known, false) }
        let id = Int32(numbers.count)
        numbers[key] = id
        return (id, true)
    }

    /// The id of a home, for a report; -1 for none, or a home that no child was placed in (it
    /// can match no child).
    func homeID(_ urn: HomeURN?) -> Int32 { urn.flatMap { homeIDs[$0] } ?? -1 }

    /// The id of a postcode, for a report; -1 for none, or one of no child's home.
    func postcodeID(_ postcode: Postcode?) -> Int32 { postcode.flatMap { postcodeIDs[$0] } ?? -1 }

    /// The id of a postcode's district (its outward code, `GL1` of `GL1 2AB`), for a report; -1
    /// for none, or a district where no child's home stands.
    func outwardID(_ postcode: Postcode?) -> Int32 { postcode.flatMap { outwardIDs[Self.outward(of: $0)] } ?? -1 }

    private static func outward(of postcode: Postcode) -> Substring {
        postcode.value.split(separator: " ", maxSplits: 1).first ?? Substring(postcode.value)
    }

    /// Numbers the reports' address texts (`texts[r]` for report `r`, "" for none), each
    /// distinct text once, for ``PreparedReport``: the ids, in `texts` order.
    mutating func numberAddresses(_ texts: some Collection<String>) -> [Int32] {
        var memo = TextMemo<Int32>(capacity: 1 << 12)
        var fresh: [String] = []
        let first = Int32(addresses.count)
        let ids = texts.map { text -> Int32 in
            guard !text.isEmpty else { return -1 }
            return memo.value(for: text) {
                fresh.append(text)
                return first + Int32(fresh.count - 1)
            }
        }
        addresses += fresh.withUnsafeBufferPointer { buffer in
            let all = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count, minimumChunk: 2_000) { AddressText(all.buffer[$0]) }
        }
        return ids
    }

    /// Prepares the reports, in order after any added before. Names that a child has are looked
    /// up on every core; a name no child has is numbered afterwards, in report order.
    mutating func addReports(_ fields: [ReportFields]) {
        let addressIDs = numberAddresses(fields.lazy.map(\.address))
        let known = self
        add(fields.withUnsafeBufferPointer { buffer in
            let fields = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count) { known.prepare(fields.buffer[$0], address: addressIDs[$0]) }
        })
    }

    /// A report's fields as numbers, its names looked up among those already numbered (it only
    /// reads, so every core may call it at once); a name not among them is kept as text for
    /// ``add(_:)`` to number.
    func prepare(_ report: ReportFields, address: Int32) -> PreparedReport {
        PreparedReport(
            surname: PreparedName(key: report.surname, in: names), forename: PreparedName(key: report.forename, in: names),
            dateOfBirth: report.dateOfBirth, sex: report.sex, namedHome: report.namedHome, postcode: report.postcode,
            streetHome: report.streetHome, hasPlace: report.hasPlace, address: address, outward: report.outward)
    }

    /// A report's name (as recorded), normalised and looked up as ``prepare(_:)`` does.
    func prepareName(_ name: String) -> PreparedName { PreparedName(key: NameKey.normalise(name), in: names) }

    /// Adds prepared reports, in order after any added before, numbering their new names in
    /// report order.
    mutating func add(_ prepared: [PreparedReport]) {
        reports.reserveCapacity(reports.count + prepared.count)
        for item in prepared {
            var report = item.report
            if let name = item.newSurname { report.surname = names.id(of: name) }
            if let name = item.newForename { report.forename = names.id(of: name) }
            reports.append(report)
        }
    }

    /// Calls `body` with a comparison over borrowed views of the people, for loops that compare
    /// many pairs on every core (reading the arrays through `self` would retain their buffers
    /// on every access, from every core at once).
    func withComparison<R>(_ body: (FieldComparison) -> R) -> R {
        names.withNames { names in
            reports.withUnsafeBufferPointer { reports in
                children.withUnsafeBufferPointer { children in
                    childHomes.withUnsafeBufferPointer { homes in
                        childPostcodes.withUnsafeBufferPointer { postcodes in
                            homeAddresses.withUnsafeBufferPointer { homeAddresses in
                                postcodeOutwards.withUnsafeBufferPointer { outwards in
                                    addresses.withUnsafeBufferPointer { addresses in
                                        body(FieldComparison(
                                            names: names, reports: reports, children: children, childHomes: homes,
                                            childPostcodes: postcodes, homeAddresses: homeAddresses,
                                            postcodeOutwards: outwards, addresses: addresses))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

