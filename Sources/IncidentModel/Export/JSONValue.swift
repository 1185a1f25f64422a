/// A JSON value, for the command line's `--format json`: typed, so that counts are numbers,
/// yes or no a boolean, lists arrays and unknown `null` (never a string standing for one).
public enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already formatted (a fixed number of decimals, say), written as it is; it must
    /// be a JSON number.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given.
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// `value` as a string, or `null` when `nil`.
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// `value` as a number, or `null` when `nil`.
    public static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// `value` with `places` decimals, or `null` when it is not finite.
    public static func decimal(_ value: Double, places: Int) -> JSONValue {
        value.isFinite ? .number(ReportValue.fixed(value, places)) : .null
    }

    /// The value of `key` in an object; `null` when there is none, or this is not an object.
    public func field(_ key: String) -> JSONValue {
        guard case let .object(fields) = self else { return .null }
        return fields.first { $0.0 == key }?.1 ?? .null
    }

    /// The value as JSON text, objects and arrays indented by two spaces a level, ending in a
    /// line break.
    public var text: String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .number(value): out += value
        case let .string(value): out += JSONText.quoted(value)
        case let .array(values):
            if values.isEmpty { return out += "[]" }
            // Arrays of plain values stay on one line.
            if values.allSatisfy(\.isScalar) {
                out += "["
                for (i, value) in values.enumerated() {
                    if i > 0 { out += ", " }
                    value.write(into: &out, indent: indent)
                }
                return out += "]"
            }
            out += "[\n"
            for (i, value) in values.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                value.write(into: &out, indent: indent + 2)
                out += i == values.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case let .object(fields):
            if fields.isEmpty { return out += "{}" }
            out += "{\n"
            for (i, (key, value)) in fields.enumerated() {
                out += String(repeating: " ", count: indent + 2) + JSONText.quoted(key) + ": "
                value.write(into: &out, indent: indent + 2)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
