import IncidentModel

/// Prints files' problems, at most `limit` a file (0 for all), each as `file:line:column: ...`.
enum DiagnosticsList {
    static func print(_ reports: [FileReport], limit: Int, more hint: String) {
        for report in reports {
            let shown = limit > 0 ? Array(report.diagnostics.prefix(limit)) : report.diagnostics
            for diagnostic in shown { mfc.print(diagnostic.description) }
            if shown.count < report.diagnostics.count {
                mfc.print("\(report.file): … \(report.diagnostics.count - shown.count) more messages (\(hint))")
            }
        }
    }
}
