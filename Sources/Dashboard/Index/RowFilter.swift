import IncidentModel

/// A dimension of the filter picker.
package enum FilterDimension: Int, CaseIterable, Sendable, Hashable {
    case home, authority, force, risk, provenance, period, flags

    /// The tab's title.
    package var title: String {
        switch self {
        case .home: "Home"
        case .authority: "Authority"
        case .force: "Force"
        case .risk: "Risk"
        case .provenance: "Known to"
        case .period: "Period"
        case .flags: "Flags"
        }
    }
}

/// An `IncidentFilter` compiled to look-up tables over an ``IncidentIndex``'s codes: the same
/// rule as `IncidentFilter.matches`, at the cost of a few array reads per incident.
struct RowFilter {
    private var home: [Bool]?
    private var authority: [Bool]?
    private var host: [Bool]?
    private var force: [Bool]?
    private var risk: [Bool]?
    private var provenance: [Bool]?
    private var from: Int64?
    private var to: Int64?
    private var repeatsOnly = false
    /// The bits of the flags every incident must carry (``IncidentFlag/bit``).
    private var flagMask: UInt8 = 0

    /// Compiles `filter`, leaving out one dimension when counting that dimension's values.
    init(_ filter: IncidentFilter, index: IncidentIndex, excluding: FilterDimension? = nil) {
        func table<T>(_ values: [T], _ chosen: (T) -> Bool) -> [Bool] { [false] + values.map(chosen) }
        if excluding != .home && filter.narrowsHomes {
            // Position 0 is the incidents with no known home.
            home = [filter.unknownHome] + index.homes.map { filter.homes.contains($0) }
        }
        if excluding != .authority && !filter.authorities.isEmpty {
            authority = table(index.authorities) { filter.authorities.contains($0) }
        }
        if excluding != .authority && !filter.hostAuthorities.isEmpty {
            host = table(index.authorities) { filter.hostAuthorities.contains($0) }
        }
        if excluding != .force && !filter.forces.isEmpty { force = table(index.forces) { filter.forces.contains($0) } }
        if excluding != .risk && !filter.risks.isEmpty {
            var allowed = [Bool](repeating: false, count: 256)
            for level in filter.risks { allowed[Int(level.map { UInt8($0.rawValue) } ?? IncidentIndex.noRisk)] = true }
            risk = allowed
        }
        if excluding != .provenance && !filter.provenances.isEmpty {
            var allowed = [Bool](repeating: false, count: 3)
            for p in filter.provenances { allowed[Int(IncidentIndex.provenanceCode(p))] = true }
            provenance = allowed
        }
        if excluding != .flags {
            repeatsOnly = filter.repeatsOnly
            flagMask = IncidentFlag.mask(filter.flags)
        }
        if excluding != .period {
            from = filter.from?.secondsSinceEpoch
            to = filter.to?.secondsSinceEpoch
        }
    }

    /// Whether nothing is filtered out.
    var passesAll: Bool {
        home == nil && authority == nil && host == nil && force == nil && risk == nil && provenance == nil && from == nil && to == nil
            && !repeatsOnly && flagMask == 0
    }

    /// Whether incident `i` passes.
    func matches(_ i: Int, in index: IncidentIndex) -> Bool {
        if let provenance, !provenance[Int(index.provenance[i])] { return false }
        if let from, index.startSeconds[i] < from { return false }
        if let to, index.startSeconds[i] >= to { return false }
        if let home, !home[Int(index.homeCode[i]) + 1] { return false }
        if let authority, !authority[Int(index.authorityCode[i]) + 1] { return false }
        if let host, !host[Int(index.hostCode[i]) + 1] { return false }
        if let force, !force[Int(index.forceCode[i]) + 1] { return false }
        if let risk, !risk[Int(index.risk[i])] { return false }
        if repeatsOnly && !index.isRepeat[i] { return false }
        if flagMask != 0 && index.flagBits[i] & flagMask != flagMask { return false }
        return true
    }
}

extension IncidentIndex {
    /// The positions of `order` that pass `filter`, in that order. When the filter names
    /// homes, authorities or forces, only the incidents of the fewest of them are visited
    /// (their lists in the index, cut to the period by binary search): O(k log n) for k
    /// incidents in start order, plus a pass over `order` marking them otherwise. Else O(n),
    /// in chunks on every core for large data. `inStartOrder` says that `order` is the
    /// positions ascending.
    func rows(_ order: [Int32], passing filter: IncidentFilter, inStartOrder: Bool = false) -> [Int32] {
        let compiled = RowFilter(filter, index: self)
        if compiled.passesAll { return order }
        if let candidates = candidates(filter) {
            let chosen = candidates.filter { compiled.matches(Int($0), in: self) }
            return inStartOrder ? chosen : Self.ordered(chosen, by: order, count: count)
        }
        let index = self
        // Large orders in chunks on every core (200,000 rows and more).
        return ParallelMap.chunks(count: order.count, minimumChunk: 50_000) { range in
            order[range].filter { compiled.matches(Int($0), in: index) }
        }
    }

    /// The positions, ascending, of the incidents of the chosen values of the filter's most
    /// selective place dimension within its period; `nil` when no place is filtered or the
    /// fewest are too many (a quarter of the incidents) to gain over a plain pass.
    private func candidates(_ filter: IncidentFilter) -> [Int32]? {
        func groups<T: Hashable>(_ values: [T], _ chosen: Set<T>) -> [Int] {
            values.indices.filter { chosen.contains(values[$0]) }.map { Self.listGroup(Int32($0)) }
        }
        var best: (lists: CompressedRows, groups: [Int], count: Int)?
        func consider(_ lists: CompressedRows, _ chosen: [Int]) {
            let n = chosen.reduce(0) { $0 + lists.count(of: $1) }
            if best.map({ n < $0.count }) ?? true { best = (lists, chosen, n) }
        }
        if filter.narrowsHomes {
            consider(homeLists, groups(homes, filter.homes) + (filter.unknownHome ? [Self.listGroup(-1)] : []))
        }
        if !filter.authorities.isEmpty { consider(authorityLists, groups(authorities, filter.authorities)) }
        if !filter.hostAuthorities.isEmpty { consider(hostLists, groups(authorities, filter.hostAuthorities)) }
        if !filter.forces.isEmpty { consider(forceLists, groups(forces, filter.forces)) }
        guard let best, best.count <= count / 4 else { return nil }
        let from = filter.from?.secondsSinceEpoch, to = filter.to?.secondsSinceEpoch
        var result: [Int32] = []
        for group in best.groups { result += best.lists.items(of: group, keyedBy: startSeconds, from: from, to: to) }
        if best.groups.count > 1 { result.sort() }
        return result
    }

    /// `chosen` (positions) in the order they take in `order`: a mark per incident, then one
    /// pass over `order`. O(n), reading only `order` and the marks.
    private static func ordered(_ chosen: [Int32], by order: [Int32], count: Int) -> [Int32] {
        guard !chosen.isEmpty else { return [] }
        var marked = [Bool](repeating: false, count: count)
        for i in chosen { marked[Int(i)] = true }
        var result: [Int32] = []
        result.reserveCapacity(chosen.count)
        marked.withUnsafeBufferPointer { marks in
            order.withUnsafeBufferPointer { positions in
                for i in positions where marks[Int(i)] { result.append(i) }
            }
        }
        return result
    }
}
