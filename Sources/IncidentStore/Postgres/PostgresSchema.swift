/// The schema of a workspace in PostgreSQL, versioned by its own migrations (recorded in
/// `mfc_migrations`): a database written by an older mfc is brought up to date when opened by
/// its owner, and one written by a newer mfc is refused.
///
/// A migration, once released, never changes: each spells out its own SQL. The tables are those
/// of a SQLite workspace (the same names, columns and meaning), with these differences:
/// - who did something (`username`) is always the database user (`session_user`), set by the
///   server, never a name mfc passes;
/// - each record table has `seq`, the order first imported (SQLite's `rowid`);
/// - `data_changes` gains a row with every import, decision and purge: its count is the change
///   stamp that says when a linked snapshot is stale, whoever can see which rows;
/// - `decided_pairs` holds who decided each pair, so that two reviewers never both decide it;
/// - the linked snapshot is kept per database user, since each sees other rows;
/// - `mfc_scopes` says which role sees which authority's or force's rows, and row-level
///   security policies (``PostgresRoles``) enforce it in the server.
enum PostgresSchema {
    /// Every migration, in order.
    static let migrations: [(name: String, statements: @Sendable () -> [String])] = [
        ("pg1-records", version1),
        ("pg2-row-security", version2),
        ("pg3-snapshot-lz4", version3),
    ]

    static var migrationNames: [String] { migrations.map(\.name) }

    /// The record tables, their columns and types, the source id first.
    static let recordTables: [(name: String, columns: [(String, String)])] = [
        ("forces", [("code", "text NOT NULL"), ("name", "text NOT NULL")]),
        ("authorities", [
            ("code", "text NOT NULL"), ("name", "text NOT NULL"), ("police_force", "text"),
            ("children_looked_after", "bigint"),
        ]),
        ("homes", [
            ("urn", "text NOT NULL"), ("name", "text NOT NULL"), ("provider", "text NOT NULL"),
            ("address", "text NOT NULL"), ("postcode", "text"), ("local_authority", "text"),
            ("police_force", "text"), ("ofsted_rating", "text"), ("places", "bigint"),
        ]),
        ("children", [
            ("child_id", "text NOT NULL"), ("local_authority", "text NOT NULL"), ("given_name", "text NOT NULL"),
            ("family_name", "text NOT NULL"), ("dob", "text"), ("sex", "text NOT NULL"), ("placement_urn", "text"),
        ]),
        ("la_episodes", [
            ("episode_id", "text NOT NULL"), ("child_id", "text NOT NULL"), ("local_authority", "text NOT NULL"),
            ("type", "text NOT NULL"), ("started_at", "bigint NOT NULL"), ("started_at_day_end", "bigint"),
            ("ended_at", "bigint"), ("ended_at_day_end", "bigint"), ("placement_urn", "text"),
            ("police_ref", "text"), ("rhi_offered", "bigint"), ("rhi_completed_at", "bigint"),
            ("rhi_completed_at_day_end", "bigint"), ("cse_concern", "bigint"),
        ]),
        ("police_reports", [
            ("police_ref", "text NOT NULL"), ("force", "text"), ("forename", "text NOT NULL"),
            ("surname", "text NOT NULL"), ("dob", "text"), ("sex", "text NOT NULL"),
            ("missing_from", "text NOT NULL"), ("missing_from_postcode", "text"), ("last_seen_at", "bigint"),
            ("last_seen_at_day_end", "bigint"), ("reported_at", "bigint"), ("reported_at_day_end", "bigint"),
            ("found_at", "bigint"), ("found_at_day_end", "bigint"), ("risk", "bigint"), ("cse_concern", "bigint"),
        ]),
    ]

