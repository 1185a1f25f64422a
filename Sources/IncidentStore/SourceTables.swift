import GRDB
import IncidentModel

/// The six kinds of source record and their tables.
enum SourceTables {
    static let forces = SourceTable<PoliceForce>(
        kind: .forces, name: "forces", columns: ["code", "name"], id: { $0.code.rawValue },
        bind: { r, b in b.text(r.code.rawValue); b.text(r.name) },
        decode: { row in PoliceForce(code: ForceCode(try Column.text(row, 0)), name: try Column.text(row, 1)) })

    static let authorities = SourceTable<Authority>(
        kind: .authorities, name: "authorities", columns: ["code", "name", "police_force", "children_looked_after"],
        id: { $0.code.rawValue },
        bind: { r, b in
            b.text(r.code.rawValue); b.text(r.name); b.text(r.policeForce?.rawValue); b.int(r.childrenLookedAfter)
        },
        decode: { row in
            Authority(
                code: AuthorityCode(try Column.text(row, 0)), name: try Column.text(row, 1),
                policeForce: try Column.optionalText(row, 2).map(ForceCode.init),
                childrenLookedAfter: try Column.int(row, 3).map(Int.init))
        })

    static let homes = SourceTable<Home>(
        kind: .homes, name: "homes",
        columns: ["urn", "name", "provider", "address", "postcode", "local_authority", "police_force", "ofsted_rating", "places"],
        id: { $0.urn.rawValue },
        bind: { h, b in
            b.text(h.urn.rawValue); b.text(h.name); b.text(h.provider); b.text(h.address); b.text(h.postcode?.value)
            b.text(h.localAuthority?.rawValue); b.text(h.policeForce?.rawValue); b.text(h.rating?.rawValue); b.int(h.places)
        },
        decode: { row in
            Home(
                urn: HomeURN(try Column.text(row, 0)), name: try Column.text(row, 1), provider: try Column.text(row, 2),
                address: try Column.text(row, 3), postcode: try Column.postcode(row, 4),
                localAuthority: try Column.optionalText(row, 5).map(AuthorityCode.init),
                policeForce: try Column.optionalText(row, 6).map(ForceCode.init),
                rating: try Column.optionalCode(OfstedRating.self, row, 7), places: try Column.int(row, 8).map(Int.init))
        })

    static let children = SourceTable<Child>(
        kind: .children, name: "children",
        columns: ["child_id", "local_authority", "given_name", "family_name", "dob", "sex", "placement_urn"],
        id: { $0.id.rawValue },
        bind: { c, b in
            b.text(c.id.rawValue); b.text(c.localAuthority.rawValue); b.text(c.givenName); b.text(c.familyName)
            b.text(c.dateOfBirth?.description); b.text(c.sex.rawValue); b.text(c.placement?.rawValue)
        },
        decode: { row in
            Child(
                id: ChildID(try Column.text(row, 0)), localAuthority: AuthorityCode(try Column.text(row, 1)),
                givenName: try Column.text(row, 2), familyName: try Column.text(row, 3),
                dateOfBirth: try Column.date(row, 4), sex: try Column.code(Sex.self, row, 5),
                placement: try Column.optionalText(row, 6).map(HomeURN.init))
        })

