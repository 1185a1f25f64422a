import Foundation

/// Why a set of input files could not be loaded at all.
public enum DatasetLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The folder does not exist or cannot be listed.
    case cannotListDirectory(path: String)
    /// The folder holds none of the native files.
    case noInputFiles(path: String)
    /// A named file's kind cannot be told from its name or its header.
    case unknownFileKind(path: String)
    /// Two files of the same kind were named; load them one at a time.
    case repeatedKind(kind: SourceFileKind, first: String, second: String)
    /// A named file is not an SSDA903 table mfc reads.
    case unknownSSDA903Table(path: String)
    /// One of the SSDA903 tables is not among the files named.
    case missingSSDA903Table(kind: SourceFileKind, paths: [String])
    /// A named file cannot be read (a pipe, a device, a link loop, no permission...).
    case unreadable(FileReadError)

    public var description: String {
        switch self {
        case let .cannotListDirectory(path):
            "\(path): cannot read this folder"
        case let .noInputFiles(path):
            "\(path): no input files found; expected \(SourceFileKind.native.map(\.fileName).joined(separator: ", "))"
        case let .unknownFileKind(path):
            "\(path): cannot tell which kind of file this is; name it as one of \(SourceFileKind.native.map(\.fileName).joined(separator: ", ")) or give it their header"
        case let .repeatedKind(kind, first, second):
            "\(second): a second \(kind.fileName) (the first is \(first)); load one file of each kind at a time"
        case let .unknownSSDA903Table(path):
            "\(path): not an SSDA903 table mfc reads; name it header.csv, episodes.csv or missing.csv, or give it the "
                + "return's header (CHILD,SEX,DOB...; CHILD,DECOM,...; CHILD,DOB,MISSING,MIS_START,MIS_END)"
        case let .missingSSDA903Table(kind, paths):
            "\(paths.joined(separator: ", ")): no SSDA903 \(kind.ssda903TableName) table; expected \(kind.fileName) or a file "
                + "whose header has \(kind.columns.filter(\.required).map { $0.name.uppercased() }.joined(separator: ", "))"
        case let .unreadable(error):
            error.description
        }
    }
}

/// Reads native files into a ``Dataset``: each file decoded row by row (the files in parallel),
/// then the references between files checked.
public enum DatasetLoader {
    /// Loads every native file in a folder. Other CSV files are noted and ignored.
    public static func load(directory: String, zone: LocalTimeZone) throws(DatasetLoadError) -> Dataset {
        try load(paths: [directory], zone: zone)
    }

    /// Loads named files and folders. A file is recognised by its name or, failing that, by its
    /// header; a folder contributes its native files. At most one file of each kind.
    /// Throws when two of `files` are of one kind (two files of episodes, say): which would
    /// win is not for mfc to guess.
    static func requireOneFilePerKind(_ files: [(kind: SourceFileKind, path: String)]) throws(DatasetLoadError) {
        var seen: [SourceFileKind: String] = [:]
        for (kind, path) in files {
            if let first = seen[kind] { throw .repeatedKind(kind: kind, first: first, second: path) }
            seen[kind] = path
        }
    }

