import Foundation
import Testing
@testable import IncidentModel

struct GeneratorTests {
    /// A fresh folder under the system's temporary folder.
    private func scratchFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mfc-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The rows of a generated file that has no quoted fields (truth.csv), header excluded.
    private func simpleRows(_ file: GeneratedFile) -> [[String]] {
        String(decoding: file.bytes, as: UTF8.self).split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    private func file(_ name: String, in files: [GeneratedFile]) throws -> GeneratedFile {
        try #require(files.first { $0.name == name })
    }

    @Test(arguments: NoiseLevel.allCases)
    func sameSeedGivesIdenticalBytes(noise: NoiseLevel) {
        var configuration = GeneratorConfiguration(seed: 42, children: 300)
        configuration.noise = noise
        let first = SyntheticGenerator.generate(configuration)
        let second = SyntheticGenerator.generate(configuration)
        #expect(first.map(\.name) == SyntheticGenerator.fileNames)
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }

    @Test func differentSeedsGiveDifferentFiles() {
        let first = SyntheticGenerator.generate(GeneratorConfiguration(seed: 1, children: 100))
        let second = SyntheticGenerator.generate(GeneratorConfiguration(seed: 2, children: 100))
        for (a, b) in zip(first, second) where a.name != "forces.csv" {
            #expect(a.bytes != b.bytes, "\(a.name) is the same for two seeds")
        }
    }

    @Test func generatedFilesLoadWithNoRejectionsOrWarnings() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticGenerator.write(GeneratorConfiguration(seed: 2026, children: 400), to: folder, replace: false)
        let dataset = try DatasetLoader.load(paths: [folder], zone: .europeLondon)
        #expect(dataset.reports.count == 6)
        for report in dataset.reports {
            #expect(report.rowsRead > 0, "\(report.file) is empty")
            #expect(report.rejected == 0, "\(report.file): \(report.diagnostics.prefix(3).map(\.description))")
            #expect(report.warnings == 0, "\(report.file): \(report.diagnostics.prefix(3).map(\.description))")
        }
    }

