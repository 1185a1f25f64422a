#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written.
public enum FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file exists and replacing it was not allowed.
    case exists(path: String)
    /// The path names a folder, not a file.
    case isFolder(path: String)
    /// The folder the file would go in does not exist.
    case noFolder(path: String, folder: String)
    /// A system call failed.
    case failed(path: String, step: String, reason: String)

    public var description: String {
        switch self {
        case let .exists(path): "\(path) already exists; use --force to replace it"
        case let .isFolder(path): "\(path) is a folder; name a file to write (\(path.hasSuffix("/") ? path : path + "/")NAME.csv)"
        case let .noFolder(path, folder): "\(path): the folder \(folder) does not exist; create it first, or name a file in a folder that exists"
        case let .failed(path, step, reason): "\(path): cannot \(step): \(reason)"
        }
    }
}

/// Writes a file so that readers see either the old file or the whole new one, never a part:
/// the bytes go to a temporary file beside the target (created `0600`), are synced to disk,
/// and the temporary file is then renamed over the target (or linked to it, when replacing is
/// not allowed, so that a file created meanwhile is never overwritten). The folder is synced
/// after.
public enum AtomicFileWriter {
    /// Checks that `path` can be written before the work to fill it is done: it is not a
    /// folder, its folder exists, and without `replace` it does not exist yet.
    public static func checkTarget(_ path: String, replace: Bool) throws(FileWriteError) {
        var status = stat()
        if stat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { throw .isFolder(path: path) }
            if !replace { throw .exists(path: path) }
            return
        }
        let directory = folder(of: path)
        if stat(directory, &status) != 0 || status.st_mode & S_IFMT != S_IFDIR {
            throw .noFolder(path: path, folder: directory)
        }
    }

    /// The folder a file at `path` goes in.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes `bytes` to `path` with mode `0600`.
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(FileWriteError) {
        try write(to: path, replace: replace) { (file: Sink) throws(FileWriteError) in try file.write(bytes) }
    }

    /// Writes to `path` with mode `0600` what `fill` gives the temporary file, piece by piece,
    /// so that a large file need never be whole in memory; the target appears only once
    /// `fill` has returned and the file is synced.
    public static func write(
        to path: String, replace: Bool, _ fill: (Sink) throws(FileWriteError) -> Void
    ) throws(FileWriteError) {
        try checkTarget(path, replace: true)
        let directory = folder(of: path)
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress.unsafelyUnwrapped) }
        guard fd >= 0 else { throw .failed(path: path, step: "create a temporary file", reason: errnoText()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            guard fchmod(fd, 0o600) == 0 else { throw FileWriteError.failed(path: path, step: "set its mode", reason: errnoText()) }
            try fill(Sink(fd: fd, path: path))
            guard fsync(fd) == 0 else { throw FileWriteError.failed(path: path, step: "sync", reason: errnoText()) }
        }
        if replace {
            guard rename(temporary, path) == 0 else { throw .failed(path: path, step: "replace", reason: errnoText()) }
        } else {
            if link(temporary, path) != 0 {
                if errno == EEXIST { throw .exists(path: path) }
                throw .failed(path: path, step: "create", reason: errnoText())
            }
            unlink(temporary)
        }
        committed = true
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// The temporary file of ``write(to:replace:_:)``, open for its `fill` to write to.
    public struct Sink {
        fileprivate let fd: Int32
        fileprivate let path: String

        /// Appends `bytes` to the file.
        public func write(_ bytes: [UInt8]) throws(FileWriteError) {
            let failure: String? = bytes.withUnsafeBytes { raw in
                var written = 0
                while written < raw.count, let base = raw.baseAddress {
                    let n = Glibc.write(fd, base + written, raw.count - written)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return AtomicFileWriter.errnoText()
                    }
                    written += n
                }
                return nil
            }
            if let failure { throw FileWriteError.failed(path: path, step: "write", reason: failure) }
        }
    }

    /// Whether a file exists at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    fileprivate static func errnoText() -> String { String(cString: strerror(errno)) }
}
