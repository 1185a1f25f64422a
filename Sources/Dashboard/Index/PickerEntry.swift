import IncidentModel

/// A value a filter can take, from the picker.
public enum FilterValue: Hashable, Sendable {
    case home(HomeURN)
    case authority(AuthorityCode)
    case force(ForceCode)
    case risk(RiskLevel?)
    case provenance(Provenance)
    /// Incidents starting in `[from, to)`, a month or a year.
    case period(from: Instant, to: Instant, label: String)
    /// Incidents that are one of 3 or more of the child's within 90 days.
    case repeats

    /// Adds the value to a filter: values of one dimension combine with "or", a period
    /// replaces the one before.
    public func apply(to filter: inout IncidentFilter) {
        switch self {
        case let .home(urn): filter.homes.insert(urn)
        case let .authority(code): filter.authorities.insert(code)
        case let .force(code): filter.forces.insert(code)
        case let .risk(level): filter.risks.insert(level)
        case let .provenance(p): filter.provenances.insert(p)
        case let .period(from, to, _):
            filter.from = from
            filter.to = to
        case .repeats: filter.repeatsOnly = true
        }
    }
}

/// One line of the filter picker: a value and the incidents it would show with the other
/// active filters.
public struct PickerEntry: Hashable, Sendable {
    public var label: String
    public var count: Int
    public var value: FilterValue
}

extension IncidentIndex {
    /// The values of `dimension` among the incidents that pass the other parts of `filter`,
    /// each with its count; busiest first (periods newest first). One pass: O(n).
    func pickerEntries(_ dimension: FilterDimension, filter: IncidentFilter) -> [PickerEntry] {
        let compiled = RowFilter(filter, index: self, excluding: dimension)
        let all = compiled.passesAll
        func counts(_ codes: [Int32], size: Int, offset: Int32 = 1) -> [Int] {
            var result = [Int](repeating: 0, count: size)
            codes.withUnsafeBufferPointer { buffer in
                for i in 0..<buffer.count where all || compiled.matches(i, in: self) {
                    result[Int(buffer[i] + offset)] += 1
                }
            }
            return result
        }
        var entries: [PickerEntry] = []
        switch dimension {
        case .home:
            let c = counts(homeCode, size: homes.count + 1)
            for (k, urn) in homes.enumerated() where c[k + 1] > 0 {
                entries.append(PickerEntry(label: catalogue.homeName(urn), count: c[k + 1], value: .home(urn)))
            }
        case .authority:
            let c = counts(authorityCode, size: authorities.count + 1)
            for (k, code) in authorities.enumerated() where c[k + 1] > 0 {
                entries.append(PickerEntry(label: catalogue.authorityName(code), count: c[k + 1], value: .authority(code)))
            }
        case .force:
            let c = counts(forceCode, size: forces.count + 1)
            for (k, code) in forces.enumerated() where c[k + 1] > 0 {
                entries.append(PickerEntry(label: catalogue.forceName(code), count: c[k + 1], value: .force(code)))
            }
        case .risk:
            var c = [Int](repeating: 0, count: 256)
            for i in 0..<count where all || compiled.matches(i, in: self) { c[Int(risk[i])] += 1 }
            for level in RiskLevel.allCases.reversed() where c[level.rawValue] > 0 {
                entries.append(PickerEntry(label: level.label, count: c[level.rawValue], value: .risk(level)))
            }
            if c[Int(Self.noRisk)] > 0 {
                entries.append(PickerEntry(label: "not graded", count: c[Int(Self.noRisk)], value: .risk(nil)))
            }
            return entries
        case .provenance:
            var c = [Int](repeating: 0, count: 3)
            for i in 0..<count where all || compiled.matches(i, in: self) { c[Int(provenance[i])] += 1 }
            for p in Provenance.allCases where c[Int(Self.provenanceCode(p))] > 0 {
                entries.append(PickerEntry(label: p.label, count: c[Int(Self.provenanceCode(p))], value: .provenance(p)))
            }
            return entries
        case .period:
            return periodEntries(compiled, all: all)
        case .flags:
            var n = 0
            for i in 0..<count where isRepeat[i] && (all || compiled.matches(i, in: self)) { n += 1 }
            return n > 0 ? [PickerEntry(label: "3 or more in 90 days", count: n, value: .repeats)] : []
        }
        entries.sort { ($0.count, $1.label) > ($1.count, $0.label) }
        return entries
    }

    private func periodEntries(_ compiled: RowFilter, all: Bool) -> [PickerEntry] {
        var months: [Int32: Int] = [:]
        for i in 0..<count where all || compiled.matches(i, in: self) { months[monthCode[i], default: 0] += 1 }
        var years: [Int32: Int] = [:]
        for (month, n) in months { years[month / 12, default: 0] += n }
        let zone = catalogue.formatter.zone
        var entries: [PickerEntry] = []
        for year in years.keys.sorted(by: >) {
            let from = MonthWindow.start(year * 12, zone), to = MonthWindow.start(year * 12 + 12, zone)
            entries.append(PickerEntry(
                label: "\(year)", count: years[year] ?? 0, value: .period(from: from, to: to, label: "\(year)")))
        }
        for month in months.keys.sorted(by: >) {
            let label = MonthWindow.label(month)
            let from = MonthWindow.start(month, zone), to = MonthWindow.start(month + 1, zone)
            entries.append(PickerEntry(
                label: label, count: months[month] ?? 0, value: .period(from: from, to: to, label: label)))
        }
        return entries
    }
}

/// Which names match a search, per dimension, so that each row is tested with a few reads.
struct SearchMatcher {
    let home: [Bool]
    let authority: [Bool]
    let force: [Bool]
    let name: [Bool]

    init(_ query: String, index: IncidentIndex) {
        let needle = query.lowercased()
        home = [false] + index.homeSearch.matches(needle)
        authority = [false] + index.authoritySearch.matches(needle)
        force = [false] + index.forceSearch.matches(needle)
        name = index.nameSearch.matches(needle)
    }

    /// Whether incident `i`'s child, home, authority or force contains the query.
    func matches(_ i: Int, in index: IncidentIndex) -> Bool {
        name[Int(index.nameCode[i])] || home[Int(index.homeCode[i]) + 1]
            || authority[Int(index.authorityCode[i]) + 1] || force[Int(index.forceCode[i]) + 1]
    }

    /// The next row after `start` (before it when `forward` is false) whose incident matches,
    /// wrapping round; `nil` when none does. O(rows).
    func find(in rows: [Int32], from start: Int, forward: Bool, index: IncidentIndex) -> Int? {
        let n = rows.count
        guard n > 0 else { return nil }
        var k = start
        for _ in 0..<n {
            k = forward ? (k + 1) % n : (k - 1 + n) % n
            if matches(Int(rows[k]), in: index) { return k }
        }
        return nil
    }
}