    /// Imports, files, rejected rows, the audit log, decisions, the snapshot and the record
    /// tables with their history.
    static func version1() -> [String] {
        var statements = [
            """
            CREATE TABLE imports (
                id bigserial PRIMARY KEY,
                imported_at bigint NOT NULL,
                username text NOT NULL DEFAULT session_user
            )
            """,
            """
            CREATE TABLE import_files (
                id bigserial PRIMARY KEY,
                import_id bigint NOT NULL REFERENCES imports(id),
                kind text NOT NULL, file_name text NOT NULL, sha256 text NOT NULL, size bigint NOT NULL,
                rows_read bigint NOT NULL, accepted bigint NOT NULL, rejected bigint NOT NULL, warnings bigint NOT NULL,
                inserted bigint NOT NULL, updated bigint NOT NULL, unchanged bigint NOT NULL
            )
            """,
            "CREATE INDEX import_files_by_sha256 ON import_files(sha256)",
            "CREATE INDEX import_files_by_import ON import_files(import_id)",
            """
            CREATE TABLE rejected_rows (
                id bigserial PRIMARY KEY,
                import_file_id bigint NOT NULL REFERENCES import_files(id),
                line bigint NOT NULL, reason text NOT NULL, fields text NOT NULL
            )
            """,
            "CREATE INDEX rejected_rows_by_file ON rejected_rows(import_file_id)",
            """
            CREATE TABLE audit_log (
                id bigserial PRIMARY KEY,
                at bigint NOT NULL,
                username text NOT NULL DEFAULT session_user,
                action text NOT NULL, detail text NOT NULL, path text, row_count bigint
            )
            """,
            // Who did something is the server's to say: whatever a client sends is replaced.
            """
            CREATE FUNCTION mfc_stamp_user() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.username := session_user; RETURN NEW; END $$
            """,
            """
            CREATE FUNCTION mfc_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
            """,
            "CREATE TRIGGER audit_log_user BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION mfc_stamp_user()",
            "CREATE TRIGGER imports_user BEFORE INSERT ON imports FOR EACH ROW EXECUTE FUNCTION mfc_stamp_user()",
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION mfc_append_only()",
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION mfc_append_only()",
            "CREATE TABLE data_changes (id bigserial PRIMARY KEY)",
            "CREATE TRIGGER data_changes_no_change BEFORE UPDATE OR DELETE ON data_changes FOR EACH ROW EXECUTE FUNCTION mfc_append_only()",
            """
            CREATE TABLE decisions (
                id bigserial PRIMARY KEY,
                police_ref text NOT NULL, episode_id text NOT NULL,
                verdict text NOT NULL CHECK (verdict IN ('accept', 'reject')),
                reason text NOT NULL,
                username text NOT NULL DEFAULT session_user,
                decided_at bigint NOT NULL
            )
            """,
            "CREATE INDEX decisions_by_pair ON decisions(police_ref, episode_id)",
            "CREATE TRIGGER decisions_user BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION mfc_stamp_user()",
            """
            CREATE TABLE decided_pairs (
                police_ref text NOT NULL, episode_id text NOT NULL,
                username text NOT NULL DEFAULT session_user,
                decision_id bigint NOT NULL,
                PRIMARY KEY (police_ref, episode_id)
            )
            """,
            "CREATE TRIGGER decided_pairs_user BEFORE INSERT OR UPDATE ON decided_pairs FOR EACH ROW EXECUTE FUNCTION mfc_stamp_user()",
            """
            CREATE TABLE linked_snapshot (
                owner name NOT NULL DEFAULT current_user PRIMARY KEY,
                format bigint NOT NULL, linker text NOT NULL, data_version bigint NOT NULL,
                incidents bigint NOT NULL, created_at bigint NOT NULL
            )
            """,
            """
            CREATE TABLE linked_snapshot_parts (
                owner name NOT NULL DEFAULT current_user,
                part bigint NOT NULL, incidents bigint NOT NULL, data bytea NOT NULL,
                PRIMARY KEY (owner, part)
            )
            """,
        ]
        for table in recordTables {
            let key = table.columns[0].0
            let definitions = table.columns.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            let names = table.columns.map(\.0)
            let historyColumns = table.columns.map { "\($0.0) \($0.1.replacingOccurrences(of: " NOT NULL", with: ""))" }
            statements += [
                """
                CREATE TABLE \(table.name) (
                    seq bigserial, \(definitions),
                    import_id bigint NOT NULL REFERENCES imports(id),
                    UNIQUE (\(key))
                )
                """,
                "CREATE INDEX \(table.name)_by_seq ON \(table.name)(seq)",
                """
                CREATE TABLE \(table.name)_history (
                    history_id bigserial PRIMARY KEY,
                    \(historyColumns.joined(separator: ", ")),
                    import_id bigint NOT NULL REFERENCES imports(id),
                    replaced_by_import_id bigint NOT NULL REFERENCES imports(id)
                )
                """,
                "CREATE INDEX \(table.name)_history_by_key ON \(table.name)_history(\(key))",
                """
                CREATE FUNCTION \(table.name)_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO \(table.name)_history (\(names.joined(separator: ", ")), import_id, replaced_by_import_id)
                    VALUES (\(names.map { "OLD." + $0 }.joined(separator: ", ")), OLD.import_id, NEW.import_id);
                    RETURN NULL;
                END $$
                """,
                """
                CREATE TRIGGER \(table.name)_keep_history AFTER UPDATE ON \(table.name)
                FOR EACH ROW EXECUTE FUNCTION \(table.name)_keep_history()
                """,
            ]
        }
        statements += [
            "CREATE INDEX la_episodes_by_child ON la_episodes(child_id)",
            "CREATE INDEX la_episodes_by_police_ref ON la_episodes(police_ref)",
            "CREATE INDEX la_episodes_by_authority ON la_episodes(local_authority)",
            "CREATE INDEX children_by_authority ON children(local_authority)",
            "CREATE INDEX police_reports_by_force ON police_reports(force)",
        ]
        return statements
    }

    /// Row-level security: the scopes, the functions the policies call, and the policies.
    static func version2() -> [String] {
        PostgresRoles.securityStatements()
    }

    /// The linked snapshot's parts compressed with LZ4 rather than PostgreSQL's own method,
    /// which took seconds to compress a million incidents when keeping them; a server built
    /// without LZ4 keeps them uncompressed instead.
    static func version3() -> [String] {
        [
            """
            DO $$ BEGIN
                ALTER TABLE linked_snapshot_parts ALTER COLUMN data SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN
                ALTER TABLE linked_snapshot_parts ALTER COLUMN data SET STORAGE EXTERNAL;
            END $$
            """,
        ]
    }
}
