/// Work the reducer asks the run loop to do off the main loop; its result comes back as an
/// action. Building the reports' data and computing the reports are jobs, so that the dashboard
/// answers keys while they run.
package struct BackgroundJob: Sendable, Equatable {
    /// What the job does, for messages and tests: `report data`, `reports`, `export`.
    package let label: String
    /// Distinguishes jobs of one label.
    package let serial: Int
    private let work: @Sendable () -> Action

    init(_ label: String, serial: Int, _ work: @escaping @Sendable () -> Action) {
        self.label = label
        self.serial = serial
        self.work = work
    }

    /// Does the work; the run loop sends the result to the reducer.
    package func run() -> Action { work() }

    package static func == (lhs: BackgroundJob, rhs: BackgroundJob) -> Bool {
        lhs.label == rhs.label && lhs.serial == rhs.serial
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Export paths as typed at the prompt.
enum ExportPath {
    /// `~/x.csv` as a path under `$HOME`. Read when the export job runs, never in the reducer.
    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}
