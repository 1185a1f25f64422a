import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore
import MappingFile

/// `--layout` and what reading each layout needs (`--authority`, `--mapping`, `--authorities`):
/// how `mfc import` and `mfc validate` read the files named. `--format` is here too, as the
/// output (table or json), or in its old spelling the layout.
struct LayoutOptions: ParsableArguments {
    @Option(help: """
        The files' layout: native (mfc's own files, the default), ssda903 (the DfE return's Header, Episodes and Missing \
        tables), ofsted-homes (Ofsted's list of providers) or police (a force's own extract, read through --mapping).
        """)
    var layout: InputLayout?

    @Option(help: ArgumentHelp(
        "Output format: table or json. (--format ssda903, ofsted-homes or police, the old spelling of --layout, still works.)",
        valueName: "format"))
    var format: FormatArgument?

    /// The layout named by `--layout` (or the old `--format`), else native.
    var resolvedLayout: InputLayout { FormatArgument.layout(layout, format: format) }

    @Option(help: ArgumentHelp(
        "With --layout ssda903: the responsible authority's DfE code (the return does not name it).", valueName: "code"))
    var authority: String?

    @Option(help: ArgumentHelp(
        "With --layout police: the mapping file (TOML) naming the extract's column for each field; `mfc mapping suggest` writes one.",
        valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp(
        "With --layout ofsted-homes: the authorities.csv whose names the list's authorities are looked up in (default: the workspace's authorities when importing, else authorities.csv beside the list).",
        valueName: "file"))
    var authorities: String?

    /// Checks that the options suit the layout and the files named.
    func check(paths: [String]) throws {
        try FormatArgument.check(layout, format: format)
        let format = resolvedLayout
        if format.needsAuthority && (authority ?? "").isEmpty {
            throw ValidationError("--layout \(format.rawValue) needs --authority CODE: the responsible authority's DfE code")
        }
        if !format.needsAuthority && authority != nil {
            throw ValidationError("--authority goes with --layout ssda903")
        }
        if format == .police && mapping == nil {
            throw ValidationError("--layout police needs --mapping FILE (write one with `mfc mapping suggest EXTRACT.csv`)")
        }
        if format != .police && mapping != nil {
            throw ValidationError("--mapping goes with --layout police")
        }
        if format != .ofstedHomes && authorities != nil {
            throw ValidationError("--authorities goes with --layout ofsted-homes")
        }
        if format.readsOneFile && paths.count != 1 {
            throw ValidationError(format == .police
                ? "--layout police reads one extract at a time"
                : "--layout ofsted-homes reads one file: name Ofsted's list")
        }
    }

    /// The authority named, as a code.
    var authorityCode: AuthorityCode { AuthorityCode(authority ?? "") }

    /// Reads the files and folders in this layout, without a workspace (`mfc validate`): an
    /// Ofsted list's authorities come from `--authorities` or authorities.csv beside it.
    func load(_ paths: [String], zone: LocalTimeZone) throws -> Dataset {
        switch resolvedLayout {
        case .native: try DatasetLoader.load(paths: paths, zone: zone)
        case .ssda903: try SSDA903Loader.load(paths: paths, authority: authorityCode, zone: zone)
        case .ofstedHomes, .police: try source(path: paths[0], workspace: nil).load(zone: zone)
        }
    }

    /// Imports the files and folders in this format into `workspace`.
    func importFiles(
        _ paths: [String], into workspace: Workspace, zone: LocalTimeZone, progress: (ImportProgress) -> Void
    ) throws -> ImportResult {
        let attribution = WorkspaceOptions.attribution
        switch resolvedLayout {
        case .native:
            return try workspace.importFiles(paths, zone: zone, attribution: attribution, progress: progress)
        case .ssda903:
            return try workspace.importSSDA903(
                paths, authority: authorityCode, zone: zone, attribution: attribution, progress: progress)
        case .ofstedHomes, .police:
            let source = try source(path: paths[0], workspace: workspace)
            return try workspace.importExtract(source, zone: zone, attribution: attribution, progress: progress)
        }
    }

    /// The extract named by `path` (Ofsted's list or a police extract), with its mapping or
    /// authorities register read; `workspace` supplies the authorities when no file is named.
    private func source(path: String, workspace: Workspace?) throws(CLIError) -> ExtractSource {
        switch resolvedLayout {
        case .native, .ssda903:
            throw CLIError.usage("--layout \(resolvedLayout.rawValue) files are not a single extract")
        case .police:
            do {
                return .police(path: path, mapping: try PoliceMapping.read(path: mapping ?? ""))
            } catch {
                throw CLIError.unreadable(error.description)
            }
        case .ofstedHomes:
            return .ofstedHomes(path: path, authorities: try register(beside: path, workspace: workspace))
        }
    }

    /// The authorities: the file named, else the workspace's when it holds any, else
    /// authorities.csv beside the list.
    private func register(beside path: String, workspace: Workspace?) throws(CLIError) -> [Authority] {
        if authorities == nil, let workspace {
            let held: [Authority]
            do {
                held = try workspace.authorities()
            } catch {
                throw CLIError.wrapping(error)
            }
            if !held.isEmpty { return held }
        }
        let file = authorities ?? ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("authorities.csv")
        guard FileManager.default.fileExists(atPath: file) else {
            throw CLIError.usage(
                "\(file): no authorities register to look the list's authority names up in; name one with --authorities FILE"
                    + (workspace == nil ? "" : " or import authorities.csv into the workspace first"))
        }
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(paths: [file], zone: .europeLondon)
        } catch {
            throw CLIError.usage(error.description)
        }
        guard let report = dataset.reports.first, report.kind == .authorities else {
            throw CLIError.usage("\(file): not an authorities register (expected the columns code, name)")
        }
        if let problem = report.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.unreadable(problem.description)
        }
        return dataset.authorities
    }
}
