import Foundation
import Testing
@testable import IncidentModel

struct JaroWinklerTests {
    @Test(arguments: [
        ("MARTHA", "MARHTA", 0.961), ("DWAYNE", "DUANE", 0.840), ("DIXON", "DICKSONX", 0.813),
        ("JELLYFISH", "SMELLYFISH", 0.896),
    ])
    func matchesPublishedValues(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.0015)
    }

    @Test func isOneForTheSameTextAndZeroForNothingInCommon() {
        #expect(JaroWinkler.similarity("kayleigh", "kayleigh") == 1)
        #expect(JaroWinkler.similarity("abc", "xyz") == 0)
        #expect(JaroWinkler.similarity("", "abc") == 0)
    }

    @Test func isSymmetric() {
        for (a, b) in [("testerby", "tsterby"), ("fakenham", "fakeham"), ("amy", "anna")] {
            #expect(JaroWinkler.similarity(a, b) == JaroWinkler.similarity(b, a))
        }
    }
}

struct SoundexTests {
    @Test(arguments: [
        ("Robert", "R163"), ("Rupert", "R163"), ("Rubin", "R150"), ("Ashcraft", "A261"), ("Ashcroft", "A261"),
        ("Tymczak", "T522"), ("Pfister", "P236"), ("Honeyman", "H555"), ("O'Neil-Smith", "O542"), ("", ""),
    ])
    func codesNamesAsPublished(_ name: String, _ code: String) {
        #expect(Soundex.code(name) == code)
    }

    @Test func numbersDifferentCodesDifferently() {
        #expect(Soundex.number("") == 0)
        #expect(Soundex.number("A000") == 1)
        #expect(Soundex.number("R163") != Soundex.number("R150"))
        #expect(Soundex.number("Z666") == 26 * 343)
    }
}

struct NicknamesTests {
    @Test(arguments: [("kayleigh", "kayley"), ("william", "bill"), ("bill", "will"), ("alexander", "alex"), ("jake", "jacob")])
    func knowsCommonNicknames(_ a: String, _ b: String) {
        #expect(Nicknames.areNicknames(a, b))
        #expect(Nicknames.areNicknames(b, a))
    }

    @Test func fitsEveryGroupInTheGroupSetsBits() {
        #expect(Nicknames.groups.count <= 128)
        #expect(Nicknames.groupSet(of: "kayley").meets(Nicknames.groupSet(of: "kayleigh")))
        #expect(!Nicknames.groupSet(of: "william").meets(Nicknames.groupSet(of: "thomas")))
        #expect(Nicknames.groupSet(of: "zzz") == Nicknames.GroupSet())
    }

    @Test func doesNotCallUnrelatedOrIdenticalNamesNicknames() {
        #expect(!Nicknames.areNicknames("william", "thomas"))
        #expect(!Nicknames.areNicknames("amy", "amy"))
        #expect(!Nicknames.areNicknames("zzz", "zz"))
    }
}

struct FieldComparisonTests {
    private let child = ChildFields(
        surname: "Testerby", forename: "Kayleigh", dateOfBirth: Fixture.date("03/04/2009"), sex: .female,
        homes: ["SC000001"], postcodes: [Postcode("ZZ1 1AA")].compactMap { $0 },
        homeTexts: [("Willow Sample House", "12 Willow Lane, Testbury")])

    /// The comparison of a report with `child`.
    private func compared(
        _ surname: String = "Testerby", _ forename: String = "Kayleigh", dob: String? = "03/04/2009", sex: Sex = .female,
        home: HomeURN? = "SC000001", postcode: String? = "ZZ1 1AA", street: HomeURN? = nil, place: Bool = true,
        address: String = ""
    ) -> ComparisonVector {
        var people = ComparablePeople(children: [child])
        let code = postcode.flatMap { Postcode($0) }
        people.addReports([ReportFields(
            surname: surname, forename: forename, dateOfBirth: dob.map { Fixture.date($0) }, sex: sex,
            namedHome: people.homeID(home), postcode: people.postcodeID(code),
            streetHome: people.homeID(street), hasPlace: place, address: address, outward: people.outwardID(code))])
        return people.withComparison { comparison in
            var cache = LevelCache()
            let vector = comparison.compare(report: 0, child: 0)
            // The cached comparison gives the same, the first time and the next.
            #expect(comparison.compare(report: 0, child: 0, cache: &cache) == vector)
            #expect(comparison.compare(report: 0, child: 0, cache: &cache) == vector)
            return vector
        }
    }

