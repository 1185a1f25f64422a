import Foundation

/// Finds the synthetic sample data when no folder and no workspace are named, without a path
/// compiled into the binary: `SampleData/` in the current folder or one of its parents (so
/// `swift run mfc` works from anywhere in the checkout), else beside the executable or one of
/// its parents (`.build/debug/mfc` is two folders below the checkout; an installed
/// `bin/mfc` finds `share/mfc/SampleData`).
enum SampleDataLocation {
    /// The file that marks a folder as the sample data.
    static let marker = "la_episodes.csv"

    /// The sample data folder, or `nil` when none is found.
    static func find(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = Self.executablePath()
    ) -> String? {
        let starts = [currentDirectory, (executable as NSString).deletingLastPathComponent]
        for start in starts {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                for candidate in ["SampleData", "share/mfc/SampleData"] {
                    let path = folder.appendingPathComponent(candidate).path
                    if FileManager.default.fileExists(atPath: path + "/" + marker) { return relative(path, to: currentDirectory) }
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    /// The running executable, resolved through `/proc/self/exe` (links followed), else argv[0].
    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments.first ?? "."
    }

    /// `SampleData` rather than `/long/path/SampleData` when it is in the current folder.
    private static func relative(_ path: String, to directory: String) -> String {
        let prefix = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
