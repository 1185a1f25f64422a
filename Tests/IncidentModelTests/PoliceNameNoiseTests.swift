import Foundation
import Testing
@testable import IncidentModel

/// The police's slips, each measured at medium noise on the reports of 3,000 generated children
/// against the true child, and each at about its stated rate.
struct PoliceNameNoiseTests {
    /// One police report and the child it truly concerns.
    struct Pair {
        let report: PoliceReport
        let child: Child
    }

    /// The generated data at medium noise: every police report with its true child, and the homes.
    struct Sample {
        let pairs: [Pair]
        let homes: [Home]
    }

    static let rates = NoiseLevel.medium.rates
    /// Generated once for all the tests here.
    static let sample: Sample? = try? generate()

    private static func generate() throws -> Sample {
        let configuration = GeneratorConfiguration(seed: 23, children: 3000)
        let directory = try TemporaryDirectory()
        try SyntheticGenerator.write(configuration, to: directory.path, replace: false)
        let dataset = try DatasetLoader.load(paths: [directory.path], zone: .europeLondon)
        let truth = try String(contentsOfFile: directory.file("truth.csv"), encoding: .utf8)
        var childOf: [String: String] = [:]
        for line in truth.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            childOf[String(fields[0])] = String(fields[2])
        }
        let children = Dictionary(uniqueKeysWithValues: dataset.children.map { ($0.id.rawValue, $0) })
        let pairs = dataset.policeReports.compactMap { report in
            childOf[report.ref.rawValue].flatMap { children[$0] }.map { Pair(report: report, child: $0) }
        }
        return Sample(pairs: pairs, homes: dataset.homes)
    }

    private func pairs() throws -> [Pair] {
        let pairs = try #require(Self.sample?.pairs)
        try #require(pairs.count > 15_000)
        return pairs
    }

    /// `share` is within a fifth of `rate` (about four standard deviations at these counts).
    private func expectNear(_ count: Int, of total: Int, rate: Double, _ what: String) {
        let share = Double(count) / Double(total)
        #expect(rate > 0, "\(what): no rate")
        #expect(abs(share - rate) <= rate / 5, "\(what): \(count) of \(total) (\(share)), rate \(rate)")
    }

    /// Whether `written` is `name` with one keyboard slip: two neighbouring letters swapped, one
    /// dropped, or one doubled.
    private func isKeyboardSlip(_ written: String, of name: String) -> Bool {
        let (a, b) = (Array(written), Array(name))
        if a.count == b.count {
            let differing = a.indices.filter { a[$0] != b[$0] }
            return differing.count == 2 && differing[1] == differing[0] + 1
                && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
        }
        if a.count == b.count - 1 { return b.indices.contains { removing($0, from: b) == a } }
        if a.count == b.count + 1 { return a.indices.dropFirst().contains { a[$0] == a[$0 - 1] && removing($0, from: a) == b } }
        return false
    }

    private func removing(_ index: Int, from letters: [Character]) -> [Character] {
        var rest = letters
        rest.remove(at: index)
        return rest
    }

    private func namesSwapped(_ pair: Pair) -> Bool { pair.report.forename == pair.child.familyName }

    @Test func surnameSlipsThatChangeTheSoundOccurAtTheirRateBesideKeyboardSlips() throws {
        let pairs = try pairs()
        var keyboard = 0
        var sound = 0
        for pair in pairs where !namesSwapped(pair) {
            let (written, name) = (pair.report.surname, pair.child.familyName)
            guard written != name, written != name.uppercased() else { continue }
            if isKeyboardSlip(written, of: name) {
                keyboard += 1
            } else {
                sound += 1
                #expect(Soundex.code(written) != Soundex.code(name), "\(name) written \(written)")
            }
        }
        let kept = 1 - Self.rates.namesSwapped
        expectNear(sound, of: pairs.count, rate: Self.rates.surnameSoundSlip * kept, "surnames that sound different")
        expectNear(keyboard, of: pairs.count, rate: Self.rates.surnameTypo * kept, "surnames with a keyboard slip")
    }

    @Test func swappedReportsCarryTheForenameAsSurnameAndTheSurnameAsForename() throws {
        let pairs = try pairs()
        let swapped = pairs.filter(namesSwapped)
        for pair in swapped {
            #expect(pair.report.surname == pair.child.givenName, "\(pair.report.ref)")
        }
        expectNear(swapped.count, of: pairs.count, rate: Self.rates.namesSwapped, "names swapped")
    }

    @Test func wrongYearDatesDifferOnlyInTheYear() throws {
        let pairs = try pairs()
        var wrongYears = 0
        var blank = 0
        for pair in pairs {
            let truth = try #require(pair.child.dateOfBirth)
            guard let written = pair.report.dateOfBirth else {
                blank += 1
                continue
            }
            if written == truth || written == truth.swappingDayAndMonth { continue }
            // At medium noise no other slip touches the date of birth.
            #expect((written.month, written.day) == (truth.month, truth.day), "\(truth) written \(written)")
            #expect(written.year <= 2026, "\(truth) written \(written)")
            let (a, b) = (Array(String(written.year)), Array(String(truth.year)))
            let differing = a.indices.filter { a[$0] != b[$0] }
            let transposed = differing == [2, 3] && a[2] == b[3] && a[3] == b[2]
            #expect(differing.count == 1 || transposed, "\(truth) written \(written)")
            wrongYears += 1
        }
        expectNear(wrongYears, of: pairs.count, rate: Self.rates.dobWrongYear, "years of birth wrong")
        // Blank: the blanks, and the swaps that give no date (a day past the 12th).
        let share = Double(blank) / Double(pairs.count)
        #expect(share >= Self.rates.dobBlank * 0.8 && share <= (Self.rates.dobBlank + Self.rates.dobSwap) * 1.2)
    }

    @Test func reportsWithNoAddressHaveNeitherPlaceNorPostcode() throws {
        let pairs = try pairs()
        let none = pairs.count { $0.report.missingFrom.isEmpty && $0.report.missingFromPostcode == nil }
        let rates = Self.rates
        // Also a report whose place and postcode were both left out by chance.
        let placeBlank = 1 - rates.placeNameAndStreet - rates.placeName - rates.placeStreet
        let expected = rates.noAddress + (1 - rates.noAddress) * placeBlank * rates.postcodeBlank
        expectNear(none, of: pairs.count, rate: expected, "reports with no address")
    }

    @Test func someHomesSharePostcodesWithinTheirAuthority() throws {
        let homes = try #require(Self.sample?.homes)
        let byPostcode = Dictionary(grouping: homes) { $0.postcode?.value ?? "" }
        let shared = byPostcode.values.filter { $0.count >= 2 }
        for group in shared {
            #expect(Set(group.map(\.localAuthority)).count == 1, "\(group.map(\.urn))")
        }
        // Most share their street too; a few postcodes were drawn twice by chance.
        let sameStreet = shared.count { group in Set(group.map { $0.address.drop { $0.isNumber } }).count == 1 }
        #expect(sameStreet >= 2 && sameStreet * 4 >= shared.count * 3, "\(sameStreet) of \(shared.count)")
    }

    @Test(arguments: [
        "Testerby", "Fakeford", "O'Samplekins", "Pseudoley-Bogusmore", "Mockson", "Berry", "Miles", "Le", "T",
    ])
    func soundSlipAlwaysChangesTheSoundex(name: String) {
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let slipped = PoliceNameNoise.soundSlip(name, &random)
            #expect(Soundex.code(slipped) != Soundex.code(name), "\(name) written \(slipped)")
        }
    }

    @Test func wrongYearChangesOnlyTheYearAndNeverPassesTheLastYear() throws {
        var random = SeededRandom(seed: 11)
        for day in stride(from: 13_000, to: 17_000, by: 7) {
            let date = CivilDate(daysSinceEpoch: day)
            let wrong = PoliceNameNoise.wrongYear(date, lastYear: 2026, &random)
            #expect(wrong.year != date.year || (date.month, date.day) == (2, 29), "\(date)")
            #expect((wrong.month, wrong.day) == (date.month, date.day))
            #expect(wrong.year <= 2026)
        }
    }

    @Test func typoChangesAName() {
        var random = SeededRandom(seed: 1)
        for _ in 0..<50 {
            #expect(PoliceNameNoise.typo("Testerby", &random) != "Testerby")
        }
    }
}
