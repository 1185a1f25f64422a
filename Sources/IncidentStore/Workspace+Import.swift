import Dispatch
import Foundation
import GRDB
import IncidentModel

extension Workspace {
    /// Imports native files and folders in one transaction: all of it is kept, or none.
    ///
    /// A file whose bytes were imported before (the same SHA-256, under any name) is skipped.
    /// Each accepted record is inserted, or updates the current record with the same source id
    /// (`episode_id`, `police_ref`, `urn`, `child_id`, `code`), whose earlier values go to the
    /// history; a record identical to the current one changes nothing. Rejected rows are kept
    /// with their reasons. The import and its files are recorded (name, SHA-256, size, time,
    /// user, rows read / accepted / rejected) and logged in the audit log.
    ///
    /// Throws, and changes nothing, when a file cannot be read or the database fails.
    package func importFiles(
        _ paths: [String], zone: LocalTimeZone, attribution: Attribution,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws(WorkspaceError) -> ImportResult {
        let inputs = try Self.resolveInputs(paths)
        return try importInputs(inputs, attribution: attribution, progress: progress) { fresh throws(DatasetLoadError) in
            try DatasetLoader.load(paths: fresh.map(\.path), zone: zone)
        }
    }

    /// Imports one authority's SSDA903 return (its `Header`, `Episodes` and `Missing` tables,
    /// see ``SSDA903Loader``) as children and LA episodes of `authority`, in one transaction,
    /// exactly as ``importFiles(_:zone:attribution:progress:)`` imports native files: each
    /// table is recorded with its SHA-256 and rows, rejected rows are kept with their reasons,
    /// and the same bytes imported again change nothing.
    ///
    /// When any table is new, all three are read, since a new `Missing` table needs the
    /// `Header` and `Episodes` it refers to; only the new tables are recorded as imported.
    package func importSSDA903(
        _ paths: [String], authority: AuthorityCode, zone: LocalTimeZone, attribution: Attribution,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws(WorkspaceError) -> ImportResult {
        let resolved: (files: [(kind: SourceFileKind, path: String)], notes: [Diagnostic])
        do {
            resolved = try SSDA903Loader.resolve(paths: paths)
        } catch .unreadable(let error) {
            throw .unreadableInput(message: error.description)
        } catch {
            throw .inputs(message: error.description)
        }
        return try importInputs(resolved.files, attribution: attribution, progress: progress) { _ in
            SSDA903Loader.load(files: resolved.files, notes: resolved.notes, authority: authority, zone: zone)
        }
    }

    /// Imports files already told apart, whatever their layout: the steps every import shares.
    /// `load` reads the files not imported before (and may read the others too); every record
    /// kind it returns is written, and the new files recorded.
    func importInputs(
        _ inputs: [(kind: SourceFileKind, path: String)], attribution: Attribution,
        progress: (ImportProgress) -> Void,
        load: ([(kind: SourceFileKind, path: String)]) throws(DatasetLoadError) -> Dataset
    ) throws(WorkspaceError) -> ImportResult {
        // Never write into a damaged file: the import would bury the damage under new pages.
        try quickCheck()
        var files = try Self.digests(inputs)
        let known: [String: Int64]
        if let postgres {
            known = try postgres.earlierImports(of: files.map(\.sha256))
        } else {
            known = try read("reading earlier imports") { db in
                var found: [String: Int64] = [:]
                for file in files {
                    if let id = try Int64.fetchOne(
                        db, sql: "SELECT min(import_id) FROM import_files WHERE sha256 = ?", arguments: [file.sha256]) {
                        found[file.sha256] = id
                    }
                }
                return found
            }
        }
        for i in files.indices { files[i].alreadyImportedBy = known[files[i].sha256] }
        let fresh = inputs.indices.filter { files[$0].alreadyImportedBy == nil }
        guard !fresh.isEmpty else { return ImportResult(importID: nil, files: files, reports: []) }

        progress(.reading(files: fresh.count))
        var dataset: Dataset
        do {
            dataset = try load(fresh.map { inputs[$0] })
        } catch {
            throw .inputs(message: error.description)
        }
        if let failed = dataset.reports.first(where: \.failed),
           let problem = failed.diagnostics.first(where: { $0.severity == .error }) {
            throw .unreadableInput(message: problem.description)
        }
        let now = attribution.clock()
        if let postgres {
            let (importID, written) = try postgres.write(
                &dataset, files: &files, fresh: fresh, kinds: inputs.map(\.kind), at: now, progress: progress)
            progress(.committed)
            return ImportResult(importID: importID, files: files, reports: dataset.reports, written: written)
        }
        var written: (records: Dataset, version: Int64)?
        let importID: Int64 = try write("importing") { db in
            let wasEmpty = try Self.holdsNoRecords(db)
            // Another mfc may have imported one of these files since they were checked.
            for index in fresh {
                if let earlier = try Int64.fetchOne(
                    db, sql: "SELECT min(import_id) FROM import_files WHERE sha256 = ?", arguments: [files[index].sha256]) {
                    throw WorkspaceError.inputs(
                        message: "\(files[index].fileName) was imported meanwhile (import \(earlier)) by another mfc; run the import again")
                }
            }
            try db.execute(
                sql: "INSERT INTO imports (imported_at, user) VALUES (?, ?)",
                arguments: [now.secondsSinceEpoch, attribution.user])
            let importID = db.lastInsertedRowID
            try Self.fillResponsibleAuthorities(&dataset, from: db)
            let writer = RecordWriter(db: db, importID: importID)
            for report in dataset.reports {
                guard let index = fresh.first(where: { inputs[$0].kind == report.kind }) else {
                    // A table imported before, read again for the new ones: its records are
                    // written (unchanged ones change nothing), the file is not recorded again.
                    _ = try writer.write(report.kind, from: dataset)
                    continue
                }
                var file = files[index]
                progress(.writing(file: file.fileName, records: report.accepted))
                file.rowsRead = report.rowsRead
                file.accepted = report.accepted
                file.rejected = report.rejected
                file.warnings = report.warnings
                let counts = try writer.write(report.kind, from: dataset)
                file.inserted = counts.inserted
                file.updated = counts.updated
                file.unchanged = report.accepted - counts.inserted - counts.updated
                try writer.record(file, rejectedRows: report.rejectedRows)
                files[index] = file
            }
            let done = fresh.map { files[$0] }
            try AuditLog.append(
                db, AuditEntry.Draft(action: .importFiles, detail: Self.auditDetail(importID: importID, done),
                                     rows: done.reduce(0) { $0 + $1.rowsRead }),
                at: now, user: attribution.user)
            if wasEmpty, try Self.holdsExactly(dataset, db) { written = (dataset, try Self.dataVersion(db)) }
            progress(.committing)
            return importID
        }
        progress(.committed)
        return ImportResult(importID: importID, files: files, reports: dataset.reports, written: written)
    }

    /// Whether no source table holds a record.
    static func holdsNoRecords(_ db: Database) throws -> Bool {
        for table in SourceTables.recordTableNames where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
            return false
        }
        return true
    }

    /// Whether each source table holds as many records as `dataset` has of that kind: after an
    /// import into an empty workspace, that no two records shared a source id, so the tables
    /// hold exactly the dataset's records, in its order.
    static func holdsExactly(_ dataset: Dataset, _ db: Database) throws -> Bool {
        let counts = [
            (SourceTables.forces.name, dataset.forces.count), (SourceTables.authorities.name, dataset.authorities.count),
            (SourceTables.homes.name, dataset.homes.count), (SourceTables.children.name, dataset.children.count),
            (SourceTables.episodes.name, dataset.episodes.count), (SourceTables.policeReports.name, dataset.policeReports.count),
        ]
        for (table, count) in counts where try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") != count {
            return false
        }
        return true
    }