    static let episodes = SourceTable<LAEpisode>(
        kind: .laEpisodes, name: "la_episodes",
        columns: [
            "episode_id", "child_id", "local_authority", "type", "started_at", "started_at_day_end", "ended_at",
            "ended_at_day_end", "placement_urn", "police_ref", "rhi_offered", "rhi_completed_at",
            "rhi_completed_at_day_end", "cse_concern",
        ],
        id: { $0.id.rawValue },
        bind: { e, b in
            b.text(e.id.rawValue); b.text(e.child.rawValue); b.text(e.localAuthority.rawValue); b.text(e.type.rawValue)
            b.time(e.startedAt); b.time(e.endedAt); b.text(e.placement?.rawValue); b.text(e.policeRef?.rawValue)
            b.flag(e.returnInterviewOffered); b.time(e.returnInterviewCompletedAt); b.flag(e.cseConcern)
        },
        decode: { row in
            LAEpisode(
                id: EpisodeID(try Column.text(row, 0)), child: ChildID(try Column.text(row, 1)),
                localAuthority: AuthorityCode(try Column.text(row, 2)), type: try Column.code(EpisodeType.self, row, 3),
                startedAt: try Column.requiredTime(row, 4), endedAt: try Column.time(row, 6),
                placement: try Column.optionalText(row, 8).map(HomeURN.init),
                policeRef: try Column.optionalText(row, 9).map(PoliceRef.init),
                returnInterviewOffered: try Column.flag(row, 10), returnInterviewCompletedAt: try Column.time(row, 11),
                cseConcern: try Column.flag(row, 13))
        })

    static let policeReports = SourceTable<PoliceReport>(
        kind: .policeReports, name: "police_reports",
        columns: [
            "police_ref", "force", "forename", "surname", "dob", "sex", "missing_from", "missing_from_postcode",
            "last_seen_at", "last_seen_at_day_end", "reported_at", "reported_at_day_end", "found_at",
            "found_at_day_end", "risk", "cse_concern",
        ],
        id: { $0.ref.rawValue },
        bind: { p, b in
            b.text(p.ref.rawValue); b.text(p.force?.rawValue); b.text(p.forename); b.text(p.surname)
            b.text(p.dateOfBirth?.description); b.text(p.sex.rawValue); b.text(p.missingFrom)
            b.text(p.missingFromPostcode?.value); b.time(p.lastSeenAt); b.time(p.reportedAt); b.time(p.foundAt)
            b.int(p.risk?.rawValue); b.flag(p.cseConcern)
        },
        decode: { row in
            PoliceReport(
                ref: PoliceRef(try Column.text(row, 0)), force: try Column.optionalText(row, 1).map(ForceCode.init),
                forename: try Column.text(row, 2), surname: try Column.text(row, 3), dateOfBirth: try Column.date(row, 4),
                sex: try Column.code(Sex.self, row, 5), missingFrom: try Column.text(row, 6),
                missingFromPostcode: try Column.postcode(row, 7), lastSeenAt: try Column.time(row, 8),
                reportedAt: try Column.time(row, 10), foundAt: try Column.time(row, 12),
                risk: try Column.optionalNumber(RiskLevel.self, row, 14), cseConcern: try Column.flag(row, 15))
        })

    /// Every table's name, in import order (registers before the records that name them).
    static let names = [forces.name, authorities.name, homes.name, children.name, episodes.name, policeReports.name]

    /// The columns of a kind of record's table, the source id first. An SSDA903 table's rows
    /// are kept as their record kind's (see ``SourceFileKind/recordKind``); its placement
    /// episodes, which are not kept, are read as the LA episodes they fill.
    static func columns(of kind: SourceFileKind) -> [String] {
        switch kind {
        case .forces: forces.columns
        case .authorities: authorities.columns
        case .homes: homes.columns
        case .children, .ssda903Header: children.columns
        case .laEpisodes, .ssda903Missing, .ssda903Episodes: episodes.columns
        case .policeReports: policeReports.columns
        }
    }

    /// The table of a kind of record, as for ``columns(of:)``.
    /// The six record tables.
    static let recordTableNames = [
        forces.name, authorities.name, homes.name, children.name, episodes.name, policeReports.name,
    ]

    static func name(of kind: SourceFileKind) -> String {
        switch kind {
        case .forces: forces.name
        case .authorities: authorities.name
        case .homes: homes.name
        case .children, .ssda903Header: children.name
        case .laEpisodes, .ssda903Missing, .ssda903Episodes: episodes.name
        case .policeReports: policeReports.name
        }
    }
}
