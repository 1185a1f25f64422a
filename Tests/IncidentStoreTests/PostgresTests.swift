import Foundation
import IncidentModel
import Testing
@testable import IncidentStore

/// Connection strings: no server needed.
struct PostgresTargetTests {
    let environment = ["USER": "amy"]

    @Test func readsAURLWithAUnixSocket() throws {
        let target = try PostgresTarget.parse("postgresql://hub@/mfc?host=/run/pg", environment: environment)
        #expect(target.address == .socket(folder: "/run/pg"))
        #expect((target.user, target.database, target.port) == ("hub", "mfc", 5432))
        #expect(target.socketPath == "/run/pg/.s.PGSQL.5432")
        #expect(target.isLocal)
        #expect(target.effectiveTLSMode == .disable)
        #expect(try PostgresTarget.parse("postgres://%2Frun%2Fpg:5433/mfc", environment: environment).socketPath == "/run/pg/.s.PGSQL.5433")
    }

    @Test func readsKeywordValuePairs() throws {
        let target = try PostgresTarget.parse("host=db.example.org port=6432 dbname='hub data' user=amy sslmode=verify-ca", environment: [:])
        #expect(target.address == .tcp(host: "db.example.org"))
        #expect((target.port, target.database, target.user) == (6432, "hub data", "amy"))
        #expect(target.effectiveTLSMode == .verifyCA)
        #expect(PostgresTarget.isConnectionString("host=/tmp dbname=mfc"))
        #expect(!PostgresTarget.isConnectionString("mfc.sqlite"))
        #expect(!PostgresTarget.isConnectionString("weird=name.sqlite"))
    }

    @Test func takesWhatIsMissingFromTheEnvironment() throws {
        let target = try PostgresTarget.parse("postgresql://", environment: ["PGHOST": "/sock", "PGUSER": "raj", "PGDATABASE": "hub", "PGPORT": "7000"])
        #expect(target.socketPath == "/sock/.s.PGSQL.7000")
        #expect((target.user, target.database) == ("raj", "hub"))
    }

    @Test func refusesAPasswordInTheStringWithoutRepeatingIt() throws {
        for text in ["postgresql://amy:s3cret-pw@db/hub", "postgresql://amy@db/hub?password=s3cret-pw", "host=db password=s3cret-pw"] {
            #expect(throws: PostgresTargetError.passwordInString) { try PostgresTarget.parse(text, environment: environment) }
        }
        #expect(!PostgresTargetError.passwordInString.description.contains("s3cret"))
        #expect(PostgresTargetError.passwordInString.description.contains("PGPASSWORD"))
    }

    @Test func requiresTLSToAnotherMachineUnlessToldOtherwise() throws {
        #expect(try PostgresTarget.parse("postgresql://amy@db.example.org/hub", environment: [:]).effectiveTLSMode == .verifyFull)
        #expect(try PostgresTarget.parse("postgresql://amy@db.example.org/hub?sslmode=prefer", environment: [:]).effectiveTLSMode == .require)
        #expect(try PostgresTarget.parse("postgresql://amy@db.example.org/hub?sslmode=disable", environment: [:]).effectiveTLSMode == .disable)
        #expect(try PostgresTarget.parse("postgresql://amy@db.example.org/hub", environment: ["PGSSLMODE": "disable"]).effectiveTLSMode == .disable)
        #expect(try PostgresTarget.parse("postgresql://amy@localhost/hub", environment: [:]).effectiveTLSMode == .disable)
    }

    @Test func readsThePasswordFileOnlyWhenPrivate() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("pgpass")
        try Data("# comment\nother:*:*:*:nope\ndb.example.org:5432:hub:amy:pa\\:ss\n".utf8).write(to: URL(fileURLWithPath: file))
        let target = try PostgresTarget.parse("postgresql://amy@db.example.org/hub?sslmode=disable", environment: [:])
        chmod(file, 0o600)
        #expect(try target.password(environment: ["PGPASSFILE": file]) == "pa:ss")
        #expect(try target.password(environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]) == "env")
        chmod(file, 0o644)
        #expect(throws: PostgresTargetError.passwordFileOpen(file)) { try target.password(environment: ["PGPASSFILE": file]) }
    }
}

/// The PostgreSQL engine's own behaviour, on the server `MFC_TEST_POSTGRES` names.
@Suite(.enabled(if: StoreFixture.postgresServer != nil, "set MFC_TEST_POSTGRES to a superuser's postgresql:// string to run the PostgreSQL tests (.ci/run does)"))
struct PostgresServerTests {
    let server = StoreFixture.postgresServer ?? ""