    /// Every import, oldest first, with its files.
    package func imports() throws(WorkspaceError) -> [ImportRecord] {
        if let postgres { return try postgres.imports() }
        return try read("reading the imports") { db in
            var records: [Int64: ImportRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, imported_at, user FROM imports ORDER BY id") {
                let id: Int64 = row[0]
                records[id] = ImportRecord(id: id, importedAt: Instant(secondsSinceEpoch: row[1]), user: row[2], files: [])
            }
            let sql = """
                SELECT import_id, kind, file_name, sha256, size, rows_read, accepted, rejected, warnings,
                       inserted, updated, unchanged
                FROM import_files ORDER BY id
                """
            for row in try Row.fetchAll(db, sql: sql) {
                let id: Int64 = row[0]
                var file = ImportedFile(
                    kind: SourceFileKind(rawValue: row[1]) ?? .laEpisodes, fileName: row[2], sha256: row[3], size: row[4])
                file.rowsRead = row[5]
                file.accepted = row[6]
                file.rejected = row[7]
                file.warnings = row[8]
                file.inserted = row[9]
                file.updated = row[10]
                file.unchanged = row[11]
                records[id]?.files.append(file)
            }
            return records.values.sorted { $0.id < $1.id }
        }
    }

    /// An episode with no responsible authority is the child's own authority's. The loader fills
    /// it from `children.csv` when that file is imported with the episodes; otherwise it is
    /// filled here from the workspace's children, so the same episodes file gives the same
    /// records whether it comes alone or with the children.
    static func fillResponsibleAuthorities(_ dataset: inout Dataset, from db: Database) throws {
        guard !dataset.reports.contains(where: { $0.kind == .children && !$0.failed }) else { return }
        let lookup = try db.makeStatement(sql: "SELECT local_authority FROM children WHERE child_id = ?")
        for i in dataset.episodes.indices where dataset.episodes[i].localAuthority.rawValue.isEmpty {
            if let code = try String.fetchOne(lookup, arguments: [dataset.episodes[i].child.rawValue]) {
                dataset.episodes[i].localAuthority = AuthorityCode(code)
            }
        }
    }

