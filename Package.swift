// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mfc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mfc", targets: ["mfc"]),
        .library(name: "IncidentModel", targets: ["IncidentModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The library: model, import, validation, linking, reports, export, generator.
        .target(
            name: "IncidentModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Police extract mappings read from TOML files (TOMLKit), kept apart so that TOMLKit's
        // conformances stay out of the library's clients.
        .target(
            name: "MappingFile",
            dependencies: ["IncidentModel", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The workspace: imports, decisions, exports and the audit log, in one SQLite file (GRDB)
        // or in a shared PostgreSQL database (postgres-nio).
        .target(
            name: "IncidentStore",
            dependencies: [
                "IncidentModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C interface, for the import's prepared-statement fast path.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The terminal UI as pure Swift: state, actions, reducer, views into a cell grid.
        .target(name: "Dashboard", dependencies: ["IncidentModel"]),
        // The system ncurses (wide-character build): module map and a shim, nothing else.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that calls ncurses.
        .target(name: "NcursesTerminal", dependencies: ["CNcursesw", "Dashboard"]),
        .executableTarget(
            name: "mfc",
            dependencies: [
                "IncidentModel",
                "IncidentStore",
                "Dashboard",
                "NcursesTerminal",
                "MappingFile",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "mfc-bench",
            dependencies: ["IncidentModel", "IncidentStore", "Dashboard"],
            path: "Benchmarks/MFCBench"
        ),
        // The fuzzing target over the CSV reader and every row decoder. Built with
        // `--sanitize=fuzzer` and `-DFUZZING` it is a libFuzzer executable (see .ci/run); built
        // as usual it replays the files it is given.
        .executableTarget(name: "mfc-fuzz", dependencies: ["IncidentModel"], path: "Fuzz/MFCFuzz"),
        .testTarget(name: "IncidentModelTests", dependencies: ["IncidentModel", "MappingFile"], exclude: ["Fixtures"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "IncidentModel"]),
        .testTarget(name: "IncidentStoreTests", dependencies: ["IncidentStore", "IncidentModel", "MappingFile"]),
        // The command line as a user meets it: runs the built mfc and checks messages and exit statuses.
        .testTarget(name: "mfcTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
