import Foundation

/// Runs the built `mfc` binary as a user would, and gives back its exit status and both
/// streams. The binary is `MFC_BINARY`, else `mfc` beside the test runner (both are in
/// `.build/debug` after `swift build` or `swift test`).
struct CommandRunner {
    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    /// The package's root: the folder that holds Package.swift.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The `mfc` binary under test.
    static let binary: String = {
        if let named = ProcessInfo.processInfo.environment["MFC_BINARY"], !named.isEmpty { return named }
        var candidates: [String] = []
        if let runner = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            // The runner may sit inside an .xctest bundle on some platforms.
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("mfc").path)
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot + "/.build/debug/mfc")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? packageRoot + "/.build/debug/mfc"
    }()

    /// The sample data folder of the checkout.
    static var sampleData: String { packageRoot + "/SampleData" }

    /// Runs `mfc arguments` in `directory` with `input` on standard input (empty when `nil`),
    /// and the environment given added to a clean one (no workspace named).
    static func run(
        _ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["MFC_WORKSPACE"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // Read both streams while the process runs, so that a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if let input { stdin.fileHandleForWriting.write(Data(input)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: Array(outData))
    }
}

/// A temporary folder, removed when the value is released.
final class Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/mfc-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes text to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}