    @Test func gradesEveryFieldOfAnIdenticalPairAsExact() {
        #expect(compared().levels == [1, 1, 1, 1, 1])
    }

    @Test(arguments: [
        ("Kayley", 3), ("Kayleight", 4), ("Kaylie", 5), ("K", 8), ("Zoe", 9), ("", 0),
    ])
    func gradesForenames(_ forename: String, _ level: Int) {
        #expect(compared("Testerby", forename)[.forename] == level)
    }

    @Test(arguments: [
        ("Testerby", 1), ("TESTERBY", 1), ("Testreby", 3), ("Tesby", 4), ("Testington", 8), ("Fakeham", 8), ("", 0),
        ("Testerby-Fakeham", 6), ("Fakeham Testerby", 6), ("T", 7),
    ])
    func gradesSurnames(_ surname: String, _ level: Int) {
        #expect(compared(surname)[.surname] == level)
    }

    @Test(arguments: [("03/04/2009", 1), ("04/03/2009", 2), ("03/04/2090", 3), ("30/04/2009", 3), ("03/04/2010", 4), ("05/06/2011", 5)])
    func gradesDatesOfBirth(_ dob: String, _ level: Int) {
        #expect(compared(dob: dob)[.dateOfBirth] == level)
    }

    @Test func treatsMissingValuesAsTheirOwnLevel() {
        let vector = compared("", "", dob: nil, sex: .unknown, home: nil, postcode: nil, place: false)
        #expect(vector.levels == [0, 0, 0, 0, 0])
        #expect(MatchModel.defaults.weight(vector) == 0)
    }

    @Test func gradesHomesByHomeThenPostcodeThenStreet() {
        #expect(compared()[.home] == 1)
        #expect(compared(home: nil)[.home] == 2)
        #expect(compared(home: nil, postcode: nil, street: "SC000001")[.home] == 3)
        #expect(compared(home: "SC000009", postcode: "ZZ9 9ZZ")[.home] == 6)
        // A place the register does not know is still a place: "different", not "missing".
        #expect(compared(home: nil, postcode: nil, place: true)[.home] == 6)
    }

    @Test func gradesNamesWrittenTheOtherWayRoundAsSwapped() {
        let swapped = compared("Kayleigh", "Testerby")
        #expect(swapped[.surname] == 2 && swapped[.forename] == 2)
        // With a slip in one of them too.
        let slipped = compared("Kayleigh", "Testreby")
        #expect(slipped[.surname] == 2 && slipped[.forename] == 2)
        // One name in the other's place is not a swap.
        let half = compared("Kayleigh", "Zoe")
        #expect(half[.surname] == 8 && half[.forename] == 9)
    }

    @Test func gradesAnAddressNoHomeMatchesBySimilarityThenByDistrict() {
        // The police wrote the home's name and street with a slip: no home is found from it.
        #expect(compared(home: nil, postcode: nil, address: "Willow Sampel House, 12 Willow Lane")[.home] == 4)
        #expect(compared(home: nil, postcode: nil, address: "12 Wilow Lane, Testbury")[.home] == 4)
        // Another house number in the same street is another house.
        #expect(compared(home: nil, postcode: nil, address: "14 Willow Lane, Testbury")[.home] == 6)
        // A postcode of the same district, and nothing else.
        #expect(compared(home: nil, postcode: "ZZ1 9ZZ")[.home] == 5)
        #expect(compared(home: nil, postcode: "ZZ1 9ZZ", address: "14 Willow Lane")[.home] == 5)
    }

    @Test func numbersEveryVectorOnceForCounting() {
        var seen = Set<Int>()
        let counts = LinkField.allCases.map(\.levels.count)
        for s in 0..<counts[0] {
            for f in 0..<counts[1] {
                for d in 0..<counts[2] {
                    for x in 0..<counts[3] {
                        for h in 0..<counts[4] {
                            let vector = ComparisonVector(levels: [UInt8(s), UInt8(f), UInt8(d), UInt8(x), UInt8(h)])
                            #expect(ComparisonVector(patternIndex: vector.patternIndex) == vector)
                            seen.insert(vector.patternIndex)
                        }
                    }
                }
            }
        }
        #expect(seen == Set(0..<ComparisonVector.patternCount))
    }
}

