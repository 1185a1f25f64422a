import Foundation
@testable import IncidentModel

/// A small seeded generator (SplitMix64) so that every property test replays exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/mfc-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes text (as UTF-8) to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Shared helpers for building inputs.
enum Fixture {
    static let zone = LocalTimeZone.europeLondon

    /// Runs one decoder over inline CSV text.
    static func importTable<D: RecordDecoding>(
        _ decoder: D.Type, _ text: String, file: String = "test.csv"
    ) -> ImportedTable<D.Record> {
        TableImporter.run(decoder, bytes: Array(text.utf8), file: file, zone: zone)
    }

    /// Runs one decoder over raw bytes.
    static func importTable<D: RecordDecoding>(
        _ decoder: D.Type, bytes: [UInt8], file: String = "test.csv"
    ) -> ImportedTable<D.Record> {
        TableImporter.run(decoder, bytes: bytes, file: file, zone: zone)
    }

    /// Reads every record of a CSV text as strings.
    static func records(_ bytes: [UInt8]) -> [CSVRecordSnapshot] {
        var reader = CSVReader(bytes: bytes)
        var result: [CSVRecordSnapshot] = []
        while reader.next({ record in
            result.append(CSVRecordSnapshot(line: record.line, fields: record.strings, problem: record.problem))
        }) {}
        return result
    }

    static func records(_ text: String) -> [CSVRecordSnapshot] { records(Array(text.utf8)) }

    /// A local time in Europe/London.
    static func time(_ text: String) -> Timestamp {
        guard case let .success(parsed) = DateTimeParser.parse(text) else {
            fatalError("bad test time \(text)")
        }
        return parsed.timestamp(in: zone)
    }

    static func instant(_ text: String) -> Instant { time(text).instant }

    static func date(_ text: String) -> CivilDate {
        guard case let .success(parsed) = DateTimeParser.parse(text) else { fatalError("bad test date \(text)") }
        return parsed.date
    }

    /// Writes the named files to a fresh folder and loads it.
    static func load(_ files: [String: String]) throws -> Dataset {
        let directory = try TemporaryDirectory()
        for (name, text) in files { try directory.write(name, text) }
        return try DatasetLoader.load(paths: [directory.path], zone: zone)
    }

    /// Generates data with `seed`, `children` and `noise` into a fresh folder and loads it,
    /// with the pairs of `truth.csv`.
    static func generated(seed: UInt64, children: Int, noise: NoiseLevel) throws -> (dataset: Dataset, truth: Set<SourcePair>) {
        var configuration = GeneratorConfiguration(seed: seed, children: children)
        configuration.noise = noise
        let directory = try TemporaryDirectory()
        let folder = directory.file("generated")
        try SyntheticGenerator.write(configuration, to: folder, replace: false)
        return (
            try DatasetLoader.load(paths: [folder], zone: .europeLondon),
            try LinkageEvaluation.truthPairs(csv: FileBytes.read(path: folder + "/truth.csv")))
    }

    /// Loads the files and links them, with the default person linker (the model) unless
    /// another is given.
    static func link(
        _ files: [String: String], personLinker: any PersonLinker = ProbabilisticPersonLinker(), toleranceHours: Int = 24
    ) throws -> LinkedData {
        IncidentLinker(personLinker: personLinker, toleranceHours: toleranceHours).link(try load(files))
    }

    // Registers used by the linking tests.
    static let forces = """
        code,name
        GLO,Gloucestershire Constabulary
        WMP,West Midlands Police

        """
    static let authorities = """
        code,name,police_force,children_looked_after
        916,Gloucestershire,GLO,800
        330,Birmingham,WMP,2000

        """
    static let homes = """
        urn,name,provider,address,postcode,local_authority,police_force,ofsted_rating,places
        SC000001,Willow House,Acme Care,1 Willow Lane,GL1 1AA,916,GLO,Good,4
        SC000002,Oak Lodge,Acme Care,2 Oak Road,GL2 2BB,916,GLO,Outstanding,6
        SC000003,Birch Court,Brum Homes,3 Birch Street,B1 1CC,330,WMP,Inadequate,3

        """
    static let episodeHeader =
        "episode_id,child_id,local_authority,type,started_at,ended_at,placement_urn,police_ref,rhi_offered,rhi_completed_at,cse_concern\n"
    static let policeHeader =
        "police_ref,force,forename,surname,dob,sex,missing_from,missing_from_postcode,last_seen_at,reported_at,found_at,risk,cse_concern\n"
    static let childHeader = "child_id,local_authority,given_name,family_name,dob,sex,placement_urn\n"

    /// A dataset of registers plus the given children, episodes and police rows (without headers).
    static func files(children: String = "", episodes: String = "", police: String = "") -> [String: String] {
        [
            "forces.csv": forces, "authorities.csv": authorities, "homes.csv": homes,
            "children.csv": childHeader + children, "la_episodes.csv": episodeHeader + episodes,
            "police_reports.csv": policeHeader + police,
        ]
    }
}

/// A record copied out of the reader for assertions.
struct CSVRecordSnapshot: Equatable {
    var line: Int
    var fields: [String]
    var problem: CSVRecord.Problem? = nil
}

extension FileReport {
    /// The diagnostics' texts.
    var messages: [String] { diagnostics.map(\.description) }
}

extension Dataset {
    func report(_ kind: SourceFileKind) -> FileReport? { reports.first { $0.kind == kind } }
}
