import Testing
@testable import IncidentModel

/// Finding repeated ids by sorting their hashes must agree with the obvious dictionary pass.
struct RepeatedKeysTests {
    /// The first position of each key, and every later position, one key at a time.
    static func reference(_ keys: [String]) -> [RepeatedKeys.Repeat] {
        var first: [String: Int] = [:]
        var found: [RepeatedKeys.Repeat] = []
        for (index, key) in keys.enumerated() {
            if let earlier = first[key] {
                found.append(RepeatedKeys.Repeat(index: index, first: earlier))
            } else {
                first[key] = index
            }
        }
        return found
    }

    @Test func findsEachRepeatWithTheFirstPosition() {
        let keys = ["A", "B", "A", "C", "B", "A", "", ""]
        #expect(RepeatedKeys.find(count: keys.count) { keys[$0] } == [
            .init(index: 2, first: 0), .init(index: 4, first: 1), .init(index: 5, first: 0), .init(index: 7, first: 6),
        ])
    }

    @Test func treatsCanonicallyEquivalentKeysAsOne() {
        // "é" precomposed and as "e" with a combining accent are equal Swift strings.
        let keys = ["caf\u{E9}", "cafe\u{301}"]
        #expect(RepeatedKeys.find(count: keys.count) { keys[$0] } == [.init(index: 1, first: 0)])
    }

    @Test func findsNothingInFewerThanTwo() {
        #expect(RepeatedKeys.find(count: 0) { _ in "" }.isEmpty)
        #expect(RepeatedKeys.find(count: 1) { _ in "A" }.isEmpty)
    }

    /// Enough keys to be sorted in buckets on several cores, with repeats near and far.
    @Test(arguments: [UInt64(3), 19])
    func agreesWithADictionaryOnManyKeys(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let keys = (0..<150_000).map { n in
            random.below(20) == 0 ? "E\(random.below(UInt64(n + 1)))" : "E\(n)"
        }
        let found = RepeatedKeys.find(count: keys.count) { keys[$0] }
        #expect(found == Self.reference(keys))
        #expect(!found.isEmpty)
    }
}
