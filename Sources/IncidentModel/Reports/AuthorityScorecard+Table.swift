extension AuthorityScorecard {
    /// The scorecard's columns, in order.
    static let columns: [ReportColumn] = [
        ReportColumn("authority_code", "Code", .text, width: 5),
        ReportColumn("authority", "Authority", .text, width: 18),
        ReportColumn("last_12_months", "12 months", .series, width: 12),
        ReportColumn("children", "Children", .distinctCount, width: 8),
        ReportColumn("incidents", "Incidents", .count, width: 9),
        ReportColumn("incidents_per_child", "Inc/child", .number(decimals: 2), width: 9, derivedFrom: [4, 3]),
        ReportColumn("children_3_or_more", "3+ inc", .distinctCount, width: 6),
        ReportColumn("children_3_in_90_days", "3 in 90d", .distinctCount, width: 8),
        ReportColumn("high_risk", "High risk", .count, width: 9),
        ReportColumn("known_to_both", "Both", .count, width: 7),
        ReportColumn("police_only", "Police only", .count, width: 11),
        ReportColumn("la_only", "LA only", .count, width: 7),
        ReportColumn("percent_known_to_both", "% both", .number(decimals: 1), width: 6, derivedFrom: [9, 4]),
        ReportColumn("ended_known_to_la", "Ended (LA)", .count, width: 10),
        ReportColumn("rhi_recorded", "RHI recorded", .count, width: 12),
        ReportColumn("rhi_offered", "RHI offered", .count, width: 11),
        ReportColumn("percent_rhi_offered", "% RHI", .number(decimals: 1), width: 6, derivedFrom: [15, 14]),
        ReportColumn("rhi_within_72h", "RHI 72h", .count, width: 7),
        ReportColumn("percent_rhi_within_72h", "% RHI 72h", .number(decimals: 1), width: 9, derivedFrom: [17, 14]),
        ReportColumn("area_known", "Area known", .count, width: 10),
        ReportColumn("out_of_area", "Out of area", .count, width: 11),
        ReportColumn("percent_out_of_area", "% OOA", .number(decimals: 1), width: 6, derivedFrom: [20, 19]),
        ReportColumn("median_duration_hours", "Median h", .number(decimals: 1), width: 8, derivedFrom: [4]),
        ReportColumn("over_24_hours", "Over 24h", .count, width: 8),
        ReportColumn("cse_concern", "CSE", .count, width: 6),
        ReportColumn("cse_recorded", "CSE recorded", .count, width: 12),
        ReportColumn("still_missing", "Missing now", .count, width: 11),
        ReportColumn("children_looked_after", "Looked after", .number(decimals: 0), width: 12),
        ReportColumn("children_per_100_looked_after", "Per 100 LAC", .number(decimals: 1), width: 11, derivedFrom: [3]),
        ReportColumn("flags", "Flags", .text, width: 16),
    ]

    /// The scorecard as a table, one row per authority then the total; each authority's row
    /// drills to its incidents in the period.
    public func table(zone: LocalTimeZone) -> ReportTable {
        func row(_ s: AuthorityScore, drill: IncidentFilter?) -> ReportRow {
            // Figures whose inputs lack the field are unknown, never 0.
            let rhi = { (value: ReportValue) in s.interviewsUnknown ? ReportValue.unknown : value }
            let values: [ReportValue] = [
                .text(s.authority?.rawValue ?? ""), .text(s.name), .series(s.monthly), .count(s.children),
                .count(s.incidents), .number(s.incidentsPerChild), .count(s.childrenWithThreeOrMore),
                .count(s.childrenRepeatedIn90Days), s.highRiskUnknown ? .unknown : .count(s.highRisk), .count(s.knownToBoth),
                .count(s.policeOnly), .count(s.laOnly), s.knownToBothUnknown ? .unknown : .number(s.percentKnownToBoth),
                .count(s.interviewsDue),
                .count(s.interviewsRecorded), rhi(.count(s.interviewsOffered)), rhi(.number(s.percentInterviewOffered)),
                rhi(.count(s.interviewsInTime)), rhi(.number(s.percentInterviewInTime)),
                .count(s.areaKnown), .count(s.outOfArea), .number(s.percentOutOfArea), .number(s.medianDurationHours),
                .count(s.over24Hours), s.cseUnknown ? .unknown : .count(s.cseConcern), .count(s.cseRecorded),
                .count(s.stillMissing),
                .number(s.childrenLookedAfter.map(Double.init)), .number(s.childrenPer100LookedAfter),
                .text(s.flagWords.joined(separator: " ")),
            ]
            return ReportRow(values: values, drill: drill, isFlagged: !s.flagWords.isEmpty)
        }
        return ReportTable(
            name: "authorities", title: "Authorities scorecard · \(scope.period.label(zone: zone))",
            columns: Self.columns,
            rows: rows.map { s in row(s, drill: s.authority.map { code in scope.drill { $0.authorities = [code] } }) },
            total: row(total, drill: scope.drill { _ in }),
            partitions: [ReportTable.Partition(parts: [9, 10, 11], whole: 4)])
    }
}

