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

    init(surname: String, forename: String, dateOfBirth: CivilDate?, sex: Sex, namedHome: Int32,
         postcode: Int32, streetHome: Int32, hasPlace: Bool) {
        self.surname = NameKey.normalise(surname)
        self.forename = NameKey.normalise(forename)
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.namedHome = namedHome
        self.postcode = postcode
        self.streetHome = streetHome
        self.hasPlace = hasPlace
    }
}

/// A report prepared by ``ComparablePeople/prepare(_:)``: its numbers, and the names the
/// people did not know yet (their ids in `report` are placeholders until ``ComparablePeople/add(_:)``).
struct PreparedReport: Sendable {
    var report: ComparableReport
    var newSurname: String?
    var newForename: String?

    /// A report from its names, already looked up, and its other fields.
    init(surname: PreparedName, forename: PreparedName, dateOfBirth: CivilDate?, sex: Sex, namedHome: Int32,
         postcode: Int32, streetHome: Int32, hasPlace: Bool) {
        report = ComparableReport(
            surname: surname.id, forename: forename.id, dateOfBirth: DateKey(dateOfBirth), sex: sex,
            namedHome: namedHome, streetHome: streetHome, postcode: postcode, hasPlace: hasPlace)
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

    init(surname: String, forename: String, dateOfBirth: CivilDate?, sex: Sex, homes: [HomeURN], postcodes: [Postcode]) {
        self.surname = NameKey.normalise(surname)
        self.forename = NameKey.normalise(forename)
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.homes = homes
        self.postcodes = postcodes
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

    private var homeIDs: [HomeURN: Int32] = [:]
    private var postcodeIDs: [Postcode: Int32] = [:]

    /// Prepares the children; reports are added by ``addReports(_:)``.
    init(children fields: [ChildFields]) {
        children.reserveCapacity(fields.count)
        for child in fields {
            let homesStart = Int32(childHomes.count)
            for home in child.homes {
                if let id = homeIDs[home] {
                    childHomes.append(id)
                } else {
                    let id = Int32(homeIDs.count)
                    homeIDs[home] = id
                    childHomes.append(id)
                }
            }
            let postcodesStart = Int32(childPostcodes.count)
            for postcode in child.postcodes {
                if let id = postcodeIDs[postcode] {
                    childPostcodes.append(id)
                } else {
                    let id = Int32(postcodeIDs.count)
                    postcodeIDs[postcode] = id
                    childPostcodes.append(id)
                }
            }
            children.append(ComparableChild(
                surname: names.id(of: child.surname), forename: names.id(of: child.forename),
                dateOfBirth: DateKey(child.dateOfBirth), sex: child.sex,
                homes: homesStart..<Int32(childHomes.count), postcodes: postcodesStart..<Int32(childPostcodes.count)))
        }
    }

    /// The id of a home, for a report; -1 for none, or a home that no child was placed in (it
    /// can match no child).
    func homeID(_ urn: HomeURN?) -> Int32 { urn.flatMap { homeIDs[$0] } ?? -1 }

    /// The id of a postcode, for a report; -1 for none, or one of no child's home.
    func postcodeID(_ postcode: Postcode?) -> Int32 { postcode.flatMap { postcodeIDs[$0] } ?? -1 }

    /// Prepares the reports, in order after any added before. Names that a child has are looked
    /// up on every core; a name no child has is numbered afterwards, in report order.
    mutating func addReports(_ fields: [ReportFields]) {
        let known = self
        add(fields.withUnsafeBufferPointer { buffer in
            let fields = BorrowedBuffer(buffer: buffer)
            return ParallelMap.map(count: buffer.count) { known.prepare(fields.buffer[$0]) }
        })
    }

    /// A report's fields as numbers, its names looked up among those already numbered (it only
    /// reads, so every core may call it at once); a name not among them is kept as text for
    /// ``add(_:)`` to number.
    func prepare(_ report: ReportFields) -> PreparedReport {
        PreparedReport(
            surname: PreparedName(key: report.surname, in: names), forename: PreparedName(key: report.forename, in: names),
            dateOfBirth: report.dateOfBirth, sex: report.sex, namedHome: report.namedHome, postcode: report.postcode,
            streetHome: report.streetHome, hasPlace: report.hasPlace)
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
                            body(FieldComparison(
                                names: names, reports: reports, children: children, childHomes: homes,
                                childPostcodes: postcodes))
                        }
                    }
                }
            }
        }
    }
}

