import Testing
@testable import IncidentModel

struct TextMemoTests {
    @Test func computesEachTextOnceAndGivesItsValueBackAfterGrowing() {
        var memo = TextMemo<Int>(capacity: 2)
        var computed: [String] = []
        // Lengths on both sides of eight bytes, shared prefixes, the empty text and non-ASCII.
        let texts = [""] + (0..<3000).map { "\($0 % 7 == 0 ? "Flat \($0), " : "")\($0) Sample Grove" } + ["Zoë", "Zoe", "é"]
        for _ in 0..<2 {
            for text in texts {
                let value = memo.value(for: text) {
                    computed.append(text)
                    return text.utf8.count
                }
                #expect(value == text.utf8.count)
            }
        }
        #expect(computed == texts)
        #expect(memo.count == texts.count)
    }

    @Test func keysByBytesSoCanonicallyEqualTextsAreComputedApartWithTheSameValue() {
        var memo = TextMemo<String>()
        let composed = "Caf\u{E9}"
        let decomposed = "Cafe\u{301}"
        #expect(composed == decomposed)
        #expect(memo.value(for: composed) { composed.lowercased() } == "café")
        #expect(memo.value(for: decomposed) { decomposed.lowercased() } == "café")
        #expect(memo.count == 2)
    }

    @Test func looksUpWithoutComputingAndRemembersWhatItIsGiven() {
        var memo = TextMemo<Int>(capacity: 2)
        let texts = (0..<500).map { "Surname\($0)" } + ["", "Ó Briain"]
        for text in texts {
            #expect(memo.value(for: text) == nil)
            memo.remember(text.unicodeScalars.count, for: text)
        }
        #expect(memo.count == texts.count)
        for text in texts {
            #expect(memo.value(for: text) == text.unicodeScalars.count)
        }
        #expect(memo.value(for: "Surname500") == nil)
        // Both forms reach the same entries.
        #expect(memo.value(for: "Surname7") { -1 } == 8)
        #expect(memo.count == texts.count)
    }
}
