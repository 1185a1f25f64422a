import ArgumentParser
import IncidentModel

/// The layouts of extracts that `mfc import` and `mfc validate` read (`--format`).
enum ImportFormat: String, CaseIterable, ExpressibleByArgument {
    /// mfc's own files (SampleData/README.md).
    case native
    /// A local authority's SSDA903 return to the DfE: its Header, Episodes and Missing tables.
    case ssda903

    /// Whether the format needs `--authority` (the 903 does not name its authority).
    var needsAuthority: Bool { self == .ssda903 }
}

/// `--format` and `--authority`: how to read the files named.
struct FormatOptions: ParsableArguments {
    @Option(help: "The files' layout: native (mfc's own files) or ssda903 (the DfE return's Header, Episodes and Missing tables).")
    var format: ImportFormat = .native

    @Option(help: ArgumentHelp(
        "The responsible authority's DfE code, for --format ssda903 (the return does not name it).", valueName: "code"))
    var authority: String?

    func validate() throws {
        if format.needsAuthority && (authority ?? "").isEmpty {
            throw ValidationError("--format \(format.rawValue) needs --authority CODE: the responsible authority's DfE code")
        }
        if !format.needsAuthority && authority != nil {
            throw ValidationError("--authority is only used with --format ssda903")
        }
    }

    /// The authority named, as a code.
    var authorityCode: AuthorityCode { AuthorityCode(authority ?? "") }

    /// Reads the files and folders in this format.
    func load(_ paths: [String], zone: LocalTimeZone) throws(DatasetLoadError) -> Dataset {
        switch format {
        case .native: try DatasetLoader.load(paths: paths, zone: zone)
        case .ssda903: try SSDA903Loader.load(paths: paths, authority: authorityCode, zone: zone)
        }
    }
}
