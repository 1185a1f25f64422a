import Foundation
import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL database named by a connection string, in either of libpq's forms:
/// a URL (`postgres://` or `postgresql://user@host:port/db?sslmode=require`, a Unix socket as
/// `postgresql:///db?host=/path/to/folder` or a percent-encoded host) or keyword/value pairs
/// (`host=/path/to/folder dbname=mfc user=alice`). Missing parts come from `PGHOST`, `PGPORT`,
/// `PGUSER`, `PGDATABASE` and `PGSSLMODE`, then from libpq's defaults.
///
/// A password is never taken from the string (one there is refused, and never repeated):
/// it comes from `PGPASSWORD` or the password file (`PGPASSFILE`, else `~/.pgpass`).
package struct PostgresTarget: Hashable, Sendable {
    /// Where the server listens.
    package enum Address: Hashable, Sendable {
        /// A Unix socket: the folder that holds `.s.PGSQL.<port>`.
        case socket(folder: String)
        case tcp(host: String)
    }

    /// How TLS is used, as libpq's `sslmode`.
    package enum TLSMode: String, Hashable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    package var address: Address
    package var port: Int
    package var user: String
    package var database: String
    /// The `sslmode` asked for; `nil` when none was given.
    package var tlsMode: TLSMode?
    /// A file of trusted root certificates (`sslrootcert`).
    package var rootCertificate: String?

    /// Whether the server is on this machine (a Unix socket or a loopback address), where a
    /// connection without TLS is accepted.
    package var isLocal: Bool {
        switch address {
        case .socket: true
        case let .tcp(host): ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        }
    }

    /// The TLS mode used: the one asked for, else `prefer` on this machine and `verify-full`
    /// to another one. A non-local server without TLS needs an explicit `sslmode=disable`.
    package var effectiveTLSMode: TLSMode {
        if let tlsMode {
            // `allow` and `prefer` fall back to plain text: not to another machine.
            if !isLocal && (tlsMode == .allow || tlsMode == .prefer) { return .require }
            return tlsMode
        }
        return isLocal ? .disable : .verifyFull
    }

    /// The connection string as shown in messages: no password (there is none to show), the
    /// parts that say which database.
    package var displayName: String {
        switch address {
        case let .socket(folder):
            "postgresql://\(user)@/\(database)?host=\(folder)" + (port == 5432 ? "" : "&port=\(port)")
        case let .tcp(host):
            "postgresql://\(user)@\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)/\(database)"
        }
    }

    /// The Unix socket file, for a socket address.
    var socketPath: String? {
        if case let .socket(folder) = address { return folder + "/.s.PGSQL.\(port)" }
        return nil
    }

    /// The host name a password file line is matched against.
    var passwordFileHost: [String] {
        switch address {
        case let .socket(folder): [folder, "localhost"]
        case let .tcp(host): [host]
        }
    }

    // MARK: - Reading a connection string

    /// Whether `text` names a PostgreSQL database rather than a workspace file: a
    /// `postgres://` or `postgresql://` URL, or libpq keyword/value pairs whose every keyword
    /// is one of libpq's.
    package static func isConnectionString(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") { return true }
        guard let pairs = try? keywordPairs(text), !pairs.isEmpty else { return false }
        return pairs.allSatisfy { keywords.contains($0.0) }
    }

    /// The libpq keywords understood; others are refused.
    static let keywords: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "sslrootcert", "connect_timeout",
        "application_name",
    ]

    /// Reads a connection string, taking what it lacks from the environment.
    package static func parse(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PostgresTargetError) -> PostgresTarget {
        var values: [String: String] = [:]
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            values = try urlValues(text)
        } else {
            for (key, value) in try keywordPairs(text) {
                guard keywords.contains(key) else { throw .unknownKeyword(key) }
                values[key] = value
            }
        }
        if values["password"] != nil { throw .passwordInString }
        func value(_ key: String, _ variable: String) -> String? {
            if let v = values[key], !v.isEmpty { return v }
            if let v = environment[variable], !v.isEmpty { return v }
            return nil
        }
        let user = value("user", "PGUSER") ?? osUserName()
        let database = value("dbname", "PGDATABASE") ?? user
        var port = 5432
        if let text = value("port", "PGPORT") {
            guard let number = Int(text), (1...65535).contains(number) else { throw .badPort(text) }
            port = number
        }
        let host = value("hostaddr", "PGHOSTADDR") ?? value("host", "PGHOST") ?? "/var/run/postgresql"
        let address: Address = host.hasPrefix("/") ? .socket(folder: host) : .tcp(host: host)
        var tlsMode: TLSMode?
        if let mode = value("sslmode", "PGSSLMODE") {
            guard let known = TLSMode(rawValue: mode) else { throw .badTLSMode(mode) }
            tlsMode = known
        }
        return PostgresTarget(
            address: address, port: port, user: user, database: database, tlsMode: tlsMode,
            rootCertificate: value("sslrootcert", "PGSSLROOTCERT"))
    }

    /// The parts of a URL, by libpq keyword.
    private static func urlValues(_ text: String) throws(PostgresTargetError) -> [String: String] {
        guard let schemeEnd = text.range(of: "://") else { throw .malformed("no scheme") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var values: [String: String] = [:]
        if let question = rest.firstIndex(of: "?") {
            let query = rest[rest.index(after: question)...]
            rest = rest[..<question]
            for item in query.split(separator: "&") where !item.isEmpty {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let key = decode(parts[0]), let value = decode(parts[1]) else {
                    throw .malformed("a query parameter is not key=value")
                }
                if key == "password" { throw .passwordInString }
                guard keywords.contains(key) else { throw .unknownKeyword(key) }
                values[key] = value
            }
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let name = rest[rest.index(after: slash)...]
            if !name.isEmpty {
                guard let database = decode(name) else { throw .malformed("the database name cannot be read") }
                values["dbname"] = database
            }
        }
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if credentials.contains(":") { throw .passwordInString }
            if !credentials.isEmpty {
                guard let user = decode(credentials) else { throw .malformed("the user name cannot be read") }
                values["user"] = user
            }
        }
        if !authority.isEmpty {
            var host = authority
            if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
                let after = host[host.index(after: close)...]
                if after.hasPrefix(":") { values["port"] = String(after.dropFirst()) }
                host = host[host.index(after: host.startIndex)..<close]
            } else if let colon = host.lastIndex(of: ":") {
                values["port"] = String(host[host.index(after: colon)...])
                host = host[..<colon]
            }
            if !host.isEmpty {
                guard let decoded = decode(host) else { throw .malformed("the host cannot be read") }
                if values["host"] == nil { values["host"] = decoded }
            }
        }
        return values
    }

    private static func decode(_ text: Substring) -> String? { String(text).removingPercentEncoding }

    /// libpq's `keyword=value` pairs, separated by spaces; a value may be in single quotes,
    /// with `\'` and `\\` inside.
    static func keywordPairs(_ text: String) throws(PostgresTargetError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var chars = Array(text)[...]
        func skipSpaces() { while let c = chars.first, c.isWhitespace { chars = chars.dropFirst() } }
        skipSpaces()
        while !chars.isEmpty {
            var key = ""
            while let c = chars.first, c != "=", !c.isWhitespace { key.append(c); chars = chars.dropFirst() }
            skipSpaces()
            guard chars.first == "=", !key.isEmpty else { throw .malformed("expected keyword=value") }
            chars = chars.dropFirst()
            skipSpaces()
            var value = ""
            if chars.first == "'" {
                chars = chars.dropFirst()
                var closed = false
                while let c = chars.first {
                    chars = chars.dropFirst()
                    if c == "\\", let next = chars.first { value.append(next); chars = chars.dropFirst(); continue }
                    if c == "'" { closed = true; break }
                    value.append(c)
                }
                guard closed else { throw .malformed("a quoted value is not closed") }
            } else {
                while let c = chars.first, !c.isWhitespace {
                    chars = chars.dropFirst()
                    if c == "\\", let next = chars.first { value.append(next); chars = chars.dropFirst(); continue }
                    value.append(c)
                }
            }
            pairs.append((key.lowercased(), value))
            skipSpaces()
        }
        return pairs
    }

    /// The operating-system user name: libpq's default user.
    static func osUserName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    // MARK: - The password

    /// The password for this target: `PGPASSWORD`, else the first matching line of the
    /// password file (`PGPASSFILE`, else `~/.pgpass`), which libpq's rule says must not be
    /// readable by group or others; else `nil` (the server may need none).
    func password(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresTargetError) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? NSHomeDirectory() + "/.pgpass")
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if info.st_mode & 0o077 != 0 { throw .passwordFileOpen(path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passwordFileFields(line)
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ candidates: [String]) -> Bool { field == "*" || candidates.contains(field) }
            if matches(fields[0], passwordFileHost), matches(fields[1], [String(port)]),
               matches(fields[2], [database]), matches(fields[3], [user]) {
                return fields[4]
            }
        }
        return nil
    }

    /// A password file line's fields: split at `:`, with `\:` and `\\` escaped.
    static func passwordFileFields(_ line: Substring) -> [String] {
        var fields: [String] = [""]
        var escaped = false
        for c in line {
            if escaped { fields[fields.count - 1].append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == ":" { fields.append(""); continue }
            fields[fields.count - 1].append(c)
        }
        return fields
    }
}

