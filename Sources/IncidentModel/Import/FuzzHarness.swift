/// Runs any bytes through the CSV reader and every row decoder, and checks what must always
/// hold: nothing traps, every row read is accepted or rejected (`read = accepted + rejected`),
/// and every message is safe to print. The fuzzing target (`Fuzz/MFCFuzz`) calls it with
/// libFuzzer's inputs; the tests replay the checked-in corpus of inputs that once failed.
package enum FuzzHarness {
    /// An authority for Ofsted's list to look names up in.
    private static let authorities = AuthorityNames([
        Authority(code: "916", name: "Gloucestershire", policeForce: "GLO", childrenLookedAfter: nil),
    ])

    /// A police mapping that names some of the native columns.
    private static let mapping = PoliceMapping(
        file: "mapping.toml",
        columns: [
            "police_ref": "Occurrence Ref", "reported_at": "Date/Time Reported", "dob": "Date of Birth",
            "forename": "Forename", "risk": "Risk Grade",
        ],
        dateStyles: ["dob": (try? DateStyle("dd-MMM-yy")).map { [$0] } ?? []],
        values: ["risk": ["H": "high"]])

    /// What went wrong with one input; `nil` when every check held.
    package static func check(_ bytes: [UInt8]) -> String? {
        // The reader alone first, every field read as text.
        var reader = CSVReader(bytes: bytes)
        while reader.next({ _ = $0.strings }) {}
        var ofsted = OfstedHomeDecoder.header
        ofsted.authorities = authorities
        let reports: [() -> FileReport] = [
            { TableImporter.run(ForceDecoder.self, bytes: bytes, file: "forces.csv", zone: zone).report },
            { TableImporter.run(AuthorityDecoder.self, bytes: bytes, file: "authorities.csv", zone: zone).report },
            { TableImporter.run(HomeDecoder.self, bytes: bytes, file: "homes.csv", zone: zone).report },
            { TableImporter.run(ChildDecoder.self, bytes: bytes, file: "children.csv", zone: zone).report },
            { TableImporter.run(EpisodeDecoder.self, bytes: bytes, file: "la_episodes.csv", zone: zone).report },
            { TableImporter.run(PoliceReportDecoder.self, bytes: bytes, file: "police_reports.csv", zone: zone).report },
            { TableImporter.run(SSDA903HeaderDecoder.self, bytes: bytes, file: "header.csv", zone: zone).report },
            { TableImporter.run(SSDA903PlacementDecoder.self, bytes: bytes, file: "episodes.csv", zone: zone).report },
            { TableImporter.run(SSDA903MissingDecoder.self, bytes: bytes, file: "missing.csv", zone: zone).report },
            { TableImporter.run(OfstedHomeDecoder.self, bytes: bytes, file: "ofsted.csv", zone: zone, header: ofsted).report },
            {
                TableImporter.run(
                    PoliceReportDecoder.self, bytes: bytes, file: "extract.csv", zone: zone, header: MappedHeader(mapping: mapping)
                ).report
            },
        ]
        for report in reports {
            if let failure = check(report: report()) { return failure }
        }
        return nil
    }

    private static let zone = LocalTimeZone.europeLondon

    /// The checks on one file's report; what failed, or `nil`.
    package static func check(report: FileReport) -> String? {
        guard report.rowsRead == report.accepted + report.rejected else {
            return "\(report.file): \(report.rowsRead) rows read, \(report.accepted) accepted, \(report.rejected) rejected"
        }
        guard report.rejectedRows.count == report.rejected else {
            return "\(report.file): \(report.rejected) rejected, \(report.rejectedRows.count) rejected rows kept"
        }
        for diagnostic in report.diagnostics {
            let text = diagnostic.description
            if text.unicodeScalars.contains(where: TextSanitiser.isUnsafe) {
                return "\(report.file): a message holds a raw control character: \(text.debugDescription)"
            }
        }
        return nil
    }
}
