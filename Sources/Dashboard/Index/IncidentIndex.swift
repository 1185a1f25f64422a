import IncidentModel

/// Compact columns over the linked incidents, built once, so that filtering, counting and
/// searching a million incidents is a pass over small integer arrays rather than over the
/// incidents themselves.
///
/// Each incident `i` (its position in `linked.incidents`, which is ordered by start then id)
/// has a code per dimension: `homeCode[i]` indexes `homes`, and so on; `-1` means unknown.
/// Building costs one pass with a dictionary look-up per dimension, and a counting sort for
/// each of the place dimensions' lists (``homeLists`` and the others): O(n).
package struct IncidentIndex: Sendable {
    package let linked: LinkedData
    package let catalogue: IncidentCatalogue

    let homeCode: [Int32]
    let homes: [HomeURN]
    let authorityCode: [Int32]
    /// The host authority, coded in the same table as the responsible one.
    let hostCode: [Int32]
    let authorities: [AuthorityCode]
    let forceCode: [Int32]
    let forces: [ForceCode]
    /// The child's full name, interned.
    let nameCode: [Int32]
    let names: [String]
    /// Months since year 0 (`year * 12 + month - 1`) of the local start.
    let monthCode: [Int32]
    let startSeconds: [Int64]
    /// Highest risk's raw value, or ``noRisk``.
    let risk: [UInt8]
    let provenance: [UInt8]
    /// ``CombinedIncident/isRepeat``.
    let isRepeat: [Bool]
    /// The flags each incident carries, one ``IncidentFlag/bit`` each.
    let flagBits: [UInt8]

    /// Each home's, authority's (responsible and host) and force's incidents, in ascending
    /// positions (which is start order), so that a filter on one of them visits its incidents
    /// only. Code `c`'s incidents are group ``listGroup(_:)`` of `c`; unknown is a group too.
    let homeLists: CompressedRows
    let authorityLists: CompressedRows
    let hostLists: CompressedRows
    let forceLists: CompressedRows

    let homeSearch: SearchTable
    let authoritySearch: SearchTable
    let forceSearch: SearchTable
    let nameSearch: SearchTable

    static let noRisk: UInt8 = 255

    /// The terminal columns of the longest home, authority, force and child name, so that the
    /// table can widen their columns to show them whole.
    private let longestNames: (home: Int, authority: Int, force: Int, child: Int)

    /// Indexes the incidents of `linked`: four independent passes (homes; authorities; forces
    /// and times; names), run on every core.
    package init(linked: LinkedData, catalogue: IncidentCatalogue) {
        self.linked = linked
        self.catalogue = catalogue
        let incidents = linked.incidents
        let zone = catalogue.formatter.zone
        let (home, authority, rest, name) = Concurrently.run(
            { Self.codes(incidents) { $0.home } },
            { Self.authorityCodes(incidents) },
            { Self.forcesAndTimes(incidents, zone: zone) },
            { Self.codes(incidents) { NameKey($0.person) } })
        homeCode = home.codes
        homes = home.values
        authorityCode = authority.responsible
        hostCode = authority.host
        authorities = authority.values
        forceCode = rest.force.codes
        forces = rest.force.values
        nameCode = name.codes
        names = name.values.map(\.fullName)
        monthCode = rest.month
        startSeconds = rest.start
        risk = rest.risk
        provenance = rest.provenance
        isRepeat = rest.isRepeat
        flagBits = rest.flags
        homeLists = Self.lists(homeCode, values: homes.count)
        authorityLists = Self.lists(authorityCode, values: authorities.count)
        hostLists = Self.lists(hostCode, values: authorities.count)
        forceLists = Self.lists(forceCode, values: forces.count)
        homeSearch = SearchTable(homes.map { TextFold.joined(catalogue.homeName($0), $0.rawValue) })
        authoritySearch = SearchTable(authorities.map { TextFold.joined(catalogue.authorityName($0), $0.rawValue) })
        forceSearch = SearchTable(forces.map { TextFold.joined(catalogue.forceName($0), $0.rawValue) })
        nameSearch = SearchTable(names)
        func longest(_ texts: [String]) -> Int { texts.reduce(0) { max($0, CharacterWidth.unicode.columns($1)) } }
        longestNames = (
            longest(homes.map { catalogue.homeName($0) }), longest(authorities.map { catalogue.authorityName($0) }),
            longest(forces.map { catalogue.forceName($0) }), longest(names))
    }

    /// The terminal columns of the longest value of a name column; 0 for other columns.
    func longestText(_ column: IncidentColumn) -> Int {
        switch column {
        case .home: longestNames.home
        case .authority: longestNames.authority
        case .force: longestNames.force
        case .child: longestNames.child
        default: 0
        }
    }

    /// The group of a place dimension's lists that holds the incidents of code `code` (`-1`
    /// for unknown).
    static func listGroup(_ code: Int32) -> Int { Int(code) + 1 }

    /// The positions of each code's incidents, by a counting sort: O(n).
    private static func lists(_ codes: [Int32], values: Int) -> CompressedRows {
        codes.withUnsafeBufferPointer { buffer in
            CompressedRows(groups: values + 1, count: buffer.count) { listGroup(buffer[$0]) }
        }
    }

    /// Each incident's code for `key` (`-1` when it has none) and the values coded, in order of
    /// first appearance.
    private static func codes<Key: Hashable>(
        _ incidents: [CombinedIncident], _ key: (CombinedIncident) -> Key?
    ) -> (codes: [Int32], values: [Key]) {
        var interner = Interner<Key>()
        var codes = [Int32]()
        codes.reserveCapacity(incidents.count)
        // Through the buffer, so that no incident is copied (each holds several strings).
        incidents.withUnsafeBufferPointer { buffer in
            for k in 0..<buffer.count { codes.append(key(buffer[k]).map { interner.code($0) } ?? -1) }
        }
        return (codes, interner.values)
    }

    /// The responsible and host authorities, coded in one table.
    private static func authorityCodes(
        _ incidents: [CombinedIncident]
    ) -> (responsible: [Int32], host: [Int32], values: [AuthorityCode]) {
        var interner = Interner<AuthorityCode>()
        var responsible = [Int32](), host = [Int32]()
        responsible.reserveCapacity(incidents.count)
        host.reserveCapacity(incidents.count)
        incidents.withUnsafeBufferPointer { buffer in
            for k in 0..<buffer.count {
                responsible.append(buffer[k].responsibleAuthority.map { interner.code($0) } ?? -1)
                host.append(buffer[k].hostAuthority.map { interner.code($0) } ?? -1)
            }
        }
        return (responsible, host, interner.values)
    }

    /// The forces, coded, and the per-incident months, starts, risks, provenances and marks.
    private static func forcesAndTimes(_ incidents: [CombinedIncident], zone: LocalTimeZone) -> TimeColumns {
        var columns = TimeColumns(force: codes(incidents) { $0.force })
        columns.month.reserveCapacity(incidents.count)
        columns.start.reserveCapacity(incidents.count)
        columns.risk.reserveCapacity(incidents.count)
        columns.provenance.reserveCapacity(incidents.count)
        columns.isRepeat.reserveCapacity(incidents.count)
        columns.flags.reserveCapacity(incidents.count)
        var month = MonthWindow(code: 0, from: .max, to: .min)
        incidents.withUnsafeBufferPointer { buffer in
            for k in 0..<buffer.count {
                let start = buffer[k].start.secondsSinceEpoch
                if start < month.from || start >= month.to { month = MonthWindow(containing: buffer[k].start, zone: zone) }
                columns.month.append(month.code)
                columns.start.append(start)
                columns.risk.append(buffer[k].highestRisk.map { UInt8($0.rawValue) } ?? Self.noRisk)
                columns.provenance.append(Self.provenanceCode(buffer[k].provenance))
                columns.isRepeat.append(buffer[k].isRepeat)
                // Read in place: passing the incident to a function would copy it.
                var flags: UInt8 = 0
                if buffer[k].cseConcern == true { flags |= IncidentFlag.cse.bit }
                if buffer[k].isOutOfArea == true { flags |= IncidentFlag.outOfArea.bit }
                if !buffer[k].discrepancies.isEmpty { flags |= IncidentFlag.discrepancy.bit }
                if buffer[k].isStillMissing { flags |= IncidentFlag.ongoing.bit }
                if buffer[k].isHighRisk { flags |= IncidentFlag.highRisk.bit }
                columns.flags.append(flags)
            }
        }
        return columns
    }

    /// What ``forcesAndTimes(_:zone:)`` computes.
    private struct TimeColumns: Sendable {
        var force: (codes: [Int32], values: [ForceCode])
        var month: [Int32] = []
        var start: [Int64] = []
        var risk: [UInt8] = []
        var provenance: [UInt8] = []
        var isRepeat: [Bool] = []
        var flags: [UInt8] = []
    }

    /// The number of incidents.
    package var count: Int { linked.incidents.count }

    /// The incident at a position of `linked.incidents`.
    package subscript(_ i: Int32) -> CombinedIncident { linked.incidents[Int(i)] }

    static func provenanceCode(_ provenance: Provenance) -> UInt8 {
        switch provenance {
        case .both: 0
        case .policeOnly: 1
        case .laOnly: 2
        }
    }

    /// The other incidents of the same child (the same LA child id, or for incidents without
    /// one the same name and date of birth), in time order, including `i` itself. An incident
    /// with a child carries the authority's record of the name, so candidates are found by
    /// name code first: O(n) over a small integer array.
    package func incidentsOfChild(of i: Int32) -> [Int32] {
        let incidents = linked.incidents
        let target = incidents[Int(i)]
        let code = nameCode[Int(i)]
        var result: [Int32] = []
        nameCode.withUnsafeBufferPointer { codes in
            for k in 0..<codes.count where codes[k] == code {
                let other = incidents[k]
                let same = target.child != nil
                    ? other.child == target.child
                    : other.child == nil && other.person.dateOfBirth == target.person.dateOfBirth
                if same { result.append(Int32(k)) }
            }
        }
        return result
    }
}

