/// The data-quality view (DESIGN section 6): per source file, or per file of each workspace
/// import, the rows read, accepted and rejected, the warnings by kind and the rejected rows;
/// then how much linked (police reports linked to a child, LA episodes paired with a report)
/// and what could not be resolved (homes not in the register, authorities unknown). Every
/// other figure points here when it rests on partial data (``gaps``).
///
/// Built once when the data are loaded: one pass over the incidents, O(n).
public struct QualityReport: Hashable, Sendable {
    /// One file read, or one file of one import.
    public struct Source: Hashable, Sendable {
        /// `la_episodes.csv`, or `import 3 la_episodes.csv`.
        public var name: String
        public var rowsRead: Int
        public var accepted: Int
        public var rejected: Int
        public var warnings: Int
        /// Warnings by kind (the column and what was wrong), the most frequent first; empty
        /// when only the total is known (a workspace keeps the count, not the warnings).
        public var warningKinds: [KindCount]
        /// The rejected rows, in line order.
        public var rejects: [RejectLine]

        public init(
            name: String, rowsRead: Int, accepted: Int, rejected: Int, warnings: Int, warningKinds: [KindCount] = [],
            rejects: [RejectLine] = []
        ) {
            self.name = name
            self.rowsRead = rowsRead
            self.accepted = accepted
            self.rejected = rejected
            self.warnings = warnings
            self.warningKinds = warningKinds
            self.rejects = rejects
        }
    }

    /// A kind of warning and how often it was given.
    public struct KindCount: Hashable, Sendable {
        public var kind: String
        public var count: Int
    }

    /// Linked records and unresolved references over the incidents.
    public struct Linkage: Hashable, Sendable {
        /// Police reports in the incidents, and those linked to a child.
        public var reports = 0
        public var reportsLinked = 0
        /// LA episodes in the incidents, and those paired with a police report.
        public var episodes = 0
        public var episodesPaired = 0
        /// URNs the incidents name that the homes register lacks, and the incidents naming them.
        public var homesNotInRegister = 0
        public var incidentsAtHomesNotInRegister = 0
        /// Incidents with no responsible authority (a police report linked to no child).
        public var incidentsWithNoAuthority = 0
        /// Authority codes the incidents name that the authorities register lacks, and the
        /// incidents naming them.
        public var authoritiesNotInRegister = 0
        public var incidentsWithAuthorityNotInRegister = 0

        public init() {}

        /// Whether a reference could not be resolved: a home or an authority the registers lack.
        public var hasUnresolved: Bool { homesNotInRegister > 0 || authoritiesNotInRegister > 0 }

        /// The linkage and what could not be resolved, in words, one fact a line.
        public var lines: [String] {
            func share(_ part: Int, _ whole: Int) -> String {
                "\(grouped(part)) of \(grouped(whole))" + (percent(part, whole).map { " (\(ReportValue.fixed($0, 1))%)" } ?? "")
            }
            return [
                "police reports linked to a child: " + share(reportsLinked, reports),
                "LA episodes paired with a police report: " + share(episodesPaired, episodes),
                "homes not in the register: \(grouped(homesNotInRegister)), named by \(grouped(incidentsAtHomesNotInRegister)) "
                    + "incident\(incidentsAtHomesNotInRegister == 1 ? "" : "s")",
                "authorities not in the register: \(grouped(authoritiesNotInRegister)), named by "
                    + "\(grouped(incidentsWithAuthorityNotInRegister)) incident"
                    + (incidentsWithAuthorityNotInRegister == 1 ? "" : "s"),
                "incidents with no responsible authority (a report linked to no child): \(grouped(incidentsWithNoAuthority))",
            ]
        }
    }

    public let sources: [Source]
    public let linkage: Linkage
    public let gaps: DataGaps

    public init(sources: [Source], linkage: Linkage, gaps: DataGaps) {
        self.sources = sources
        self.linkage = linkage
        self.gaps = gaps
    }

    /// The report of files read: each ``FileReport`` with its warnings by kind and its rejected
    /// rows, and the linkage of `incidents`.
    public init(files: [FileReport], incidents: [CombinedIncident], registers: Registers, gaps: DataGaps) {
        self.init(
            sources: files.map(Self.source), linkage: Self.linkage(incidents, registers: registers), gaps: gaps)
    }

    /// Whether anything was rejected, could not be resolved, or leaves the figures partial:
    /// the dashboard then marks its status bar.
    public var needsAttention: Bool {
        sources.contains { $0.rejected > 0 } || linkage.hasUnresolved || !gaps.isComplete
    }

    /// Rows rejected over every source.
    public var rejectedRows: Int { sources.reduce(0) { $0 + $1.rejected } }

    /// A file's source line: its counts, its warnings by kind, its rejected rows (each with
    /// the value shown safely).
    public static func source(_ report: FileReport) -> Source {
        var kinds: [String: Int] = [:]
        var rejectedAt: [Int: Diagnostic] = [:]
        for diagnostic in report.diagnostics {
            switch diagnostic.severity {
            case .warning: kinds[Self.kind(of: diagnostic), default: 0] += 1
            case .rejected: if let line = diagnostic.line, rejectedAt[line] == nil { rejectedAt[line] = diagnostic }
            case .note, .error: break
            }
        }
        let rejects = report.rejectedRows.sorted { $0.line < $1.line }.map { row -> RejectLine in
            guard let diagnostic = rejectedAt[row.line] else {
                return RejectLine(line: row.line, column: nil, columnName: nil, reason: row.reason, value: nil)
            }
            return RejectLine(diagnostic)
        }
        return Source(
            name: report.file, rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected,
            warnings: report.warnings,
            warningKinds: kinds.map { KindCount(kind: $0.key, count: $0.value) }.sorted {
                ($0.count, $1.kind) > ($1.count, $0.kind)
            },
            rejects: rejects)
    }

    /// A warning's kind: its rule, column and message, without the value.
    static func kind(of diagnostic: Diagnostic) -> String {
        var words: [String] = []
        if let rule = diagnostic.rule { words.append("[\(rule)]") }
        if let column = diagnostic.columnName { words.append(column) }
        words.append(diagnostic.message)
        return words.joined(separator: " ")
    }

    /// Links and unresolved references over the incidents. O(n).
    public static func linkage(_ incidents: [CombinedIncident], registers: Registers) -> Linkage {
        var linkage = Linkage()
        var homes = Set<HomeURN>()
        var authorities = Set<AuthorityCode>()
        for incident in incidents {
            let reports = incident.policeRefs.count
            linkage.reports += reports
            if incident.child != nil { linkage.reportsLinked += reports }
            linkage.episodes += incident.episodeIDs.count
            if incident.provenance == .both { linkage.episodesPaired += incident.episodeIDs.count }
            if let urn = incident.home, registers.homes[urn] == nil {
                homes.insert(urn)
                linkage.incidentsAtHomesNotInRegister += 1
            }
            if let code = incident.responsibleAuthority {
                if registers.authorities[code] == nil {
                    authorities.insert(code)
                    linkage.incidentsWithAuthorityNotInRegister += 1
                }
            } else {
                linkage.incidentsWithNoAuthority += 1
            }
        }
        linkage.homesNotInRegister = homes.count
        linkage.authoritiesNotInRegister = authorities.count
        return linkage
    }
}
