/// The names police systems give the fields of `police_reports.csv`, and the date styles and
/// risk grades their extracts use: what ``MappingSuggester`` matches an extract against.
enum PoliceFieldSynonyms {
    /// Per field (in `police_reports.csv`'s order), the header names that hold it, folded by
    /// ``HeaderMatch/fold(_:)`` (case, spaces and punctuation ignored).
    static let names: [(field: String, names: Set<String>)] = [
        ("police_ref", folded(
            "police_ref", "Police Reference", "Occurrence Ref", "Occurrence Reference", "Occurrence Number", "Occurrence No",
            "Incident Ref", "Incident Reference", "Incident Number", "Incident No", "Reference", "Ref", "Reference Number",
            "Missing Person Ref", "Misper Ref", "Misper Number", "Misper No", "Case Ref", "Case Reference", "Case Number",
            "Report Ref", "Report Number", "Log Number", "Log No")),
        ("force", folded("force", "Force Code", "Force Name", "Police Force", "Owning Force", "Reporting Force")),
        ("forename", folded(
            "forename", "Forenames", "First Name", "First Names", "Given Name", "Given Names", "Christian Name",
            "Subject Forename", "Misper Forename")),
        ("surname", folded("surname", "Last Name", "Family Name", "Subject Surname", "Misper Surname")),
        ("dob", folded("dob", "Date of Birth", "Birth Date", "Birthdate", "D.O.B.", "Subject DOB")),
        ("sex", folded("sex", "Gender", "Subject Sex", "Subject Gender")),
        ("missing_from", folded(
            "missing_from", "Missing From Address", "Location Missing From", "Address Missing From", "Place Missing From",
            "Missing From Location", "Home Address", "Address", "Location")),
        ("missing_from_postcode", folded(
            "missing_from_postcode", "Postcode", "Post Code", "Address Postcode", "Location Postcode",
            "Missing From Post Code")),
        ("last_seen_at", folded(
            "last_seen_at", "Date/Time Last Seen", "Last Seen", "Last Seen Date/Time", "Date Last Seen", "Last Seen Date",
            "Time Last Seen")),
        ("reported_at", folded(
            "reported_at", "Date/Time Reported", "Reported Date/Time", "Date Reported", "Report Date", "Reported",
            "Date/Time of Report", "Time Reported", "Reported Date")),
        ("found_at", folded(
            "found_at", "Date/Time Found", "Found Date/Time", "Date Found", "Found", "Date/Time Returned", "Returned Date/Time",
            "Date Returned", "Returned", "Date/Time Traced", "Traced", "Found Date")),
        ("risk", folded(
            "risk", "Risk Grade", "Risk Level", "Risk Assessment", "Risk Rating", "Initial Risk Grade", "Current Risk Grade",
            "Grade")),
        ("cse_concern", folded(
            "cse_concern", "CSE", "CSE Flag", "CSE Risk", "CSE Marker", "CSE Concern", "Child Sexual Exploitation",
            "CSE Y/N")),
    ]

    /// The date styles tried on a column's first values, most precise first. Slashed dates are
    /// day first: `MM/dd` is never guessed.
    static let dateStyles: [DateStyle] = [
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "dd-MM-yyyy HH:mm", "dd-MM-yyyy", "dd.MM.yyyy HH:mm",
        "dd.MM.yyyy", "dd-MMM-yyyy HH:mm:ss", "dd-MMM-yyyy HH:mm", "dd-MMM-yyyy", "dd-MMM-yy HH:mm", "dd-MMM-yy",
        "dd MMM yyyy HH:mm", "dd MMM yyyy", "dd/MM/yy HH:mm", "dd/MM/yy",
    ].compactMap { try? DateStyle($0) }

    /// Risk grades written as police systems abbreviate them, folded, and the grade each means.
    static let riskAbbreviations: [String: RiskLevel] = [
        "h": .high, "hi": .high, "m": .medium, "med": .medium, "l": .low, "lo": .low, "vl": .veryLow,
        "nar": .noApparentRisk, "nr": .noApparentRisk, "noriskidentified": .noApparentRisk,
    ]

    private static func folded(_ names: String...) -> Set<String> { Set(names.map(HeaderMatch.fold)) }
}
