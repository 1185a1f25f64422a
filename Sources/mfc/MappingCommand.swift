import ArgumentParser
import IncidentModel

/// `mfc mapping`: mapping files for police extracts with their own headers.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Mapping files for police extracts with their own headers.",
        subcommands: [SuggestMappingCommand.self])
}

/// `mfc mapping suggest`: a starting mapping for a police extract.
struct SuggestMappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Write a starting mapping for a police extract.",
        discussion: """
            Matches the extract's headers to the names police systems use (Occurrence Ref, \
            Forename, Surname, Date of Birth, Date/Time Reported, Date/Time Found, Risk Grade, ...; \
            case, spacing and punctuation ignored), guesses each date field's style from its first \
            values, and translates abbreviated risk grades. Required fields it cannot match are \
            written commented out with a TODO and listed on standard error. Check the mapping, then \
            use it: mfc validate --layout police --mapping FILE EXTRACT.csv. The file is created \
            with mode 0600.
            """)

    @Argument(help: "The police extract (CSV).")
    var extract: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the mapping to this file instead of standard output (- is standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: extract)
        } catch {
            throw CLIError.unreadable(error.description)
        }
        let name = extract.split(separator: "/").last.map(String.init) ?? extract
        if let (encoding, mark) = WideEncoding.detect(bytes) {
            throw CLIError.unreadable(WideEncoding.diagnostic(encoding, byteOrderMark: mark, file: extract).description)
        }
        let mappingName = output.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "mapping.toml"
        let suggestion = MappingSuggester.suggest(bytes: bytes, file: name, mappingFile: mappingName)
        guard !suggestion.header.isEmpty else {
            throw CLIError.unreadable("\(extract): the file is empty; expected a header row naming the columns")
        }
        if let output, output != "-" {
            do {
                try AtomicFileWriter.write(Array(suggestion.text.utf8), to: output, replace: force)
            } catch {
                throw CLIError.usage(error.description)
            }
            printError("wrote \(output): \(suggestion.mapping.columns.count) of \(PoliceMapping.fields.count) fields mapped")
        } else {
            StandardOutput.writeData(Array(suggestion.text.utf8))
        }
        // A first row that names no column is likely data: its values are not listed.
        let found = suggestion.mapping.columns.isEmpty
            ? "the first row names none of the usual columns (\(suggestion.header.count) fields): if it is data, the header row is missing"
            : "found " + suggestion.header.map { TextSanitiser.visible($0, limit: 30) }.joined(separator: ", ")
        if !suggestion.unmatchedRequired.isEmpty {
            printError("\(name):\(suggestion.headerLine): required field\(suggestion.unmatchedRequired.count == 1 ? "" : "s") \(suggestion.unmatchedRequired.joined(separator: ", ")) not matched to any column; name the column in the mapping (\(found))")
        }
        if !suggestion.unmatchedOptional.isEmpty {
            printError("\(name): no column found for \(suggestion.unmatchedOptional.joined(separator: ", ")) (left blank unless named)")
        }
        if !suggestion.undatedFields.isEmpty {
            printError("\(name): no known date style fits the first values of \(suggestion.undatedFields.joined(separator: ", ")); write the style under [dates]")
        }
    }
}
