import Testing
@testable import IncidentModel

struct DateStyleTests {
    func read(_ pattern: String, _ text: String) throws -> ParsedDateTime? {
        let style = try DateStyle(pattern)
        guard case let .success(parsed) = style.parse(text) else { return nil }
        return parsed
    }

    @Test(arguments: [
        ("dd/MM/yyyy HH:mm", "01/10/2024 13:54", "2024-10-01", 13 * 3600 + 54 * 60),
        ("yyyy-MM-dd'T'HH:mm", "2024-10-01T13:54", "2024-10-01", 13 * 3600 + 54 * 60),
        ("dd-MMM-yyyy HH:mm:ss", "01-oct-2024 13:54:07", "2024-10-01", 13 * 3600 + 54 * 60 + 7),
        ("d MMMM yyyy H:mm", "1 October 2024 9:05", "2024-10-01", 9 * 3600 + 5 * 60),
    ])
    func readsDatesAndTimesInTheirStyle(pattern: String, text: String, date: String, seconds: Int) throws {
        let parsed = try #require(try read(pattern, text))
        #expect(parsed.date.description == date)
        #expect(parsed.secondsIntoDay == seconds)
    }

    @Test func twoDigitYearsFollowPOSIX() throws {
        #expect(try read("dd-MMM-yy", "16-May-11")?.date.description == "2011-05-16")
        #expect(try read("dd-MMM-yy", "16-May-68")?.date.description == "2068-05-16")
        #expect(try read("dd-MMM-yy", "16-May-69")?.date.description == "1969-05-16")
        #expect(try read("dd-MMM-yy", "16-May-11")?.secondsIntoDay == nil)
    }

    @Test func readsNothingElse() throws {
        let style = try DateStyle("dd/MM/yyyy HH:mm")
        #expect(style.parse("2024-10-01 13:54") == .failure(.unrecognised))
        #expect(style.parse("01/10/2024") == .failure(.unrecognised))
        #expect(style.parse("01/10/2024 13:54:00") == .failure(.unrecognised))
        #expect(style.parse("31/02/2024 10:00") == .failure(.impossible))
        #expect(style.parse("01/10/2024 24:00") == .failure(.impossible))
    }

    @Test func rejectsPatternsThatCannotGiveADate() {
        #expect(throws: DateStyleError.unknownLetter(pattern: "dd/MM/yyyy hh:mm", letter: "h")) { try DateStyle("dd/MM/yyyy hh:mm") }
        #expect(throws: DateStyleError.incomplete(pattern: "MM/yyyy", missing: "day (dd)")) { try DateStyle("MM/yyyy") }
        #expect(throws: DateStyleError.unterminatedQuote(pattern: "yyyy-MM-dd'T")) { try DateStyle("yyyy-MM-dd'T") }
    }

    @Test func formatsWhatItReads() throws {
        for pattern in ["dd-MMM-yyyy HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "dd-MMM-yy", "d MMMM yyyy"] {
            let style = try DateStyle(pattern)
            let date = try #require(CivilDate(year: 2011, month: 5, day: 6))
            let text = style.format(date, secondsIntoDay: 7 * 3600 + 8 * 60 + 9)
            guard case let .success(back) = style.parse(text) else {
                Issue.record("\(pattern) cannot read its own \(text)")
                continue
            }
            #expect(back.date == date)
        }
    }
}
