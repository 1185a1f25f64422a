import Foundation
import GRDB

/// The workspace's schema, versioned with GRDB's migrator so that a workspace written by an
/// older mfc opens in a newer one (its missing migrations run when it is opened).
///
/// A migration, once released, never changes: each one spells out its own SQL, apart from the
/// code that reads and writes records today.
enum WorkspaceSchema {
    /// `PRAGMA application_id` of an mfc workspace: "mfc1" in ASCII. A SQLite file without it
    /// is not opened as a workspace.
    static let applicationID: Int32 = 0x6D66_6331

    /// The migrations, in order.
    static let migrationNames = ["v1", "v2-decisions", "v3-linked-snapshot"]

    /// Every migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: version1)
        migrator.registerMigration("v2-decisions", migrate: version2)
        migrator.registerMigration("v3-linked-snapshot", migrate: version3)
        return migrator
    }

    /// The first schema: imports and their files, rejected rows, the six kinds of source
    /// record with their history, and the append-only audit log.
    static func version1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: """
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                imported_at INTEGER NOT NULL,
                user TEXT NOT NULL
            );
            CREATE TABLE import_files (
                id INTEGER PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES imports(id),
                kind TEXT NOT NULL,
                file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                rows_read INTEGER NOT NULL,
                accepted INTEGER NOT NULL,
                rejected INTEGER NOT NULL,
                warnings INTEGER NOT NULL,
                inserted INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                unchanged INTEGER NOT NULL
            );
            CREATE INDEX import_files_by_sha256 ON import_files(sha256);
            CREATE TABLE rejected_rows (
                id INTEGER PRIMARY KEY,
                import_file_id INTEGER NOT NULL REFERENCES import_files(id),
                line INTEGER NOT NULL,
                reason TEXT NOT NULL,
                fields TEXT NOT NULL
            );
            CREATE INDEX rejected_rows_by_file ON rejected_rows(import_file_id);
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                user TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL,
                path TEXT,
                row_count INTEGER
            );
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
        // Times are seconds since the epoch (UTC). A date-only time also has `<name>_day_end`,
        // the first moment of the next local day; it is NULL for a time of day.
        let tables: [(name: String, key: String, columns: [(String, String)])] = [
            ("forces", "code", [("code", "TEXT NOT NULL"), ("name", "TEXT NOT NULL")]),
            ("authorities", "code", [
                ("code", "TEXT NOT NULL"), ("name", "TEXT NOT NULL"), ("police_force", "TEXT"),
                ("children_looked_after", "INTEGER"),
            ]),
            ("homes", "urn", [
                ("urn", "TEXT NOT NULL"), ("name", "TEXT NOT NULL"), ("provider", "TEXT NOT NULL"),
                ("address", "TEXT NOT NULL"), ("postcode", "TEXT"), ("local_authority", "TEXT"),
                ("police_force", "TEXT"), ("ofsted_rating", "TEXT"), ("places", "INTEGER"),
            ]),
            ("children", "child_id", [
                ("child_id", "TEXT NOT NULL"), ("local_authority", "TEXT NOT NULL"), ("given_name", "TEXT NOT NULL"),
                ("family_name", "TEXT NOT NULL"), ("dob", "TEXT"), ("sex", "TEXT NOT NULL"), ("placement_urn", "TEXT"),
            ]),
            ("la_episodes", "episode_id", [
                ("episode_id", "TEXT NOT NULL"), ("child_id", "TEXT NOT NULL"), ("local_authority", "TEXT NOT NULL"),
                ("type", "TEXT NOT NULL"), ("started_at", "INTEGER NOT NULL"), ("started_at_day_end", "INTEGER"),
                ("ended_at", "INTEGER"), ("ended_at_day_end", "INTEGER"), ("placement_urn", "TEXT"),
                ("police_ref", "TEXT"), ("rhi_offered", "INTEGER"), ("rhi_completed_at", "INTEGER"),
                ("rhi_completed_at_day_end", "INTEGER"), ("cse_concern", "INTEGER"),
            ]),
            ("police_reports", "police_ref", [
                ("police_ref", "TEXT NOT NULL"), ("force", "TEXT"), ("forename", "TEXT NOT NULL"),
                ("surname", "TEXT NOT NULL"), ("dob", "TEXT"), ("sex", "TEXT NOT NULL"),
                ("missing_from", "TEXT NOT NULL"), ("missing_from_postcode", "TEXT"), ("last_seen_at", "INTEGER"),
                ("last_seen_at_day_end", "INTEGER"), ("reported_at", "INTEGER"), ("reported_at_day_end", "INTEGER"),
                ("found_at", "INTEGER"), ("found_at_day_end", "INTEGER"), ("risk", "INTEGER"), ("cse_concern", "INTEGER"),
            ]),
        ]
        for table in tables {
            let definitions = table.columns.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            let names = table.columns.map(\.0)
            // The current values: one row per source id, with the import that last set them.
            try db.execute(sql: """
                CREATE TABLE \(table.name) (
                    \(definitions),
                    import_id INTEGER NOT NULL REFERENCES imports(id),
                    UNIQUE (\(table.key))
                )
                """)
            // Earlier values, each with the import that brought them and the one that replaced them.
            let historyColumns = table.columns.map { "\($0.0) \($0.1.replacingOccurrences(of: " NOT NULL", with: ""))" }
            try db.execute(sql: """
                CREATE TABLE \(table.name)_history (
                    history_id INTEGER PRIMARY KEY,
                    \(historyColumns.joined(separator: ", ")),
                    import_id INTEGER NOT NULL REFERENCES imports(id),
                    replaced_by_import_id INTEGER NOT NULL REFERENCES imports(id)
                );
                CREATE INDEX \(table.name)_history_by_key ON \(table.name)_history(\(table.key));
                CREATE TRIGGER \(table.name)_keep_history AFTER UPDATE ON \(table.name)
                BEGIN
                    INSERT INTO \(table.name)_history (\(names.joined(separator: ", ")), import_id, replaced_by_import_id)
                    VALUES (\(names.map { "OLD." + $0 }.joined(separator: ", ")), OLD.import_id, NEW.import_id);
                END;
                """)
        }
    }

    /// Analyst decisions on police report / LA episode pairs, re-applied on every link.
    static func version2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY,
                police_ref TEXT NOT NULL,
                episode_id TEXT NOT NULL,
                verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject')),
                reason TEXT NOT NULL,
                user TEXT NOT NULL,
                decided_at INTEGER NOT NULL
            );
            CREATE INDEX decisions_by_pair ON decisions(police_ref, episode_id);
            """)
    }

    /// The linked incidents kept between openings: the snapshot's parts (encoded incidents, in
    /// the order linked) and one row saying what they were linked from. A snapshot whose row does
    /// not match the workspace's records, decisions and linker is stale and is linked again.
    static func version3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE linked_snapshot (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                format INTEGER NOT NULL,
                linker TEXT NOT NULL,
                data_version INTEGER NOT NULL,
                incidents INTEGER NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE linked_snapshot_parts (
                part INTEGER PRIMARY KEY,
                incidents INTEGER NOT NULL,
                data BLOB NOT NULL
            );
            """)
    }
}
