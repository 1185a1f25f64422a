import GRDB
import IncidentModel

/// The six kinds of source record and their tables.
enum SourceTables {
    static let forces = SourceTable<PoliceForce>(
        kind: .forces, name: "forces", columns: ["code", "name"], id: { $0.code.rawValue },
        encode: { [$0.code.rawValue, $0.name] },
        decode: { row in PoliceForce(code: ForceCode(row[0]), name: row[1]) })

    static let authorities = SourceTable<Authority>(
        kind: .authorities, name: "authorities", columns: ["code", "name", "police_force", "children_looked_after"],
        id: { $0.code.rawValue },
        encode: { [$0.code.rawValue, $0.name, $0.policeForce?.rawValue, $0.childrenLookedAfter] },
        decode: { row in
            Authority(
                code: AuthorityCode(row[0]), name: row[1], policeForce: (row[2] as String?).map(ForceCode.init),
                childrenLookedAfter: row[3])
        })

    static let homes = SourceTable<Home>(
        kind: .homes, name: "homes",
        columns: ["urn", "name", "provider", "address", "postcode", "local_authority", "police_force", "ofsted_rating", "places"],
        id: { $0.urn.rawValue },
        encode: { h in
            [h.urn.rawValue, h.name, h.provider, h.address, h.postcode?.value, h.localAuthority?.rawValue,
             h.policeForce?.rawValue, h.rating?.rawValue, h.places]
        },
        decode: { row in
            Home(
                urn: HomeURN(row[0]), name: row[1], provider: row[2], address: row[3],
                postcode: (row[4] as String?).flatMap { Postcode($0) },
                localAuthority: (row[5] as String?).map(AuthorityCode.init), policeForce: (row[6] as String?).map(ForceCode.init),
                rating: (row[7] as String?).flatMap(OfstedRating.init(rawValue:)), places: row[8])
        })

    static let children = SourceTable<Child>(
        kind: .children, name: "children",
        columns: ["child_id", "local_authority", "given_name", "family_name", "dob", "sex", "placement_urn"],
        id: { $0.id.rawValue },
        encode: { c in
            [c.id.rawValue, c.localAuthority.rawValue, c.givenName, c.familyName, c.dateOfBirth?.description,
             c.sex.rawValue, c.placement?.rawValue]
        },
        decode: { row in
            Child(
                id: ChildID(row[0]), localAuthority: AuthorityCode(row[1]), givenName: row[2], familyName: row[3],
                dateOfBirth: Column.date(row[4]), sex: Sex(rawValue: row[5]) ?? .unknown,
                placement: (row[6] as String?).map(HomeURN.init))
        })

    static let episodes = SourceTable<LAEpisode>(
        kind: .laEpisodes, name: "la_episodes",
        columns: [
            "episode_id", "child_id", "local_authority", "type", "started_at", "started_at_day_end", "ended_at",
            "ended_at_day_end", "placement_urn", "police_ref", "rhi_offered", "rhi_completed_at",
            "rhi_completed_at_day_end", "cse_concern",
        ],
        id: { $0.id.rawValue },
        encode: { e in
            let started = Column.time(e.startedAt), ended = Column.time(e.endedAt)
            let completed = Column.time(e.returnInterviewCompletedAt)
            return [
                e.id.rawValue, e.child.rawValue, e.localAuthority.rawValue, e.type.rawValue, started.0, started.1,
                ended.0, ended.1, e.placement?.rawValue, e.policeRef?.rawValue, Column.flag(e.returnInterviewOffered),
                completed.0, completed.1, Column.flag(e.cseConcern),
            ]
        },
        decode: { row in
            LAEpisode(
                id: EpisodeID(row[0]), child: ChildID(row[1]), localAuthority: AuthorityCode(row[2]),
                type: EpisodeType(rawValue: row[3]) ?? .missing,
                startedAt: Column.time(row, 4) ?? Timestamp(instant: Instant(secondsSinceEpoch: 0)),
                endedAt: Column.time(row, 6), placement: (row[8] as String?).map(HomeURN.init),
                policeRef: (row[9] as String?).map(PoliceRef.init), returnInterviewOffered: Column.flag(row, 10),
                returnInterviewCompletedAt: Column.time(row, 11), cseConcern: Column.flag(row, 13))
        })

    static let policeReports = SourceTable<PoliceReport>(
        kind: .policeReports, name: "police_reports",
        columns: [
            "police_ref", "force", "forename", "surname", "dob", "sex", "missing_from", "missing_from_postcode",
            "last_seen_at", "last_seen_at_day_end", "reported_at", "reported_at_day_end", "found_at",
            "found_at_day_end", "risk", "cse_concern",
        ],
        id: { $0.ref.rawValue },
        encode: { p in
            let seen = Column.time(p.lastSeenAt), reported = Column.time(p.reportedAt), found = Column.time(p.foundAt)
            return [
                p.ref.rawValue, p.force?.rawValue, p.forename, p.surname, p.dateOfBirth?.description, p.sex.rawValue,
                p.missingFrom, p.missingFromPostcode?.value, seen.0, seen.1, reported.0, reported.1, found.0, found.1,
                p.risk?.rawValue, Column.flag(p.cseConcern),
            ]
        },
        decode: { row in
            PoliceReport(
                ref: PoliceRef(row[0]), force: (row[1] as String?).map(ForceCode.init), forename: row[2], surname: row[3],
                dateOfBirth: Column.date(row[4]), sex: Sex(rawValue: row[5]) ?? .unknown, missingFrom: row[6],
                missingFromPostcode: (row[7] as String?).flatMap { Postcode($0) }, lastSeenAt: Column.time(row, 8),
                reportedAt: Column.time(row, 10), foundAt: Column.time(row, 12),
                risk: (row[14] as Int?).flatMap(RiskLevel.init(rawValue:)), cseConcern: Column.flag(row, 15))
        })

    /// Every table's name, in import order (registers before the records that name them).
    static let names = [forces.name, authorities.name, homes.name, children.name, episodes.name, policeReports.name]

    /// The columns of a kind of file's table, the source id first.
    static func columns(of kind: SourceFileKind) -> [String] {
        switch kind {
        case .forces: forces.columns
        case .authorities: authorities.columns
        case .homes: homes.columns
        case .children: children.columns
        case .laEpisodes: episodes.columns
        case .policeReports: policeReports.columns
        }
    }

    /// The table of a kind of file.
    static func name(of kind: SourceFileKind) -> String {
        switch kind {
        case .forces: forces.name
        case .authorities: authorities.name
        case .homes: homes.name
        case .children: children.name
        case .laEpisodes: episodes.name
        case .policeReports: policeReports.name
        }
    }
}
