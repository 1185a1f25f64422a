/// Why a name given on the command line or in a filter does not pick out one record.
public enum LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(kind: String, text: String, hint: String)
    case ambiguous(kind: String, text: String, candidates: [String])

    public var description: String {
        switch self {
        case let .notFound(kind, text, hint):
            "no \(kind) matches \"\(TextSanitiser.visible(text, limit: 40))\"; \(hint)"
        case let .ambiguous(kind, text, candidates):
            "\"\(TextSanitiser.visible(text, limit: 40))\" matches \(candidates.count) \(kind.hasSuffix("y") ? kind.dropLast() + "ies" : kind + "s"): "
                + candidates.prefix(5).joined(separator: ", ") + (candidates.count > 5 ? ", …" : "")
                + "; give the code or more of the name"
        }
    }
}

/// Finds homes, authorities and forces by code or by name.
///
/// The order of tries: the exact code; the exact name (case ignored); then the one name that
/// contains the text (case ignored). Several names containing it is an error listing them.
extension Registers {
    /// The home whose URN or name is `text`.
    public func home(matching text: String) throws(LookupError) -> HomeURN {
        try Self.find(
            text, kind: "home", records: Array(homes.values), code: { $0.urn.rawValue }, name: \.name,
            hint: "give an Ofsted URN (SC123456) or part of the home's name").urn
    }

    /// The authority whose code or name is `text`.
    public func authority(matching text: String) throws(LookupError) -> AuthorityCode {
        try Self.find(
            text, kind: "authority", records: Array(authorities.values), code: { $0.code.rawValue }, name: \.name,
            hint: "give a DfE code (e.g. 916) or part of the authority's name").code
    }

    /// The force whose code or name is `text`.
    public func force(matching text: String) throws(LookupError) -> ForceCode {
        try Self.find(
            text, kind: "force", records: Array(forces.values), code: { $0.code.rawValue }, name: \.name,
            hint: "give the force's code or part of its name").code
    }

    private static func find<R>(
        _ text: String, kind: String, records: [R], code: (R) -> String, name: (R) -> String, hint: String
    ) throws(LookupError) -> R {
        let wanted = text.trimmingSpaces
        if let exact = records.first(where: { code($0).lowercased() == wanted.lowercased() }) { return exact }
        let lower = wanted.lowercased()
        let named = records.filter { name($0).lowercased() == lower }
        if named.count == 1 { return named[0] }
        let containing = named.isEmpty ? records.filter { name($0).lowercased().contains(lower) } : named
        if containing.count == 1 { return containing[0] }
        if containing.isEmpty { throw .notFound(kind: kind, text: text, hint: hint) }
        throw .ambiguous(
            kind: kind, text: text,
            candidates: containing.map { "\(code($0)) \(name($0))" }.sorted())
    }
}
