import ArgumentParser
import IncidentModel
import IncidentStore

/// Errors the commands report before exiting, each with its ``ExitStatus``. Every error mfc
/// prints begins with ``prefix``.
enum CLIError: Error, CustomStringConvertible {
    /// A file or the workspace could not be read at all (exit 2).
    case unreadable(String)
    /// A value on the command line is wrong (exit 64).
    case usage(String)
    /// The workspace is locked by another writer (exit 75).
    case locked(String)
    /// What the command names is not there (exit 1).
    case notFound(String)

    /// How every error message begins.
    static let prefix = "error: "

    /// The error as the command line reports it: a workspace's error by its kind (locked,
    /// damaged, a record not found, ...), a file that cannot be written as a usage error (the
    /// output named is wrong), any other as input that could not be read.
    static func wrapping(_ error: any Error) -> CLIError {
        if let error = error as? CLIError { return error }
        if let error = error as? ValidationError { return .usage(error.message) }
        if let error = error as? FileWriteError { return .usage(error.description) }
        guard let error = error as? WorkspaceError else { return .unreadable(String(describing: error)) }
        switch error {
        case .locked: return .locked(error.description)
        case .unknownRecord: return .notFound(error.description)
        default: return .unreadable(error.description)
        }
    }

    /// The exit status of this kind of failure.
    var status: ExitStatus {
        switch self {
        case .unreadable: .unreadable
        case .usage: .usage
        case .locked: .locked
        case .notFound: .rejectedOrNotFound
        }
    }

    var description: String {
        switch self {
        case let .unreadable(text), let .usage(text), let .locked(text), let .notFound(text): text
        }
    }
}