    @Test func writesPrivateFilesAndRefusesToReplaceThemWithoutPermission() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configuration = GeneratorConfiguration(seed: 5, children: 20)
        let written = try SyntheticGenerator.write(configuration, to: folder, replace: false)
        #expect(written.map(\.name) == SyntheticGenerator.fileNames)
        for name in SyntheticGenerator.fileNames {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
        }
        #expect(throws: FileWriteError.exists(path: folder + "/forces.csv")) {
            try SyntheticGenerator.write(configuration, to: folder, replace: false)
        }
        try SyntheticGenerator.write(configuration, to: folder, replace: true)
    }

    @Test func truthNamesOnlyExistingReportsEpisodesAndChildren() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configuration = GeneratorConfiguration(seed: 9, children: 300)
        try SyntheticGenerator.write(configuration, to: folder, replace: false)
        let dataset = try DatasetLoader.load(paths: [folder], zone: .europeLondon)
        let truth = try simpleRows(file("truth.csv", in: SyntheticGenerator.generate(configuration)))
        let refs = Set(dataset.policeReports.map(\.ref.rawValue))
        let episodes = Dictionary(uniqueKeysWithValues: dataset.episodes.map { ($0.id.rawValue, $0) })
        let children = Set(dataset.children.map(\.id.rawValue))
        #expect(truth.count == dataset.policeReports.count)
        #expect(Set(truth.map { $0[0] }) == refs)
        for row in truth {
            #expect(row.count == 3)
            #expect(children.contains(row[2]))
            if !row[1].isEmpty {
                let episode = try #require(episodes[row[1]], "truth names unknown episode \(row[1])")
                #expect(episode.child.rawValue == row[2])
            }
        }
        // A recorded police reference is always the true one.
        let truthByRef = Dictionary(uniqueKeysWithValues: truth.map { ($0[0], $0[1]) })
        for episode in dataset.episodes {
            guard let ref = episode.policeRef else { continue }
            #expect(truthByRef[ref.rawValue] == episode.id.rawValue)
        }
    }

    @Test func proportionsFollowTheConfiguration() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configuration = GeneratorConfiguration(seed: 77, children: 2000)
        try SyntheticGenerator.write(configuration, to: folder, replace: false)
        let dataset = try DatasetLoader.load(paths: [folder], zone: .europeLondon)
        let truth = try simpleRows(file("truth.csv", in: SyntheticGenerator.generate(configuration)))

        let reportedEpisodes = Set(truth.map { $0[1] }.filter { !$0.isEmpty })
        let policeOnly = truth.count { $0[1].isEmpty }
        let incidents = Double(dataset.episodes.count + policeOnly)
        let both = Double(reportedEpisodes.count) / incidents
        let laOnly = Double(dataset.episodes.count - reportedEpisodes.count) / incidents
        #expect((0.66...0.74).contains(both))
        #expect((0.12...0.18).contains(Double(policeOnly) / incidents))
        #expect((0.12...0.18).contains(laOnly))

        let perChild = Double(dataset.episodes.count) / Double(dataset.children.count)
        #expect((5.5...8.0).contains(perChild))

        let hostOf = Dictionary(uniqueKeysWithValues: dataset.homes.map { ($0.urn, $0.localAuthority) })
        let outOfArea = dataset.children.count { child in
            child.placement.flatMap { hostOf[$0] } != child.localAuthority
        }
        #expect((0.35...0.45).contains(Double(outOfArea) / Double(dataset.children.count)))

        let withRef = dataset.episodes.count { $0.policeRef != nil }
        #expect((0.45...0.55).contains(Double(withRef) / Double(reportedEpisodes.count)))

        // Skewed: a minority of children account for most of the episodes.
        var counts: [String: Int] = [:]
        for episode in dataset.episodes { counts[episode.child.rawValue, default: 0] += 1 }
        let sorted = counts.values.sorted(by: >)
        let topFifth = sorted.prefix(dataset.children.count / 5).reduce(0, +)
        #expect(Double(topFifth) / Double(dataset.episodes.count) > 0.45)
    }

    @Test func registersScaleWithTheNumberOfChildren() {
        let small = GeneratorConfiguration(seed: 1, children: 300)
        #expect((small.authorityCount, small.forceCount, small.homeCount) == (3, 2, 15))
        let large = GeneratorConfiguration(seed: 1, children: 150_000)
        #expect(large.authorityCount == 150)
        #expect(large.forceCount == 43)
        #expect((2000...4000).contains(large.homeCount))
    }

    @Test func namesAreInventedAndPostcodesFakeButWellFormed() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticGenerator.write(GeneratorConfiguration(seed: 3, children: 300), to: folder, replace: false)
        let dataset = try DatasetLoader.load(paths: [folder], zone: .europeLondon)
        let markers = ["Sample", "Example", "Test", "Mock", "Dummy"]
        for home in dataset.homes {
            #expect(home.urn.isWellFormed)
            #expect(markers.contains { home.name.contains($0) }, "\(home.name)")
            let postcode = try #require(home.postcode)
            #expect(postcode.value.hasPrefix("Z"), "\(postcode)")
        }
        for authority in dataset.authorities {
            #expect(authority.code.rawValue.count == 3)
            #expect(markers.contains { authority.name.contains($0) }, "\(authority.name)")
        }
        for child in dataset.children {
            #expect(NamePools.surnameStems.contains { child.familyName.contains($0) }, "\(child.familyName)")
        }
    }

    @Test func sampleDataIsTheGeneratorsOutputForSeed2026() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData").path
        var configuration = GeneratorConfiguration(seed: 2026, children: 300)
        configuration.includesSSDA903 = true
        for file in SyntheticGenerator.generate(configuration) {
            let committed = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file.name))
            #expect([UInt8](committed) == file.bytes, "SampleData/\(file.name) is stale: run mfc generate --seed 2026 --children 300 --output SampleData --form ssda903 --force")
        }
    }

    /// The SSDA903 form holds the same LA episodes: every row accepted, one missing period per
    /// episode, each in the home of the native episode, and the 903 truth names the same pairs.
    @Test func ssda903FormMatchesTheNativeEpisodes() throws {
        var configuration = GeneratorConfiguration(seed: 3, children: 400)
        configuration.includesSSDA903 = true
        let directory = try TemporaryDirectory()
        let written = try SyntheticGenerator.write(configuration, to: directory.path, replace: false)
        #expect(written.contains { $0.name == "ssda903/truth.csv" })
        let native = try DatasetLoader.load(paths: [directory.path], zone: .europeLondon)
        var episodes: [LAEpisode] = []
        for authority in native.authorities {
            let part = try SSDA903Loader.load(
                paths: [directory.path + "/ssda903/" + authority.code.rawValue], authority: authority.code, zone: .europeLondon)
            #expect(part.reports.allSatisfy { $0.rejected == 0 && !$0.failed })
            episodes += part.episodes
        }
        #expect(episodes.count == native.episodes.count)
        let byID = Dictionary(uniqueKeysWithValues: episodes.map { ($0.id, $0) })
        let truth903 = try LinkageEvaluation.truthPairs(csv: Array(Data(contentsOf: URL(fileURLWithPath: directory.path + "/ssda903/truth.csv"))))
        let truth = try LinkageEvaluation.truthPairs(csv: Array(Data(contentsOf: URL(fileURLWithPath: directory.path + "/truth.csv"))))
        #expect(truth903.count == truth.count)
        let nativeByID = Dictionary(uniqueKeysWithValues: native.episodes.map { ($0.id, $0) })
        let nativeByRef = Dictionary(truth.map { ($0.policeRef, $0.episodeID) }, uniquingKeysWith: { a, _ in a })
        for pair in truth903 {
            let episode = try #require(byID[pair.episodeID])
            let original = try #require(nativeByRef[pair.policeRef].flatMap { nativeByID[$0] })
            #expect(episode.child == original.child)
            #expect(episode.startedAt.earliest <= original.startedAt.earliest && original.startedAt.earliest < episode.startedAt.latest)
        }
    }
}

