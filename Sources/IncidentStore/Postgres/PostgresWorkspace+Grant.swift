import IncidentModel

extension PostgresWorkspace {
    func grant(_ kind: PostgresRoles.Kind, code: String?, to users: [String], at now: Instant) throws(WorkspaceError) -> String {
        let (role, statements) = PostgresRoles.grantStatements(kind, code: code, users: users)
        try transaction("granting \(role)") {
            // Two grants at once take turns (CREATE ROLE is not idempotent).
            try session.execute("SELECT pg_advisory_xact_lock(hashtext('mfc roles'))")
            for statement in statements { try session.execute(statement) }
            let to = users.isEmpty ? "" : " to " + users.joined(separator: ", ")
            try Self.audit(session, AuditEntry.Draft(action: .grant, detail: "role \(role) (\(kind.rawValue)\(code.map { " " + $0 } ?? ""))\(to)"), at: now)
        }
        return role
    }
}