    /// A new database, dropped with `directory`.
    func database(_ directory: TemporaryDirectory) throws -> String {
        let name = "mfc_t_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresTestServer.createDatabase(name, on: server)
        directory.cleanups.append { [server] in PostgresTestServer.dropDatabase(name, on: server) }
        return name
    }

    /// Login roles for a test, dropped with `directory`.
    func logins(_ names: [String], in database: String, _ directory: TemporaryDirectory) throws {
        for name in names {
            try PostgresTestServer.run(["DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(name)') THEN CREATE ROLE \(name) LOGIN; END IF; END $$"], in: database, on: server)
        }
        directory.cleanups.insert({ [server] in
            for name in names {
                try? PostgresTestServer.run(["DROP OWNED BY \(name) CASCADE"], in: database, on: server)
            }
        }, at: 0)
        directory.cleanups.append { [server] in
            for name in names { try? PostgresTestServer.run(["DROP ROLE IF EXISTS \(name)"], in: "postgres", on: server) }
        }
    }

    func url(_ database: String, as user: String? = nil) -> String {
        let url = PostgresTestServer.url(of: database, on: server)
        guard let user, let at = url.range(of: "://") else { return url }
        let rest = url[at.upperBound...]
        let afterUser = rest.firstIndex(of: "@").map { rest[rest.index(after: $0)...] } ?? rest
        return String(url[..<at.upperBound]) + user + "@" + afterUser
    }

