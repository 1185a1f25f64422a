import Testing
@testable import IncidentModel

struct CSVReaderTests {
    @Test func readsPlainFieldsAndLines() {
        let records = Fixture.records("a,b,c\n1,2,3\n")
        #expect(records == [
            CSVRecordSnapshot(line: 1, fields: ["a", "b", "c"]),
            CSVRecordSnapshot(line: 2, fields: ["1", "2", "3"]),
        ])
    }

    @Test func keepsCommasInsideQuotes() {
        let records = Fixture.records("name,address\n\"Willow House\",\"1 Lane, Gloucester\"\n")
        #expect(records[1].fields == ["Willow House", "1 Lane, Gloucester"])
    }

    @Test func undoublesQuotesInsideQuotes() {
        let records = Fixture.records("a,b\n\"she said \"\"hi\"\"\",\"\"\"\"\n")
        #expect(records[1].fields == ["she said \"hi\"", "\""])
    }

    @Test func joinsTextAfterTheClosingQuoteToTheField() {
        let records = Fixture.records("a,b\n\"Flat 2\"B,x\n")
        #expect(records[1].fields == ["Flat 2B", "x"])
    }

    @Test func readsQuotedFieldsInPlaceBesideUnescapedOnes() {
        // One record mixing quoted fields read where they lie, quoted fields unescaped into the
        // reader's storage, and plain fields: each gives its own text.
        let records = Fixture.records("\"one, two\",\"say \"\"hi\"\"\",three,\"\",\"four\"\"\",\"five\"\n")
        #expect(records[0].fields == ["one, two", "say \"hi\"", "three", "", "four\"", "five"])
    }

    @Test func measuresQuotedFieldsWithoutTheirQuotesAgainstTheLimit() {
        #expect(firstProblem("\"abcde\",\"ab\"\"cd\",\"abcdef\"\n", limit: 5) == .fieldTooLong(field: 2, length: 6))
    }

    @Test func undoublesQuotesOfAFieldLeftOpen() {
        let records = Fixture.records("a,\"x\"\"y\n")
        #expect(records[0].problem == .unterminatedQuote(line: 1, column: 3))
        #expect(records[0].fields == ["a", "x\"y\n"])
    }

    @Test func keepsNewlinesInsideQuotesAndCountsLinesAfterThem() {
        let text = "a,b\n\"line one\nline two\r\nline three\",x\n1,2\n"
        let records = Fixture.records(text)
        #expect(records.count == 3)
        #expect(records[1].fields == ["line one\nline two\r\nline three", "x"])
        #expect(records[1].line == 2)
        #expect(records[2].line == 5)
        #expect(records[2].fields == ["1", "2"])
    }

    @Test func skipsByteOrderMark() {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("code,name\nGLO,Glos\n".utf8))
        #expect(reader.hadByteOrderMark)
        var first: [String] = []
        _ = reader.next { first = $0.strings }
        #expect(first == ["code", "name"])
    }

    @Test func reportsNoByteOrderMarkWhenAbsent() {
        let reader = CSVReader(bytes: Array("code\n".utf8))
        #expect(!reader.hadByteOrderMark)
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func readsEachLineEnding(_ end: String) {
        let records = Fixture.records("a,b" + end + "1,2" + end + end + "3,4" + end)
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], [""], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func readsLastRecordWithoutTrailingNewline() {
        let records = Fixture.records("a,b\n1,2")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func keepsTrailingEmptyField() {
        let records = Fixture.records("a,b,\n")
        #expect(records[0].fields == ["a", "b", ""])
    }

    @Test func treatsRowOfCommasAsBlank() {
        var reader = CSVReader(bytes: Array(",,,\n\n\"\"\nx\n".utf8))
        var blank: [Bool] = []
        while reader.next({ blank.append($0.isBlank) }) {}
        #expect(blank == [true, true, true, false])
    }

    @Test func keepsQuoteInsideUnquotedFieldAsText() {
        let records = Fixture.records("5'11\" tall,b\n")
        #expect(records[0].fields == ["5'11\" tall", "b"])
        #expect(records[0].problem == nil)
    }

    @Test func reportsUnterminatedQuoteWithItsLine() {
        let records = Fixture.records("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(records.count == 3)
        #expect(records[2].problem == .unterminatedQuote(line: 3, column: 3))
        #expect(records[2].fields == ["3", "open\n4,5\n"])
    }

    @Test func reportsFieldTooLong() {
        #expect(firstProblem("ab,abcdef,x\n", limit: 5) == .fieldTooLong(field: 1, length: 6))
    }

    @Test func acceptsFieldAtTheLimit() {
        #expect(firstProblem("abcde\n", limit: 5) == nil)
    }

    /// The problem reported on the first record of `text`, read with fields of at most `limit`
    /// bytes.
    private func firstProblem(_ text: String, limit: Int) -> CSVRecord.Problem? {
        var reader = CSVReader(bytes: Array(text.utf8), maximumFieldLength: limit)
        var problem: CSVRecord.Problem?
        let read = reader.next { problem = $0.problem }
        #expect(read)
        return problem
    }

    @Test func reportsInvalidUTF8WithFileByteOffset() {
        // "£" saved as Windows-1252 is the single byte 0xA3.
        let bytes = Array("a,b\n1,".utf8) + [0xA3] + Array("5\n".utf8)
        let records = Fixture.records(bytes)
        #expect(records[0].problem == nil)
        #expect(records[1].problem == .invalidUTF8(byteOffset: 6, line: 2, column: 3))
    }

    @Test func countsOffsetFromFileStartIncludingByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\nxxxxxxxxxx".utf8) + [0xFF] + [0x0A]
        let records = Fixture.records(bytes)
        #expect(records[1].problem == .invalidUTF8(byteOffset: 15, line: 2, column: 11))
    }

    @Test(arguments: [
        [0xC3] as [UInt8],  // truncated two-byte sequence
        [0xE2, 0x82],  // truncated three-byte sequence
        [0xC0, 0x80],  // overlong NUL
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
    ])
    func rejectsMalformedUTF8(_ bad: [UInt8]) {
        let bytes = Array("ok,".utf8) + bad + Array(",ok\n".utf8)
        #expect(Fixture.records(bytes)[0].problem == .invalidUTF8(byteOffset: 3, line: 1, column: 4))
    }

    /// Inside a quoted field that spans lines, the bad byte's own line and column are given.
    @Test func placesInvalidUTF8OnItsOwnLineWithinAQuotedField() {
        let bytes = Array("a,b\n1,\"x\r\nyz".utf8) + [0xFF] + Array("\"\n".utf8)
        let records = Fixture.records(bytes)
        #expect(records[1].problem == .invalidUTF8(byteOffset: 12, line: 3, column: 3))
    }

    @Test func acceptsWellFormedMultibyteText() {
        let records = Fixture.records("Zoë,£5,😀,O’Neil\n")
        #expect(records[0].problem == nil)
        #expect(records[0].fields == ["Zoë", "£5", "😀", "O’Neil"])
    }

    @Test func findsInvalidByteAfterLongASCIIRun() {
        // Past the eight-bytes-at-a-time fast path.
        let bytes = Array(String(repeating: "a", count: 37).utf8) + [0x80] + [0x0A]
        #expect(Fixture.records(bytes)[0].problem == .invalidUTF8(byteOffset: 37, line: 1, column: 38))
    }

    @Test func givesEmptyTextForMissingField() {
        var reader = CSVReader(bytes: Array("a,b\n".utf8))
        var third = "unset"
        _ = reader.next { third = $0.string(5) }
        #expect(third == "")
    }

    @Test func readsEmptyInputAsNoRecords() {
        #expect(Fixture.records([]).isEmpty)
        #expect(Fixture.records([0xEF, 0xBB, 0xBF]).isEmpty)
    }
}
