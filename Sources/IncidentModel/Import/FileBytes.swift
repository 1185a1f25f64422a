#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read at all.
public enum FileReadError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notARegularFile(path: String)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open: \(reason)"
        case let .notARegularFile(path): "\(path): not a regular file"
        case let .readFailed(path, reason): "\(path): read failed: \(reason)"
        }
    }
}

/// Reads whole files into memory with POSIX calls (one allocation, no Foundation copies).
public enum FileBytes {
    /// The whole file at `path`.
    public static func read(path: String) throws(FileReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .readFailed(path: path, reason: errnoText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: path) }
        var failure: String?
        // Read straight into the array's memory: no zero-filling first.
        let result = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { raw, filled in
            guard let base = raw.baseAddress else { return }
            while filled < raw.count {
                let n = Glibc.read(fd, base + filled, raw.count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                if n == 0 { break }
                filled += n
            }
        }
        if let failure { throw .readFailed(path: path, reason: failure) }
        return result
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