    @Test func createsTheSchemaWithEveryMigrationAndRefusesANewerOne() throws {
        let directory = try TemporaryDirectory()
        let name = try database(directory)
        let (workspace, created) = try Workspace.create(at: url(name), attribution: StoreFixture.analyst())
        #expect(created)
        #expect(try workspace.appliedMigrations() == PostgresSchema.migrationNames)
        #expect(try !Workspace.create(at: url(name), attribution: StoreFixture.analyst()).created)
        try PostgresTestServer.run(["INSERT INTO mfc_migrations (identifier, applied_order) VALUES ('pg9-future', 9)"], in: name, on: server)
        #expect(throws: WorkspaceError.newerSchema(path: workspace.path, unknownMigrations: ["pg9-future"])) {
            try Workspace.open(at: url(name))
        }
    }

    @Test func refusesADatabaseWithOtherTables() throws {
        let directory = try TemporaryDirectory()
        let name = try database(directory)
        try PostgresTestServer.run(["CREATE TABLE payroll (id int)"], in: name, on: server)
        #expect(throws: WorkspaceError.self) { try Workspace.create(at: url(name), attribution: StoreFixture.analyst()) }
        #expect(throws: WorkspaceError.notFound(path: try PostgresTarget.parse(url(name)).displayName)) { try Workspace.open(at: url(name)) }
    }

    @Test func theAuditLogIsAppendOnlyEvenForTheOwnerAndNamesTheDatabaseUser() throws {
        let directory = try TemporaryDirectory()
        let name = try database(directory)
        let workspace = try Workspace.create(at: url(name), attribution: StoreFixture.analyst("claimed-name")).workspace
        #expect(try workspace.auditLog().map(\.user) == [try PostgresTarget.parse(server).user])
        #expect(throws: WorkspaceError.self) { try workspace.execute(sql: "DELETE FROM audit_log") }
        #expect(throws: WorkspaceError.self) { try workspace.execute(sql: "TRUNCATE audit_log") }
        #expect(try workspace.auditLog().count == 1)
    }

    @Test func twoReviewersOnOnePairOneWinsTheOtherIsRefused() throws {
        let directory = try TemporaryDirectory()
        let name = try database(directory)
        let hub = try Workspace.create(at: url(name), attribution: StoreFixture.analyst()).workspace
        _ = try hub.importFiles([try directory.folder("first", StoreFixture.extract)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        let amy = "mfc_t_amy", raj = "mfc_t_raj"
        try logins([amy, raj], in: name, directory)
        _ = try hub.grant(.hub, code: nil, to: [amy, raj], attribution: StoreFixture.analyst())
        let pair = SourcePair(policeRef: "P2", episodeID: "E2")
        // At the same moment, many times over on pairs of their own.
        let pairs = [pair, SourcePair(policeRef: "P1", episodeID: "E2"), SourcePair(policeRef: "P4", episodeID: "E3")]
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            let user = i % 2 == 0 ? amy : raj
            do {
                let workspace = try Workspace.open(at: url(name, as: user))
                _ = try workspace.decide(pairs[i / 2], .reject, reason: "by \(user)", attribution: StoreFixture.analyst(user))
                outcomes.add("won")
            } catch let error as WorkspaceError {
                if case .alreadyDecided = error { outcomes.add("refused") } else { outcomes.add("\(error)") }
            } catch {
                outcomes.add("\(error)")
            }
        }
        #expect(outcomes.sorted == ["refused", "refused", "refused", "won", "won", "won"])
        let decisions = try hub.decisions()
        #expect(decisions.count == 3)
        #expect(Set(decisions.map(\.pair)) == Set(pairs))
        #expect(try hub.auditLog(actions: [.decision]).count == 3)
        // The one who decided may change their mind; the other may not.
        let winner = try #require(decisions.first { $0.pair == pair }).user
        let loser = winner == amy ? raj : amy
        #expect(throws: WorkspaceError.self) {
            try Workspace.open(at: url(name, as: loser)).decide(pair, .accept, reason: "no", attribution: StoreFixture.analyst())
        }
        try Workspace.open(at: url(name, as: winner)).decide(pair, .accept, reason: "second look", attribution: StoreFixture.analyst())
        #expect(try hub.linkDecisions().accepted == [pair])
    }

    @Test func anAuthoritysRoleSeesItsChildrenOnlyThroughMfcAndDirectly() throws {
        let directory = try TemporaryDirectory()
        let name = try database(directory)
        let hub = try Workspace.create(at: url(name), attribution: StoreFixture.analyst()).workspace
        var files = StoreFixture.extract
        files["authorities.csv"] = StoreFixture.authorities + "917,Elsewhere,GLO,10\n"
        files["children.csv"] = StoreFixture.children + "C9,917,Other,Child,01/01/2012,F,\n"
        _ = try hub.importFiles([try directory.folder("first", files)], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        let clerk = "mfc_t_clerk917", auditor = "mfc_t_auditor"
        try logins([clerk, auditor], in: name, directory)
        _ = try hub.grant(.authority, code: "917", to: [clerk], attribution: StoreFixture.analyst())
        _ = try hub.grant(.auditor, code: nil, to: [auditor], attribution: StoreFixture.analyst())
        let asClerk = try Workspace.open(at: url(name, as: clerk))
        #expect(try asClerk.dataset().children.map(\.id) == ["C9"])
        #expect(try asClerk.dataset().episodes.isEmpty)
        #expect(try asClerk.linkedIncidents().linked.incidents.isEmpty)
        #expect(try asClerk.scalar("SELECT count(*) FROM children WHERE local_authority = '916'") == "0")
        // Writing another authority's child is refused by the server.
        #expect(throws: WorkspaceError.self) {
            try asClerk.execute(sql: "INSERT INTO children (child_id, local_authority, given_name, family_name, sex, import_id) VALUES ('X', '916', 'a', 'b', 'F', 1)")
        }
        // The clerk imports their own children, a rejected row among them, under the policies.
        let own = "child_id,local_authority,given_name,family_name,dob,sex,placement_urn\nC10,917,New,Child,02/02/2013,M,\n,917,No,Id,,F,\n"
        let result = try asClerk.importFiles(
            [try directory.folder("clerk", ["children.csv": own])], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        #expect(result.files.first.map { ($0.inserted, $0.rejected) }.map { $0 == (1, 1) } == true)
        #expect(try asClerk.dataset().children.map(\.id) == ["C9", "C10"])
        // The clerk sees their own rejected row, not the hub's (the first extract has two).
        #expect(try asClerk.rejectedRows().map(\.importID) == [try #require(result.importID)])
        #expect(try hub.rejectedRows().count == 3)
        // Another authority's child in the clerk's file: the server refuses the whole import.
        let other = "child_id,local_authority,given_name,family_name,dob,sex,placement_urn\nC12,916,Not,Theirs,02/02/2013,M,\n"
        #expect(throws: WorkspaceError.self) {
            try asClerk.importFiles([try directory.folder("other", ["children.csv": other])], zone: StoreFixture.zone, attribution: StoreFixture.analyst())
        }
        #expect(try hub.recordCounts()[.children] == 4)
        let asAuditor = try Workspace.open(at: url(name, as: auditor))
        #expect(try asAuditor.auditLog().count >= 3)
        #expect(throws: WorkspaceError.self) { try asAuditor.dataset() }
    }
}

/// Outcomes gathered from several threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var sorted: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted()
    }
}
