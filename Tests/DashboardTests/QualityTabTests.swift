import Foundation
import IncidentModel
import Testing
@testable import Dashboard

/// The Quality tab (8) and the status bar's mark, on a folder with three rejected LA rows.
struct QualityTabTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IncidentModelTests/Fixtures/rejected").path

    static let linked: LinkedData = {
        let dataset = (try? DatasetLoader.load(paths: [folder], zone: .europeLondon)) ?? Dataset()
        return IncidentLinker().link(dataset)
    }()

    /// The state after start-up, with its background jobs run.
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        let catalogue = IncidentCatalogue(registers: linked.registers, zone: .europeLondon)
        var state = AppState(index: IncidentIndex(linked: linked, catalogue: catalogue), width: width, height: height)
        state.runJobs(state.send(.started))
        return state
    }

    @Test func theFirstScreenCarriesTheMarkWithTheKeyThatOpensTheView() {
        #expect(Self.linked.dataset.hasRejections)
        for (width, height) in [(80, 24), (60, 15)] {
            let lines = render(Self.state(width: width, height: height)).lines
            #expect(lines[height - 2].hasPrefix(" Incidents  row 1/3   ! partial: 8"), "\(width)x\(height)")
        }
        var state = Self.state()
        state.send(.key(.character("8")))
        #expect(state.tab == .quality)
    }

    @Test func completeDataCarryNoMark() {
        var state = Fixture.state()
        state.runJobs(state.send(.started))
        #expect(state.quality.report != nil)
        #expect(!render(state).lines[22].contains("partial"))
    }

    @Test func theViewListsEachFileWithItsCountsAt80x24() {
        var state = Self.state()
        state.send(.key(.character("8")))
        let lines = render(state).lines
        #expect(lines[0].contains("8 Quality"))
        #expect(lines[1] == " Source                                      Read  Accepted  Rejected  Warnings")
        #expect(lines[2] == " authorities.csv                                1         1         0         0")
        #expect(lines[6] == " la_episodes.csv                                6         3         3         0")
        #expect(lines[7] == " police_reports.csv                             2         2         0         0")
        #expect(lines.contains(" police reports linked to a child: 2 of 2 (100.0%)"))
        #expect(lines.contains(" LA episodes paired with a police report: 2 of 3 (66.7%)"))
        #expect(lines.contains { $0.hasPrefix(" partial figures: 3 rows rejected and left out (la_episodes.csv 3)") })
        #expect(lines[22].hasPrefix(" Quality  row 1/6   ! partial: 8"))
        #expect(lines[23] == " Enter rejected rows  Esc back  j k move  Tab 1-8 views  ? help  Q quit")
    }

    @Test func enterOnALineListsExactlyItsRejectedRowsAndEscReturns() {
        var state = Self.state()
        state.send(.key(.character("8")))
        state.send(.key(.enter))  // authorities.csv: nothing rejected
        #expect(state.quality.open == nil)
        #expect(state.message == "authorities.csv: no row rejected")
        state.send(.key(.character("G")), .key(.character("k")), .key(.enter))
        #expect(state.quality.open == 4)
        let lines = render(state).lines
        #expect(lines[1].hasPrefix("   Line Column           Reason"))
        #expect(lines[2].hasPrefix("      4 5 started_at     is not a real date or time; "))
        #expect(lines[2].hasSuffix(" 31/02/2024 10:00"))
        #expect(lines[3].hasPrefix("      5 1 episode_id     repeats the id of line 3; "))
        #expect(lines[3].contains(" 901-E2"))
        #expect(lines[4].hasPrefix("      6 6 ended_at       is before started_at; "))
        #expect(lines[4].contains(" 2024-10-11T08:00"))
        #expect(lines[5] == "")
        #expect(lines[22].hasPrefix(" Quality · rejected rows of la_episodes.csv  row 1/3 "))
        state.send(.key(.escape))
        #expect(state.quality.open == nil)
        #expect(render(state).lines[6].hasPrefix(" la_episodes.csv"))
    }

    @Test func theRejectedRowsAtASmallSize() {
        var state = Self.state(width: 60, height: 15)
        state.send(.key(.character("8")), .key(.character("G")), .key(.character("k")), .key(.enter))
        let lines = render(state).lines
        #expect(lines.count == 15)
        #expect(lines[2].hasPrefix("      4 5 started_at     is not a real"))
        #expect(lines[2].contains("31/02/2024"))
        #expect(lines[13].hasPrefix(" Quality · rejected rows of la_episodes.csv  row 1/3"))
    }
}
