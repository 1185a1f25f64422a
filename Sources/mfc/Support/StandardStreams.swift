#if canImport(Glibc)
import Glibc
#endif
import IncidentModel

/// Writes a line to standard error.
func printError(_ text: String) {
    let line = text + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { buffer in
        write(2, buffer.baseAddress, buffer.count - 1)
    }
}

/// Writes to standard output.
enum StandardOutput {
    /// Writes bytes; when standard output is a terminal, control and bidirectional characters
    /// within each line are first made visible, so data never reaches a terminal raw.
    static func writeData(_ bytes: [UInt8]) {
        guard isatty(1) == 1 else { return write(bytes) }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let body = line.hasSuffix("\r") ? line.dropLast() : line[...]
            return TextSanitiser.visible(String(body))
        }
        write(Array(lines.joined(separator: "\n").utf8))
    }

    /// Writes bytes as they are.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = Glibc.write(1, base + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
