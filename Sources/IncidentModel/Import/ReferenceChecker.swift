/// Checks the references between files after import: a home, child, authority or force that a
/// row names but its register lacks. Such rows are kept; the reference is kept as written and
/// a warning names the line. A register file that was not loaded at all is not checked. A
/// police reference recorded on more than one episode is warned about too.
///
/// The scans only read, so the large ones run on every core; their findings are then added to
/// the files' reports in row order.
enum ReferenceChecker {
    /// One reference to report.
    private struct Finding: Sendable {
        let kind: SourceFileKind
        let row: Int
        let column: String
        let value: String
        let message: String
    }

    static func check(_ dataset: inout Dataset, lines: SourceLines) {
        let has = Set(dataset.reports.filter { !$0.failed }.map(\.kind))
        // The indexes linking needs, built here with the registers (on another core); they
        // number every episode's child and find the episode that records each police reference.
        // Nothing in them depends on an episode's responsible authority, filled in below.
        let index = LinkIndex(dataset: dataset)
        // A blank responsible authority is the child's own: its first row in children.csv, found
        // through the index's numbers (before the read-only snapshot below, so that no array is
        // copied).
        for i in dataset.episodes.indices where dataset.episodes[i].localAuthority.rawValue.isEmpty {
            let row = index.childRows[Int(index.episodeChild[i])]
            if row >= 0 { dataset.episodes[i].localAuthority = dataset.children[Int(row)].localAuthority }
        }
        let data = dataset
        let registers = index.registers
        var findings: [Finding] = []

        let notInAuthorities = "is not in authorities.csv; kept as written"
        let notInForces = "is not in forces.csv; kept as written"
        let notInHomes = "is not in homes.csv; the home is unknown"
        if has.contains(.authorities) {
            for (i, home) in data.homes.enumerated() {
                if let code = home.localAuthority, registers.authorities.index(forKey: code) == nil {
                    findings.append(Finding(kind: .homes, row: i, column: "local_authority", value: code.rawValue, message: notInAuthorities))
                }
            }
        }
        if has.contains(.forces) {
            for (i, home) in data.homes.enumerated() {
                if let code = home.policeForce, registers.forces.index(forKey: code) == nil {
                    findings.append(Finding(kind: .homes, row: i, column: "police_force", value: code.rawValue, message: notInForces))
                }
            }
            let forces = registers.forces
            findings += data.policeReports.withUnsafeBufferPointer { buffer in
                let reports = BorrowedBuffer(buffer: buffer)
                return ParallelMap.chunks(count: buffer.count) { range in
                    range.compactMap { i in
                        guard let code = reports.buffer[i].force, forces.index(forKey: code) == nil else { return nil }
                        return Finding(kind: .policeReports, row: i, column: "force", value: code.rawValue, message: notInForces)
                    }
                }
            }
        }
        if has.contains(.homes) {
            // By the home index's numbers: a look-up in the register would copy the home.
            for (i, child) in data.children.enumerated() {
                if let urn = child.placement, index.homeIndex.number(of: urn) == nil {
                    findings.append(Finding(kind: .children, row: i, column: "placement_urn", value: urn.rawValue, message: notInHomes))
                }
            }
        }
        // A police reference on two episodes: the first in the file takes the certain link.
        for i in index.repeatedPoliceRefs.map(Int.init) {
            guard let ref = data.episodes[i].policeRef, let first = index.episodeByPoliceRef[ref] else { continue }
            let firstLine = lines.byKind[.laEpisodes].map { Int($0.lines[first]) } ?? first + 2
            findings.append(Finding(
                kind: .laEpisodes, row: i, column: "police_ref", value: ref.rawValue,
                message: "is also recorded on line \(firstLine); that episode takes the certain link"))
        }
        let checkHomes = has.contains(.homes)
        let checkChildren = has.contains(.children)
        findings += ParallelMap.chunks(count: data.episodes.count) { range in
            var found: [Finding] = []
            // Fields read in place: copying an episode would retain each of its strings.
            for i in range {
                if checkHomes, index.episodeHome[i] < 0, let urn = data.episodes[i].placement {
                    found.append(Finding(kind: .laEpisodes, row: i, column: "placement_urn", value: urn.rawValue, message: notInHomes))
                }
                // A child children.csv lacks has no row among the numbered children.
                if checkChildren, index.childRows[Int(index.episodeChild[i])] < 0 {
                    found.append(Finding(
                        kind: .laEpisodes, row: i, column: "child_id", value: data.episodes[i].child.rawValue,
                        message: "is not in children.csv; the episode is kept without the child's details"))
                }
            }
            return found
        }
        for finding in findings {
            guard let entry = lines.byKind[finding.kind] else { continue }
            let report = dataset.reports[entry.report]
            let position = report.columns.firstIndex(of: finding.column)
            dataset.reports[entry.report].diagnostics.append(Diagnostic(
                severity: .warning, file: report.file, line: Int(entry.lines[finding.row]),
                column: position.map { $0 + 1 }, columnName: finding.column, value: finding.value,
                message: finding.message))
        }
        // Last, after every change to the records (a change drops it).
        dataset.linkIndex = index
    }
}
