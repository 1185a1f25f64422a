#if canImport(Glibc)
import Glibc
#endif
import IncidentModel

/// Writes a line to standard error, each of its lines sanitised (``Sanitised/lines(_:)``).
func printError(_ text: String) {
    let line = Sanitised.lines(text) + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { buffer in
        write(2, buffer.baseAddress, buffer.count - 1)
    }
}

/// Writes text to standard output, each of its lines sanitised. It stands in for Swift's
/// `print` everywhere in this module, so that every message, table and file name printed goes
/// through one sanitiser (data written with ``StandardOutput/writeData(_:)`` is the other path).
func print(_ text: String, terminator: String = "\n") {
    StandardOutput.write(Array((Sanitised.lines(text) + terminator).utf8))
}

/// The one sanitiser of the command line's messages: header names, file names and values
/// alike reach the terminal with control and bidirectional characters made visible.
enum Sanitised {
    /// `text` with every line made safe (``TextSanitiser/visible(_:limit:)``); the line
    /// breaks between lines stay, and a CR before one is dropped.
    static func lines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TextSanitiser.isUnsafe) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            TextSanitiser.visible(String(line.hasSuffix("\r") ? line.dropLast() : line[...]))
        }.joined(separator: "\n")
    }
}

/// Writes to standard output.
enum StandardOutput {
    /// Writes bytes; when standard output is a terminal, control and bidirectional characters
    /// within each line are first made visible, so data never reaches a terminal raw.
    static func writeData(_ bytes: [UInt8]) {
        guard isatty(1) == 1 else { return write(bytes) }
        write(Array(Sanitised.lines(String(decoding: bytes, as: UTF8.self)).utf8))
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
