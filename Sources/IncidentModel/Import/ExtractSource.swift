import Foundation

/// A file in a layout other than mfc's own, and what is needed to read it into native records.
public enum ExtractSource: Sendable {
    /// Ofsted's list of children's social care providers: its children's homes become the
    /// homes register, the host authority's name looked up in `authorities`.
    case ofstedHomes(path: String, authorities: [Authority])
    /// A police force's own extract, read through a mapping into `police_reports.csv`'s records
    /// under the same rules as the native file.
    case police(path: String, mapping: PoliceMapping)

    /// The file's path.
    public var path: String {
        switch self {
        case let .ofstedHomes(path, _), let .police(path, _): path
        }
    }

    /// The kind of native file its records are.
    public var kind: SourceFileKind {
        switch self {
        case .ofstedHomes: .homes
        case .police: .policeReports
        }
    }

    /// Reads the file: its records and its report (every row accepted, rejected or, for
    /// Ofsted's other provider types, skipped). A file that cannot be read gives a report with
    /// an error and no records.
    public func load(zone: LocalTimeZone) -> Dataset {
        let name = (path as NSString).lastPathComponent
        var dataset = Dataset()
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            dataset.reports = [.unreadable(kind: kind, file: name, message: error.description)]
            return dataset
        }
        switch self {
        case let .ofstedHomes(_, authorities):
            var header = OfstedHomeDecoder.header
            header.authorities = AuthorityNames(authorities)
            let table = TableImporter.run(OfstedHomeDecoder.self, bytes: bytes, file: name, zone: zone, header: header)
            dataset.homes = table.records
            dataset.reports = [table.report]
        case let .police(_, mapping):
            let table = TableImporter.run(
                PoliceReportDecoder.self, bytes: bytes, file: name, zone: zone, header: MappedHeader(mapping: mapping))
            dataset.policeReports = table.records
            dataset.reports = [table.report]
        }
        return dataset
    }
}