    public static func load(paths: [String], zone: LocalTimeZone) throws(DatasetLoadError) -> Dataset {
        var files: [(SourceFileKind, String)] = []
        var notes: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    throw .cannotListDirectory(path: path)
                }
                let before = files.count
                for name in names.sorted() {
                    if let kind = SourceFileKind.native.first(where: { $0.fileName == name }) {
                        files.append((kind, path + "/" + name))
                    } else if name.lowercased().hasSuffix(".csv") {
                        notes.append(Diagnostic(severity: .note, file: name, message: "not a native mfc file; ignored"))
                    }
                }
                if files.count == before { throw .noInputFiles(path: path) }
            } else {
                let found: SourceFileKind?
                do throws(FileReadError) { found = try kind(ofFile: path) } catch { throw .unreadable(error) }
                guard let kind = found else { throw .unknownFileKind(path: path) }
                files.append((kind, path))
            }
        }
        try requireOneFilePerKind(files)
        var dataset = load(files: files, zone: zone)
        if !notes.isEmpty, !dataset.reports.isEmpty { dataset.reports[0].diagnostics.append(contentsOf: notes) }
        return dataset
    }

    /// The kind of a file: by its name, else by which kind's required columns its header holds;
    /// `nil` when neither tells. Throws when the header must be read and the file cannot be.
    public static func kind(ofFile path: String) throws(FileReadError) -> SourceFileKind? {
        try kind(ofFile: path, among: SourceFileKind.native, byName: true)
    }

    /// The kind of a file among `kinds`: by its exact name when `byName`, else by which kind's
    /// required columns its header holds (the kind with the most of them).
    static func kind(ofFile path: String, among kinds: [SourceFileKind], byName: Bool) throws(FileReadError) -> SourceFileKind? {
        let name = (path as NSString).lastPathComponent
        if byName, let kind = kinds.first(where: { $0.fileName == name }) { return kind }
        let bytes = try FileBytes.read(path: path)
        var reader = CSVReader(bytes: Array(bytes.prefix(64 * 1024)))
        var header: [String] = []
        _ = reader.next { header = $0.strings }
        let names = Set(header.map(HeaderMap.normalise))
        let matches = kinds.filter { kind in
            kind.columns.filter(\.required).allSatisfy { names.contains($0.name) }
        }
        // The most specific match: the kind with the most required columns.
        return matches.max { $0.columns.filter(\.required).count < $1.columns.filter(\.required).count }
    }

    static func load(files: [(SourceFileKind, String)], zone: LocalTimeZone) -> Dataset {
        // Largest first, so the two cores share the work evenly; then back into the files' order.
        let order = files.indices.sorted { fileSize(files[$0].1) > fileSize(files[$1].1) }
        // Each core takes the next file, and helps with the pieces of the others when it has
        // none left, so the largest file does not finish alone on one core.
        let slots = ResultSlots<DecodedFile>(count: files.count)
        WorkShare.run(jobs: order.count) { n in
            slots.store(order[n], decode(kind: files[order[n]].0, path: files[order[n]].1, zone: zone))
        }
        var inFileOrder = slots.take()
        var dataset = Dataset()
        var lines = SourceLines()
        for n in inFileOrder.indices {
            guard let table = inFileOrder[n] else { continue }
            // Let go of the table, so that the dataset holds the only reference to its records
            // and the reference check below changes them in place instead of copying them.
            inFileOrder[n] = nil
            table.apply(to: &dataset, lines: &lines)
        }
        ReferenceChecker.check(&dataset, lines: lines)
        return dataset
    }

    private static func decode(kind: SourceFileKind, path: String, zone: LocalTimeZone) -> DecodedFile {
        let name = (path as NSString).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            return .failed(.unreadable(kind: kind, file: name, message: error.description))
        }
        switch kind {
        case .forces: return .forces(TableImporter.run(ForceDecoder.self, bytes: bytes, file: name, zone: zone))
        case .authorities:
            return .authorities(TableImporter.run(AuthorityDecoder.self, bytes: bytes, file: name, zone: zone))
        case .homes: return .homes(TableImporter.run(HomeDecoder.self, bytes: bytes, file: name, zone: zone))
        case .children: return .children(TableImporter.run(ChildDecoder.self, bytes: bytes, file: name, zone: zone))
        case .laEpisodes:
            return .episodes(TableImporter.run(EpisodeDecoder.self, bytes: bytes, file: name, zone: zone))
        case .policeReports:
            return .police(TableImporter.run(PoliceReportDecoder.self, bytes: bytes, file: name, zone: zone))
        case .ssda903Header, .ssda903Episodes, .ssda903Missing:
            // Read together by SSDA903Loader, which needs the authority.
            var report = FileReport(kind: kind, file: name)
            report.diagnostics.append(Diagnostic(
                severity: .error, file: name, message: "is an SSDA903 table", expected: "--layout ssda903 --authority CODE"))
            return .failed(report)
        }
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

extension SourceFileKind {
    var columns: [ColumnSpec] {
        switch self {
        case .forces: ForceDecoder.columns
        case .authorities: AuthorityDecoder.columns
        case .homes: HomeDecoder.columns
        case .children: ChildDecoder.columns
        case .laEpisodes: EpisodeDecoder.columns
        case .policeReports: PoliceReportDecoder.columns
        case .ssda903Header: SSDA903HeaderDecoder.columns
        case .ssda903Episodes: SSDA903PlacementDecoder.columns
        case .ssda903Missing: SSDA903MissingDecoder.columns
        }
    }

    /// The SSDA903 table's name in the DfE's specification (`Header`, `Episodes`, `Missing`).
    var ssda903TableName: String {
        switch self {
        case .ssda903Header: "Header"
        case .ssda903Episodes: "Episodes"
        case .ssda903Missing: "Missing"
        default: rawValue
        }
    }

    /// The header names the file may carry, required ones first.
    public var columnNames: [String] { columns.map(\.name) }
}

/// One file's result, before it joins the dataset.
enum DecodedFile: Sendable {
    case forces(ImportedTable<PoliceForce>)
    case authorities(ImportedTable<Authority>)
    case homes(ImportedTable<Home>)
    case children(ImportedTable<Child>)
    case episodes(ImportedTable<LAEpisode>)
    case police(ImportedTable<PoliceReport>)
    case failed(FileReport)

    func apply(to dataset: inout Dataset, lines: inout SourceLines) {
        switch self {
        case let .forces(t): Self.join(&dataset.forces, t.records); add(t.report, to: &dataset, lines: &lines, t.lines)
        case let .authorities(t):
            Self.join(&dataset.authorities, t.records); add(t.report, to: &dataset, lines: &lines, t.lines)
        case let .homes(t): Self.join(&dataset.homes, t.records); add(t.report, to: &dataset, lines: &lines, t.lines)
        case let .children(t): Self.join(&dataset.children, t.records); add(t.report, to: &dataset, lines: &lines, t.lines)
        case let .episodes(t): Self.join(&dataset.episodes, t.records); add(t.report, to: &dataset, lines: &lines, t.lines)
        case let .police(t): Self.join(&dataset.policeReports, t.records); add(t.report, to: &dataset, lines: &lines, t.lines)
        case let .failed(report): dataset.reports.append(report)
        }
    }

    /// Appends, or takes the array as it is when there is nothing yet (no element copies).
    private static func join<T>(_ existing: inout [T], _ more: [T]) {
        if existing.isEmpty { existing = more } else { existing += more }
    }

    private func add(_ report: FileReport, to dataset: inout Dataset, lines: inout SourceLines, _ l: [Int32]) {
        lines.byKind[report.kind] = (dataset.reports.count, l)
        dataset.reports.append(report)
    }
}

/// For each kind of file loaded: the index of its report and the line of each record.
struct SourceLines {
    var byKind: [SourceFileKind: (report: Int, lines: [Int32])] = [:]
}