extension HomeReport {
    static let columns: [ReportColumn] = [
        ReportColumn("urn", "URN", .text, width: 8),
        ReportColumn("home", "Home", .text, width: 20),
        ReportColumn("last_12_months", "12 months", .series, width: 12),
        ReportColumn("ofsted_rating", "Rating", .text, width: 11),
        ReportColumn("places", "Places", .number(decimals: 0), width: 6),
        ReportColumn("incidents", "Incidents", .count, width: 9),
        ReportColumn("children", "Children", .distinctCount, width: 8),
        ReportColumn("incidents_per_place", "Inc/place", .number(decimals: 2), width: 9, derivedFrom: [5]),
        ReportColumn("high_risk", "High risk", .count, width: 9),
        ReportColumn("known_to_both", "Both", .count, width: 7),
        ReportColumn("percent_known_to_both", "% both", .number(decimals: 1), width: 6, derivedFrom: [9, 5]),
        ReportColumn("host_authority", "Host", .text, width: 5),
        ReportColumn("force", "Force", .text, width: 6),
        ReportColumn("watch", "Watch", .text, width: 6),
    ]

    /// The homes as a table; each home's row drills to its incidents in the period.
    public func table(zone: LocalTimeZone) -> ReportTable {
        func row(_ h: HomeRow, drill: IncidentFilter?) -> ReportRow {
            let values: [ReportValue] = [
                .text(h.urn?.rawValue ?? ""), .text(h.name), .series(h.monthly), .text(h.rating?.rawValue ?? ""),
                .number(h.places.map(Double.init)), .count(h.incidents), .count(h.children), .number(h.incidentsPerPlace),
                h.incidents > 0 && h.riskGraded == 0 ? .unknown : .count(h.highRisk), .count(h.knownToBoth),
                .number(h.percentKnownToBoth),
                .text(h.hostAuthority?.rawValue ?? ""), .text(h.force?.rawValue ?? ""), .text(h.isWatched ? "WATCH" : ""),
            ]
            return ReportRow(values: values, drill: drill, isFlagged: h.isWatched)
        }
        return ReportTable(
            name: "homes",
            title: "Homes · \(scope.period.label(zone: zone)) · watch: Good/Outstanding with \(watchThreshold)+ incidents",
            columns: Self.columns,
            // The row of incidents with no known home drills to them too.
            rows: rows.map { h in
                row(h, drill: scope.drill { filter in
                    if let urn = h.urn { filter.homes = [urn] } else { filter.unknownHome = true }
                })
            },
            total: row(total, drill: scope.drill { _ in }))
    }
}

extension ForceRegister {
    static let columns: [ReportColumn] = [
        ReportColumn("force_code", "Code", .text, width: 6),
        ReportColumn("force", "Force", .text, width: 24),
        ReportColumn("homes", "Homes", .number(decimals: 0), width: 6),
        ReportColumn("places", "Places", .number(decimals: 0), width: 6),
        ReportColumn("children_placed_by_other_authorities", "Placed from away", .distinctCount, width: 16),
        ReportColumn("incidents", "Incidents", .count, width: 9),
        ReportColumn("police_only", "Police only", .count, width: 11),
        ReportColumn("percent_police_only", "% police", .number(decimals: 1), width: 8, derivedFrom: [6, 5]),
    ]

    /// The forces as a table; each force's row drills to its incidents in the period.
    public func table(zone: LocalTimeZone) -> ReportTable {
        func row(_ f: ForceRow, drill: IncidentFilter?) -> ReportRow {
            ReportRow(values: [
                .text(f.force?.rawValue ?? ""), .text(f.name), .number(Double(f.homes)), .number(Double(f.places)),
                .count(f.childrenPlacedByOtherAuthorities), .count(f.incidents), .count(f.policeOnly),
                .number(percent(f.policeOnly, f.incidents)),
            ], drill: drill)
        }
        return ReportTable(
            name: "forces", title: "Police forces · \(scope.period.label(zone: zone))", columns: Self.columns,
            rows: rows.map { f in row(f, drill: f.force.map { code in scope.drill { $0.forces = [code] } }) },
            total: row(total, drill: scope.drill { _ in }))
    }

    /// The register of homes per force (the inquiry's R4): names, addresses, postcodes,
    /// ratings and places, with each home's incidents in the period's drill-down.
    public func homesTable(zone: LocalTimeZone) -> ReportTable {
        let columns = [
            ReportColumn("force_code", "Force", .text, width: 6), ReportColumn("urn", "URN", .text, width: 8),
            ReportColumn("home", "Home", .text, width: 22), ReportColumn("provider", "Provider", .text, width: 16),
            ReportColumn("address", "Address", .text, width: 24), ReportColumn("postcode", "Postcode", .text, width: 9),
            ReportColumn("host_authority", "Host", .text, width: 5), ReportColumn("ofsted_rating", "Rating", .text, width: 11),
            ReportColumn("places", "Places", .number(decimals: 0), width: 6),
        ]
        var rows: [ReportRow] = []
        for force in homes.keys.sorted() {
            for home in homes[force] ?? [] {
                rows.append(ReportRow(values: [
                    .text(force.rawValue), .text(home.urn.rawValue), .text(home.name), .text(home.provider),
                    .text(home.address), .text(home.postcode?.value ?? ""), .text(home.localAuthority?.rawValue ?? ""),
                    .text(home.rating?.rawValue ?? ""), .number(home.places.map(Double.init)),
                ], drill: scope.drill { $0.homes = [home.urn] }))
            }
        }
        return ReportTable(name: "force-homes", title: "Homes by police force", columns: columns, rows: rows)
    }
}