struct MatchModelTests {
    @Test func agreementWeighsForAndDisagreementAgainst() {
        let model = MatchModel.defaults
        for field in LinkField.allCases {
            #expect(model.weight(field, level: 1) > 0, "\(field) exact")
            #expect(model.weight(field, level: field.levels.count - 1) < 0, "\(field) different")
            #expect(model.weight(field, level: 0) == 0, "\(field) missing")
        }
    }

    @Test func expectationMaximisationSeparatesMatchesFromNonMatches() {
        // 100 pairs agreeing on everything and 900 disagreeing on everything.
        var model = MatchModel.defaults
        model.m = model.u  // start knowing nothing
        model.m[0] = [0, 0.5, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05]
        model.estimateM(patterns: [
            ComparisonVector(levels: [1, 1, 1, 1, 1]): 100, ComparisonVector(levels: [8, 9, 5, 2, 6]): 900,
        ])
        #expect(abs(model.matchShare - 0.1) < 0.01)
        #expect(model.m[LinkField.surname.rawValue][1] > 0.9)
    }

    @Test func expectationMaximisationIsNotMisledByNonMatchesThatShareABlock() {
        // Blocked pairs: every one agrees on date of birth (their block). 100 matches, some with
        // a slip in one name; 900 non-matches, half of the same sex. Held to the random pairs'
        // u (dates of birth agree 4 times in 10,000), the non-matches would look like matches.
        var model = MatchModel.defaults
        let s = LinkField.surname.rawValue, f = LinkField.forename.rawValue, x = LinkField.sex.rawValue
        model.estimateM(patterns: [
            ComparisonVector(levels: [1, 1, 1, 1, 1]): 80, ComparisonVector(levels: [3, 1, 1, 1, 1]): 10,
            ComparisonVector(levels: [1, 9, 1, 1, 1]): 10,
            ComparisonVector(levels: [8, 9, 1, 1, 6]): 450, ComparisonVector(levels: [8, 9, 1, 2, 6]): 450,
        ])
        // The shares are smoothed by one observation per level: 90 of 100 over 8 levels is 91/108.
        #expect(abs(model.matchShare - 0.1) < 0.005)
        #expect(abs(model.m[s][1] - 91.0 / 108) < 0.005)
        #expect(abs(model.m[s][3] - 11.0 / 108) < 0.005)
        #expect(abs(model.m[f][9] - 11.0 / 109) < 0.005)
        #expect(model.m[x][2] < 0.02)
        // u, for the weights, is still the population's: left as it was.
        #expect(model.u == MatchModel.defaults.u)
    }

    @Test func expectationMaximisationLeavesMAloneWhenItCannotFindTwoClasses() {
        let start = MatchModel.defaults
        // Blocks so tight that every pair is a match: no non-match class to find.
        var tight = start
        tight.estimateM(patterns: [
            ComparisonVector(levels: [1, 1, 1, 1, 1]): 4_000, ComparisonVector(levels: [1, 9, 1, 1, 1]): 100,
        ])
        #expect(tight.m == start.m && tight.matchShare == start.matchShare)
        // Too few pairs to estimate from.
        var few = start
        few.estimateM(patterns: [ComparisonVector(levels: [1, 1, 1, 1, 1]): 80, ComparisonVector(levels: [8, 9, 1, 1, 6]): 700])
        #expect(few.m == start.m)
        // A pair agreeing only on surname and date of birth stays below the link band.
        let weak = ComparisonVector(levels: [1, 9, 1, 2, 6])
        #expect(tight.tempered().weight(weak) < ProbabilisticPersonLinker.Thresholds().link)
    }

    @Test func temperingKeepsEveryLevelPossible() {
        var model = MatchModel.defaults
        model.m[LinkField.sex.rawValue] = [0, 1, 0]
        #expect(model.weight(.sex, level: 2) < -18)
        let tempered = model.tempered()
        #expect(tempered.weight(.sex, level: 2) > -11 && tempered.weight(.sex, level: 2) < -9)
        #expect(abs(tempered.m[LinkField.sex.rawValue].reduce(0, +) - 1) < 1e-12)
        #expect(tempered.weight(.sex, level: 1) > 0.9)
    }
}

