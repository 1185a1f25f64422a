/// Ofsted's list of children's social care providers, saved as CSV: its children's homes
/// become the homes register.
///
/// Only rows whose provider type is `Children's home` or `Secure children's home` (any case or
/// punctuation) are homes; other provider types (fostering agencies, residential special
/// schools, ...) are skipped and counted in a note. The host authority's name is looked up in
/// the authorities register (``AuthorityNames``): a name it does not hold rejects the row. The
/// home's police force is its host authority's. Kept with a warning: an overall-effectiveness
/// judgement mfc does not know, a bad number of places or postcode.
enum OfstedHomeDecoder: RecordDecoding {
    static let kind = SourceFileKind.homes
    static let columns: [ColumnSpec] = [
        .required("urn"), .required("setting_name"), .required("provider_type"), .required("local_authority"),
        .optional("overall_effectiveness"), .optional("max_users"), .optional("provider_name"),
        .optional("address_line_1"), .optional("address_line_2"), .optional("address_line_3"), .optional("town"),
        .optional("postcode"),
    ]
    static let keyColumn = 0

    /// The names each column goes by in Ofsted's lists.
    static let header = SynonymHeader(columns: columns, names: [
        .init("URN", "Provider URN", "Ofsted URN"),
        .init("Setting Name", "Provider Name", "Home Name", "Establishment Name"),
        .init("Provider Type", "Provision Type", "Type of Provision"),
        .init("Local Authority", "Local Authority Name", "LA", "LA Name"),
        .init("Overall Effectiveness", "Overall Experiences and Progress of Children and Young People",
              "Latest Full Inspection Overall Effectiveness", "Rating", "Ofsted Rating"),
        .init("Max Users", "Maximum Users", "Places", "Registered Places", "Number of Places"),
        .init("Organisation Which Owns the Provider", "Owner Name", "Organisation Name", "Provider"),
        .init("Setting Address Line 1", "Address Line 1", "Address 1", "Address"),
        .init("Setting Address Line 2", "Address Line 2", "Address 2"),
        .init("Setting Address Line 3", "Address Line 3", "Address 3"),
        .init("Setting Town", "Town", "Post Town", "Town/City"),
        .init("Setting Postcode", "Postcode", "Post Code"),
    ])

    /// Provider types that are children's homes, folded.
    static let homeTypes: Set<String> = ["childrenshome", "securechildrenshome"]

    static func decode(_ row: inout RowDecoder) -> Home? {
        let type = row.text(2)
        guard homeTypes.contains(HeaderMatch.fold(type)) else {
            row.skip("provider type " + (type.isEmpty ? "blank" : "\"\(TextSanitiser.visible(type, limit: 40))\""))
            return nil
        }
        let urn = HomeURN(row.identifier(0))
        if !urn.rawValue.isEmpty && !urn.isWellFormed && !(urn.rawValue.count == 7 && urn.rawValue.allSatisfy(\.isASCIIDigit)) {
            row.warn(0, value: urn.rawValue, message: "does not look like an Ofsted URN",
                     expected: "SC and six digits, or seven digits; kept as written")
        }
        let authorityName = row.text(3)
        let authority = authorityName.isEmpty ? nil : row.context.authorities?.authority(named: authorityName)
        if authorityName.isEmpty {
            row.reject(3, value: nil, message: "is empty", expected: "the name of the home's local authority")
        } else if authority == nil {
            let register = row.context.authorities.map { $0.isEmpty ? "none: the register is empty" : $0.sample } ?? "none"
            row.reject(3, value: authorityName, message: "is not an authority in the authorities register",
                       expected: "the name or code of an authority in authorities.csv (\(register))")
        }
        guard let authority else { return nil }
        let address = (7...10).map { row.text($0) }.filter { !$0.isEmpty }.joined(separator: ", ")
        let ratingText = row.text(4)
        let rating = ratingText.isEmpty ? nil : OfstedRating(ofsted: ratingText)
        if !ratingText.isEmpty && rating == nil {
            row.warn(4, value: ratingText, message: "is not an Ofsted judgement", expected: OfstedRating.ofstedExpected)
        }
        return Home(
            urn: urn, name: row.text(1), provider: row.text(6), address: address, postcode: row.postcode(11),
            localAuthority: authority.code, policeForce: authority.policeForce, rating: rating, places: row.count(5))
    }

    static func key(of record: Home) -> String { record.urn.rawValue }
}

extension OfstedRating {
    /// The judgements as Ofsted's lists write them, for messages.
    static let ofstedExpected =
        "Outstanding, Good, Requires improvement to be good, Inadequate, Not yet inspected, or 1 to 4; kept as unknown"

    /// Reads an overall-effectiveness judgement as Ofsted's lists write it: the words (also
    /// `Requires improvement to be good`), or the grade 1 (Outstanding) to 4 (Inadequate).
    init?(ofsted text: String) {
        switch LetterKey(text, lettersOnly: true).text {
        case "1": self = .outstanding
        case "2": self = .good
        case "3", "requiresimprovementtobegood": self = .requiresImprovement
        case "4": self = .inadequate
        case "notinspected", "notyetinspected": self = .notYetInspected
        default:
            guard let rating = OfstedRating(code: text) else { return nil }
            self = rating
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
