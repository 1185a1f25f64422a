import Foundation

/// The sample files in real-world layouts, written from native data so that importing them
/// gives back the same records: an Ofsted-style list of the homes (with a title above its header
/// and rows of other provider types), and the police reports in a force's own layout (its own
/// headers, column order and date styles, risk grades as letters) with the mapping that reads it.
///
/// The same dataset gives the same bytes.
public enum ExtractSamples {
    /// Where each file goes, relative to the data folder.
    public static let ofstedPath = "ofsted/children_homes.csv"
    public static let policeExtractPath = "police-extract/missing_persons.csv"
    public static let mappingPath = "police-extract/mapping.toml"

    /// The three files, named by their paths relative to the data folder.
    public static func files(from dataset: Dataset, zone: LocalTimeZone) -> [GeneratedFile] {
        [ofstedHomes(dataset)] + policeExtract(dataset, zone: zone)
    }

    /// Writes the files into `folder` (creating `ofsted/` and `police-extract/`), each with mode
    /// `0600`. Unless `replace`, nothing is written when any of them exists.
    /// - Returns: the path (relative to `folder`) and data rows of each file written.
    @discardableResult
    public static func write(
        from dataset: Dataset, zone: LocalTimeZone, to folder: String, replace: Bool
    ) throws(FileWriteError) -> [(name: String, rows: Int)] {
        let files = files(from: dataset, zone: zone)
        if !replace, let existing = files.map({ folder + "/" + $0.name }).first(where: AtomicFileWriter.exists) {
            throw .exists(path: existing)
        }
        for file in files {
            let path = folder + "/" + file.name
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .failed(path: directory, step: "create the folder", reason: error.localizedDescription)
            }
            try AtomicFileWriter.write(file.bytes, to: path, replace: replace)
        }
        return files.map { ($0.name, $0.rows) }
    }

    /// Ofsted's list: the homes, and three providers of other types that are not homes.
    static func ofstedHomes(_ dataset: Dataset) -> GeneratedFile {
        var writer = CSVWriter()
        writer.append(row: [.formatted("Children's social care providers in England: a synthetic sample, not real data")])
        writer.append(row: [])
        writer.append(header: [
            "URN", "Provider Type", "Provider Subtype", "Sector", "Registration Status", "Setting Name",
            "Organisation which owns the provider", "Local Authority", "Setting Address Line 1", "Setting Town",
            "Setting Postcode", "Max Users", "Overall Effectiveness",
        ])
        let authorities = Dictionary(dataset.authorities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        func authorityName(_ code: AuthorityCode?) -> String {
            code.flatMap { authorities[$0] }.map { ofstedName($0.name) } ?? ""
        }
        for home in dataset.homes {
            let (line, town) = splitAddress(home.address)
            let council = home.localAuthority.flatMap { authorities[$0] }?.name
            writer.append(row: [
                .text(home.urn.rawValue), .formatted("Children's home"), .formatted("Children's home"),
                .formatted(home.provider == council ? "Local Authority" : "Private"), .formatted("Active"), .text(home.name),
                .text(home.provider), .text(authorityName(home.localAuthority)), .text(line), .text(town),
                home.postcode.map { .text($0.value) } ?? .empty, home.places.map { .formatted(String($0)) } ?? .empty,
                .formatted(home.rating.map(ofstedJudgement) ?? ""),
            ])
        }
        let others = [
            ("Independent Fostering Agency", "Sample Fostering Example Ltd"),
            ("Residential Special School", "Placeholder Test School"),
            ("Residential Family Centre", "Mock Family Sample Centre"),
        ]
        for (i, other) in others.enumerated() {
            let authority = dataset.authorities.isEmpty ? nil : dataset.authorities[i % dataset.authorities.count]
            writer.append(row: [
                .formatted("SC90000\(i + 1)"), .formatted(other.0), .formatted(other.0), .formatted("Private"),
                .formatted("Active"), .formatted(other.1), .formatted(other.1), .text(authority.map { ofstedName($0.name) } ?? ""),
                .formatted("\(i + 1) Example Road"), .empty, .empty, .empty, .formatted("Good"),
            ])
        }
        return GeneratedFile(name: ofstedPath, bytes: writer.bytes, rows: dataset.homes.count + others.count)
    }

    /// The police reports in a force's own layout, and its mapping.
    static func policeExtract(_ dataset: Dataset, zone: LocalTimeZone) -> [GeneratedFile] {
        let mapping = sampleMapping
        let times = mapping.styles(of: "reported_at")
        let dob = mapping.styles(of: "dob")[0]
        let grades = Dictionary((mapping.values["risk"] ?? [:]).compactMap { key, value in RiskLevel(code: value).map { ($0, key) } },
                                uniquingKeysWith: { first, _ in first })
        func time(_ timestamp: Timestamp?) -> CSVCell {
            guard let timestamp else { return .empty }
            let (date, seconds) = zone.local(timestamp.instant)
            return .formatted(timestamp.isDateOnly ? times[1].format(date) : times[0].format(date, secondsIntoDay: seconds))
        }
        let sex: [Sex: String] = [.male: "Male", .female: "Female", .unknown: "Unknown"]
        var writer = CSVWriter()
        writer.append(row: [.formatted("MISSING PERSON OCCURRENCES: synthetic sample extract, not real data")])
        writer.append(header: [
            "Occurrence Ref", "Date/Time Reported", "Force", "Surname", "Forename", "Date of Birth", "Gender",
            "Location Missing From", "Postcode", "Date/Time Last Seen", "Date/Time Found", "Status", "Risk Grade", "CSE Flag",
        ])
        for report in dataset.policeReports {
            writer.append(row: [
                .text(report.ref.rawValue), time(report.reportedAt), report.force.map { .text($0.rawValue) } ?? .empty,
                .text(report.surname), .text(report.forename), report.dateOfBirth.map { .formatted(dob.format($0)) } ?? .empty,
                .formatted(sex[report.sex] ?? ""), .text(report.missingFrom),
                report.missingFromPostcode.map { .text($0.value) } ?? .empty, time(report.lastSeenAt), time(report.foundAt),
                .formatted(report.foundAt == nil ? "Missing" : "Found"),
                report.risk.flatMap { grades[$0] }.map(CSVCell.formatted) ?? .empty,
                report.cseConcern.map { .formatted($0 ? "Yes" : "No") } ?? .empty,
            ])
        }
        let text = """
            # How the sample police extract missing_persons.csv stands for police_reports.csv.
            # Synthetic: the extract is SampleData/police_reports.csv in another force's layout.
            # Read it, from the data folder: mfc validate --layout police --mapping \(mappingPath) \(policeExtractPath)

            """ + "\n" + mapping.toml
        return [
            GeneratedFile(name: policeExtractPath, bytes: writer.bytes, rows: dataset.policeReports.count),
            GeneratedFile(name: mappingPath, bytes: Array(text.utf8), rows: 0),
        ]
    }

    /// The sample extract's mapping.
    static var sampleMapping: PoliceMapping {
        let styles = { (patterns: [String]) in patterns.compactMap { try? DateStyle($0) } }
        return PoliceMapping(
            file: "mapping.toml",
            columns: [
                "police_ref": "Occurrence Ref", "force": "Force", "forename": "Forename", "surname": "Surname",
                "dob": "Date of Birth", "sex": "Gender", "missing_from": "Location Missing From",
                "missing_from_postcode": "Postcode", "last_seen_at": "Date/Time Last Seen",
                "reported_at": "Date/Time Reported", "found_at": "Date/Time Found", "risk": "Risk Grade",
                "cse_concern": "CSE Flag",
            ],
            dateStyles: ["default": styles(["dd-MMM-yyyy HH:mm", "dd-MMM-yyyy"]), "dob": styles(["dd-MMM-yy"])],
            values: ["risk": ["NAR": "no apparent risk", "VL": "very low", "L": "low", "M": "medium", "H": "high"]])
    }

    /// An authority's name as Ofsted's list gives it: without `Council` and the kind of council.
    static func ofstedName(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        if words.count > 1, words.last == "Council" { words.removeLast() }
        while words.count > 1, let last = words.last, ["County", "City", "Borough", "District"].contains(last) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// `98 Sample Street, Northmoor` as a street line and a town.
    static func splitAddress(_ address: String) -> (String, String) {
        guard let comma = address.range(of: ", ", options: .backwards) else { return (address, "") }
        return (String(address[..<comma.lowerBound]), String(address[comma.upperBound...]))
    }

    static func ofstedJudgement(_ rating: OfstedRating) -> String {
        rating == .requiresImprovement ? "Requires improvement to be good" : rating.rawValue
    }
}
