import Foundation
import IncidentModel

/// A period typed in the picker: `2024-01-01 to 2024-03-31` (or `..` between the dates, or
/// UK dates), both days included; or one date alone, that day.
enum TypedPeriod {
    /// What the text says: `nil` when it is not a range at all, else the period or what is wrong.
    static func parse(_ text: String, zone: LocalTimeZone) -> Result<(from: Instant, to: Instant, label: String), PeriodProblem>? {
        let parts: [String]
        if text.contains("..") {
            parts = text.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        } else {
            parts = text.components(separatedBy: " to ")
        }
        if parts.count == 1, case let .success(day) = DateTimeParser.parse(text.trimmingCharacters(in: .whitespaces)),
           day.secondsIntoDay == nil
        {
            let next = CivilDate(daysSinceEpoch: day.date.daysSinceEpoch + 1)
            return .success((zone.startOfDay(day.date), zone.startOfDay(next), "\(day.date)"))
        }
        guard parts.count == 2 else { return nil }
        let ends = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !ends[0].isEmpty, !ends[1].isEmpty else { return nil }
        guard case let .success(first) = DateTimeParser.parse(ends[0]) else { return .failure(.unreadable(ends[0])) }
        guard case let .success(last) = DateTimeParser.parse(ends[1]) else { return .failure(.unreadable(ends[1])) }
        guard first.date <= last.date else { return .failure(.reversed) }
        let to = CivilDate(daysSinceEpoch: last.date.daysSinceEpoch + 1)
        return .success((zone.startOfDay(first.date), zone.startOfDay(to), "\(first.date) to \(last.date)"))
    }

    /// Why a typed period cannot be used.
    enum PeriodProblem: Error, Equatable {
        case unreadable(String)
        case reversed

        var message: String {
            switch self {
            case let .unreadable(text): "\"\(text)\" is not a date: \(DateTimeParser.expected)"
            case .reversed: "the period ends before it starts: give the earlier date first"
            }
        }
    }
}

extension IncidentIndex {
    /// The picker's entry for a typed period with its count among the incidents that pass the
    /// other parts of `filter`, or why the text cannot be a period; `nil` when the text is not
    /// a range. Visits only the period's incidents (starts ascend with positions): O(k + log n).
    func typedPeriodEntry(_ text: String, filter: IncidentFilter) -> Result<PickerEntry, TypedPeriod.PeriodProblem>? {
        guard let parsed = TypedPeriod.parse(text, zone: catalogue.formatter.zone) else { return nil }
        switch parsed {
        case let .failure(problem): return .failure(problem)
        case let .success((from, to, label)):
            let compiled = RowFilter(filter, index: self, excluding: .period)
            let lower = firstPosition(atOrAfter: from.secondsSinceEpoch)
            let upper = firstPosition(atOrAfter: to.secondsSinceEpoch)
            var n = 0
            for i in lower..<max(lower, upper) where compiled.passesAll || compiled.matches(i, in: self) { n += 1 }
            return .success(PickerEntry(label: label, count: n, value: .period(from: from, to: to, label: label)))
        }
    }

    /// The first position whose incident starts at or after `seconds`.
    func firstPosition(atOrAfter seconds: Int64) -> Int {
        var low = 0, high = startSeconds.count
        while low < high {
            let mid = (low + high) / 2
            if startSeconds[mid] < seconds { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
