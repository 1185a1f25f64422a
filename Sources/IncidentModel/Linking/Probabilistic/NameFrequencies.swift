import Foundation

/// Term-frequency adjustment of the exact name levels: agreeing on a surname few children have
/// is stronger evidence than agreeing on one many have.
///
/// The exact level's weight is log2(m/u), where u is how often two unrelated people share a
/// name, whatever the name. For a pair that agrees on one particular name, u is better taken
/// as the share of children who have that very name: the weight gains log2(u / share). The
/// gain is held within ``bound`` either way (at most four times likelier or less likely than
/// the average name), so that a rare name, which a whole family shares, never outweighs a date
/// of birth and a forename that disagree.
struct NameFrequencies: Sendable {
    /// Per name id (``NameTable``): the gain of the surname's and the forename's exact weight;
    /// 0 for a name no child has.
    private let surname: [Double]
    private let forename: [Double]

    /// The largest gain or loss, in bits.
    static let bound = 2.0

    /// The gains under `model`'s u, from how many of `people`'s children have each name.
    init(people: ComparablePeople, model: MatchModel) {
        var surnames = [Int](repeating: 0, count: people.names.count)
        var forenames = [Int](repeating: 0, count: people.names.count)
        for child in people.children {
            surnames[Int(child.surname)] += 1
            forenames[Int(child.forename)] += 1
        }
        let total = Double(max(1, people.children.count))
        func gains(_ counts: [Int], _ field: LinkField) -> [Double] {
            let u = model.u[field.rawValue][1]
            return counts.enumerated().map { id, count in
                guard count > 0, id != Int(NameTable.empty), u > 0 else { return 0 }
                return min(Self.bound, max(-Self.bound, log2(u * total / Double(count))))
            }
        }
        surname = gains(surnames, .surname)
        forename = gains(forenames, .forename)
    }

    /// The gain of a pair's weight: its report's names' gains, on each name field that agrees
    /// exactly (a report's name agrees exactly only with a child of the same name id).
    @inline(__always)
    func gain(_ vector: ComparisonVector, report: ComparableReport) -> Double {
        (vector[.surname] == 1 ? surname[Int(report.surname)] : 0) + (vector[.forename] == 1 ? forename[Int(report.forename)] : 0)
    }

    /// The gain of the exact level of `field` for name `id` (0 for other fields).
    func gain(_ field: LinkField, name id: Int32) -> Double {
        switch field {
        case .surname: surname[Int(id)]
        case .forename: forename[Int(id)]
        default: 0
        }
    }
}