struct ProbabilisticPersonLinkerTests {
    private func links(children: String, police: String, episodes: String = "") throws -> (ProbabilisticLinkage, Dataset) {
        let dataset = try Fixture.load(Fixture.files(children: children, episodes: episodes, police: police))
        return (ProbabilisticPersonLinker().run(LinkContext(dataset: dataset)), dataset)
    }

    @Test func linksAReportWithANicknameAndSwappedDateOfBirth() throws {
        let (linkage, _) = try links(
            children: "C1,916,Kayleigh,Smith,03/04/2009,F,SC000001\nC2,916,Amy,Jones,05/06/2010,F,SC000002\n",
            police: "P1,GLO,Kayley,SMITH,04/03/2009,F,Willow House,GL1 1AA,01/03/2024 10:00,,,,\n")
        #expect(linkage.links[0]?.child == "C1")
        #expect(linkage.links[0]?.method == .model)
        // Blocking let C1 through (its date of birth swapped back); Amy Jones shares no block.
        #expect(linkage.candidates(ofReport: 0) == ["C1"])
        #expect(linkage.explain(report: 0).map(\.child) == linkage.candidates(ofReport: 0))
    }

    @Test func countsTheTruePairsBlockingKept() throws {
        // P1 (a nickname, day and month swapped) is blocked with its child; P2's child shares no
        // block with it (another surname, date of birth and home); P3 is certain by its police_ref.
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,916,Kayleigh,Smith,03/04/2009,F,SC000001\nC2,916,Amy,Jones,05/06/2010,F,SC000002\n",
            episodes: Rows.episode("E1", start: "01/03/2024 10:00") + Rows.episode("E2", child: "C2", start: "02/03/2024 10:00")
                + Rows.episode("E3", child: "C2", start: "03/03/2024 10:00", ref: "P3"),
            police: "P1,GLO,Kayley,SMITH,04/03/2009,F,Willow House,GL1 1AA,01/03/2024 10:00,,,,\n"
                + "P2,GLO,Zed,Quorn,01/01/2001,M,Elsewhere,B9 9ZZ,02/03/2024 10:00,,,,\n"
                + "P3,GLO,Zed,Quorn,01/01/2001,M,Elsewhere,B9 9ZZ,03/03/2024 10:00,,,,\n"))
        let linkage = ProbabilisticPersonLinker().run(LinkContext(dataset: dataset))
        let pair = { (ref: String, episode: String) in SourcePair(policeRef: PoliceRef(ref), episodeID: EpisodeID(episode)) }
        let recall = BlockingRecall(linkage, truth: [pair("P1", "E1"), pair("P2", "E2"), pair("P3", "E3"), pair("P9", "E1")])
        #expect(recall.total == 3)
        #expect(recall.kept == 2)
    }

    @Test func sendsTwinsOfTheSameForenameToReviewInsteadOfGuessing() throws {
        let (linkage, _) = try links(
            children: "C1,916,Amy,Smith,03/04/2009,F,SC000001\nC2,916,Amy,Smith,03/04/2009,F,SC000001\n",
            police: "P1,GLO,Amy,Smith,03/04/2009,F,Willow House,GL1 1AA,01/03/2024 10:00,,,,\n")
        #expect(linkage.links[0] == nil)
        #expect(linkage.review.map(\.report) == [0])
    }

    @Test func leavesAReportAboutNobodyKnownUnlinked() throws {
        let (linkage, _) = try links(
            children: "C1,916,Amy,Smith,03/04/2009,F,SC000001\n",
            police: "P1,GLO,Zed,Quorn,01/01/2001,M,Elsewhere,B9 9ZZ,01/03/2024 10:00,,,,\n")
        #expect(linkage.links[0] == nil)
        #expect(linkage.review.isEmpty)
    }

    @Test func keepsTheCertainLinkOfARecordedPoliceReference() throws {
        let (linkage, _) = try links(
            children: "C1,916,Amy,Smith,03/04/2009,F,SC000001\n",
            police: "P1,GLO,Someone,Else,01/01/2001,M,,,01/03/2024 10:00,,,,\n",
            episodes: "E1,C1,916,M,01/03/2024 10:00,,SC000001,P1,,,\n")
        #expect(linkage.links[0] == PersonLink(child: "C1", method: .policeReference))
    }

    @Test func explainsEveryFieldAndTheTotal() throws {
        let dataset = try Fixture.load(Fixture.files(
            children: "C1,916,Kayleigh,Smith,03/04/2009,F,SC000001\n",
            police: "P1,GLO,Kayley,Smith,03/04/2009,F,Willow House,GL1 1AA,01/03/2024 10:00,,,,\n"))
        let linker = ProbabilisticPersonLinker()
        let context = LinkContext(dataset: dataset)
        let linkage = linker.run(context)
        let explanation = try #require(linkage.explain(report: 0).first)
        #expect(explanation.child == "C1")
        #expect(explanation.fields.map(\.field) == ["surname", "forename", "date of birth", "sex", "home"])
        #expect(explanation.fields[1].level == "nickname")
        #expect(abs(explanation.total - explanation.fields.reduce(0) { $0 + $1.weight }) < 1e-9)
        #expect(abs(explanation.total - (linkage.links[0]?.weight ?? .nan)) < 1e-9)
    }

    @Test func findsMorePairsThanTheRulesOnNoisyGeneratedData() throws {
        let (dataset, truth) = try Fixture.generated(seed: 3, children: 1500, noise: .high)
        let rules = LinkageEvaluation(
            predicted: IncidentLinker(personLinker: DeterministicPersonLinker()).link(dataset).linkedPairs, truth: truth)
        let model = LinkageEvaluation(predicted: IncidentLinker().link(dataset).linkedPairs, truth: truth)
        #expect(model.recall > rules.recall + 0.03)
        #expect(model.precision > 0.99)
        #expect(model.f1 > rules.f1)
    }
}

