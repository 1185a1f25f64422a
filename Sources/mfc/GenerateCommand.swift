import ArgumentParser
import IncidentModel

/// `mfc generate`: writes synthetic data in the native file formats, plus `truth.csv`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic, plainly fictional data in the native file formats.",
        discussion: """
            Writes forces.csv, authorities.csv, homes.csv, children.csv, la_episodes.csv and \
            police_reports.csv, and truth.csv, which names the LA episode each police report truly \
            describes (blank when only the police knew) and the child. The same seed and number of \
            children give the same files, byte for byte. Files are created with mode 0600.
            """)

    @Option(help: "The random seed; the same seed gives the same files.")
    var seed: UInt64

    @Option(help: "The number of children (about 6.7 LA episodes each).")
    var children: Int

    @Option(help: "The folder to write into (created when missing).")
    var output: String

    @Option(help: "How untidily the police record people: low, medium (the sample data's) or high.")
    var noise: NoiseLevel = .medium

    @Flag(help: "Also write the same data in real-world layouts: ofsted/children_homes.csv (Ofsted's list of providers) and police-extract/ (a force's own extract and its mapping).")
    var extracts = false

    @Flag(help: "Replace files that already exist.")
    var force = false

    func validate() throws {
        guard children >= 1 else { throw ValidationError("--children must be at least 1") }
    }

    func run() throws {
        var configuration = GeneratorConfiguration(seed: seed, children: children)
        configuration.noise = noise
        let written = try SyntheticGenerator.write(configuration, to: output, replace: force)
        for file in written {
            print("\(output)/\(file.name): \(file.rows) rows")
        }
        if extracts {
            let dataset = try DatasetLoader.load(directory: output, zone: .europeLondon)
            let files = try ExtractSamples.write(from: dataset, zone: .europeLondon, to: output, replace: force)
            for file in files { print("\(output)/\(file.name)" + (file.rows > 0 ? ": \(file.rows) rows" : "")) }
        }
    }
}

extension NoiseLevel: ExpressibleByArgument {}
