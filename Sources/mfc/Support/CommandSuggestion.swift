import ArgumentParser
import Foundation

/// A first word that names neither a command nor a file or folder: `mfc incidnets`. Without
/// this check such a word goes to the default command (the dashboard) as a data folder.
enum CommandSuggestion {
    /// The names of mfc's commands, as typed.
    static var commandNames: [String] {
        MFC.configuration.subcommands.map { $0.configuration.commandName ?? "" }.filter { !$0.isEmpty }
    }

    /// The usage error for `arguments` (without the program name) when their first word is
    /// not an option, not a command and not an existing path; `nil` otherwise.
    static func problem(_ arguments: [String]) -> CLIError? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = commandNames
        if names.contains(first) || FileManager.default.fileExists(atPath: first) { return nil }
        let shown = Sanitised.lines(first)
        if let near = nearest(to: first, among: names) {
            return .usage("'\(shown)' is not an mfc command; did you mean '\(near)'? (mfc --help lists them)")
        }
        // A word with no slash and no dot reads as a command; anything else as a path.
        if !first.contains("/") && !first.contains(".") {
            return .usage("'\(shown)' is neither an mfc command nor a file or folder; the commands are \(names.joined(separator: ", "))")
        }
        return nil
    }

    /// The command nearest to `word` by edit distance, when it is near enough to be a slip (at
    /// most 2 edits, and fewer than half the letters), or one starts with the other.
    static func nearest(to word: String, among names: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = names.map { ($0, distance(Array(lowered), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        if best.1 <= 2 && best.1 * 2 < max(word.count, 2) { return best.0 }
        if lowered.count >= 3, let prefixed = names.first(where: { $0.hasPrefix(lowered) }) { return prefixed }
        return nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours each count 1 (`incidnets` is 1 from `incidents`).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
