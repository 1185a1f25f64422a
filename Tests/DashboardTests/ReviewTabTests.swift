import IncidentModel
import Testing
@testable import Dashboard

/// The Review tab (7) and the model's explanations in the detail, on a small dataset where the
/// police spell two children differently from the authority.
enum ReviewFixture {
    static let zone = LocalTimeZone.utc
    static func at(_ day: Int, _ hour: Int) -> Timestamp { Fixture.at(2024, 3, day, hour) }

    static let dataset = Dataset(
        forces: [PoliceForce(code: "F1", name: "Testshire Police")],
        authorities: [Authority(code: "901", name: "Northtown")],
        homes: [Home(urn: "SC000001", name: "Oak House", postcode: Postcode("NT1 1AA"), localAuthority: "901", policeForce: "F1")],
        children: [
            Child(id: "C1", localAuthority: "901", givenName: "Kayley", familyName: "Smith", dateOfBirth: Fixture.dob(2009, 3, 4),
                  sex: .female, placement: "SC000001"),
            Child(id: "C2", localAuthority: "901", givenName: "Ben", familyName: "Bell", dateOfBirth: Fixture.dob(2008, 6, 1),
                  sex: .male, placement: "SC000001"),
        ],
        episodes: [
            LAEpisode(id: "E1", child: "C1", localAuthority: "901", type: .missing, startedAt: at(1, 10), endedAt: at(1, 20),
                      placement: "SC000001"),
            LAEpisode(id: "E2", child: "C2", localAuthority: "901", type: .missing, startedAt: at(9, 8), endedAt: at(9, 12),
                      placement: "SC000001"),
            LAEpisode(id: "E3", child: "C2", localAuthority: "901", type: .missing, startedAt: at(20, 8), endedAt: at(20, 9),
                      placement: "SC000001"),
        ],
        policeReports: [
            PoliceReport(ref: "P9", force: "F1", forename: "Kayleigh", surname: "Smyth", dateOfBirth: Fixture.dob(2009, 4, 3),
                         sex: .female, missingFrom: "Oak House", missingFromPostcode: Postcode("NT1 1AA"), lastSeenAt: at(1, 11),
                         reportedAt: at(1, 12), foundAt: at(1, 19)),
            PoliceReport(ref: "P11", force: "F1", forename: "Ben", surname: "Bell", dateOfBirth: Fixture.dob(2008, 6, 1), sex: .male,
                         missingFrom: "Oak House", missingFromPostcode: Postcode("NT1 1AA"), lastSeenAt: at(9, 9),
                         reportedAt: at(9, 10), foundAt: at(9, 11)),
        ]
    )

    /// A linker that sends every candidate to review (no weight reaches `link`).
    static let reviewAll = ProbabilisticPersonLinker(thresholds: .init(link: 1_000, review: -1_000, margin: 0))

    static func state(workspace: String? = nil, linker: any PersonLinker = DeterministicPersonLinker()) -> AppState {
        let linked = IncidentLinker(personLinker: linker).link(dataset)
        let index = IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: zone))
        var state = AppState(index: index, width: 80, height: 24)
        state.review = ReviewState(workspace: workspace)
        state.send(.key(.character("7")))
        _ = Dashboard.reduce(&state, .reviewReady(LinkReview(linked: linked, linker: reviewAll)))
        return state
    }
}

