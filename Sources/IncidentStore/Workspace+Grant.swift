import IncidentModel

extension Workspace {
    /// Makes the group role of `kind` (for an authority or a force, of `code`) in a PostgreSQL
    /// workspace, or brings its privileges and scope up to date, and grants it to `users`
    /// (existing database users). Returns the role's name. Run by the workspace's owner, who
    /// may create roles. The audit log records it (role and users, no other data).
    ///
    /// A SQLite workspace has no roles: it is one user's file (0600).
    package func grant(
        _ kind: PostgresRoles.Kind, code: String?, to users: [String], attribution: Attribution
    ) throws(WorkspaceError) -> String {
        guard let postgres else {
            throw .inputs(message: "\(path): a SQLite workspace is one user's file and has no roles; "
                + "`mfc grant` works on a PostgreSQL workspace (--workspace postgresql://...)")
        }
        return try postgres.grant(kind, code: code, to: users, at: attribution.clock())
    }
}
