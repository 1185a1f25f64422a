#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read at all.
public enum FileReadError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// The path names something other than a regular file: `what` says what (a named pipe, a
    /// device, a socket, a folder). It is never opened for reading, so a pipe cannot block.
    case notARegularFile(path: String, what: String)
    /// The path is a symbolic link that leads back to itself (directly or through others).
    case symlinkLoop(path: String)
    /// The path is a symbolic link to nothing.
    case danglingLink(path: String)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open: \(reason)"
        case let .notARegularFile(path, what):
            "\(path): \(what), not a regular file; mfc reads only regular files: copy the data into a file and name that"
        case let .symlinkLoop(path):
            "\(path): a symbolic link loop (the link leads back to itself); point it at the file"
        case let .danglingLink(path): "\(path): a symbolic link to a file that does not exist"
        case let .readFailed(path, reason): "\(path): read failed: \(reason)"
        }
    }
}

/// Reads whole files into memory with POSIX calls (one allocation, no Foundation copies).
///
/// Only regular files are read: the path is checked with `stat` first, and opened without
/// blocking, so a named pipe, a device or a socket is refused instead of waited on.
public enum FileBytes {
    /// The whole file at `path`.
    public static func read(path: String) throws(FileReadError) -> [UInt8] {
        try checkRegularFile(path: path)
        // O_NONBLOCK: should the path be swapped for a pipe after the check, opening it does not
        // wait for a writer; the fstat below then refuses it.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw openError(path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .readFailed(path: path, reason: errnoText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: path, what: kindName(info.st_mode)) }
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

    /// Throws unless `path` names a regular file (following symbolic links), without opening it.
    public static func checkRegularFile(path: String) throws(FileReadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw openError(path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: path, what: kindName(info.st_mode)) }
    }

    /// The error for a path that `stat` or `open` refused, with `errno` as they left it: a link
    /// loop and a dangling link are named as such.
    static func openError(path: String) -> FileReadError {
        let code = errno
        let reason = String(cString: strerror(code))
        if code == ELOOP { return .symlinkLoop(path: path) }
        if code == ENOENT {
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { return .danglingLink(path: path) }
        }
        return .cannotOpen(path: path, reason: reason)
    }

    /// What a file of mode `mode` is, in words.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "not a regular file"
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
