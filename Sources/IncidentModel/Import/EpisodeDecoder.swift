/// `la_episodes.csv`: the local authority's missing and away episodes.
///
/// Rejected: no `episode_id`, no `child_id`, no usable `started_at`, an `ended_at` that cannot
/// be read (a closed episode must never be read as still open) or lies before the start.
/// Kept with a warning: an unknown `type` (read as `M`), an unreadable interview date, unknown
/// flags. A blank `local_authority` is taken from the child's record after import.
enum EpisodeDecoder: RecordDecoding {
    static let kind = SourceFileKind.laEpisodes
    static let columns: [ColumnSpec] = [
        .required("episode_id"), .required("child_id"), .optional("local_authority"), .optional("type"),
        .required("started_at"), .optional("ended_at"), .optional("placement_urn"), .optional("police_ref"),
        .optional("rhi_offered"), .optional("rhi_completed_at"), .optional("cse_concern"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> LAEpisode? {
        let id = row.identifier(0)
        let child = row.identifier(1)
        let type = row.code(
            3, expected: EpisodeType.expected + "; read as M", EpisodeType.spellings, unknown: "is not a known episode type") ?? .missing
        let start = row.timestamp(4, required: true)
        // An end that cannot be read must not turn a closed episode into an open one.
        let end = row.timestamp(5, required: !row.isBlank(5))
        if let start, let end, end.latest < start.earliest {
            row.reject(5, value: row.text(5), message: "is before started_at", expected: "an end at or after the start")
        }
        guard let start else { return nil }
        let placement = row.text(6)
        let ref = row.text(7)
        let completed = row.timestamp(9, required: false)
        return LAEpisode(
            id: EpisodeID(id), child: ChildID(child), localAuthority: AuthorityCode(row.text(2)), type: type,
            startedAt: start, endedAt: end, placement: placement.isEmpty ? nil : HomeURN(placement),
            policeRef: ref.isEmpty ? nil : PoliceRef(ref), returnInterviewOffered: row.flag(8),
            returnInterviewCompletedAt: completed, cseConcern: row.flag(10))
    }

    static func key(of record: LAEpisode) -> String { record.id.rawValue }
}

/// `police_reports.csv`: the police's missing-person reports.
///
/// Rejected: no `police_ref`, neither `last_seen_at` nor `reported_at` usable, `found_at`
/// before the start or unreadable. Kept with a warning: a bad date of birth, sex, postcode or
/// risk grade, which become unknown.
enum PoliceReportDecoder: RecordDecoding {
    static let kind = SourceFileKind.policeReports
    static let columns: [ColumnSpec] = [
        .required("police_ref"), .optional("force"), .personal("forename"), .personal("surname"), .personal("dob"),
        .optional("sex"), .personal("missing_from"), .personal("missing_from_postcode"), .optional("last_seen_at"),
        .required("reported_at"), .optional("found_at"), .optional("risk"), .optional("cse_concern"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> PoliceReport? {
        let ref = row.identifier(0)
        let lastSeen = row.timestamp(8, required: false)
        let reported = row.timestamp(9, required: lastSeen == nil)
        let found = row.timestamp(10, required: !row.isBlank(10))
        if let start = lastSeen ?? reported, let found, found.latest < start.earliest {
            row.reject(10, value: row.text(10), message: "is before the time last seen",
                       expected: "a time at or after last_seen_at (or reported_at)")
        }
        guard lastSeen != nil || reported != nil else { return nil }
        let force = row.text(1)
        return PoliceReport(
            ref: PoliceRef(ref), force: force.isEmpty ? nil : ForceCode(force), forename: row.text(2),
            surname: row.text(3), dateOfBirth: row.date(4),
            sex: row.code(5, expected: Sex.expected + "; kept as unknown", Sex.spellings) ?? .unknown, missingFrom: row.text(6),
            missingFromPostcode: row.postcode(7), lastSeenAt: lastSeen, reportedAt: reported, foundAt: found,
            risk: row.code(11, expected: RiskLevel.expected + "; kept as unknown", RiskLevel.spellings), cseConcern: row.flag(12))
    }

    static func key(of record: PoliceReport) -> String { record.ref.rawValue }
}