/// A person's name as two strings, hashed without joining them.
struct NameKey: Hashable {
    let given: String
    let family: String

    init(_ person: PersonSummary) {
        given = person.givenName
        family = person.familyName
    }

    /// As `PersonSummary.fullName` writes it.
    var fullName: String { [given, family].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// The local month containing an instant, as a half-open range of UTC seconds.
struct MonthWindow {
    var code: Int32
    var from: Int64
    var to: Int64

    init(code: Int32, from: Int64, to: Int64) {
        self.code = code
        self.from = from
        self.to = to
    }

    init(containing instant: Instant, zone: LocalTimeZone) {
        let date = zone.local(instant).date
        self.init(code: Int32(date.year * 12 + date.month - 1), zone: zone)
    }

    init(code: Int32, zone: LocalTimeZone) {
        self.code = code
        from = Self.start(code, zone).secondsSinceEpoch
        to = Self.start(code + 1, zone).secondsSinceEpoch
    }

    static func start(_ code: Int32, _ zone: LocalTimeZone) -> Instant {
        let year = Int(code) / 12, month = Int(code) % 12 + 1
        let date = CivilDate(year: year, month: month, day: 1) ?? CivilDate(daysSinceEpoch: 0)
        return zone.startOfDay(date)
    }

    /// "2024-03".
    static func label(_ code: Int32) -> String {
        let month = Int(code) % 12 + 1
        return "\(Int(code) / 12)-\(month < 10 ? "0" : "")\(month)"
    }
}
