/// What a report covers: the incidents whose start falls in a period and that pass a filter.
///
/// The filter's own `from` and `to` are ignored: the period decides the time span. Its other
/// parts (homes, authorities, host authorities, forces, risks, provenances, repeats, flags) narrow every
/// figure, so that the dashboard's reports follow its filters.
public struct ReportScope: Hashable, Sendable {
    public var period: ReportPeriod
    public var filter: IncidentFilter

    public init(period: ReportPeriod, filter: IncidentFilter = IncidentFilter()) {
        self.period = period
        var filter = filter
        filter.from = nil
        filter.to = nil
        self.filter = filter
    }

    /// The filter that selects exactly the incidents behind a row: the scope's filter and
    /// period, narrowed by `narrow`. Applied to the combined incidents, it gives the rows the
    /// figure counts.
    public func drill(_ narrow: (inout IncidentFilter) -> Void) -> IncidentFilter {
        var result = filter
        result.from = period.from
        result.to = period.to
        narrow(&result)
        return result
    }
}

/// A ``ReportScope``'s filter compiled to look-up tables over ``ReportData``'s codes.
struct CompiledScope {
    private let authority: [Bool]?
    private let host: [Bool]?
    private let home: [Bool]?
    private let force: [Bool]?
    private let risk: [Bool]?
    private let provenance: [Bool]?
    private let repeatsOnly: Bool
    /// The traits every fact must carry: the filter's flags.
    private let traits: IncidentFact.Traits
    let passesAll: Bool

    init(_ filter: IncidentFilter, data: ReportData) {
        func table<T>(_ values: [T], _ chosen: Set<T>) -> [Bool]? {
            chosen.isEmpty ? nil : [false] + values.map(chosen.contains)
        }
        authority = table(data.authorities, filter.authorities)
        host = table(data.authorities, filter.hostAuthorities)
        if filter.narrowsHomes {
            // Position 0 is the incidents with no known home.
            home = [filter.unknownHome] + data.homes.map(filter.homes.contains)
        } else {
            home = nil
        }
        force = table(data.forces, filter.forces)
        if filter.risks.isEmpty {
            risk = nil
        } else {
            var allowed = [Bool](repeating: false, count: 256)
            for level in filter.risks { allowed[Int(level.map { UInt8($0.rawValue) } ?? IncidentFact.noRisk)] = true }
            risk = allowed
        }
        if filter.provenances.isEmpty {
            provenance = nil
        } else {
            var allowed = [Bool](repeating: false, count: 3)
            for p in filter.provenances { allowed[Int(IncidentFact.code(p))] = true }
            provenance = allowed
        }
        repeatsOnly = filter.repeatsOnly
        traits = filter.flags.reduce(into: IncidentFact.Traits()) { traits, flag in
            switch flag {
            case .cse: traits.insert(.cse)
            case .outOfArea: traits.insert(.outOfArea)
            case .discrepancy: traits.insert(.discrepancy)
            case .ongoing: traits.insert(.stillMissing)
            case .highRisk: traits.insert(.highRisk)
            }
        }
        passesAll = authority == nil && host == nil && home == nil && force == nil && risk == nil && provenance == nil
            && !repeatsOnly && traits.isEmpty
    }

    /// Whether a fact passes: the same rule as `IncidentFilter.matches`, times aside.
    func passes(_ fact: IncidentFact) -> Bool {
        if passesAll { return true }
        if let provenance, !provenance[Int(fact.provenance)] { return false }
        if let authority, !authority[Int(fact.authority) + 1] { return false }
        if let host, !host[Int(fact.host) + 1] { return false }
        if let home, !home[Int(fact.home) + 1] { return false }
        if let force, !force[Int(fact.force) + 1] { return false }
        if let risk, !risk[Int(fact.risk)] { return false }
        if repeatsOnly && !fact.traits.contains(.repeatMissing) { return false }
        if !fact.traits.isSuperset(of: traits) { return false }
        return true
    }
}

extension ReportData {
    /// Calls `body` with each fact in the scope's period that passes its filter, in start
    /// order. With `sparkline`, also with the facts of the twelve months ending with the
    /// period's last month (`inPeriod` tells them apart), and the fact's month's position in
    /// those twelve (`nil` outside them).
    func forEach(
        in scope: ReportScope, sparkline: Bool = false, _ body: (_ fact: IncidentFact, _ inPeriod: Bool, _ sparkMonth: Int?) -> Void
    ) {
        let compiled = CompiledScope(scope.filter, data: self)
        let months = scope.period.sparklineMonths(zone: zone)
        let sparkFrom = months[0].start(in: zone)
        let from = sparkline ? min(sparkFrom, scope.period.from) : scope.period.from
        let first = months[0].value
        let periodFrom = scope.period.from.secondsSinceEpoch
        facts.withUnsafeBufferPointer { buffer in
            for k in positions(from: from, to: scope.period.to) {
                let fact = buffer[k]
                guard compiled.passes(fact) else { continue }
                let offset = Int(fact.month - first)
                body(fact, fact.start >= periodFrom, sparkline && offset >= 0 && offset < 12 ? offset : nil)
            }
        }
    }
}
