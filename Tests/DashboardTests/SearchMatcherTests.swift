import IncidentModel
import Testing
@testable import Dashboard

/// Search (`/`, `n`, `N`) finds the identifiers analysts are given, dates, and names with
/// case and accents ignored, and says which match of how many is shown.
struct SearchMatcherTests {
    /// Searches, and counts the matches as the run loop does, off the main loop.
    func search(_ text: String, in state: inout AppState) {
        state.send(.key(.character("/")))
        state.type(text)
        state.runJobs(state.send(.key(.enter)))
    }

    func name(_ state: AppState) -> String? { state.currentIncident.map { state.index[$0].person.givenName } }

    /// A state whose identifiers are indexed, as the run loop does after the first screen.
    static func state() -> AppState {
        var state = Fixture.state()
        state.send(.identifiersReady(IdentifierIndex(Fixture.linked.incidents)))
        return state
    }

    /// Every incident one of whose identifiers is `text`, by a pass over them all.
    static func scan(_ text: String) -> [Int32] {
        let wanted = TextFold.fold(text)
        return Fixture.linked.incidents.indices
            .filter { IdentifierIndex.identifiers(of: Fixture.linked.incidents[$0]).contains(wanted) }
            .map { Int32($0) }
    }

    @Test(arguments: [
        ("p1", "Amy"),  // a police reference, typed in lower case
        ("L-E4", "Cara"),  // an incident id
        ("c2", "Ben"),  // the authority's child id
        ("e3", "Ben"),  // an episode id
        ("SC000002", "Ben"),  // a home's URN
        ("cafe", "Cara"),  // Café, without its accent
        ("2024-05-01", "Cara"),  // a start date
        ("01/05/2024", "Cara"),  // the same date, UK style
        ("2024-06", "Eve"),  // a month
    ])
    func findsIdentifiersNamesAndDates(query: String, expected: String) {
        var state = Self.state()
        search(query, in: &state)
        #expect(name(state)?.hasPrefix(expected) == true, "\(query)")
        #expect(state.message.hasPrefix("/\(query): match 1 of "))
    }

    @Test func theIndexAndThePassWithoutItAgree() {
        let built = IdentifierIndex(Fixture.linked.incidents)
        for text in ["P1", "p2", "L-E1", "C1", "E5", "nothing", ""] {
            #expect(built.positions(of: text, in: Fixture.index) == Self.scan(text), "\(text)")
        }
        #expect(built.positions(of: "c1", in: Fixture.index).count == 2)  // Amy's two incidents
    }

    @Test func identifiersWaitForTheirIndex() {
        var state = Fixture.state()
        search("P2", in: &state)
        #expect(state.message.hasSuffix("(incident ids and police references are still being indexed: try again in a moment)"))
        state.send(.identifiersReady(IdentifierIndex(Fixture.linked.incidents)))
        state.runJobs(state.send(.key(.character("n"))))
        #expect(state.message == "/P2: match 1 of 1")
    }

    @Test func aKeyMovesAtOnceAndTheCountFollows() {
        var state = Self.state()
        state.send(.key(.character("/")))
        state.type("oak")
        let effects = state.send(.key(.enter))
        // The cursor is on the first match before the count is in.
        #expect(state.cursor == 0 && state.message == "/oak: counting the matches…")
        #expect(effects.contains { if case let .run(job) = $0 { job.label == "search" } else { false } })
        state.send(.key(.character("n")))  // a second key before the count: moves by a pass, asks once
        #expect(state.cursor == 1)
        state.runJobs(effects)
        state.runJobs(state.send(.key(.character("n"))))
        #expect(state.cursor == 3 && state.message == "/oak: match 3 of 3")
        // A count for rows since changed is not used.
        state.filter.homes = ["SC000001"]
        state.refreshRows()
        state.send(.searchCounted(SearchHits(query: "oak", version: state.rowsVersion - 1, rows: [0])))
        #expect(state.searchHits?.rows != [0])
    }

    @Test func countsTheMatchesAndMovesBetweenThem() {
        var state = Self.state()
        search("oak", in: &state)  // Oak House: Dev, Amy, Amy
        #expect(state.message == "/oak: match 1 of 3")
        state.runJobs(state.send(.key(.character("n"))))
        #expect(state.message == "/oak: match 2 of 3" && state.cursor == 1)
        state.runJobs(state.send(.key(.character("n")), .key(.character("n"))))
        #expect(state.message == "/oak: match 1 of 3 (wrapped)" && state.cursor == 0)
        state.runJobs(state.send(.key(.character("N"))))
        #expect(state.message == "/oak: match 3 of 3 (wrapped)" && state.cursor == 3)
    }

    @Test func anIdentifierOutsideTheFiltersSaysSo() {
        var state = Self.state()
        state.filter.homes = ["SC000002"]
        state.refreshRows()
        search("P2", in: &state)
        #expect(state.message == "“P2” is not in the view: 1 incident outside the filters (F clears them)")
    }

    @Test func foldingIgnoresCaseAndAccents() {
        #expect(TextFold.fold("Siân") == "sian")
        #expect(TextFold.fold("CAFÉ") == "cafe")
        #expect(TextFold.key("  Sian ") == "sian")
    }
}
