import Testing
@testable import IncidentModel

/// The scorecard's median duration, by selection, against sorting.
struct MedianTests {
    static func sortedMedian(_ values: [Int64]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), n = s.count
        return (n % 2 == 1 ? Double(s[n / 2]) : (Double(s[n / 2 - 1]) + Double(s[n / 2])) / 2) / 3600
    }

    @Test func handWorkedMedians() {
        var odd: [Int64] = [7200, 3600, 36000]
        #expect(AuthorityScorecard.medianHours(&odd) == 2)
        var even: [Int64] = [3600, 36000, 7200, 10800]
        #expect(AuthorityScorecard.medianHours(&even) == 2.5)
        var none: [Int64] = []
        #expect(AuthorityScorecard.medianHours(&none) == nil)
    }

    @Test func selectionAgreesWithSortingOnRandomArrays() {
        var random = SeededRandom(seed: 2026)
        for round in 0..<300 {
            let n = Int(random.next() % 60) + 1
            // Few distinct values in some rounds, so that ties and runs of the pivot occur.
            let spread = round % 3 == 0 ? UInt64(4) : UInt64(100_000)
            var values = (0..<n).map { _ in Int64(random.next() % spread) * 60 }
            let expected = Self.sortedMedian(values)
            #expect(AuthorityScorecard.medianHours(&values) == expected, "round \(round)")
        }
    }
}
