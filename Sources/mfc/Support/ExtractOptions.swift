import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore
import MappingFile

/// `--mapping` and `--authorities`: what reading a file in a foreign layout needs.
struct ExtractOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "With --format police: the mapping file (TOML) naming the extract's column for each field; `mfc mapping suggest` writes one.",
        valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp(
        "With --format ofsted-homes: the authorities.csv whose names the list's authorities are looked up in (default: the workspace's authorities when importing, else authorities.csv beside the list).",
        valueName: "file"))
    var authorities: String?

    /// Checks that the options suit the format and the files named.
    func check(_ format: ImportFormat, paths: [String]) throws {
        switch format {
        case .native:
            if mapping != nil { throw ValidationError("--mapping goes with --format police") }
            if authorities != nil { throw ValidationError("--authorities goes with --format ofsted-homes") }
        case .ofstedHomes:
            if mapping != nil { throw ValidationError("--mapping goes with --format police") }
            if paths.count != 1 { throw ValidationError("--format ofsted-homes reads one file: name Ofsted's list") }
        case .police:
            if authorities != nil { throw ValidationError("--authorities goes with --format ofsted-homes") }
            if mapping == nil { throw ValidationError("--format police needs --mapping FILE (write one with `mfc mapping suggest EXTRACT.csv`)") }
            if paths.count != 1 { throw ValidationError("--format police reads one extract at a time") }
        }
    }

    /// The extract named by `path` in `format` (not native), with its mapping or authorities
    /// register read; `workspace` supplies the authorities when no file is named.
    func source(_ format: ImportFormat, path: String, workspace: Workspace?) throws -> ExtractSource {
        switch format {
        case .native:
            throw CLIError.usage("native files are not an extract")
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
    private func register(beside path: String, workspace: Workspace?) throws -> [Authority] {
        if authorities == nil, let workspace {
            let held: [Authority]
            do {
                held = try workspace.authorities()
            } catch {
                throw CLIError.unreadable(error.description)
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
