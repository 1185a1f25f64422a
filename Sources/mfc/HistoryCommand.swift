import ArgumentParser
import IncidentModel
import IncidentStore

/// `mfc history KIND ID`: every version of one source record, as each import brought it.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every version of one source record, as each import brought it.",
        discussion: """
            KIND is one of \(SourceFileKind.native.map(\.rawValue).joined(separator: ", ")); ID is \
            the record's source id (episode_id, police_ref, child_id, urn or code). One column per \
            version, oldest first; the last is the current one. Times are Europe/London.
            """)

    @Argument(help: "The kind of record.")
    var kind: SourceFileKind

    @Argument(help: "The record's source id.")
    var id: String

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let opened = try workspace.open()
        let versions: [RecordVersion]
        do {
            versions = try opened.versions(of: kind, id: id)
        } catch {
            throw CLIError.wrapping(error)
        }
        guard let current = versions.last else {
            throw CLIError.usage("\(opened.path): no \(kind.rawValue) record \"\(TextSanitiser.visible(id, limit: 40))\" in this workspace")
        }
        let formatter = TimestampFormatter(zone: .europeLondon)
        var table = TextTable(header: ["column"] + versions.map { "import \($0.importID)" })
        table.maximumWidth = 40
        let columns = current.values.keys.filter { !$0.hasSuffix("_day_end") }.sorted { a, b in
            Self.order(a, kind) < Self.order(b, kind)
        }
        for column in columns {
            table.append([column] + versions.map { version in
                guard let value = version.values[column] ?? nil else { return "" }
                guard column.hasSuffix("_at"), let seconds = Int64(value) else { return value }
                let dateOnly = (version.values[column + "_day_end"] ?? nil) != nil
                let instant = Instant(secondsSinceEpoch: seconds)
                return dateOnly ? String(formatter.string(instant).prefix(10)) : formatter.string(instant)
            })
        }
        table.append(["replaced by"] + versions.map { $0.replacedByImportID.map { "import \($0)" } ?? "(current)" })
        print(table.render(), terminator: "")
    }

    /// A column's place in the file's own order.
    static func order(_ column: String, _ kind: SourceFileKind) -> Int {
        kind.columnNames.firstIndex(of: column) ?? Int.max
    }
}

extension SourceFileKind: ExpressibleByArgument {
    /// Records are kept by their native kind: `children` and `la_episodes` also hold those an
    /// SSDA903 return brought.
    public static var allValueStrings: [String] { native.map(\.rawValue) }

    public init?(argument: String) {
        guard let kind = SourceFileKind(rawValue: argument), kind.recordKind == kind else { return nil }
        self = kind
    }
}
