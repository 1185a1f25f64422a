/// A PostgreSQL server that tests make throwaway databases on: named by a superuser's
/// connection string to its maintenance database (`MFC_TEST_POSTGRES`).
package enum PostgresTestServer {
    /// The connection string for database `name` on the server `server` names.
    package static func url(of name: String, on server: String) -> String {
        let (base, query) = server.firstIndex(of: "?").map { (String(server[..<$0]), String(server[$0...])) } ?? (server, "")
        guard let schemeEnd = base.range(of: "://") else { return server }
        let rest = base[schemeEnd.upperBound...]
        let authority = rest.firstIndex(of: "/").map { rest[..<$0] } ?? rest
        return String(base[..<schemeEnd.upperBound]) + authority + "/" + name + query
    }

    /// Creates an empty database.
    package static func createDatabase(_ name: String, on server: String) throws {
        let session = try PostgresSession.connect(try PostgresTarget.parse(server))
        try session.execute("CREATE DATABASE \(PostgresRoles.quote(name))")
    }

    /// Drops a database, ending its other sessions.
    package static func dropDatabase(_ name: String, on server: String) {
        guard let target = try? PostgresTarget.parse(server), let session = try? PostgresSession.connect(target) else { return }
        _ = try? session.execute("DROP DATABASE IF EXISTS \(PostgresRoles.quote(name)) WITH (FORCE)")
    }

    /// Runs statements on database `name` as the server string's user (a superuser).
    package static func run(_ statements: [String], in name: String, on server: String) throws {
        let session = try PostgresSession.connect(try PostgresTarget.parse(url(of: name, on: server)))
        try session.script(statements)
    }
}
