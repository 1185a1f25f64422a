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
}
