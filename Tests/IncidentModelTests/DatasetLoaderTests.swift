import Testing
@testable import IncidentModel

struct DatasetLoaderTests {
    @Test func loadsAFolderOfNativeFiles() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,916,Amy,Smith,01/02/2010,F,SC000001\n",
            episodes: "E1,C1,916,M,01/03/2024 10:00,01/03/2024 12:00,SC000001,,Y,,N\n",
            police: "P1,GLO,Amy,Smith,01/02/2010,F,Willow House,GL1 1AA,01/03/2024 10:30,01/03/2024 11:00,01/03/2024 12:00,high,N\n"))
        #expect(dataset.forces.count == 2)
        #expect(dataset.authorities.count == 2)
        #expect(dataset.homes.count == 3)
        #expect(dataset.children.count == 1)
        #expect(dataset.episodes.count == 1)
        #expect(dataset.policeReports.count == 1)
        #expect(dataset.reports.count == 6)
        #expect(dataset.reports.allSatisfy { $0.diagnostics.isEmpty })
        #expect(!dataset.hasRejections && !dataset.hasUnreadableFiles)
        #expect(dataset.authorities.first { $0.code == "916" }?.childrenLookedAfter == 800)
        #expect(dataset.homes.first?.rating == .good)
    }

    @Test func warnsAboutHomeAndChildNotInTheRegistersAndKeepsTheRow() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,916,Amy,Smith,01/02/2010,F,SC999998\n",
            episodes: "E1,C1,916,M,01/03/2024 10:00,,SC999999,,,,\nE2,C9,916,M,01/03/2024 10:00,,SC000001,,,,\n",
            police: "P1,XXX,Amy,Smith,01/02/2010,F,,,01/03/2024 10:30,,,,\n"))
        #expect(dataset.report(.laEpisodes)?.messages == [
            "la_episodes.csv:2:7: warning: placement_urn \"SC999999\" is not in homes.csv; the home is unknown",
            "la_episodes.csv:3:2: warning: child_id \"C9\" is not in children.csv; the episode is kept without the child's details",
        ])
        #expect(dataset.report(.children)?.messages == [
            "children.csv:2:7: warning: placement_urn \"SC999998\" is not in homes.csv; the home is unknown"
        ])
        #expect(dataset.report(.policeReports)?.messages == [
            "police_reports.csv:2:2: warning: force \"XXX\" is not in forces.csv; kept as written"
        ])
        #expect(dataset.episodes.count == 2)
        #expect(dataset.report(.laEpisodes)?.accepted == 2)
        #expect(dataset.episodes[0].placement == "SC999999")
    }

    @Test func warnsAboutHomeWhoseAuthorityOrForceIsNotRegistered() throws {
        var files = Fixture.files()
        files["homes.csv"] = "urn,name,local_authority,police_force\nSC000001,Willow House,999,ZZZ\n"
        let dataset = try Fixture.load(files)
        #expect(dataset.report(.homes)?.messages == [
            "homes.csv:2:3: warning: local_authority \"999\" is not in authorities.csv; kept as written",
            "homes.csv:2:4: warning: police_force \"ZZZ\" is not in forces.csv; kept as written",
        ])
    }

    @Test func warnsAboutAPoliceReferenceRecordedOnTwoEpisodes() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,916,Amy,Smith,01/02/2010,F,SC000001\n",
            episodes: "E1,C1,916,M,01/03/2024 10:00,,SC000001,P1,,,\nE2,C1,916,M,05/03/2024 10:00,,SC000001,P1,,,\n"))
        #expect(dataset.report(.laEpisodes)?.messages == [
            "la_episodes.csv:3:8: warning: police_ref \"P1\" is also recorded on line 2; that episode takes the certain link"
        ])
        #expect(dataset.report(.laEpisodes)?.accepted == 2)
    }

    @Test func warnsAboutEveryLaterEpisodeThatRecordsAPoliceReferenceAgain() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,916,Amy,Smith,01/02/2010,F,SC000001\n",
            episodes: "E1,C1,916,M,01/03/2024 10:00,,SC000001,P1,,,\nE2,C1,916,M,03/03/2024 10:00,,SC000001,P2,,,\n"
                + "E3,C1,916,M,05/03/2024 10:00,,SC000001,P1,,,\nE4,C1,916,M,07/03/2024 10:00,,SC000001,P1,,,\n"))
        #expect(dataset.report(.laEpisodes)?.messages == [
            "la_episodes.csv:4:8: warning: police_ref \"P1\" is also recorded on line 2; that episode takes the certain link",
            "la_episodes.csv:5:8: warning: police_ref \"P1\" is also recorded on line 2; that episode takes the certain link",
        ])
        let context = LinkContext(dataset: dataset)
        #expect(context.episodeByPoliceRef[PoliceRef("P1")] == 0)
        #expect(context.episodeByPoliceRef[PoliceRef("P2")] == 1)
    }

    @Test func doesNotCheckAgainstARegisterThatWasNotLoaded() throws {
        let dataset = try Fixture.load([
            "la_episodes.csv": Fixture.episodeHeader + "E1,C9,916,M,01/03/2024 10:00,,SC999999,,,,\n"
        ])
        #expect(dataset.reports.count == 1)
        #expect(dataset.report(.laEpisodes)?.diagnostics.isEmpty == true)
    }

    @Test func takesBlankEpisodeAuthorityFromTheChild() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,330,Amy,Smith,01/02/2010,F,\nC2,331,Ben,Jones,02/03/2011,M,\n",
            episodes: "E1,C1,,M,01/03/2024 10:00,,,,,,\nE2,C9,,M,02/03/2024 10:00,,,,,,\nE3,C2,,M,03/03/2024 10:00,,,,,,\n"
                + "E4,C2,916,M,04/03/2024 10:00,,,,,,\n"))
        // A child children.csv lacks gives no authority; one written on the episode stays.
        #expect(dataset.episodes.map(\.localAuthority) == ["330", "", "331", "916"])
    }

    @Test func warnsAboutURNThatIsNotOfstedShaped() {
        let table = Fixture.importTable(HomeDecoder.self, "urn,name,local_authority\nX12,Home,916\n", file: "homes.csv")
        #expect(table.report.messages == [
            "homes.csv:2:1: warning: urn \"X12\" does not look like an Ofsted URN; expected SC followed by six digits; kept as written"
        ])
        #expect(table.report.accepted == 1)
    }

    @Test func notesOtherCSVFilesInTheFolder() throws {
        var files = Fixture.files()
        files["notes.csv"] = "a,b\n"
        let dataset = try Fixture.load(files)
        #expect(dataset.reports.flatMap(\.messages).contains("notes.csv: note: not a native mfc file; ignored"))
    }

    @Test func recognisesARenamedFileByItsHeader() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("export-2024.csv", Fixture.policeHeader + "P1,GLO,,,,,,,01/03/2024,,,,\n")
        #expect(try DatasetLoader.kind(ofFile: path) == .policeReports)
        let dataset = try DatasetLoader.load(paths: [path], zone: Fixture.zone)
        #expect(dataset.policeReports.map(\.ref) == ["P1"])
        #expect(dataset.reports.first?.file == "export-2024.csv")
    }

    @Test func refusesFileOfUnknownKind() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("mystery.csv", "x,y\n1,2\n")
        #expect(throws: DatasetLoadError.unknownFileKind(path: path)) {
            try DatasetLoader.load(paths: [path], zone: Fixture.zone)
        }
    }

    @Test func refusesFolderWithoutNativeFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("readme.txt", "hello")
        #expect(throws: DatasetLoadError.noInputFiles(path: directory.path)) {
            try DatasetLoader.load(paths: [directory.path], zone: Fixture.zone)
        }
    }

    @Test func refusesTwoFilesOfTheSameKind() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.write("a.csv", "code,name\n")
        let second = try directory.write("b.csv", "code,name\n")
        #expect(throws: DatasetLoadError.repeatedKind(kind: .forces, first: first, second: second)) {
            try DatasetLoader.load(paths: [first, second], zone: Fixture.zone)
        }
    }

    @Test func reportsAFileThatCannotBeRead() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("forces.csv")
        let dataset = try DatasetLoader.load(paths: [path], zone: Fixture.zone)
        #expect(dataset.hasUnreadableFiles)
        #expect(dataset.reports.first?.messages == [
            "forces.csv: error: \(path): cannot open: No such file or directory"
        ])
    }

    // MARK: - Property: every row read is accepted or rejected

    static let cleanEpisodes = Fixture.episodeHeader + """
        E1,C1,916,M,01/03/2024 10:00,01/03/2024 12:00,SC000001,P1,Y,02/03/2024,N
        E2,C1,916,A,2024-03-05T22:15,2024-03-06 01:00:00,SC000001,,N,,Y
        E3,C2,330,M,06/03/2024,,"SC000003",,,,
        "E4","C2","330","M","07/03/2024 09:00","07/03/2024 09:30","SC000003","P4, extra","Y","07/03/2024 10:00","N"
        E5,C3,916,M,31/03/2024 01:30,31/03/2024 03:00,,,,,

        """
    static let cleanPolice = Fixture.policeHeader + """
        P1,GLO,Amy,Smith,01/02/2010,F,"Willow House, 1 Willow Lane",GL1 1AA,01/03/2024 10:30,01/03/2024 11:00,01/03/2024 12:00,high,N
        P2,WMP,"Jo ""JJ""\",O'Neil,2011-05-06,M,Birch Court,B1 1CC,,06/03/2024 09:00,,medium,Y
        P3,GLO,Sam,Lee,,U,,,27/10/2024 01:30,27/10/2024 02:00,27/10/2024 04:00,,

        """

    /// Corrupts text the ways damaged spreadsheets do: changed bytes, dropped and repeated
    /// fields, stray quotes, cut-off endings.
    static func corrupt(_ text: String, using random: inout SeededGenerator) -> [UInt8] {
        var bytes = Array(text.utf8)
        let specials: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0xA3, 0xFF, 0xC3, 0x20, 0x2F, 0x3A, 0x30, 0x39, 0x00]
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: bytes[at] = specials.randomElement(using: &random) ?? 0
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(0x22, at: at)
            case 3:  // drop a field: from this comma to the next
                if let start = bytes[at...].firstIndex(of: 0x2C),
                   let end = bytes[(start + 1)...].firstIndex(where: { $0 == 0x2C || $0 == 0x0A }) {
                    bytes.removeSubrange(start..<end)
                }
            case 4:  // duplicate a field
                if let start = bytes[at...].firstIndex(of: 0x2C),
                   let end = bytes[(start + 1)...].firstIndex(where: { $0 == 0x2C || $0 == 0x0A }) {
                    bytes.insert(contentsOf: Array(bytes[start..<end]), at: end)
                }
            case 5: bytes.removeSubrange(at...)
            default:  // duplicate a whole line
                let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let lineEnd = bytes[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                bytes.insert(contentsOf: Array(bytes[lineStart..<lineEnd]), at: lineEnd)
            }
        }
        return bytes
    }

    static func checkInvariant<R>(_ table: ImportedTable<R>, input: [UInt8]) {
        let report = table.report
        let context = Comment(rawValue: "input: \(String(decoding: input, as: UTF8.self).debugDescription)")
        #expect(report.rowsRead == report.accepted + report.rejected, context)
        #expect(report.accepted == table.records.count, context)
        #expect(report.accepted == table.lines.count, context)
        #expect(report.rejected == report.rejectedRows.count, context)
        #expect(report.rejected == report.diagnostics.count { $0.severity == .rejected }, context)
        #expect(table.lines == table.lines.sorted(), context)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func accountsForEveryRowOfCorruptedInput(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let episodes = Self.corrupt(Self.cleanEpisodes, using: &random)
            Self.checkInvariant(Fixture.importTable(EpisodeDecoder.self, bytes: episodes), input: episodes)
            let police = Self.corrupt(Self.cleanPolice, using: &random)
            Self.checkInvariant(Fixture.importTable(PoliceReportDecoder.self, bytes: police), input: police)
        }
    }

    @Test func acceptsEveryRowOfTheCleanInput() {
        let episodes = Fixture.importTable(EpisodeDecoder.self, Self.cleanEpisodes)
        let police = Fixture.importTable(PoliceReportDecoder.self, Self.cleanPolice)
        #expect(episodes.report.messages == [])
        #expect(police.report.messages == [])
        #expect(episodes.records.map(\.policeRef) == ["P1", nil, nil, "P4, extra", nil])
        #expect(police.records.map(\.forename) == ["Amy", "Jo \"JJ\"", "Sam"])
    }

    @Test func loadsCorruptedFoldersWithoutCrashingAndLinksThem() throws {
        var random = SeededGenerator(seed: 99)
        for _ in 0..<40 {
            let directory = try TemporaryDirectory()
            var files = Fixture.files(children: "C1,916,Amy,Smith,01/02/2010,F,SC000001\nC2,330,Jo,O'Neil,06/05/2011,M,SC000003\n")
            files["la_episodes.csv"] = Self.cleanEpisodes
            files["police_reports.csv"] = Self.cleanPolice
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                try directory.write(name, bytes: Self.corrupt(text, using: &random))
            }
            let dataset = try DatasetLoader.load(paths: [directory.path], zone: Fixture.zone)
            for report in dataset.reports {
                #expect(report.rowsRead == report.accepted + report.rejected, "\(report.file)")
            }
            let linked = IncidentLinker().link(dataset)
            let sources = linked.incidents.reduce(0) { $0 + $1.episodeIDs.count }
            #expect(sources == dataset.episodes.count)
            #expect(linked.incidents.reduce(0) { $0 + $1.policeRefs.count } == dataset.policeReports.count)
        }
    }
}
