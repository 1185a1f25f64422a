import Testing
@testable import IncidentModel

/// The parallel helpers give what their one-core counterparts give.
struct ParallelMapTests {
    /// Numbers in a scrambled order (a fixed permutation, no two equal).
    static func scrambled(_ count: Int) -> [Int] {
        (0..<count).map { ($0 &* 7919 &+ 13) % count }
    }

    @Test(arguments: [0, 1, 999, 10_000, 123_457])
    func sortsLikeOneCore(_ count: Int) {
        var items = Self.scrambled(count)
        #expect(Set(items).count == count)
        ParallelMap.sort(&items, minimumPart: 1_000) { $0 < $1 }
        #expect(items == Array(0..<count))
    }

    @Test func sortsByTheGivenOrderOnly() {
        var items = Self.scrambled(50_000)
        ParallelMap.sort(&items, minimumPart: 1_000) { $0 > $1 }
        #expect(items == Array((0..<50_000).reversed()))
    }

    @Test func scattersEachResultToItsPosition() {
        let count = 60_000
        let positions = Self.scrambled(count).map(Int32.init)
        let result = ParallelMap.scatter(count: count, to: positions, minimumChunk: 1_000) { $0 * 2 }
        var expected = [Int](repeating: -1, count: count)
        for i in 0..<count { expected[Int(positions[i])] = i * 2 }
        #expect(result == expected)
    }
}
