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

            --form ssda903 also writes the local authorities' records as their SSDA903 returns \
            would give them: ssda903/CODE/header.csv, episodes.csv and missing.csv for each \
            authority, and ssda903/truth.csv naming the LA episodes by the ids mfc import gives \
            them. --extracts also writes the same data in real-world layouts: \
            ofsted/children_homes.csv (Ofsted's list of providers) and police-extract/ (a force's \
            own extract, missing_persons.csv, and its mapping.toml). The native files are the same \
            whatever else is written.
            """)

    @Option(help: "The random seed; the same seed gives the same files.")
    var seed: UInt64

    @Option(parsing: .unconditional, help: "The number of children (about 6.7 LA episodes each).")
    var children: Int

    @Option(help: "The folder to write into (created when missing).")
    var output: String

    @Option(help: "How untidily the police record people: low, medium (the sample data's) or high.")
    var noise: NoiseLevel = .medium

    @Option(help: "native (the native files) or ssda903 (the native files and the SSDA903 form beside them).")
    var form: GeneratedForm = .native

    @Flag(help: "Also write the same data in real-world layouts: ofsted/children_homes.csv (Ofsted's list of providers) and police-extract/ (a force's own extract and its mapping).")
    var extracts = false

    @Flag(help: "Replace files that already exist.")
    var force = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        guard children >= 1 else { throw ValidationError("--children must be at least 1") }
    }

    func run() throws {
        var configuration = GeneratorConfiguration(seed: seed, children: children)
        configuration.noise = noise
        configuration.includesSSDA903 = form == .ssda903
        progress.progress("generating \(children) children and their incidents into \(output)…")
        let written = try SyntheticGenerator.write(configuration, to: output, replace: force)
        for file in written {
            print("\(output)/\(file.name): \(file.rows) rows")
        }
        if extracts {
            progress.progress("writing the real-world layouts…")
            let dataset = try DatasetLoader.load(directory: output, zone: .europeLondon)
            let files = try ExtractSamples.write(from: dataset, zone: .europeLondon, to: output, replace: force)
            for file in files { print("\(output)/\(file.name)" + (file.rows > 0 ? ": \(file.rows) rows" : "")) }
        }
    }
}

extension NoiseLevel: ExpressibleByArgument {}

/// What `mfc generate` writes (`--form`).
enum GeneratedForm: String, CaseIterable, ExpressibleByArgument {
    /// The native files and truth.csv.
    case native
    /// The same, and the SSDA903 form of the LA's records beside them.
    case ssda903
}
