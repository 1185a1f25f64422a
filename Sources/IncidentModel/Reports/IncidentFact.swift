/// One incident as the reports see it: integer codes into ``ReportData``'s tables and the few
/// facts the figures count. `-1` means unknown.
struct IncidentFact: Sendable {
    /// Start, seconds since the epoch.
    var start: Int64
    /// Seconds from start to end; `-1` when no source recorded an end.
    var duration: Int64
    var child: Int32
    /// The responsible authority.
    var authority: Int32
    /// The host authority (where the home stands).
    var host: Int32
    var home: Int32
    var force: Int32
    /// The local month of the start.
    var month: Int32
    /// `weekday * 24 + hour` of the local start (weekday 0 is Monday).
    var slot: UInt8
    /// 0 both, 1 police only, 2 LA only.
    var provenance: UInt8
    /// The highest risk's raw value, or ``noRisk``.
    var risk: UInt8
    var traits: Traits

    struct Traits: OptionSet, Sendable {
        let rawValue: UInt16
        static let highRisk = Traits(rawValue: 1 << 0)
        static let cse = Traits(rawValue: 1 << 1)
        /// Whether out of area is known (both authorities known).
        static let areaKnown = Traits(rawValue: 1 << 2)
        static let outOfArea = Traits(rawValue: 1 << 3)
        /// Ended, with an LA record: the return-interview rates' denominator.
        static let interviewDue = Traits(rawValue: 1 << 4)
        static let interviewOffered = Traits(rawValue: 1 << 5)
        static let interviewInTime = Traits(rawValue: 1 << 6)
        /// One of 3 or more of the child's incidents within 90 days.
        static let repeatMissing = Traits(rawValue: 1 << 7)
        /// Still missing (``CombinedIncident/isStillMissing``).
        static let stillMissing = Traits(rawValue: 1 << 8)
        /// Ended and known to the LA, with the return interview recorded (``ReturnInterview/isRecorded``).
        static let interviewRecorded = Traits(rawValue: 1 << 9)
        /// Some source recorded whether there was a CSE concern.
        static let cseRecorded = Traits(rawValue: 1 << 10)
        /// The police graded the risk.
        static let riskGraded = Traits(rawValue: 1 << 11)
        /// The sources disagree (``CombinedIncident/discrepancies``).
        static let discrepancy = Traits(rawValue: 1 << 12)
    }

    static let noRisk: UInt8 = 255
    /// A code the registers lacked, settled after the parallel pass.
    static let unresolved: Int32 = -2

    init(
        _ incident: CombinedIncident, zone: LocalTimeZone, authority: [AuthorityCode: Int32], home: [HomeURN: Int32],
        force: [ForceCode: Int32], child: [ChildID: Int32]
    ) {
        func code<K>(_ key: K?, _ table: [K: Int32]) -> Int32 {
            guard let key else { return -1 }
            return table[key] ?? Self.unresolved
        }
        let start = incident.start.secondsSinceEpoch
        self.start = start
        duration = incident.end.map { $0.secondsSinceEpoch - start } ?? -1
        self.child = incident.child.map { child[$0] ?? Self.unresolved } ?? Self.unresolved
        self.authority = code(incident.responsibleAuthority, authority)
        host = code(incident.hostAuthority, authority)
        self.home = code(incident.home, home)
        self.force = code(incident.force, force)
        let (date, seconds) = zone.local(incident.start)
        month = Int32(date.year * 12 + date.month - 1)
        slot = UInt8(date.weekday * 24 + seconds / 3600)
        provenance = Self.code(incident.provenance)
        risk = incident.highestRisk.map { UInt8($0.rawValue) } ?? Self.noRisk
        var traits: Traits = []
        if incident.isHighRisk { traits.insert(.highRisk) }
        if incident.cseConcern == true { traits.insert(.cse) }
        if incident.cseConcern != nil { traits.insert(.cseRecorded) }
        if incident.highestRisk != nil { traits.insert(.riskGraded) }
        if let outOfArea = incident.isOutOfArea {
            traits.insert(.areaKnown)
            if outOfArea { traits.insert(.outOfArea) }
        }
        if incident.returnInterview != .notApplicable { traits.insert(.interviewDue) }
        if incident.returnInterview.isRecorded { traits.insert(.interviewRecorded) }
        if incident.returnInterview.wasOffered { traits.insert(.interviewOffered) }
        if incident.returnInterview == .completedInTime { traits.insert(.interviewInTime) }
        if incident.isRepeat { traits.insert(.repeatMissing) }
        if incident.isStillMissing { traits.insert(.stillMissing) }
        if !incident.discrepancies.isEmpty { traits.insert(.discrepancy) }
        self.traits = traits
    }

    var hasUnresolved: Bool {
        child == Self.unresolved || authority == Self.unresolved || host == Self.unresolved || home == Self.unresolved
            || force == Self.unresolved
    }

    var isStillMissing: Bool { traits.contains(.stillMissing) }

    static func code(_ provenance: Provenance) -> UInt8 {
        switch provenance {
        case .both: 0
        case .policeOnly: 1
        case .laOnly: 2
        }
    }
}
