/// What the report tabs wait for while the reports of their scope are not ready; the message
/// and the empty report say which.
enum ReportWork: Sendable, Equatable {
    /// The reports' compact data (``ReportData``), built once in the background after the
    /// first screen.
    case reportData
    /// The reports of the current scope, computed from the data already built.
    case reports

    /// What the status line and the empty report say while waiting.
    var message: String {
        switch self {
        case .reportData: "Preparing the reports…"
        case .reports: "Computing the reports…"
        }
    }
}
