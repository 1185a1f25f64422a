import Testing
@testable import IncidentModel

/// Compressed rows hold each group's items together, in item order, and leave out the rest.
struct CompressedRowsTests {
    @Test func groupsItemsInItemOrderAndLeavesOutTheUngrouped() {
        let groupOf: [Int?] = [2, nil, 0, 2, 2, nil, 0]
        let rows = CompressedRows(groups: 4, count: groupOf.count) { groupOf[$0] }
        #expect(rows.offsets == [0, 2, 2, 5, 5])
        #expect(rows.items == [2, 6, 0, 3, 4])
        #expect(rows.range(of: 1).isEmpty)
        #expect(rows.range(of: 3).isEmpty)
        #expect(Array(rows.items[rows.range(of: 2)]) == [0, 3, 4])
    }

    @Test func matchesGroupingByDictionary() {
        var random = SeededGenerator(seed: 9)
        let groupOf: [Int?] = (0..<5_000).map { _ in
            let n = Int(random.next() % 60)
            return n < 50 ? n : nil
        }
        let rows = CompressedRows(groups: 50, count: groupOf.count) { groupOf[$0] }
        let expected = Dictionary(grouping: groupOf.indices.filter { groupOf[$0] != nil }) { groupOf[$0] ?? -1 }
        for g in 0..<50 {
            #expect(rows.items[rows.range(of: g)].map(Int.init) == (expected[g] ?? []))
        }
    }

    @Test func countsAndCutsAGroupByItsItemsKeys() {
        // Items 0..<8 keyed by an ascending start; groups as the dashboard's place lists hold them.
        let groupOf: [Int?] = [1, 0, 1, 2, 1, nil, 1, 0]
        let keys: [Int64] = [10, 10, 20, 30, 30, 40, 50, 60]
        let rows = CompressedRows(groups: 3, count: groupOf.count) { groupOf[$0] }
        #expect([0, 1, 2].map { rows.count(of: $0) } == [2, 4, 1])
        #expect(Array(rows.items(of: 1, keyedBy: keys, from: nil, to: nil)) == [0, 2, 4, 6])
        #expect(Array(rows.items(of: 1, keyedBy: keys, from: 20, to: 50)) == [2, 4])
        #expect(Array(rows.items(of: 1, keyedBy: keys, from: 11, to: nil)) == [2, 4, 6])
        #expect(Array(rows.items(of: 0, keyedBy: keys, from: nil, to: 60)) == [1])
        #expect(rows.items(of: 2, keyedBy: keys, from: 31, to: nil).isEmpty)
    }

    @Test func holdsNothingForNoItems() {
        let rows = CompressedRows(groups: 3, count: 0) { _ in 0 }
        #expect(rows.offsets == [0, 0, 0, 0])
        #expect(rows.items.isEmpty)
    }
}