struct ReviewTabTests {
    @Test func openingTheTabRunsTheModelOnceInTheBackground() {
        let linked = IncidentLinker().link(ReviewFixture.dataset)
        var state = AppState(index: IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: .utc)))
        let effects = state.send(.key(.character("7")))
        #expect(effects.count == 1 && state.tab == .review)
        #expect(render(state).text.contains("Running the linkage model…"))
        #expect(state.send(.key(.character("j"))).isEmpty)
    }

    @Test func theTabRunsTheModelWithTheBandsConfigured() throws {
        let linked = IncidentLinker().link(ReviewFixture.dataset)
        var state = AppState(index: IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: .utc)))
        func queue(_ linker: ProbabilisticPersonLinker) throws -> Int {
            var tabState = state
            tabState.review = ReviewState(linker: linker)
            let effects = tabState.send(.key(.character("7")))
            guard case let .run(job) = try #require(effects.first) else { throw ReviewTestError.noJob }
            _ = Dashboard.reduce(&tabState, job.run())
            return try #require(tabState.review.data).items.count
        }
        state.tab = .incidents
        // The default bands link every report of the fixture; these send each one to review.
        #expect(try queue(ProbabilisticPersonLinker()) == 0)
        #expect(try queue(ReviewFixture.reviewAll) == ReviewFixture.dataset.policeReports.count)
    }

    @Test func theQueueIsOrderedByWeightWithBothSidesAndTheExplanation() throws {
        let state = ReviewFixture.state(workspace: "mfc.sqlite")
        let data = try #require(state.review.data)
        #expect(data.items.count == 2)
        #expect(data.items[0].weight >= data.items[1].weight)
        #expect(data.dataset.policeReports[data.items[0].report].ref == "P11")
        // Ben's report of 9 March pairs with his episode of that day, not the later one.
        #expect(data.items[0].episode.map { data.dataset.episodes[$0].id } == "E2")
        let lines = render(state).lines
        #expect(lines[0].contains("7 Review"))
        #expect(lines[1].hasPrefix(" Weight  Next   Police report"))
        #expect(lines[2].contains("P11 Ben Bell 2024-03-09 09:00") && lines[2].contains("C2 Ben Bell"))
        #expect(lines[3].contains("P9 Kayleigh Smyth") && lines[3].contains("C1 Kayley Smith"))
        #expect(lines[4].hasPrefix("────"))
        #expect(lines[5].hasPrefix(" Police report") && lines[5].contains("│ LA child and episode"))
        #expect(lines[9].contains("Episode     E2 · Northtown"))
        let explanation = try #require(data.items[0].explanation)
        #expect(lines[11].hasPrefix(" Why: the model's weights · total \(LinkExplanation.signed(explanation.total))"))
        #expect(lines[12].hasPrefix("   surname        exact"))
        #expect(lines[14].contains("date of birth") && lines[14].contains("exact"))
        #expect(lines[22].hasPrefix(" Review  row 1/2"))
        #expect(lines[23].hasPrefix(" a accept  r reject"))
    }

    @Test func acceptingAsksForAReasonThenLeavesTheQueueWhenRecorded() throws {
        var state = ReviewFixture.state(workspace: "mfc.sqlite")
        state.send(.key(.character("a")))
        let pair = SourcePair(policeRef: "P11", episodeID: "E2")
        #expect(state.overlay == .decisionReason(verdict: .accept, pair: pair, text: ""))
        #expect(state.send(.key(.enter)).isEmpty)  // a reason is required, as with mfc decide
        #expect(state.message.contains("needs a reason"))
        let effects = state.type("same child, dob confirmed") + state.send(.key(.enter))
        #expect(effects == [.decide(pair, .accept, reason: "same child, dob confirmed")])
        #expect(render(state).lines[23].isEmpty || state.overlay == nil)
        state.send(.decisionRecorded(pair, .accept, id: 7))
        #expect(state.review.queue.count == 1)
        #expect(state.message == "Decision 7: accept P11 with E2")
        #expect(render(state).lines[2].contains("P9 Kayleigh Smyth"))
        // Rejecting the other: a failure keeps it in the queue.
        state.send(.key(.character("r")))
        state.type("different child")
        let reject = state.send(.key(.enter))
        #expect(reject == [.decide(SourcePair(policeRef: "P9", episodeID: "E1"), .reject, reason: "different child")])
        state.send(.decisionFailed(SourcePair(policeRef: "P9", episodeID: "E1"), reason: "the workspace is read-only"))
        #expect(state.review.queue.count == 1 && state.message.hasPrefix("Decision not recorded"))
    }

    @Test func withoutAWorkspaceTheTabExplainsAndDecidesNothing() {
        var state = ReviewFixture.state()
        let lines = render(state).lines
        #expect(lines[1].hasPrefix(" Decisions need a workspace: mfc init, then mfc import DIR"))
        #expect(lines[3].contains("P11 Ben Bell"))
        #expect(state.send(.key(.character("a"))).isEmpty)
        #expect(state.overlay == nil && state.message.hasPrefix("Decisions need a workspace"))
    }

    @Test func pairsDecidedBeforeStayOutOfTheQueue() {
        var state = ReviewFixture.state(workspace: "mfc.sqlite")
        state.review.decided = [SourcePair(policeRef: "P11", episodeID: "E2")]
        state.review.refreshQueue()
        #expect(state.review.queue.count == 1)
        #expect(state.review.current?.child == "C1")
    }

    @Test func theDetailOfAModelLinkShowsEachFieldsLevelAndWeight() throws {
        // Every candidate links (no margin needed): the reports are linked by the model.
        let linker = ProbabilisticPersonLinker(thresholds: .init(link: -1_000, review: -2_000, margin: 0))
        let linked = IncidentLinker(personLinker: linker).link(ReviewFixture.dataset)
        var state = AppState(index: IncidentIndex(linked: linked, catalogue: IncidentCatalogue(registers: linked.registers, zone: .utc)))
        let k = try #require(linked.incidents.firstIndex { $0.policeRefs == ["P9"] })
        #expect(linked.incidents[k].provenance == .both)
        for _ in 0..<k { state.send(.key(.character("j"))) }
        var jobs = state.send(.key(.enter))
        #expect(jobs.count == 1)  // the model runs for the explanation
        #expect(render(state).text.contains("Explanation: running the linkage model…"))
        state.runJobs(jobs)
        jobs = []
        guard case let .detail(detail) = state.screen else {
            Issue.record("Enter did not open the detail")
            return
        }
        // As text: each line's spans in order.
        let text = DetailView.lines(detail, state: state, width: 80).map { $0.map(\.text).joined(separator: " ") }
        let linkLine = try #require(text.firstIndex { $0.hasPrefix("Linked by model P9 → child C1, weight +") })
        #expect(render(state).text.contains("Linked by model    P9 → child C1"))
        #expect(text[linkLine + 1].hasPrefix("surname Jaro-Winkler ≥ 0.85 +"))
        #expect(text[linkLine + 2].hasPrefix("forename nickname +"))
        #expect(text[linkLine + 3].hasPrefix("date of birth day and month swapped +"))
        #expect(text[linkLine + 4].hasPrefix("sex agree +"))
        #expect(text[linkLine + 5].hasPrefix("home same postcode +") || text[linkLine + 5].hasPrefix("home same home +"))
        #expect(text[linkLine + 6].hasPrefix("total +"))
    }
}

enum ReviewTestError: Error {
    case noJob
}