struct ComparedPairsTests {
    /// Every report the model decides, on noisy generated data (where a child missing again is
    /// often reported with the same fields, so reports share their pairs): its pairs are its
    /// candidates, in order, each with its own comparison; the counts are the pairs' vectors.
    @Test func givesEveryReportItsOwnCandidatesAndComparisonsWhenReportsRepeat() throws {
        let context = LinkContext(dataset: try Fixture.generated(seed: 5, children: 800, noise: .medium).dataset)
        let space = CandidateSpace(context: context)
        let pairs = ComparedPairs(space: space)
        var counts = [Int](repeating: 0, count: ComparisonVector.patternCount)
        var decided: [ComparableReport] = []
        space.people.withComparison { comparison in
            for r in 0..<context.dataset.policeReports.count {
                var children: [Int] = []
                var patterns: [Int] = []
                pairs.forEachPair(ofReport: r) { child, pattern in
                    children.append(Int(child))
                    patterns.append(pattern)
                }
                guard context.certainEpisodes[r] < 0 else {
                    #expect(children.isEmpty)
                    continue
                }
                decided.append(space.people.reports[r])
                let candidates = space.candidates(ofReport: r)
                #expect(children == candidates)
                #expect(patterns == candidates.map { comparison.compare(report: r, child: $0).patternIndex })
                for pattern in patterns { counts[pattern] += 1 }
            }
        }
        #expect(pairs.patternCounts() == counts)
        #expect(pairs.count == counts.reduce(0, +))
        // The data exercise the sharing: many decided reports repeat another's fields.
        #expect(Set(decided).count < decided.count * 9 / 10)
    }
}

struct BlockTableTests {
    @Test func findsEveryKeysChildrenOnceInOrderAndNothingForOtherKeys() {
        var entries: [(key: BlockKey, child: Int32)] = []
        for n in 0..<2000 {
            let key = BlockKey(rule: UInt64(1 + n % 5), date: UInt32(n % 97), a: Int32(n % 13), b: Int32(n % 7) - 1, c: Int32(n % 3))
            entries.append((key, Int32(n)))
            entries.append((key, Int32(n)))  // given twice, kept once
        }
        let table = BlockTable(entries: entries.reversed())
        var expected: [BlockKey: [Int32]] = [:]
        for (key, child) in entries where expected[key]?.last != child { expected[key, default: []].append(child) }
        for (key, children) in expected {
            var found: [Int32] = []
            var lookups = BlockLookups()
            lookups.add(key)
            table.appendChildren(of: &lookups, to: &found)
            #expect(found == children)
        }
        var none: [Int32] = []
        var absent = BlockLookups()
        absent.add(BlockKey(rule: 9, date: 1))
        table.appendChildren(of: &absent, to: &none)
        #expect(none.isEmpty)
    }

