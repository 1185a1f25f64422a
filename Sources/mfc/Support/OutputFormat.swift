import ArgumentParser

/// The formats a command's result can be written in (`--format`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// `--format`'s value, with a message that points to `--layout` when the value names an
    /// input layout (before `--layout`, `--format` named the layout in validate, import and
    /// evaluate).
    static func parse(_ text: String) throws -> OutputFormat {
        if let format = OutputFormat(rawValue: text.lowercased()) { return format }
        if let layout = InputLayout(rawValue: text.lowercased()) {
            throw ValidationError(
                "\(layout.rawValue) is an input layout: say --layout \(layout.rawValue) (with validate, import or evaluate); "
                    + "--format is the output: table, csv or json")
        }
        throw ValidationError("expected table, csv or json")
    }
}

/// What `--format` names in the commands that read extracts: the output, or, in the old
/// spelling kept for scripts, the input layout (the two sets of names do not overlap).
enum FormatArgument: ExpressibleByArgument, Equatable {
    case output(OutputFormat)
    case layout(InputLayout)

    init?(argument: String) {
        if let format = OutputFormat(rawValue: argument.lowercased()) {
            self = .output(format)
        } else if let layout = InputLayout(rawValue: argument.lowercased()) {
            self = .layout(layout)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }

    /// The layout named by `--layout`, else by the old `--format LAYOUT`, else native.
    static func layout(_ layout: InputLayout?, format: FormatArgument?) -> InputLayout {
        if let layout { return layout }
        if case let .layout(old)? = format { return old }
        return .native
    }

    /// Checks `--layout` against the old `--format LAYOUT`: a usage error when the two
    /// disagree, a warning on standard error when the old spelling is used.
    static func check(_ layout: InputLayout?, format: FormatArgument?) throws {
        guard case let .layout(old)? = format else { return }
        if let layout, layout != old {
            throw ValidationError("--layout \(layout.rawValue) and --format \(old.rawValue) disagree; say --layout only")
        }
        printError("warning: --format \(old.rawValue) names the input layout; say --layout \(old.rawValue) (--format is the output)")
    }

    /// The output format named, for a command that writes only `offered`; `fallback` when none
    /// is named or `--format` named a layout.
    static func output(_ format: FormatArgument?, offered: [OutputFormat], fallback: OutputFormat = .table) throws -> OutputFormat {
        guard case let .output(output)? = format else { return fallback }
        guard offered.contains(output) else {
            throw ValidationError("--format \(output.rawValue): this command writes \(offered.map(\.rawValue).joined(separator: " or "))")
        }
        return output
    }
}
