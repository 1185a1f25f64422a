import Foundation

/// One file the generator produced.
public struct GeneratedFile: Sendable {
    /// The file's name, such as `la_episodes.csv`.
    public let name: String
    /// The CSV bytes: RFC 4180, CRLF line ends, a header row.
    public let bytes: [UInt8]
    /// Data rows (the header excluded).
    public let rows: Int
}

/// Writes synthetic, plainly fictional data in the native file formats (DESIGN section 3): the
/// six native files and `truth.csv`, which names for every police report the LA episode it truly
/// describes (blank when the police alone knew of the incident) and the child.
///
/// Realistic, not uniform: authorities and homes of different sizes, a minority of children
/// going missing many times, children placed out of area, incidents known to one agency or both,
/// and the police's own spellings of names and dates. The same configuration gives the same
/// bytes on every run: the generator reads no clock and iterates no unordered collection.
///
/// Time and memory are linear in the number of children: 150,000 children (about a million
/// episodes) hold a few hundred megabytes, one file at a time.
public enum SyntheticGenerator {
    /// The files written, in order.
    public static let fileNames = [
        "forces.csv", "authorities.csv", "homes.csv", "children.csv", "la_episodes.csv", "police_reports.csv",
        "truth.csv",
    ]

    /// Generates every file and hands each to `body` as soon as it is complete, so that at most
    /// one file's bytes are held at a time.
    public static func generate<E: Error>(
        _ configuration: GeneratorConfiguration, each body: (GeneratedFile) throws(E) -> Void
    ) throws(E) {
        var random = SeededRandom(seed: configuration.seed)
        var world = GeneratedWorld(configuration: configuration)
        var registerRandom = random.fork()
        var childRandom = random.fork()
        var incidentRandom = random.fork()
        RegisterBuilder.build(&world, configuration: configuration, random: &registerRandom)
        ChildBuilder.build(&world, configuration: configuration, random: &childRandom)
        IncidentSimulator.simulate(&world, configuration: configuration, random: &incidentRandom)
        let writer = FileRenderer(world: world, configuration: configuration)
        try body(writer.forces())
        try body(writer.authorities())
        try body(writer.homes())
        try body(writer.children())
        try body(writer.episodes())
        let (police, truth) = writer.policeReportsAndTruth()
        try body(police)
        try body(truth)
        if configuration.includesSSDA903 {
            for file in writer.ssda903() { try body(file) }
        }
    }

    /// Generates every file into memory.
    public static func generate(_ configuration: GeneratorConfiguration) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        generate(configuration) { (file: GeneratedFile) throws(Never) in files.append(file) }
        return files
    }

    /// Generates the files into `directory` (created `0700` when missing), each written
    /// atomically with mode `0600`. Unless `replace`, nothing is written when any of the files
    /// already exists.
    /// - Returns: the name and row count of each file written.
    @discardableResult
    public static func write(
        _ configuration: GeneratorConfiguration, to directory: String, replace: Bool
    ) throws(FileWriteError) -> [(name: String, rows: Int)] {
        let folder = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        var names = fileNames
        if configuration.includesSSDA903 { names.append(ssda903Folder) }
        if !replace, let existing = names.map({ folder + "/" + $0 }).first(where: AtomicFileWriter.exists) {
            throw .exists(path: existing)
        }
        try makeFolder(folder)
        var written: [(name: String, rows: Int)] = []
        try generate(configuration) { (file: GeneratedFile) throws(FileWriteError) in
            if let slash = file.name.lastIndex(of: "/") { try makeFolder(folder + "/" + String(file.name[..<slash])) }
            try AtomicFileWriter.write(file.bytes, to: folder + "/" + file.name, replace: replace)
            written.append((file.name, file.rows))
        }
        return written
    }

    /// The folder, under the output, that holds the SSDA903 form.
    public static let ssda903Folder = "ssda903"

    /// Creates a folder (`0700`, with its parents) unless it exists.
    private static func makeFolder(_ folder: String) throws(FileWriteError) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .failed(path: folder, step: "create the folder", reason: error.localizedDescription)
            }
        } else if !isDirectory.boolValue {
            throw .failed(path: folder, step: "write into it", reason: "it is not a folder")
        }
    }
}
