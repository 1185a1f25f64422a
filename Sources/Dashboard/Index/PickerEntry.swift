import IncidentModel

/// A value a filter can take, from the picker.
package enum FilterValue: Hashable, Sendable {
    case home(HomeURN)
    /// Incidents whose home is not known.
    case unknownHome
    case authority(AuthorityCode)
    case force(ForceCode)
    case risk(RiskLevel?)
    case provenance(Provenance)
    /// Incidents starting in `[from, to)`, a month or a year.
    case period(from: Instant, to: Instant, label: String)
    /// Incidents that are one of 3 or more of the child's within 90 days.
    case repeats
    /// Incidents carrying a flag (chosen flags must all hold).
    case flag(IncidentFlag)

    /// Adds the value to a filter: values of one dimension combine with "or", a period
    /// replaces the one before.
    package func apply(to filter: inout IncidentFilter) {
        switch self {
        case let .home(urn): filter.homes.insert(urn)
        case .unknownHome: filter.unknownHome = true
        case let .authority(code): filter.authorities.insert(code)
        case let .force(code): filter.forces.insert(code)
        case let .risk(level): filter.risks.insert(level)
        case let .provenance(p): filter.provenances.insert(p)
        case let .period(from, to, _):
            filter.from = from
            filter.to = to
        case .repeats: filter.repeatsOnly = true
        case let .flag(flag): filter.flags.insert(flag)
        }
    }
}

/// One line of the filter picker: a value and the incidents it would show with the other
/// active filters.
package struct PickerEntry: Hashable, Sendable {
    package var label: String
    package var count: Int
    package var value: FilterValue
    /// What typing in the picker finds the entry by: its label and code, folded by ``TextFold``.
    var search: String

    init(label: String, count: Int, value: FilterValue, code: String? = nil) {
        self.label = label
        self.count = count
        self.value = value
        search = TextFold.fold(code.map { TextFold.joined(label, $0) } ?? label)
    }
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
                entries.append(PickerEntry(label: catalogue.homeName(urn), count: c[k + 1], value: .home(urn), code: urn.rawValue))
            }
            if c[0] > 0 { entries.append(PickerEntry(label: IncidentFilter.unknownHomeLabel, count: c[0], value: .unknownHome)) }
        case .authority:
            let c = counts(authorityCode, size: authorities.count + 1)
            for (k, code) in authorities.enumerated() where c[k + 1] > 0 {
                entries.append(PickerEntry(
                    label: catalogue.authorityName(code), count: c[k + 1], value: .authority(code), code: code.rawValue))
            }
        case .force:
            let c = counts(forceCode, size: forces.count + 1)
            for (k, code) in forces.enumerated() where c[k + 1] > 0 {
                entries.append(PickerEntry(
                    label: catalogue.forceName(code), count: c[k + 1], value: .force(code), code: code.rawValue))
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
            var repeats = 0
            var perBit = [Int](repeating: 0, count: 8)
            for i in 0..<count where all || compiled.matches(i, in: self) {
                if isRepeat[i] { repeats += 1 }
                let bits = flagBits[i]
                if bits == 0 { continue }
                for b in 0..<8 where bits & (1 << b) != 0 { perBit[b] += 1 }
            }
            for flag in IncidentFlag.allCases {
                let n = perBit[flag.bit.trailingZeroBitCount]
                if n > 0 && !filter.flags.contains(flag) {
                    entries.append(PickerEntry(label: flag.label, count: n, value: .flag(flag)))
                }
            }
            if repeats > 0 && !filter.repeatsOnly {
                entries.append(PickerEntry(label: "3 or more in 90 days", count: repeats, value: .repeats))
            }
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
        // Financial years run from April to March: 2024-25 is April 2024 to March 2025.
        var financial: [Int32: Int] = [:]
        for (month, n) in months { financial[(month - 3) / 12, default: 0] += n }
        for year in financial.keys.sorted(by: >) {
            let label = FinancialYear.label(Int(year))
            let from = MonthWindow.start(year * 12 + 3, zone), to = MonthWindow.start(year * 12 + 15, zone)
            entries.append(PickerEntry(
                label: label, count: financial[year] ?? 0, value: .period(from: from, to: to, label: label)))
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

/// The UK's financial year, April to March.
enum FinancialYear {
    /// "FY 2024-25" for the year starting in April 2024.
    static func label(_ startYear: Int) -> String {
        let next = (startYear + 1) % 100
        return "FY \(startYear)-\(next < 10 ? "0" : "")\(next)"
    }
}