    /// Ids and counts only: the audit log holds no personal data.
    static func auditDetail(importID: Int64, _ files: [ImportedFile]) -> String {
        func total(_ key: KeyPath<ImportedFile, Int>) -> Int { files.reduce(0) { $0 + $1[keyPath: key] } }
        return "import \(importID): \(files.map(\.fileName).joined(separator: ", ")); "
            + "read \(total(\.rowsRead)), accepted \(total(\.accepted)), rejected \(total(\.rejected)); "
            + "new \(total(\.inserted)), updated \(total(\.updated)), unchanged \(total(\.unchanged))"
    }

    /// The native files named: each folder's native files, and each file by its name or header.
    static func resolveInputs(_ paths: [String]) throws(WorkspaceError) -> [(kind: SourceFileKind, path: String)] {
        guard !paths.isEmpty else { throw .inputs(message: "name the folders or files to import") }
        var inputs: [(kind: SourceFileKind, path: String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A link loop or a link to nothing is named as such.
                do throws(FileReadError) {
                    try FileBytes.checkRegularFile(path: path)
                } catch {
                    if case .cannotOpen = error {} else { throw .unreadableInput(message: error.description) }
                }
                throw .inputs(message: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let before = inputs.count
                for kind in SourceFileKind.native where FileManager.default.fileExists(atPath: path + "/" + kind.fileName) {
                    inputs.append((kind, path + "/" + kind.fileName))
                }
                if inputs.count == before {
                    throw .inputs(message: "\(path): no input files found; expected \(SourceFileKind.native.map(\.fileName).joined(separator: ", "))")
                }
            } else {
                let found: SourceFileKind?
                do throws(FileReadError) {
                    found = try DatasetLoader.kind(ofFile: path)
                } catch {
                    throw .unreadableInput(message: error.description)
                }
                guard let kind = found else {
                    throw .inputs(message: "\(path): cannot tell which kind of file this is; name it as one of \(SourceFileKind.native.map(\.fileName).joined(separator: ", ")) or give it their header")
                }
                inputs.append((kind, path))
            }
        }
        var seen: [SourceFileKind: String] = [:]
        for input in inputs {
            if let first = seen[input.kind] {
                throw .inputs(message: "\(input.path): a second \(input.kind.fileName) (the first is \(first)); import one file of each kind at a time")
            }
            seen[input.kind] = input.path
        }
        return SourceFileKind.native.compactMap { kind in inputs.first { $0.kind == kind } }
    }

    /// Each file's SHA-256 and size, computed on every core.
    static func digests(_ inputs: [(kind: SourceFileKind, path: String)]) throws(WorkspaceError) -> [ImportedFile] {
        let slots = ResultSlots<Result<(String, Int), FileReadError>>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            do throws(FileReadError) {
                let bytes = try FileBytes.read(path: inputs[i].path)
                slots.store(i, .success((FileDigest.sha256(bytes), bytes.count)))
            } catch {
                slots.store(i, .failure(error))
            }
        }
        let results = slots.take()
        var files: [ImportedFile] = []
        var failures: [String] = []
        for (i, input) in inputs.enumerated() {
            switch results[i] {
            case let .success((sha, size))?:
                files.append(ImportedFile(
                    kind: input.kind, fileName: (input.path as NSString).lastPathComponent, sha256: sha, size: size))
            case let .failure(error)?:
                failures.append(error.description)
            case nil:
                failures.append("\(input.path): not read")
            }
        }
        // Every file named is accounted for: the ones that could not be read, then the others,
        // which an import of all or nothing leaves unread.
        guard failures.isEmpty else {
            let unread = files.map { "\($0.fileName): not read (its rows unknown)" }
            throw .unreadableInput(message: (failures + unread).joined(separator: "\n"))
        }
        return files
    }
}
