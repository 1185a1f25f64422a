import Foundation
import Testing

/// Exports a spreadsheet reads right, progress and notes on standard error, the sample data
/// said to be sample data, and the mistakes whose messages used to mislead.
@Suite(.serialized)
struct ExportAndHabitsTests {
    typealias R = CommandRunner

    // MARK: times carry UTC; --bom; ids stay text

    @Test func exportedTimesHaveUTCBesideTheLocalTime() throws {
        let result = try R.run(["incidents", "--format", "csv", R.sampleData])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let start = try #require(header.firstIndex(of: "start"))
        let startUTC = try #require(header.firstIndex(of: "start_utc"))
        #expect(header.contains("end_utc"))
        var summer = 0
        var winter = 0
        for row in lines.dropFirst() where row.count == header.count {
            // Local minus UTC is one hour from April to September and none from November to February.
            let month = Int(row[start].dropFirst(5).prefix(2)) ?? 0
            let hours = (Int(row[start].dropFirst(11).prefix(2)) ?? 0) - (Int(row[startUTC].dropFirst(11).prefix(2)) ?? 0)
            let shift = (hours + 24) % 24
            if (4...9).contains(month) {
                #expect(shift == 1, "\(row[start]) \(row[startUTC])")
                summer += 1
            } else if month >= 11 || month <= 2 {
                #expect(shift == 0, "\(row[start]) \(row[startUTC])")
                winter += 1
            }
        }
        #expect(summer > 0 && winter > 0)
    }

    @Test func bomGivesExcelItsByteOrderMarkAndTheMetaNamesTheTextColumns() throws {
        let scratch = try Scratch()
        let plain = try R.run(["incidents", "--format", "csv", R.sampleData])
        #expect(Array(plain.stdoutBytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        let marked = try R.run(["incidents", "--format", "csv", "--bom", R.sampleData])
        #expect(Array(marked.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.stdoutBytes.dropFirst(3)) == plain.stdoutBytes)
        let json = try R.run(["incidents", "--format", "json", "--bom", R.sampleData])
        #expect(json.status == 64)
        #expect(json.stderr.hasPrefix("error: --bom goes with --format csv"))

        let file = scratch.path + "/all.csv"
        let written = try R.run(["incidents", "--format", "csv", "--bom", "--output", file, R.sampleData])
        #expect(written.status == 0)
        let meta = try String(contentsOfFile: file + ".meta", encoding: .utf8)
        #expect(meta.contains("text columns: incident_id, child_id, home_urn, police_refs, la_episode_ids"))
        #expect(meta.contains("times: start and end are local time (Europe/London); start_utc and end_utc"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func formulasAreStillNeutralised() throws {
        let scratch = try Scratch()
        for name in ["forces.csv", "authorities.csv", "homes.csv", "children.csv", "la_episodes.csv", "police_reports.csv"] {
            try FileManager.default.copyItem(atPath: R.sampleData + "/" + name, toPath: scratch.path + "/" + name)
        }
        var homes = try String(contentsOfFile: scratch.path + "/homes.csv", encoding: .utf8)
        homes = homes.replacingOccurrences(of: "Poplar Sample Grange", with: "=HYPERLINK(1)")
        try homes.write(toFile: scratch.path + "/homes.csv", atomically: true, encoding: .utf8)
        let result = try R.run(["incidents", "--format", "csv", scratch.path])
        #expect(result.stdout.contains(",'=HYPERLINK(1),"))
    }

    // MARK: progress, --quiet, the sample data note

    @Test func progressStaysOffStandardErrorWhenItIsNotATerminal() throws {
        let scratch = try Scratch()
        let generated = try R.run(["generate", "--seed", "3", "--children", "40", "--output", scratch.path + "/g"])
        #expect(generated.status == 0)
        #expect(generated.stderr.isEmpty)
        #expect(try R.run(["init"], in: scratch.path).status == 0)
        let imported = try R.run(["import", "g"], in: scratch.path)
        #expect(imported.status == 0)
        #expect(!imported.stderr.contains("reading"))
        #expect(!imported.stderr.contains("committing"))
    }

