import Foundation
import IncidentModel
@testable import IncidentStore

/// A temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/mfc-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    /// Work to do when the folder goes (dropping a test's PostgreSQL databases).
    var cleanups: [() -> Void] = []

    deinit {
        for cleanup in cleanups { cleanup() }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes the files (name -> text) into a subfolder and returns its path.
    @discardableResult
    func folder(_ name: String, _ files: [String: String]) throws -> String {
        let folder = path + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file)) }
        return folder
    }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Inline extracts and a fixed clock for the workspace tests.
enum StoreFixture {
    static let zone = LocalTimeZone.europeLondon
    static let importTime = Instant(secondsSinceEpoch: 1_750_000_000)

    /// An analyst whose clock always says `at`.
    static func analyst(_ user: String = "analyst1", at: Instant = importTime) -> Attribution {
        Attribution(user: user, clock: { at })
    }

    /// The engine the store's tests run on: SQLite, or PostgreSQL when `MFC_TEST_STORE_ENGINE`
    /// is `postgres` (then `MFC_TEST_POSTGRES` names the server; `.ci/run` runs the suite both
    /// ways).
    enum Engine: String { case sqlite, postgres }

    static let engine: Engine = ProcessInfo.processInfo.environment["MFC_TEST_STORE_ENGINE"] == "postgres" ? .postgres : .sqlite

    /// A superuser's connection string to a PostgreSQL server for tests, if one is given.
    static let postgresServer: String? = ProcessInfo.processInfo.environment["MFC_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Where a new workspace called `name` goes: a file in `directory`, or a new database on
    /// the test server (dropped with `directory`).
    static func location(_ name: String, in directory: TemporaryDirectory) throws -> String {
        guard engine == .postgres else { return directory.file(name + ".sqlite") }
        guard let server = postgresServer else {
            throw WorkspaceError.inputs(message: "MFC_TEST_STORE_ENGINE=postgres needs MFC_TEST_POSTGRES (a superuser's postgresql:// string)")
        }
        let database = "mfc_t_" + UUID().uuidString.prefix(8).lowercased() + "_" + name.lowercased()
        try PostgresTestServer.createDatabase(database, on: server)
        directory.cleanups.append { PostgresTestServer.dropDatabase(database, on: server) }
        return PostgresTestServer.url(of: database, on: server)
    }

    /// The user a workspace records for `name`: the operating-system user mfc passes (SQLite),
    /// or the database user, whatever mfc passes (PostgreSQL).
    static func recordedUser(_ name: String) -> String {
        guard engine == .postgres, let server = postgresServer, let target = try? PostgresTarget.parse(server) else { return name }
        return target.user
    }

    /// The statement for the engine the tests run on.
    static func sql(sqlite: String, postgres: String) -> String { engine == .postgres ? postgres : sqlite }

    /// A new workspace in `directory`.
    static func workspace(in directory: TemporaryDirectory, at: Instant = importTime) throws -> Workspace {
        try Workspace.create(at: try location("mfc", in: directory), attribution: analyst(at: at)).workspace
    }

    /// A new workspace holding ``extract``, imported from the folder `first`.
    static func importedWorkspace(in directory: TemporaryDirectory) throws -> Workspace {
        let workspace = try self.workspace(in: directory)
        _ = try workspace.importFiles([try directory.folder("first", extract)], zone: zone, attribution: analyst())
        return workspace
    }

    static let forces = "code,name\nGLO,Gloucestershire Constabulary\n"
    static let authorities = "code,name,police_force,children_looked_after\n916,Gloucestershire,GLO,800\n"
    static let homes = """
        urn,name,provider,address,postcode,local_authority,police_force,ofsted_rating,places
        SC000001,Willow House,Acme Care,1 Willow Lane,GL1 1AA,916,GLO,Good,4
        SC000002,Oak Lodge,Acme Care,2 Oak Road,GL2 2BB,916,GLO,Outstanding,6

        """
    static let children = """
        child_id,local_authority,given_name,family_name,dob,sex,placement_urn
        C1,916,Zephyrina,Quillfeather,01/02/2010,F,SC000001
        C2,916,Barnaby,Oddlestone,05/06/2011,M,SC000002

        """
    static let episodeHeader =
        "episode_id,child_id,local_authority,type,started_at,ended_at,placement_urn,police_ref,rhi_offered,rhi_completed_at,cse_concern\n"
    /// E1 (2023, closed, police_ref P1), E2 (2024, closed), E3 (2024, ongoing), and a second E2
    /// that is rejected as a duplicate.
    static let episodes = episodeHeader + """
        E1,C1,916,M,01/03/2023 10:00,01/03/2023 20:00,SC000001,P1,Y,02/03/2023 10:00,N
        E2,C2,916,M,10/03/2024 10:00,10/03/2024 18:00,SC000002,,N,,N
        E3,C2,916,A,20/03/2024 10:00,,SC000002,,,,
        E2,C2,916,M,11/03/2024 10:00,11/03/2024 18:00,SC000002,,N,,N

        """
    static let policeHeader =
        "police_ref,force,forename,surname,dob,sex,missing_from,missing_from_postcode,last_seen_at,reported_at,found_at,risk,cse_concern\n"
    /// P1 (Zephyrina, 2023), P2 (Barnaby, 2024), P4 (a police-only report of 2023), and a second
    /// P4 (another spelling of the name) that is rejected as a duplicate.
    static let police = policeHeader + """
        P1,GLO,Zephyrina,Quillfeather,01/02/2010,F,Willow House,GL1 1AA,01/03/2023 11:00,01/03/2023 12:00,01/03/2023 19:00,high,N
        P2,GLO,Barnaby,Oddlestone,05/06/2011,M,Oak Lodge,GL2 2BB,10/03/2024 11:00,10/03/2024 12:00,10/03/2024 17:00,low,N
        P4,GLO,Hortensia,Vexley,03/04/2009,F,1 High Street,GL9 9ZZ,01/01/2023 10:00,01/01/2023 11:00,02/01/2023 09:00,medium,Y
        P4,GLO,Hortense,Vexleigh,03/04/2009,F,1 High Street,GL9 9ZZ,01/01/2023 10:00,01/01/2023 11:00,02/01/2023 09:00,medium,Y

        """

    /// The six files of the first extract.
    static var extract: [String: String] {
        [
            "forces.csv": forces, "authorities.csv": authorities, "homes.csv": homes, "children.csv": children,
            "la_episodes.csv": episodes, "police_reports.csv": police,
        ]
    }

    /// A later extract: E2 now ended at 19:00 (an update), E5 is new, E1 and E3 are unchanged.
    static let laterEpisodes = episodeHeader + """
        E1,C1,916,M,01/03/2023 10:00,01/03/2023 20:00,SC000001,P1,Y,02/03/2023 10:00,N
        E2,C2,916,M,10/03/2024 10:00,10/03/2024 19:00,SC000002,,Y,,N
        E3,C2,916,A,20/03/2024 10:00,,SC000002,,,,
        E5,C2,916,M,01/04/2024 10:00,01/04/2024 12:00,SC000002,,N,,N

        """
}
