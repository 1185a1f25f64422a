/// `forces.csv`: `code`, `name`.
enum ForceDecoder: RecordDecoding {
    static let kind = SourceFileKind.forces
    static let columns: [ColumnSpec] = [.required("code"), .required("name")]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> PoliceForce? {
        let code = row.identifier(0)
        return PoliceForce(code: ForceCode(code), name: row.text(1))
    }

    static func key(of record: PoliceForce) -> String { record.code.rawValue }
}

/// `authorities.csv`: `code`, `name`, `police_force`, optional `children_looked_after`.
enum AuthorityDecoder: RecordDecoding {
    static let kind = SourceFileKind.authorities
    static let columns: [ColumnSpec] = [
        .required("code"), .required("name"), .optional("police_force"), .optional("children_looked_after"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> Authority? {
        let code = row.identifier(0)
        let force = row.text(2)
        return Authority(
            code: AuthorityCode(code), name: row.text(1), policeForce: force.isEmpty ? nil : ForceCode(force),
            childrenLookedAfter: row.count(3))
    }

    static func key(of record: Authority) -> String { record.code.rawValue }
}

/// `homes.csv`: the children's homes register.
enum HomeDecoder: RecordDecoding {
    static let kind = SourceFileKind.homes
    static let columns: [ColumnSpec] = [
        .required("urn"), .required("name"), .optional("provider"), .optional("address"), .optional("postcode"),
        .required("local_authority"), .optional("police_force"), .optional("ofsted_rating"), .optional("places"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> Home? {
        let urn = HomeURN(row.identifier(0))
        if !urn.rawValue.isEmpty && !urn.isWellFormed {
            row.warn(0, value: urn.rawValue, message: "does not look like an Ofsted URN",
                     expected: "SC followed by six digits; kept as written")
        }
        let authority = row.text(5)
        let force = row.text(6)
        return Home(
            urn: urn, name: row.text(1), provider: row.text(2), address: row.text(3), postcode: row.postcode(4),
            localAuthority: authority.isEmpty ? nil : AuthorityCode(authority),
            policeForce: force.isEmpty ? nil : ForceCode(force),
            rating: row.code(7, expected: OfstedRating.expected) { OfstedRating(code: $0) },
            places: row.count(8))
    }

    static func key(of record: Home) -> String { record.urn.rawValue }
}

/// `children.csv`: the local authority's children.
enum ChildDecoder: RecordDecoding {
    static let kind = SourceFileKind.children
    static let columns: [ColumnSpec] = [
        .required("child_id"), .required("local_authority"), .personal("given_name"), .personal("family_name"),
        .personal("dob"), .optional("sex"), .optional("placement_urn"),
    ]
    static let keyColumn = 0

    static func decode(_ row: inout RowDecoder) -> Child? {
        let id = row.identifier(0)
        let authority = row.identifier(1)
        let placement = row.text(6)
        return Child(
            id: ChildID(id), localAuthority: AuthorityCode(authority), givenName: row.text(2),
            familyName: row.text(3), dateOfBirth: row.date(4),
            sex: row.code(5, expected: Sex.expected + "; kept as unknown", Sex.spellings) ?? .unknown,
            placement: placement.isEmpty ? nil : HomeURN(placement))
    }

    static func key(of record: Child) -> String { record.id.rawValue }
}