/// The police's slips grow with the noise level.
struct NoiseLevelTests {
    /// The share of police reports whose name or date of birth differs from the true child's.
    private func disagreement(_ noise: NoiseLevel) throws -> Double {
        var configuration = GeneratorConfiguration(seed: 5, children: 600)
        configuration.noise = noise
        let files = SyntheticGenerator.generate(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mfc-noise-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticGenerator.write(configuration, to: folder, replace: false)
        let dataset = try DatasetLoader.load(paths: [folder], zone: .utc)
        let truth = try #require(files.first { $0.name == "truth.csv" })
        let childOf = Dictionary(
            String(decoding: truth.bytes, as: UTF8.self).split(separator: "\r\n").dropFirst().map {
                let fields = $0.split(separator: ",", omittingEmptySubsequences: false)
                return (String(fields[0]), String(fields[2]))
            }, uniquingKeysWith: { first, _ in first })
        let children = Dictionary(uniqueKeysWithValues: dataset.children.map { ($0.id.rawValue, $0) })
        var differing = 0
        for report in dataset.policeReports {
            guard let id = childOf[report.ref.rawValue], let child = children[id] else { continue }
            if report.forename != child.givenName || report.surname != child.familyName
                || report.dateOfBirth != child.dateOfBirth { differing += 1 }
        }
        return Double(differing) / Double(dataset.policeReports.count)
    }

    @Test func moreNoiseMeansMoreReportsThatDisagreeWithTheChild() throws {
        let low = try disagreement(.low)
        let medium = try disagreement(.medium)
        let high = try disagreement(.high)
        #expect(low < medium)
        #expect(medium < high)
        #expect(high > 2 * low)
    }

    @Test func mediumIsTheDefault() {
        #expect(GeneratorConfiguration(seed: 1, children: 1).noise == .medium)
    }
}
