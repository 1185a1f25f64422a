extension IncidentFilter {
    /// The words for the home of incidents whose home is not known.
    public static let unknownHomeLabel = "home not known"

    /// The filter in words, one part per dimension with every value named and coded
    /// (`home: Oak House (SC000001)`), the period left out (exports state it apart); empty when
    /// nothing but the period is filtered.
    public func descriptions(in catalogue: IncidentCatalogue) -> [String] {
        func part(_ name: String, _ values: [String]) -> [String] {
            values.isEmpty ? [] : ["\(name): " + values.joined(separator: ", ")]
        }
        let homeNames = homes.sorted().map { "\(catalogue.homeName($0)) (\($0.rawValue))" }
        return part("home", homeNames + (unknownHome ? [IncidentFilter.unknownHomeLabel] : []))
            + part("authority", authorities.sorted().map { "\(catalogue.authorityName($0)) (\($0.rawValue))" })
            + part("host authority", hostAuthorities.sorted().map { "\(catalogue.authorityName($0)) (\($0.rawValue))" })
            + part("force", forces.sorted().map { "\(catalogue.forceName($0)) (\($0.rawValue))" })
            + part("risk", risks.sorted { ($0?.rawValue ?? -1) > ($1?.rawValue ?? -1) }.map { $0?.label ?? "not graded" })
            + part("known to", provenances.sorted { $0.rawValue < $1.rawValue }.map(\.label))
            + (repeatsOnly ? ["only incidents that are one of 3 or more of the child's within 90 days"] : [])
            + part("flags (all of)", IncidentFlag.allCases.filter(flags.contains).map(\.label))
    }
}
