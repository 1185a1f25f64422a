/// An identifier taken from a source file, wrapped in its own type so that one kind of id
/// cannot be passed where another is expected.
///
/// Identifiers compare as their raw text; leading and trailing spaces are removed on import.
public protocol SourceIdentifier: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier exactly as the source file holds it (trimmed).
    var rawValue: String { get }
    /// Wraps a raw identifier.
    init(_ rawValue: String)
}

extension SourceIdentifier {
    public var description: String { rawValue }
    public init(stringLiteral value: String) { self.init(value) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A local authority's DfE three-digit code, e.g. `"916"`.
public struct AuthorityCode: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A police force's code, e.g. `"GLO"`.
public struct ForceCode: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// An Ofsted unique reference number of a children's home: `SC` followed by six digits.
public struct HomeURN: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Whether the URN has Ofsted's shape for a children's home (`SC` and six digits).
    public var isWellFormed: Bool {
        let bytes = Array(rawValue.utf8)
        guard bytes.count == 8, bytes[0] == UInt8(ascii: "S"), bytes[1] == UInt8(ascii: "C") else {
            return false
        }
        return bytes[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// A local authority's own identifier for a child in its care.
public struct ChildID: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A local authority's identifier for one missing or away episode.
public struct EpisodeID: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A police force's reference for one missing-person report.
public struct PoliceRef: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// mfc's identifier for a combined incident, derived from its earliest source record so that
/// it stays the same when the same data are linked again.
public struct IncidentID: SourceIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
