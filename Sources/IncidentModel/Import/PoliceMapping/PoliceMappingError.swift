/// Why a police extract's mapping file cannot be used. Messages name the mapping file and the
/// line, like the data files' diagnostics.
public enum PoliceMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The mapping file could not be read.
    case unreadable(FileReadError)
    /// The file is not valid TOML.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// The TOML is valid but says something mfc cannot use (an unknown field, a bad date style).
    case invalid(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case let .unreadable(error):
            error.description
        case let .syntax(file, line, column, message):
            "\(file):\(line):\(column): error: not valid TOML: \(message)"
        case let .invalid(file, line, message):
            "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)"
        }
    }
}
