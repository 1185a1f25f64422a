import ArgumentParser
import Foundation
import IncidentModel

/// Where the data come from: a folder named on the command line, else `SampleData/`.
struct DataSource {
    /// The folder to read when none is named: `SampleData` in the current folder, else the one
    /// beside this package's sources (so `swift run mfc` works from anywhere in the checkout).
    static func defaultFolder() -> String {
        let local = FileManager.default.currentDirectoryPath + "/SampleData"
        if FileManager.default.fileExists(atPath: local + "/la_episodes.csv") { return "SampleData" }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent("SampleData").path
    }

    /// Loads and links the data in `paths` (or the default folder), in Europe/London time.
    static func load(_ paths: [String]) throws -> (LinkedData, IncidentCatalogue) {
        let zone = LocalTimeZone.europeLondon
        let dataset = try DatasetLoader.load(paths: paths.isEmpty ? [defaultFolder()] : paths, zone: zone)
        if let failed = dataset.reports.first(where: \.failed),
           let error = failed.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.unreadable(error.description)
        }
        let linked = IncidentLinker().link(dataset)
        return (linked, IncidentCatalogue(registers: linked.registers, zone: zone))
    }
}

/// Errors the commands report before exiting.
enum CLIError: Error, CustomStringConvertible {
    /// A file could not be read at all (exit 2).
    case unreadable(String)
    /// A value on the command line is wrong.
    case usage(String)

    var description: String {
        switch self {
        case let .unreadable(text): text
        case let .usage(text): text
        }
    }
}
