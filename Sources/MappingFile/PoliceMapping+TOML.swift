import Foundation
import IncidentModel
import TOMLKit

extension PoliceMapping {
    /// Reads a mapping file. The file's name (not its folder) is used in messages.
    package static func read(path: String) throws(PoliceMappingError) -> PoliceMapping {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            throw .unreadable(error)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw .invalid(file: name, line: nil, message: "the mapping is not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    /// Reads a mapping from TOML text: `[columns]`, optional `[dates]` and `[values.FIELD]`.
    /// A TOML error names its line and column; a key mfc does not know, or a date style it
    /// cannot read, names its line.
    package static func parse(_ text: String, file: String) throws(PoliceMappingError) -> PoliceMapping {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(file: file, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(file: file, line: 1, column: 1, message: String(describing: error))
        }
        let lines = TOMLKeyLines(text)
        func invalid(_ key: String, _ message: String) -> PoliceMappingError {
            .invalid(file: file, line: lines.line(of: key), message: message)
        }
        let fields = Self.fields
        let fieldList = fields.joined(separator: ", ")
        for key in root.keys where !["columns", "dates", "values"].contains(key) {
            throw invalid(key, "[\(key)] is not part of a mapping; expected [columns], [dates] and [values.FIELD]")
        }
        guard let columnTable = root["columns"]?.table else {
            throw invalid("columns", "the mapping has no [columns] table naming the extract's column for each field")
        }
        var mapping = PoliceMapping(file: file, columns: [:])
        for key in columnTable.keys {
            guard fields.contains(key) else {
                throw invalid("columns.\(key)", "[columns] \(key) is not a field of police_reports.csv; expected one of \(fieldList)")
            }
            guard let column = columnTable[key]?.string, !column.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw invalid("columns.\(key)", "[columns] \(key) must be the name of a column, as a string")
            }
            mapping.columns[key] = column
        }
        if let dates = root["dates"] {
            guard let table = dates.table else { throw invalid("dates", "[dates] must be a table") }
            for key in table.keys {
                guard key == "default" || dateFields.contains(key) else {
                    throw invalid("dates.\(key)", "[dates] \(key) is not a date field; expected default, \(dateFields.joined(separator: ", "))")
                }
                let patterns: [String]?
                if let one = table[key]?.string {
                    patterns = [one]
                } else if let array = table[key]?.array {
                    let strings = array.compactMap { $0.string }
                    patterns = strings.count == array.count && !strings.isEmpty ? strings : nil
                } else {
                    patterns = nil
                }
                guard let patterns else {
                    throw invalid("dates.\(key)", "[dates] \(key) must be a date style or a list of them, such as \"dd/MM/yyyy HH:mm\"")
                }
                var styles: [DateStyle] = []
                for pattern in patterns {
                    do {
                        styles.append(try DateStyle(pattern))
                    } catch {
                        throw invalid("dates.\(key)", "[dates] \(key): \(error.description)")
                    }
                }
                mapping.dateStyles[key] = styles
            }
        }
        if let values = root["values"] {
            guard let table = values.table else { throw invalid("values", "[values] must hold tables such as [values.risk]") }
            for field in table.keys {
                guard fields.contains(field), !dateFields.contains(field) else {
                    throw invalid("values.\(field)", "[values.\(field)] is not a field whose values can be translated; expected one of \(fields.filter { !dateFields.contains($0) }.joined(separator: ", "))")
                }
                guard let map = table[field]?.table else {
                    throw invalid("values.\(field)", "[values.\(field)] must be a table of \"extract value\" = \"mfc value\"")
                }
                var translations: [String: String] = [:]
                for from in map.keys {
                    guard let to = map[from]?.string else {
                        throw invalid("values.\(field).\(from)", "[values.\(field)] \"\(from)\" must be given as a string")
                    }
                    translations[from] = to
                }
                mapping.values[field] = translations
            }
        }
        mapping.lines = lines.all
        return mapping
    }
}

/// The line on which each key of a TOML file is written (`columns.police_ref` -> 3), found by
/// reading the file's table headers and keys line by line: enough for messages about a mapping.
struct TOMLKeyLines {
    private(set) var all: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
                table = trimmed[trimmed.index(after: trimmed.startIndex)..<close].split(separator: ".")
                    .map { Self.unquote(String($0).trimmingCharacters(in: .whitespaces)) }.joined(separator: ".")
                if all[table] == nil { all[table] = lineNumber }
                continue
            }
            guard let equals = Self.keyEnd(trimmed) else { continue }
            let key = Self.unquote(String(trimmed[..<equals]).trimmingCharacters(in: .whitespaces))
            let full = table.isEmpty ? key : table + "." + key
            if all[full] == nil { all[full] = lineNumber }
        }
    }

    func line(of key: String) -> Int? { all[key] }

    /// The position of the `=` after a key, skipping a quoted key.
    private static func keyEnd(_ line: String) -> String.Index? {
        if let first = line.first, first == "\"" || first == "'" {
            guard let close = line[line.index(after: line.startIndex)...].firstIndex(of: first) else { return nil }
            return line[close...].firstIndex(of: "=")
        }
        return line.firstIndex(of: "=")
    }

    private static func unquote(_ key: String) -> String {
        guard key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first else { return key }
        return String(key.dropFirst().dropLast())
    }
}
