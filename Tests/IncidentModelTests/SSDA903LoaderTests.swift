import Foundation
import Testing
@testable import IncidentModel

/// Loads one authority's return from inline tables.
private func load903(
    header: String = "CHILD,SEX,DOB\n1,1,01/01/2008\n",
    episodes: String = "CHILD,DECOM,DEC,PLACE,PL_POST,URN\n1,01/01/2016,,K2,GL1 1AA,SC000001\n",
    missing: String, names: (String, String, String) = ("header.csv", "episodes.csv", "missing.csv"),
    extra: [String: String] = [:]
) throws -> Dataset {
    let directory = try TemporaryDirectory()
    try directory.write(names.0, header)
    try directory.write(names.1, episodes)
    try directory.write(names.2, missing)
    for (name, text) in extra { try directory.write(name, text) }
    return try SSDA903Loader.load(paths: [directory.path], authority: "916", zone: Fixture.zone)
}

private let missingHeader = "CHILD,DOB,MISSING,MIS_START,MIS_END\n"

struct SSDA903LoaderTests {
    @Test func missingPeriodBecomesAnEpisodeOfTheAuthority() throws {
        let dataset = try load903(missing: missingHeader + "1,01/01/2008,A,05/03/2017,07/03/2017\n")
        let episode = try #require(dataset.episodes.first)
        #expect(episode.id == "1/2017-03-05")
        #expect(episode.child == "1")
        #expect(episode.localAuthority == "916")
        #expect(episode.type == .away)
        #expect(episode.startedAt == Timestamp(dayStart: Fixture.instant("2017-03-05"), nextDayStart: Fixture.instant("2017-03-06")))
        #expect(episode.endedAt?.latest == Fixture.instant("2017-03-08"))
        #expect(episode.placement == "SC000001")
        #expect(episode.policeRef == nil)
        let child = try #require(dataset.children.first)
        #expect(child.givenName.isEmpty && child.familyName.isEmpty)
        #expect(child.sex == .male)
        #expect(child.dateOfBirth == Fixture.date("2008-01-01"))
        #expect(child.localAuthority == "916")
        #expect(child.placement == "SC000001")
        let report = try #require(dataset.report(.ssda903Missing))
        #expect(report.rowsRead == 1 && report.accepted == 1 && report.rejected == 0 && report.warnings == 0)
    }

    @Test(arguments: [("1", Sex.male), ("2", .female), ("M", .male), ("f", .female), ("U", .unknown)])
    func readsSexCodes(code: String, sex: Sex) throws {
        let dataset = try load903(header: "CHILD,SEX,DOB\n1,\(code),01/01/2008\n", missing: missingHeader + "1,,M,05/03/2017,\n")
        #expect(dataset.children.first?.sex == sex)
        #expect(dataset.report(.ssda903Header)?.warnings == 0)
    }

