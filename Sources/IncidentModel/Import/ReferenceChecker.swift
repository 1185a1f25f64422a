/// Checks the references between files after import: a home, child, authority or force that a
/// row names but its register lacks. Such rows are kept; the reference is kept as written and
/// a warning names the line. A register file that was not loaded at all is not checked.
enum ReferenceChecker {
    static func check(_ dataset: inout Dataset, lines: SourceLines) {
        let registers = Registers(dataset)
        let has = Set(dataset.reports.filter { !$0.failed }.map(\.kind))

        func warn(_ kind: SourceFileKind, _ row: Int, column: String, value: String, message: String) {
            guard let entry = lines.byKind[kind] else { return }
            let report = dataset.reports[entry.report]
            let position = report.columns.firstIndex(of: column)
            dataset.reports[entry.report].diagnostics.append(Diagnostic(
                severity: .warning, file: report.file, line: Int(entry.lines[row]),
                column: position.map { $0 + 1 }, columnName: column, value: value, message: message))
        }

        if has.contains(.authorities) {
            for (i, home) in dataset.homes.enumerated() {
                if let code = home.localAuthority, registers.authorities[code] == nil {
                    warn(.homes, i, column: "local_authority", value: code.rawValue,
                         message: "is not in authorities.csv; kept as written")
                }
            }
        }
        if has.contains(.forces) {
            for (i, home) in dataset.homes.enumerated() {
                if let code = home.policeForce, registers.forces[code] == nil {
                    warn(.homes, i, column: "police_force", value: code.rawValue, message: "is not in forces.csv; kept as written")
                }
            }
            for (i, report) in dataset.policeReports.enumerated() {
                if let code = report.force, registers.forces[code] == nil {
                    warn(.policeReports, i, column: "force", value: code.rawValue, message: "is not in forces.csv; kept as written")
                }
            }
        }
        if has.contains(.homes) {
            for (i, child) in dataset.children.enumerated() {
                if let urn = child.placement, registers.homes[urn] == nil {
                    warn(.children, i, column: "placement_urn", value: urn.rawValue,
                         message: "is not in homes.csv; the home is unknown")
                }
            }
        }
        // A police reference on two episodes: the first in the file takes the certain link.
        var firstWithRef: [PoliceRef: Int] = [:]
        for i in dataset.episodes.indices {
            guard let ref = dataset.episodes[i].policeRef else { continue }
            if let first = firstWithRef[ref] {
                let firstLine = lines.byKind[.laEpisodes].map { Int($0.lines[first]) } ?? first + 2
                warn(.laEpisodes, i, column: "police_ref", value: ref.rawValue,
                     message: "is also recorded on line \(firstLine); that episode takes the certain link")
            } else {
                firstWithRef[ref] = i
            }
        }
        let checkHomes = has.contains(.homes)
        let checkChildren = has.contains(.children)
        for i in dataset.episodes.indices {
            let episode = dataset.episodes[i]
            if checkHomes, let urn = episode.placement, registers.homes[urn] == nil {
                warn(.laEpisodes, i, column: "placement_urn", value: urn.rawValue,
                     message: "is not in homes.csv; the home is unknown")
            }
            let child = registers.children[episode.child]
            if checkChildren, child == nil {
                warn(.laEpisodes, i, column: "child_id", value: episode.child.rawValue,
                     message: "is not in children.csv; the episode is kept without the child's details")
            }
            if episode.localAuthority.rawValue.isEmpty, let child {
                dataset.episodes[i].localAuthority = child.localAuthority
            }
        }
    }
}