    @Test func looksUpManyKeysAtOnceAsOneByOneAndKeepsEachKeysLimit() {
        var entries: [(key: BlockKey, child: Int32)] = []
        for n in 0..<5000 { entries.append((BlockKey(rule: 1, a: Int32(n % 400)), Int32(n))) }
        let table = BlockTable(entries: entries)
        var lookups = BlockLookups()
        var expected: [Int32] = []
        for a in stride(from: 0, to: 400, by: 37) {
            // Each key has 12 or 13 children: a limit of 12 keeps only the first kind.
            lookups.add(BlockKey(rule: 1, a: Int32(a)), limit: 12)
            let children = entries.filter { $0.key == BlockKey(rule: 1, a: Int32(a)) }.map(\.child)
            if children.count <= 12 { expected += children }
        }
        lookups.add(BlockKey(rule: 2, a: 5))  // no child has it
        var found: [Int32] = []
        table.appendChildren(of: &lookups, to: &found)
        #expect(found == expected)
        #expect(!expected.isEmpty)
    }

    /// A child under several of a record's keys is added once by a reused buffer, and by a
    /// one-record buffer once its repeats are sorted out; the same for either.
    @Test func addsAChildUnderSeveralKeysOnce() {
        let entries: [(key: BlockKey, child: Int32)] = [
            (BlockKey(rule: 1, a: 1), 4), (BlockKey(rule: 1, a: 1), 7), (BlockKey(rule: 2, a: 1), 7), (BlockKey(rule: 2, a: 1), 2),
        ]
        let table = BlockTable(entries: entries)
        for reused in [true, false] {
            var lookups = BlockLookups(reused: reused)
            var found: [Int32] = []
            for _ in 0..<2 {
                found.removeAll()
                lookups.removeAll()
                lookups.add(BlockKey(rule: 1, a: 1))
                lookups.add(BlockKey(rule: 2, a: 1))
                table.appendChildren(of: &lookups, to: &found)
                if reused { #expect(found.count == 3) }
                found.sortAndRemoveDuplicates()
                #expect(found == [2, 4, 7])
            }
        }
    }
}

struct NameTableTests {
    @Test func numbersEachNameOnceWithItsSoundAndInitial() {
        var names = NameTable()
        let smith = names.id(of: "smith")
        #expect(names.id(of: "smith") == smith)
        #expect(names.id(of: "") == NameTable.empty)
        let smyth = names.id(of: "smyth")
        #expect(smyth != smith)
        #expect(names.sounds[Int(smith)] == names.sounds[Int(smyth)])
        #expect(names.initials[Int(smith)] == names.initials[Int(smyth)])
        #expect(names.initials[Int(NameTable.empty)] == 0)
        #expect(names.existingID(of: "jones") == nil)
    }
}

struct LetterCountsTests {
    /// The letters' bound only ever skips reading names it proves cannot agree: on every pair of
    /// many names (typos, swaps, repeats, accents, hyphens, initials, unrelated names), the level
    /// with it is the level without it, and it does skip most unrelated pairs.
    @Test func changesNoNamesLevelAndSkipsUnrelatedNames() {
        var names = NameTable()
        var random = SeededRandom(seed: 11)
        let pieces = ["smith", "smyth", "jones", "o'neil", "oneill", "zoë", "zoe", "anne-marie", "annemarie", "marie", "jo",
                      "j", "s", "bernry", "berry", "miles", "milfs", "le", "t", "aaaaa", "aaab", "mississippi", "lee",
                      "smith-jones", "jonesmith", "hughes", "hughs", "é", "eé", "abcdefghijklmnop"]
        var texts = pieces
        let letters = Array("abcdeilmnorstyé- ")
        for _ in 0..<400 {
            let length = 1 + random.below(9)
            texts.append(String((0..<length).map { _ in letters[random.below(letters.count)] }))
        }
        let ids = texts.map { names.id(of: $0) }
        var skipped = 0
        var pairs = 0
        names.withNames { borrowed in
            for a in ids {
                for b in ids where a != b && a != NameTable.empty && b != NameTable.empty {
                    pairs += 1
                    let counted = borrowed.letters[Int(a)]
                    if counted.cannotReach(0.7, with: borrowed.letters[Int(b)]) { skipped += 1 }
                    for nicknames in [false, true] {
                        #expect(borrowed.agreement(a, b, nicknames: nicknames)
                            == borrowed.agreement(a, b, nicknames: nicknames, useLetterBound: false))
                    }
                }
            }
        }
        #expect(skipped > pairs / 4)
    }
}
