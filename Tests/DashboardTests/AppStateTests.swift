import IncidentModel
import Testing
@testable import Dashboard

struct AppStateTests {
    /// A small deterministic generator, so a failing sequence can be replayed.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let keys: [Key] = CommandTable.bindings.flatMap(\.keys).filter { $0 != .character("Q") }
        + [.tab, .backTab, .backspace, .character("a"), .character("o"), .control("u"), .character("y")]

    @Test(arguments: [UInt64(1), 2, 3, 42])
    func randomKeysKeepTheCursorOnScreen(seed: UInt64) {
        var random = SplitMix(state: seed)
        var state = Fixture.state(width: 80, height: 16)
        for step in 0..<600 {
            let action: Action = switch random.next(10) {
            case 0: .resize(width: 50 + random.next(80), height: 10 + random.next(30))
            case 1: .click(x: random.next(80), y: random.next(24))
            case 2: .scroll(random.next(7) - 3)
            default: .key(Self.keys[random.next(Self.keys.count)])
            }
            for effect in Dashboard.reduce(&state, action) {
                if case let .computeOrder(column) = effect { _ = Dashboard.reduce(&state, .orderReady(state.index.order(for: column))) }
            }
            _ = render(state)
            if !state.rows.isEmpty {
                #expect(state.rows.indices.contains(state.cursor), "seed \(seed) step \(step)")
                #expect(state.top <= state.cursor && state.cursor < state.top + state.pageSize, "seed \(seed) step \(step)")
            }
        }
    }

    @Test func emptyDataShowsAnEmptyTableAndIgnoresKeys() {
        let linked = IncidentLinker().link(Dataset())
        let index = IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: .utc))
        var state = AppState(index: index)
        for key in [Key.down, .enter, .character("s"), .character("e"), .character("f"), .enter, .escape] {
            state.runOrders(state.send(.key(key)))
        }
        state.runOrders(state.send(.key(.character("]"))))
        let lines = render(state).lines
        #expect(lines[3].contains("No incidents in the data"))
        #expect(lines[22] == " Incidents  row 0/0  sort: Start▼")
        #expect(lines[23] == " Sorted by Start descending")
    }
}