    @Test func theSampleDataAreSaidToBeSampleDataAndFoundWithoutACompiledPath() throws {
        // From a folder outside the checkout: found beside the executable.
        let scratch = try Scratch()
        let result = try R.run(["summary"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: no folder or workspace named: these are the synthetic sample data in "))
        #expect(result.stderr.contains("/SampleData"))
        let quiet = try R.run(["incidents", "--quiet"], in: scratch.path)
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("sample data"))
        // A folder named: no note.
        let named = try R.run(["summary", R.sampleData])
        #expect(!named.stderr.contains("sample data"))
    }

    // MARK: the mistakes that misled

    @Test func aNegativeWatchSaysItMustBeAtLeastOne() throws {
        for command in [["dashboard"], ["report", "homes"]] {
            let result = try R.run(command + ["--watch", "-5"])
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("error: --watch must be at least 1"), "\(result.stderr)")
        }
    }

    @Test func aReversedPeriodIsRefused() throws {
        for command in ["incidents", "report authorities"] {
            let result = try R.run(command.split(separator: " ").map(String.init) + ["--from", "2024-06-01", "--to", "2024-01-01", R.sampleData])
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("error: --to 2024-01-01 is not after --from 2024-06-01"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func anOutputThatIsAFolderOrInAMissingFolderSaysSo() throws {
        let scratch = try Scratch()
        let folder = try R.run(["incidents", "--format", "csv", "--output", scratch.path, R.sampleData])
        #expect(folder.status == 64)
        #expect(folder.stderr.hasPrefix("error: \(scratch.path) is a folder; name a file to write"))
        let missing = try R.run(["report", "homes", "--format", "csv", "--output", scratch.path + "/no/such/homes.csv", R.sampleData])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("error: \(scratch.path)/no/such/homes.csv: the folder \(scratch.path)/no/such does not exist"))
        let exists = try scratch.write("taken.csv", "x")
        let taken = try R.run(["incidents", "--format", "csv", "--output", exists, R.sampleData])
        #expect(taken.status == 64)
        #expect(taken.stderr.hasPrefix("error: \(exists) already exists; use --force to replace it"))
    }

    @Test func explainInAWorkspaceFolderReadsTheWorkspace() throws {
        let scratch = try Scratch()
        #expect(try R.run(["generate", "--seed", "41", "--children", "30", "--output", scratch.path + "/g"]).status == 0)
        // Police references the sample data do not have (the generator numbers them alike).
        for name in ["police_reports.csv", "la_episodes.csv"] {
            let file = scratch.path + "/g/" + name
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: "/24/", with: "/W24/").write(toFile: file, atomically: true, encoding: .utf8)
        }
        #expect(try R.run(["init"], in: scratch.path).status == 0)
        #expect(try R.run(["import", "g"], in: scratch.path).status == 0)
        let generated = try String(contentsOfFile: scratch.path + "/g/police_reports.csv", encoding: .utf8)
        let ref = try #require(generated.split(whereSeparator: \.isNewline).dropFirst().first.map { String($0.prefix { $0 != "," }) })
        #expect(ref.contains("/W24/"))
        let outside = try R.run(["explain", ref, R.sampleData])
        #expect(outside.status == 1)
        let inWorkspace = try R.run(["explain", ref], in: scratch.path)
        #expect(inWorkspace.status == 0, "\(inWorkspace.stderr)")
        #expect(inWorkspace.stdout.hasPrefix("police report \(ref)"))
        #expect(!inWorkspace.stderr.contains("sample data"))
    }

    // MARK: --version, completions and the man page's source

    @Test func helpGoesToStandardOutputWithTheExitStatuses() throws {
        for arguments in [["--help"], ["help"], ["incidents", "--help"], ["help", "validate"]] {
            let result = try R.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("USAGE: mfc"), "\(arguments)")
            #expect(result.stderr.isEmpty, "\(arguments)")
        }
        let root = try R.run(["--help"]).stdout
        #expect(root.contains("Exit statuses:"))
        #expect(root.contains("   64  the command line is wrong"))
    }

    @Test func importReadsStandardInput() throws {
        let scratch = try Scratch()
        #expect(try R.run(["init"], in: scratch.path).status == 0)
        let forces = try Data(contentsOf: URL(fileURLWithPath: R.sampleData + "/forces.csv"))
        let imported = try R.run(["import", "-"], in: scratch.path, input: Array(forces))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("stdin"))
        #expect(imported.stdout.contains("import 1 saved"))
        let again = try R.run(["import", "-"], in: scratch.path, input: Array(forces))
        #expect(again.stdout.contains("already imported (import 1)"))
    }

    @Test func versionAndCompletionScriptsAreThere() throws {
        let version = try R.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil)
        for shell in ["bash", "zsh", "fish"] {
            let script = try R.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("incidents"))
            #expect(script.stdout.contains("--layout"))
        }
    }
}
