import Dispatch
import Testing
@testable import IncidentModel

/// Results computed on other threads come back whole and in their places.
struct ResultSlotsTests {
    @Test func everyWorkersResultComesBackInItsSlot() {
        let slots = ResultSlots<[Int]>(count: 64)
        DispatchQueue.concurrentPerform(iterations: 63) { k in slots.store(k, Array(0..<k)) }
        let taken = slots.take()
        #expect(taken.count == 64)
        #expect((0..<63).allSatisfy { taken[$0] == Array(0..<$0) })
        // A slot no worker wrote says so.
        #expect(taken[63] == nil)
        #expect(slots.take().isEmpty)
    }

    @Test func concurrentlyReturnsEachComputationsResult() {
        let (a, b, c, d) = Concurrently.run(
            { (0..<1_000).reduce(0, +) }, { "b" }, { [1.5, 2.5] }, { Optional<Int>.none })
        #expect(a == 499_500 && b == "b" && c == [1.5, 2.5] && d == nil)
    }

    @Test func backgroundGivesItsValueOnceComputed() {
        let background = Background { (0..<10_000).map { $0 * 2 } }
        let mine = (0..<10_000).map { $0 * 2 }
        #expect(background.wait() == mine)
    }
}
