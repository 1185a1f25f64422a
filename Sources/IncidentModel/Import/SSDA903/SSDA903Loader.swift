import Foundation

/// Reads one authority's SSDA903 return (the `Header`, `Episodes` and `Missing` tables) into a
/// ``Dataset`` of nameless children and LA episodes (see ``SSDA903Assembler`` for how).
///
/// Tables are recognised by their file names (`header.csv`, `episodes.csv`, `missing.csv`, in
/// any case) or, failing that, by their header columns; headers may come in any case and
/// order. Other tables in a folder (`OC2`, `Reviews`, ...) are ignored with a note. Each row
/// is accepted or rejected as in the native files, and the DfE's checks on missing periods
/// are reported with their rule numbers (``SSDA903Rule``).
public enum SSDA903Loader {
    /// The SSDA903 tables among the named files and folders, with notes on files ignored.
    /// The three tables must all be there, once each.
    public static func resolve(paths: [String]) throws(DatasetLoadError) -> (files: [(kind: SourceFileKind, path: String)], notes: [Diagnostic]) {
        var files: [(kind: SourceFileKind, path: String)] = []
        var notes: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    throw .cannotListDirectory(path: path)
                }
                for name in names.sorted() where name.lowercased().hasSuffix(".csv") {
                    let found: SourceFileKind?
                    do throws(FileReadError) {
                        found = try kind(ofFile: path + "/" + name)
                    } catch {
                        notes.append(Diagnostic(
                            severity: .note, file: name,
                            message: "cannot be read to tell which table it is (\(error)); ignored"))
                        continue
                    }
                    if let kind = found {
                        files.append((kind, path + "/" + name))
                    } else {
                        notes.append(Diagnostic(
                            severity: .note, file: name,
                            message: "not an SSDA903 table mfc reads (Header, Episodes, Missing); ignored"))
                    }
                }
            } else {
                let found: SourceFileKind?
                do throws(FileReadError) { found = try kind(ofFile: path) } catch { throw .unreadable(error) }
                guard let kind = found else { throw .unknownSSDA903Table(path: path) }
                files.append((kind, path))
            }
        }
        try DatasetLoader.requireOneFilePerKind(files)
        for kind in SourceFileKind.ssda903 where !files.contains(where: { $0.kind == kind }) {
            throw .missingSSDA903Table(kind: kind, paths: paths)
        }
        return (SourceFileKind.ssda903.compactMap { kind in files.first { $0.kind == kind } }, notes)
    }

    /// Loads an authority's return from files and folders (see ``resolve(paths:)``).
    public static func load(paths: [String], authority: AuthorityCode, zone: LocalTimeZone) throws(DatasetLoadError) -> Dataset {
        let (files, notes) = try resolve(paths: paths)
        return load(files: files, notes: notes, authority: authority, zone: zone)
    }

    /// Loads the tables resolved by ``resolve(paths:)``; the notes join the first table's report.
    /// A table that cannot be read gives a failed report and no records.
    public static func load(
        files: [(kind: SourceFileKind, path: String)], notes: [Diagnostic], authority: AuthorityCode, zone: LocalTimeZone
    ) -> Dataset {
        let read = ParallelMap.map(count: files.count, minimumChunk: 1) { n -> (bytes: [UInt8]?, report: FileReport?) in
            let name = (files[n].path as NSString).lastPathComponent
            do throws(FileReadError) {
                return (try FileBytes.read(path: files[n].path), nil)
            } catch {
                return (nil, .unreadable(kind: files[n].kind, file: name, message: error.description))
            }
        }
        func file(_ kind: SourceFileKind) -> (bytes: [UInt8], name: String)? {
            guard let n = files.firstIndex(where: { $0.kind == kind }), let bytes = read[n].bytes else { return nil }
            return (bytes, (files[n].path as NSString).lastPathComponent)
        }
        var dataset = Dataset()
        guard let headerFile = file(.ssda903Header), let placementFile = file(.ssda903Episodes),
              let missingFile = file(.ssda903Missing)
        else {
            // The return is read as a whole: a table that could be read is said to be not read,
            // its rows unknown, so that no file of the set goes unmentioned.
            let unreadable = zip(files, read).filter { $0.1.report != nil }
                .map { ($0.0.path as NSString).lastPathComponent }
            dataset.reports = zip(files, read).map { file, result in
                result.report ?? .notRead(
                    kind: file.kind, file: (file.path as NSString).lastPathComponent,
                    because: "the return's other table\(unreadable.count == 1 ? "" : "s") \(unreadable.joined(separator: ", ")) could not be read")
            }
            return dataset
        }
        let header = TableImporter.run(SSDA903HeaderDecoder.self, bytes: headerFile.bytes, file: headerFile.name, zone: zone)
        let placements = TableImporter.run(
            SSDA903PlacementDecoder.self, bytes: placementFile.bytes, file: placementFile.name, zone: zone)
        var missing = TableImporter.run(SSDA903MissingDecoder.self, bytes: missingFile.bytes, file: missingFile.name, zone: zone)
        let (children, episodes) = SSDA903Assembler(authority: authority, zone: zone)
            .assemble(header: header, placements: placements, missing: &missing)
        dataset.children = children
        dataset.episodes = episodes
        dataset.reports = [header.report, placements.report, missing.report]
        if !notes.isEmpty { dataset.reports[0].diagnostics.insert(contentsOf: notes, at: 0) }
        return dataset
    }

    /// The SSDA903 table a file holds: by its name (`header.csv`, `episodes.csv`, `missing.csv`,
    /// in any case), else by its header columns.
    /// Throws when the header must be read and the file cannot be.
    public static func kind(ofFile path: String) throws(FileReadError) -> SourceFileKind? {
        let name = (path as NSString).lastPathComponent.lowercased()
        if let kind = SourceFileKind.ssda903.first(where: { $0.fileName == name }) { return kind }
        return try DatasetLoader.kind(ofFile: path, among: SourceFileKind.ssda903, byName: false)
    }
}