    /// Each rule, with the row it concerns: rejected or kept, and the rule's code in the message.
    @Test(arguments: [
        ("1,,X,05/03/2017,06/03/2017", "1006", false, "missing.csv:2:3: warning: [1006] missing \"X\" is not a missing type"),
        ("1,,,05/03/2017,06/03/2017", "1006", false, "missing.csv:2:3: warning: [1006] missing is empty"),
        ("1,,M,31/02/2017,06/03/2017", "1004", true, "missing.csv:2:4: rejected: [1004] mis_start \"31/02/2017\" is not a real date"),
        ("1,,M,,06/03/2017", "1004", true, "missing.csv:2:4: rejected: [1004] mis_start is empty"),
        ("1,,M,05/03/2017,soon", "1005", true, "missing.csv:2:5: rejected: [1005] mis_end \"soon\" is not a date"),
        ("1,,M,05/03/2017,04/03/2017", "567", true, "missing.csv:2:5: rejected: [567] mis_end \"04/03/2017\" is before MIS_START"),
        ("1,,M,05/03/2007,06/03/2007", "586", false, "missing.csv:2:4: warning: [586] mis_start \"05/03/2007\" is before the child's date of birth"),
        ("1,,M,05/03/2015,06/03/2015", "no-placement", false, "missing.csv:2:4: warning: [no-placement] mis_start \"05/03/2015\" is not within any placement episode"),
    ])
    func appliesRule(row: String, rule: String, rejected: Bool, message: String) throws {
        let dataset = try load903(missing: missingHeader + row + "\n")
        let report = try #require(dataset.report(.ssda903Missing))
        #expect(report.rowsRead == 1)
        #expect(report.rejected == (rejected ? 1 : 0))
        #expect(report.accepted == (rejected ? 0 : 1))
        #expect(dataset.episodes.count == (rejected ? 0 : 1))
        let found = report.diagnostics.filter { $0.rule == rule }
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix(message) == true, "\(found.map(\.description))")
        #expect(report.rejectedRows.count == (rejected ? 1 : 0))
    }

    @Test func unknownTypeIsReadAsMissing() throws {
        let dataset = try load903(missing: missingHeader + "1,,X,05/03/2017,06/03/2017\n")
        #expect(dataset.episodes.first?.type == .missing)
    }

    @Test func periodStartingWhileThePreviousIsOpenBreaks574() throws {
        let dataset = try load903(missing: missingHeader + "1,,M,01/03/2017,\n1,,M,05/03/2017,06/03/2017\n")
        let report = try #require(dataset.report(.ssda903Missing))
        #expect(report.accepted == 2)
        #expect(report.diagnostics.map(\.description) == [
            "missing.csv:3:4: warning: [574] mis_start \"05/03/2017\" starts while the previous period (line 2) is still open",
        ])
    }

    @Test func overlappingPeriodBreaks574WhateverTheFileOrder() throws {
        let dataset = try load903(missing: missingHeader + "1,,M,05/03/2017,06/03/2017\n1,,M,01/03/2017,10/03/2017\n")
        let report = try #require(dataset.report(.ssda903Missing))
        #expect(report.diagnostics.map(\.description) == [
            "missing.csv:2:4: warning: [574] mis_start \"05/03/2017\" starts before the previous period (line 3) ended on 10/03/2017",
        ])
    }

    @Test func periodStartingOnThePreviousEndDayIsNotAnOverlap() throws {
        let dataset = try load903(missing: missingHeader + "1,,M,01/03/2017,05/03/2017\n1,,A,05/03/2017,05/03/2017\n1,,M,05/03/2017,\n")
        let report = try #require(dataset.report(.ssda903Missing))
        #expect(report.diagnostics.isEmpty, "\(report.messages)")
        // Two periods of the child start that day: the second gets /2, in file order.
        #expect(dataset.episodes.map(\.id) == ["1/2017-03-01", "1/2017-03-05", "1/2017-03-05/2"])
    }

    /// A placement covers DECOM up to, not including, DEC: on the day of a move the child is in
    /// the next placement; on the DEC day of a placement nothing follows, still in the ending one.
    @Test(arguments: [
        ("09/03/2017", "SC000001"), ("10/03/2017", "SC000002"), ("19/03/2017", "SC000002"),
        ("20/03/2017", "SC000002"), ("21/03/2017", nil), ("31/12/2015", nil),
    ])
    func placementAtABoundary(start: String, urn: String?) throws {
        let episodes = """
            CHILD,DECOM,DEC,PLACE,PL_POST,URN
            1,01/01/2016,10/03/2017,K2,GL1 1AA,SC000001
            1,10/03/2017,20/03/2017,K2,GL2 2BB,SC000002

            """
        let dataset = try load903(episodes: episodes, missing: missingHeader + "1,,M,\(start),\n")
        #expect(dataset.episodes.first?.placement == urn.map(HomeURN.init))
        let outside = dataset.report(.ssda903Missing)?.diagnostics.contains { $0.rule == SSDA903Rule.outsidePlacements.rawValue }
        #expect(outside == (urn == nil))
    }

    @Test func urnNotApplicableGivesNoHome() throws {
        let episodes = "CHILD,DECOM,DEC,PLACE,PL_POST,URN\n1,01/01/2016,,U1,,XXXXXXX\n"
        let dataset = try load903(episodes: episodes, missing: missingHeader + "1,,M,05/03/2017,\n")
        #expect(dataset.episodes.first?.placement == nil)
        #expect(dataset.report(.ssda903Missing)?.diagnostics.isEmpty == true)
    }

    @Test func headersInAnyCaseAndOrder() throws {
        let dataset = try load903(
            header: "dob,Sex,child,UPN\n01/01/2008,2,1,A123\n",
            episodes: "urn,Dec,child,decom\nSC000002,,1,01/01/2016\n",
            missing: "mis_end,Mis_Start,child,MISSING,dob\n06/03/2017,05/03/2017,1,A,01/01/2008\n")
        #expect(dataset.episodes.first?.placement == "SC000002")
        #expect(dataset.episodes.first?.type == .away)
        #expect(dataset.children.first?.sex == .female)
        #expect(dataset.report(.ssda903Header)?.messages == ["header.csv:1: note: column UPN not used by mfc; ignored"])
    }

    @Test func tablesRecognisedByTheirHeadersAndOthersIgnoredWithANote() throws {
        let dataset = try load903(
            missing: missingHeader + "1,,M,05/03/2017,\n", names: ("children.csv", "placements.csv", "absences.csv"),
            extra: ["reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2008,01/02/2017,PN1\n"])
        #expect(dataset.reports.map(\.file) == ["children.csv", "placements.csv", "absences.csv"])
        #expect(dataset.episodes.count == 1)
        #expect(dataset.reports[0].messages.contains("reviews.csv: note: not an SSDA903 table mfc reads (Header, Episodes, Missing); ignored"))
    }

    @Test func aMissingTableIsAClearError() throws {
        let directory = try TemporaryDirectory()
        try directory.write("header.csv", "CHILD,SEX,DOB\n1,1,01/01/2008\n")
        try directory.write("episodes.csv", "CHILD,DECOM,DEC\n1,01/01/2016,\n")
        #expect(throws: DatasetLoadError.missingSSDA903Table(kind: .ssda903Missing, paths: [directory.path])) {
            try SSDA903Loader.load(paths: [directory.path], authority: "916", zone: Fixture.zone)
        }
    }

    @Test func childMissingFromTheHeaderIsKeptWithAWarning() throws {
        let dataset = try load903(missing: missingHeader + "7,02/02/2009,M,05/03/2017,\n")
        let child = try #require(dataset.children.first { $0.id == "7" })
        #expect(child.sex == .unknown)
        #expect(child.dateOfBirth == Fixture.date("2009-02-02"))
        let messages = dataset.report(.ssda903Missing)?.messages ?? []
        #expect(messages.contains { $0.hasPrefix("missing.csv:2:1: warning: child \"7\" is not in the Header table") })
    }

    @Test func badPlacementRowsAreRejected() throws {
        let episodes = """
            CHILD,DECOM,DEC,URN
            1,01/01/2016,,SC000001
            1,32/01/2016,,SC000001
            1,01/02/2016,01/01/2016,SC000001
            1,01/01/2016,,SC000003

            """
        let dataset = try load903(episodes: episodes, missing: missingHeader + "1,,M,05/03/2017,\n")
        let report = try #require(dataset.report(.ssda903Episodes))
        #expect(report.rowsRead == 4 && report.accepted == 1 && report.rejected == 3)
        #expect(report.rejectedRows.map(\.line) == [3, 4, 5])
    }
}
