import Crypto
import Foundation

/// Why a pseudonymisation key cannot be used. Messages name the file, never the key.
public enum PseudonymiserError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case tooShort(path: String, bytes: Int)

    public var description: String {
        switch self {
        case let .unreadable(path): "\(path): cannot read the key file (it must be a regular file)"
        case let .tooShort(path, bytes):
            "\(path): the key has \(bytes) byte\(bytes == 1 ? "" : "s"); use at least \(Pseudonymiser.minimumKeyBytes) "
                + "(for example: head -c 32 /dev/urandom | base64 > \(path))"
        }
    }
}

/// Replaces child ids with keyed hashes for sharing incident exports: the HMAC-SHA256 of the id
/// (its UTF-8 bytes) under a secret key, in lower-case hex. The same id gives the same
/// pseudonym under one key, so rows of one child stay together; another key gives unrelated
/// pseudonyms; without the key, trying candidate ids does not reverse them (a plain hash could
/// be reversed that way). The key itself is never written anywhere.
public struct Pseudonymiser: Sendable {
    /// Keys shorter than this are refused.
    public static let minimumKeyBytes = 16

    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    private let keyBytes: [UInt8]

    /// A pseudonymiser with the key's bytes.
    public init(key bytes: [UInt8]) throws(PseudonymiserError) {
        guard bytes.count >= Self.minimumKeyBytes else { throw .tooShort(path: "key", bytes: bytes.count) }
        keyBytes = bytes
    }

    /// A pseudonymiser with the key in a file: its bytes, without trailing spaces and line
    /// breaks (so `echo` and an editor give the same key as `printf`).
    public init(keyFile path: String) throws(PseudonymiserError) {
        // A regular file only: a named pipe is refused, never waited on.
        guard var bytes = try? FileBytes.read(path: path) else { throw .unreadable(path: path) }
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
        guard bytes.count >= Self.minimumKeyBytes else { throw .tooShort(path: path, bytes: bytes.count) }
        keyBytes = bytes
    }

    /// The pseudonym of a child id: 64 hex digits.
    public func pseudonym(_ id: ChildID) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(id.rawValue.utf8), using: SymmetricKey(data: keyBytes))
        let digits: [Character] = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for byte in mac {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return out
    }
}
