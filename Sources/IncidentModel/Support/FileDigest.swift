import Crypto

/// SHA-256 digests of files and bytes, as lower-case hex: how the workspace recognises a file
/// it has imported before, whatever the file is called.
package enum FileDigest {
    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    package static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of the whole file at `path`, as 64 lower-case hex digits.
    package static func sha256(path: String) throws(FileReadError) -> String {
        sha256(try FileBytes.read(path: path))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
