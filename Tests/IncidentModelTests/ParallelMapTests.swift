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

    @Test(arguments: [0, 1, 999, 60_000])
    func mapsIntoRoomForMore(_ count: Int) {
        let result = ParallelMap.map(count: count, capacity: count + 500, minimumChunk: 1_000) { $0 * 3 }
        #expect(result == (0..<count).map { $0 * 3 })
        #expect(result.capacity >= count + 500)
    }

    @Test(arguments: [0, 1, 999, 60_000])
    func coversEveryIndexOnceInChunks(_ count: Int) {
        let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, count))
        seen.initialize(repeating: 0)
        defer { seen.deallocate() }
        let target = SharedPointer(base: seen.baseAddress)
        ParallelMap.forEachChunk(count: count, minimumChunk: 1_000) { range in
            guard let base = target.base else { return }
            for i in range { base[i] += 1 }
        }
        #expect(seen.prefix(count).allSatisfy { $0 == 1 })
    }
}
