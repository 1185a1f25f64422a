import Testing
@testable import IncidentModel

/// An interner numbers values in order of first appearance, after any it starts from.
struct InternerTests {
    @Test func codesValuesInOrderOfFirstAppearance() {
        var interner = Interner<String>()
        #expect(["b", "a", "b", "c", "a"].map { interner.code($0) } == [0, 1, 0, 2, 1])
        #expect(interner.values == ["b", "a", "c"])
        #expect(interner.existing == ["b": 0, "a": 1, "c": 2])
    }

    @Test func startsFromAKnownListAndKeepsARepeatsFirstCode() {
        var interner = Interner(["x", "y", "x"])
        #expect(interner.values == ["x", "y"])
        #expect(interner.code("z") == 2)
        #expect(interner.code("y") == 1)
        #expect(interner.existing["z"] == 2)
    }
}
