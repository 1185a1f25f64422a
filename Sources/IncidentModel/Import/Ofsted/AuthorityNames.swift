/// The authorities register looked up by name, for lists (such as Ofsted's) that name the host
/// authority rather than give its code.
///
/// A name matches without regard to case, spacing or punctuation, and with or without the
/// usual words around it: `Leeds`, `Leeds City Council` and `LEEDS CITY` are one authority
/// (leading `London Borough of`, `Royal Borough of`, `City of`; trailing `Council`, `County`,
/// `City`, `Borough`, `District`, `Metropolitan`, `, City of`). A short form that two
/// authorities share is not used. The code itself also matches.
public struct AuthorityNames: Sendable {
    private let authorities: [Authority]
    private let byKey: [String: Int]

    public init(_ authorities: [Authority]) {
        self.authorities = authorities
        var keys: [String: Int] = [:]
        var shortForms: [String: Int] = [:]
        var shared: Set<String> = []
        for (i, authority) in authorities.enumerated() {
            keys[Self.fullKey(authority.name)] = keys[Self.fullKey(authority.name)] ?? i
            keys[Self.fullKey(authority.code.rawValue)] = keys[Self.fullKey(authority.code.rawValue)] ?? i
            let short = Self.shortKey(authority.name)
            if let other = shortForms[short], other != i { shared.insert(short) } else { shortForms[short] = i }
        }
        for (short, i) in shortForms where !shared.contains(short) && keys[short] == nil { keys[short] = i }
        byKey = keys
    }

    /// Whether the register is empty.
    public var isEmpty: Bool { authorities.isEmpty }

    /// The authority a name (or code) stands for, or `nil`.
    public func authority(named text: String) -> Authority? {
        if let i = byKey[Self.fullKey(text)] ?? byKey[Self.shortKey(text)] { return authorities[i] }
        return nil
    }

    /// A few of the register's names, for a message.
    public var sample: String {
        let names = authorities.prefix(5).map(\.name)
        return names.joined(separator: ", ") + (authorities.count > 5 ? ", …" : "")
    }

    static func fullKey(_ name: String) -> String { words(name).joined() }

    static func shortKey(_ name: String) -> String {
        var w = words(name)
        for prefix in [["london", "borough", "of"], ["royal", "borough", "of"], ["city", "of"]]
        where w.count > prefix.count && Array(w.prefix(prefix.count)) == prefix {
            w.removeFirst(prefix.count)
            break
        }
        if w.count > 2, Array(w.suffix(2)) == ["city", "of"] { w.removeLast(2) }
        if w.count > 1, w.last == "council" { w.removeLast() }
        while w.count > 1, let last = w.last, ["county", "city", "borough", "district", "metropolitan"].contains(last) {
            w.removeLast()
        }
        return w.joined()
    }

    /// Lower-case words of letters and digits.
    private static func words(_ name: String) -> [String] {
        name.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
