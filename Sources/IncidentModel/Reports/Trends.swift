/// Incidents per month by provenance, and by hour of day and day of week, in a period.
public struct Trends: Sendable {
    /// One month's incidents by provenance.
    public struct Month: Hashable, Sendable {
        public var month: MonthCode
        public var knownToBoth = 0
        public var policeOnly = 0
        public var laOnly = 0
        public var total: Int { knownToBoth + policeOnly + laOnly }
    }

    public let scope: ReportScope
    /// Every local month the period touches, first to last, empty ones included.
    public let months: [Month]
    /// `byHour[weekday][hour]`: incidents by the local weekday (0 Monday ... 6 Sunday) and
    /// hour (0-23) of their start.
    public let byHour: [[Int]]
    public let total: Int

    /// One pass over the scope's incidents: O(n + months).
    public init(_ data: ReportData, scope: ReportScope) {
        self.scope = scope
        let codes = scope.period.months(zone: data.zone)
        var months = codes.map { Month(month: $0) }
        var byHour = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
        var total = 0
        let first = codes.first?.value ?? 0
        data.forEach(in: scope) { fact, _, _ in
            let m = Int(fact.month - first)
            if m >= 0 && m < months.count {
                switch fact.provenance {
                case 0: months[m].knownToBoth += 1
                case 1: months[m].policeOnly += 1
                default: months[m].laOnly += 1
                }
            }
            byHour[Int(fact.slot) / 24][Int(fact.slot) % 24] += 1
            total += 1
        }
        self.months = months
        self.byHour = byHour
        self.total = total
    }

    /// The weekday names, Monday first.
    public static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
