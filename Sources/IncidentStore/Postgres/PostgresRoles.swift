import IncidentModel

/// The roles of a shared workspace and the row-level security that gives each its rows.
///
/// `mfc grant` makes group roles (no login) that an administrator grants to users:
/// - `mfc_la_<code>`, an authority: the children it is responsible for, the LA episodes of
///   its children or placed in its area (a home in the authority), and the police reports
///   linked to those episodes or made from a home in its area;
/// - `mfc_force_<code>`, a force: the police reports it made, the episodes and children of the
///   authorities in its area and the episodes placed in its area;
/// - `mfc_hub`: every row;
/// - `mfc_auditor`: the audit log only.
///
/// Every role reads the registers (forces, authorities, homes). The policies are in the server
/// (`FORCE ROW LEVEL SECURITY`, so the tables' owner is held to them too): a user who connects
/// with `psql` sees exactly what mfc shows them. What a user did is recorded as their database
/// user, `session_user`. The role that runs `mfc init` is recorded as a hub.
package enum PostgresRoles {
    /// A kind of role that `mfc grant` makes.
    package enum Kind: String, Sendable, CaseIterable {
        case authority, force, hub, auditor
    }

    /// The group role's name for a kind and (for an authority or a force) its code: letters,
    /// digits and `_` only, lower case.
    package static func roleName(_ kind: Kind, code: String?) -> String {
        let cleaned = (code ?? "").lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        switch kind {
        case .authority: return "mfc_la_" + cleaned
        case .force: return "mfc_force_" + cleaned
        case .hub: return "mfc_hub"
        case .auditor: return "mfc_auditor"
        }
    }

    /// Tables every mfc role but the auditor reads and writes.
    static let dataTables = [
        "imports", "import_files", "rejected_rows", "decisions", "linked_snapshot", "linked_snapshot_parts",
    ] + PostgresSchema.recordTables.flatMap { [$0.name, $0.name + "_history"] }

    /// The visibility rule of a record table (and its history, which has the same columns).
    static func visibility(of table: String) -> (using: String, check: String) {
        let all = "(SELECT mfc_sees_all())"
        // Each an array computed once per statement (a scalar subquery, cast), not per row.
        let las = "((SELECT mfc_codes('authority'))::text[])"
        let forces = "((SELECT mfc_codes('force'))::text[])"
        let forceAuthorities = "((SELECT array(SELECT code FROM authorities WHERE police_force = ANY \(forces)))::text[])"
        let areaHomes = "((SELECT array(SELECT urn FROM homes WHERE local_authority = ANY \(las) OR police_force = ANY \(forces)))::text[])"
        switch table {
        case "children":
            return ("\(all) OR local_authority = ANY \(las) OR local_authority = ANY \(forceAuthorities)",
                    "\(all) OR local_authority = ANY \(las)")
        case "la_episodes":
            return ("\(all) OR local_authority = ANY \(las) OR local_authority = ANY \(forceAuthorities) OR placement_urn = ANY \(areaHomes)",
                    "\(all) OR local_authority = ANY \(las)")
        case "police_reports":
            return ("\(all) OR force = ANY \(forces) OR missing_from = ANY \(areaHomes) "
                        + "OR police_ref IN (SELECT police_ref FROM la_episodes WHERE police_ref IS NOT NULL)",
                    "\(all) OR force = ANY \(forces)")
        default:
            // The registers: everyone reads and writes them.
            return ("true", "true")
        }
    }

    /// The scopes table, the functions the policies call, and every policy.
    static func securityStatements() -> [String] {
        var statements = [
            """
            CREATE TABLE mfc_scopes (
                role_name name PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('authority', 'force', 'hub', 'auditor')),
                code text
            )
            """,
            "INSERT INTO mfc_scopes (role_name, kind) VALUES (current_user, 'hub')",
            // Invoker's rights: `current_user` is the user (or the role they SET ROLE to).
            """
            CREATE FUNCTION mfc_codes(wanted text) RETURNS text[] LANGUAGE sql STABLE AS $$
                SELECT coalesce(array_agg(s.code), '{}') FROM mfc_scopes s JOIN pg_roles r ON r.rolname = s.role_name
                WHERE s.kind = wanted AND s.code IS NOT NULL AND pg_has_role(current_user, r.oid, 'USAGE')
            $$
            """,
            """
            CREATE FUNCTION mfc_has_scope(wanted text) RETURNS boolean LANGUAGE sql STABLE AS $$
                SELECT EXISTS (SELECT 1 FROM mfc_scopes s JOIN pg_roles r ON r.rolname = s.role_name
                               WHERE s.kind = wanted AND pg_has_role(current_user, r.oid, 'USAGE'))
            $$
            """,
            "CREATE FUNCTION mfc_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT mfc_has_scope('hub') $$",
        ]
        for table in PostgresSchema.recordTables.map(\.name) {
            let rule = visibility(of: table)
            for name in [table, table + "_history"] {
                statements += policies(name, using: rule.using, check: rule.check)
            }
        }
        let all = "(SELECT mfc_sees_all())"
        statements += policies("imports", using: "\(all) OR username = session_user", check: "username = session_user")
        statements += policies(
            "import_files", using: "\(all) OR import_id IN (SELECT id FROM imports)",
            check: "import_id IN (SELECT id FROM imports WHERE username = session_user)")
        statements += policies(
            "rejected_rows", using: "\(all) OR import_file_id IN (SELECT id FROM import_files)",
            check: "import_file_id IN (SELECT id FROM import_files)")
        statements += policies(
            "decisions", using: "\(all) OR username = session_user OR episode_id IN (SELECT episode_id FROM la_episodes)",
            check: "username = session_user")
        statements += policies(
            "audit_log", using: "\(all) OR (SELECT mfc_has_scope('auditor')) OR username = session_user", check: "true")
        // Each user's own snapshot; a hub's purge removes everyone's (they may hold removed names).
        for table in ["linked_snapshot", "linked_snapshot_parts"] {
            statements += policies(table, using: "owner = current_user", check: "owner = current_user")
            statements.append("CREATE POLICY \(table)_purge ON \(table) FOR DELETE USING (\(all))")
        }
        return statements
    }

    private static func policies(_ table: String, using: String, check: String) -> [String] {
        [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE \(table) FORCE ROW LEVEL SECURITY",
            "CREATE POLICY \(table)_visible ON \(table) FOR SELECT USING (\(using))",
            "CREATE POLICY \(table)_insert ON \(table) FOR INSERT WITH CHECK (\(check))",
            "CREATE POLICY \(table)_update ON \(table) FOR UPDATE USING (\(using)) WITH CHECK (\(check))",
            "CREATE POLICY \(table)_delete ON \(table) FOR DELETE USING (\(using))",
        ]
    }

    /// The statements that make (or bring up to date) a role of `kind`, give it its
    /// privileges and scope, and grant it to `users`.
    static func grantStatements(_ kind: Kind, code: String?, users: [String]) -> (role: String, statements: [String]) {
        let role = roleName(kind, code: code)
        let quoted = quote(role)
        var statements = [
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(literal(role))) THEN CREATE ROLE \(quoted) NOLOGIN; END IF; END $$",
            "GRANT SELECT ON mfc_migrations, mfc_scopes, data_changes TO \(quoted)",
            "GRANT INSERT ON audit_log TO \(quoted)",
            "GRANT SELECT ON audit_log TO \(quoted)",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(quoted)",
            "GRANT EXECUTE ON FUNCTION mfc_codes(text), mfc_has_scope(text), mfc_sees_all() TO \(quoted)",
        ]
        if kind != .auditor {
            statements += [
                "GRANT SELECT, INSERT, UPDATE ON \(dataTables.joined(separator: ", ")) TO \(quoted)",
                "GRANT INSERT ON data_changes TO \(quoted)",
                "GRANT SELECT, INSERT, UPDATE ON decided_pairs TO \(quoted)",
                "GRANT DELETE ON linked_snapshot, linked_snapshot_parts TO \(quoted)",
            ]
        }
        if kind == .hub {
            // A purge removes records: the hub's to do.
            let purged = ["decisions", "decided_pairs", "rejected_rows"] + ["children", "la_episodes", "police_reports"].flatMap { [$0, $0 + "_history"] }
            statements.append("GRANT DELETE ON \(purged.joined(separator: ", ")) TO \(quoted)")
        }
        statements.append("""
            INSERT INTO mfc_scopes (role_name, kind, code) VALUES (\(literal(role)), \(literal(kind.rawValue)), \(code.map(literal) ?? "NULL"))
            ON CONFLICT (role_name) DO UPDATE SET kind = EXCLUDED.kind, code = EXCLUDED.code
            """)
        for user in users { statements.append("GRANT \(quoted) TO \(quote(user))") }
        return (role, statements)
    }

    /// An identifier in double quotes.
    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A string literal.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
