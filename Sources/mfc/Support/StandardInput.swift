import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `-` among the paths: standard input, read whole into a private temporary file (mode 0600 in
/// a folder only its user can open, removed when done) so that the loaders, which read files,
/// can tell its kind from its header.
struct StandardInput {
    /// The name the data read from standard input go by in messages and reports.
    static let fileName = "stdin"

    /// The paths with `-` replaced by the temporary file.
    let paths: [String]
    private let folder: String?

    /// Reads standard input when `-` is among `paths` (at most once).
    init(_ paths: [String]) throws(CLIError) {
        guard paths.contains("-") else {
            self.paths = paths
            folder = nil
            return
        }
        if paths.count(where: { $0 == "-" }) > 1 { throw .usage("- (standard input) can be named once") }
        if isatty(0) == 1 {
            throw .usage("- reads standard input, which is a terminal here; pipe a file in (mfc validate - < FILE.csv)")
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let template = NSTemporaryDirectory() + "/mfc-stdin.XXXXXX"
        var buffer = Array(template.utf8CString)
        let made = buffer.withUnsafeMutableBufferPointer { pointer -> UnsafeMutablePointer<CChar>? in
            guard let base = pointer.baseAddress else { return nil }
            return mkdtemp(base)
        }
        guard let made else {
            throw .unreadable("standard input: cannot make a temporary folder to read it into")
        }
        let folder = String(cString: made)
        let file = folder + "/" + Self.fileName
        guard FileManager.default.createFile(atPath: file, contents: data, attributes: [.posixPermissions: 0o600]) else {
            try? FileManager.default.removeItem(atPath: folder)
            throw .unreadable("standard input: cannot keep it in \(folder)")
        }
        self.folder = folder
        self.paths = paths.map { $0 == "-" ? file : $0 }
    }

    /// Removes the temporary copy.
    func remove() {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}
