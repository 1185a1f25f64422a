import Foundation
import Testing

/// The command line's conventions, one test for each wall in issue 25's "The command line":
/// each runs the built binary and asserts its message and exit status.
@Suite(.serialized)
struct CommandLineTests {
    typealias R = CommandRunner

    // MARK: --format is the output, --layout the input

    @Test func formatNamesTheOutputAndLayoutTheInput() throws {
        let json = try R.run(["validate", "--format", "json", R.sampleData])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["files"] is [Any])

        let layoutAsFormat = try R.run(["incidents", "--format", "ssda903", R.sampleData])
        #expect(layoutAsFormat.status == 64)
        #expect(layoutAsFormat.stderr.hasPrefix("error: "))
        #expect(layoutAsFormat.stderr.contains("say --layout ssda903"))

        let layout = try R.run(["validate", "--layout", "ssda903", R.sampleData])
        #expect(layout.status == 64)
        #expect(layout.stderr.contains("--layout ssda903 needs --authority CODE"))
    }

    @Test func theOldFormatSpellingOfTheLayoutStillWorksWithAWarning() throws {
        let old = try R.run(["validate", "--format", "native", R.sampleData])
        #expect(old.status == 0)
        #expect(old.stderr.contains("warning: --format native names the input layout; say --layout native"))
        let disagree = try R.run(["validate", "--layout", "native", "--format", "ssda903", R.sampleData])
        #expect(disagree.status == 64)
        #expect(disagree.stderr.contains("disagree"))
    }

    // MARK: a missing folder, a mistyped command, a file where a folder is expected

    @Test(arguments: ["incidents", "summary", "report authorities", "validate", "explain X1"])
    func aFolderThatDoesNotExistSaysSo(command: String) throws {
        let result = try R.run(command.split(separator: " ").map(String.init) + ["/no/such/folder"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: /no/such/folder: no such file or folder\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aMistypedCommandSuggestsTheNearest() throws {
        let result = try R.run(["incidnets"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("error: 'incidnets' is not an mfc command; did you mean 'incidents'?"))
        let unknown = try R.run(["frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: 'frobnicate' is neither an mfc command nor a file or folder"))
    }

    @Test func aSingleFileWhereAFolderIsExpectedIsRefused() throws {
        let result = try R.run(["incidents", R.sampleData + "/homes.csv"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("homes.csv is a file, not a folder: name the folder of extracts"))
        #expect(result.stdout.isEmpty)
    }

    // MARK: exit statuses and the errors' first words

    @Test func exitStatusesFollowTheTable() throws {
        let scratch = try Scratch()
        // 0: nothing rejected.
        #expect(try R.run(["validate", R.sampleData]).status == 0)
        // 1: rows rejected.
        try scratch.write("forces.csv", "code,name\nXAA,Sample Force\nXAA,Duplicate\n")
        let rejected = try R.run(["validate", scratch.path + "/forces.csv"])
        #expect(rejected.status == 1)
        // 1: nothing found.
        let missing = try R.run(["explain", "NO-SUCH-REF", R.sampleData])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: no police report or LA episode has the id"))
        // 2: unreadable input.
        let odd = try scratch.write("odd.csv", "alpha,beta\n1,2\n")
        let unreadable = try R.run(["validate", odd])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.hasPrefix("error: "))
        #expect(unreadable.stderr.contains("cannot tell which kind of file this is"))
        let unreadableIncidents = try R.run(["incidents", odd])
        #expect(unreadableIncidents.status == 2)
        // 64: usage.
        let usage = try R.run(["incidents", "--no-such-option"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("error: Unknown option '--no-such-option'"))
    }

    @Test(arguments: [
        ["incidents", "--no-such-option"], ["validate", "/no/such/file.csv"], ["incidnets"], ["report", "nonsense"],
        ["incidents", "--risk", "enormous"], ["explain", "NO-SUCH-REF"],
    ])
    func everyErrorBeginsTheSameWay(arguments: [String]) throws {
        let result = try R.run(arguments)
        #expect(result.status != 0)
        let firstError = result.stderr.split(separator: "\n").first { !$0.hasPrefix("note: ") && !$0.hasPrefix("warning: ") }
        #expect(firstError?.hasPrefix("error: ") == true, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Error: "))
    }

    // MARK: - means standard input and standard output

    @Test func dashMeansStandardOutputAndStandardInput() throws {
        let scratch = try Scratch()
        let out = try R.run(["incidents", "--format", "csv", "--output", "-", R.sampleData], in: scratch.path)
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("incident_id,provenance,start,end,"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/-"))

        let episodes = try Data(contentsOf: URL(fileURLWithPath: R.sampleData + "/forces.csv"))
        let piped = try R.run(["validate", "-"], input: Array(episodes))
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("stdin"))
        let bad = try R.run(["validate", "-"], input: Array("code,name\nXAA,One\nXAA,Two\n".utf8))
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("stdin:3"))
    }

    // MARK: JSON is typed

    @Test func incidentsJSONHasTypedValues() throws {
        let result = try R.run(["incidents", "--format", "json", R.sampleData])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let ended = try #require(rows.first { $0["duration_hours"] is NSNumber })
        #expect(ended["incident_id"] is String)
        #expect(ended["child_id"] is String)
        #expect(ended["police_refs"] is [Any])
        #expect(ended["la_episode_ids"] is [Any])
        #expect(ended["discrepancies"] is [Any])
        // In the text: yes or no as true/false, durations unquoted, every row.
        for column in ["still_missing", "out_of_area", "repeat_3_in_90_days"] {
            #expect(matches(#""\#(column)": (true|false|null)[,}]"#, in: result.stdout) == rows.count, "\(column)")
        }
        #expect(matches(#""duration_hours": (null|[0-9]+\.[0-9]{2})[,}]"#, in: result.stdout) == rows.count)
        #expect(matches(#""police_refs": \[("[^"]*"(, )?)*\]"#, in: result.stdout) == rows.count)
        #expect(!result.stdout.contains("\"N\""))
    }

    @Test(arguments: ["summary", "explain", "audit", "rejects"])
    func jsonIsOfferedWhereAnalystsNeedIt(command: String) throws {
        let scratch = try Scratch()
        var arguments = [command, "--format", "json"]
        var directory: String? = nil
        switch command {
        case "summary": arguments.append(R.sampleData)
        case "explain":
            let csv = try R.run(["incidents", "--format", "csv", "--provenance", "both", R.sampleData]).stdout
            let header = csv.split(separator: "\r\n")[0].split(separator: ",")
            let column = try #require(header.firstIndex(of: "police_refs"))
            let ref = String(csv.split(separator: "\r\n")[1].split(separator: ",")[column])
            arguments = ["explain", ref, "--format", "json", R.sampleData]
        default:
            #expect(try R.run(["init"], in: scratch.path).status == 0)
            try scratch.write("forces.csv", "code,name\nXAA,Sample Force\nXAA,Duplicate\n")
            _ = try R.run(["import", "forces.csv"], in: scratch.path)
            directory = scratch.path
        }
        let result = try R.run(arguments, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        switch command {
        case "summary":
            let incidents = try #require((value as? [String: Any])?["incidents"] as? [String: Any])
            #expect(incidents["all"] is NSNumber)
        case "explain":
            let reports = try #require((value as? [String: Any])?["reports"] as? [[String: Any]])
            #expect(reports.first?["candidates"] is [Any])
        case "rejects":
            let rows = try #require(value as? [[String: Any]])
            #expect(rows.first?["line"] as? Int == 3)
            #expect(rows.first?["fields"] as? [String] == ["XAA", "Duplicate"])
        default:
            let rows = try #require(value as? [[String: Any]])
            #expect(rows.contains { $0["action"] as? String == "import" && $0["rows"] is NSNumber })
        }
    }

    private func matches(_ pattern: String, in text: String) -> Int {
        (try? NSRegularExpression(pattern: pattern))?.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? -1
    }
}