/// Why a connection string was refused. No message repeats the string, which may hold a secret.
package enum PostgresTargetError: Error, Hashable, Sendable, CustomStringConvertible {
    case passwordInString
    case malformed(String)
    case unknownKeyword(String)
    case badPort(String)
    case badTLSMode(String)
    case passwordFileOpen(String)

    package var description: String {
        switch self {
        case .passwordInString:
            "the PostgreSQL connection string holds a password, which mfc does not take from an argument; "
                + "remove it and give it in PGPASSWORD or ~/.pgpass (mode 0600)"
        case let .malformed(what):
            "the PostgreSQL connection string cannot be read (\(what)); use postgresql://user@host:port/database "
                + "or host=... dbname=... user=..."
        case let .unknownKeyword(key):
            "the PostgreSQL connection string names \"\(TextSanitiser.visible(key, limit: 40))\", which mfc does not know; "
                + "use host, port, dbname, user, sslmode, sslrootcert"
        case let .badPort(text):
            "the PostgreSQL port \"\(TextSanitiser.visible(text, limit: 40))\" is not a number from 1 to 65535"
        case let .badTLSMode(text):
            "the sslmode \"\(TextSanitiser.visible(text, limit: 40))\" is not one of "
                + PostgresTarget.TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
        case let .passwordFileOpen(path):
            "\(path): the password file may be read by others; make it private with chmod 0600"
        }
    }
}
