import Testing
@testable import IncidentModel

struct DateTimeParserTests {
    static func parsed(_ text: String) -> ParsedDateTime? {
        guard case let .success(value) = DateTimeParser.parse(text) else { return nil }
        return value
    }

    static func problem(_ text: String) -> DateProblem? {
        guard case let .failure(problem) = DateTimeParser.parse(text) else { return nil }
        return problem
    }

    @Test(arguments: [
        ("2024-03-01", 2024, 3, 1, nil as Int?),
        ("01/03/2024", 2024, 3, 1, nil),
        ("1/3/2024", 2024, 3, 1, nil),
        ("2024-03-01T17:30", 2024, 3, 1, 17 * 3600 + 30 * 60),
        ("2024-03-01 17:30", 2024, 3, 1, 17 * 3600 + 30 * 60),
        ("2024-03-01 17:30:45", 2024, 3, 1, 17 * 3600 + 30 * 60 + 45),
        ("2024-03-01T17:30:45.250", 2024, 3, 1, 17 * 3600 + 30 * 60 + 45),
        ("01/03/2024 17:30", 2024, 3, 1, 17 * 3600 + 30 * 60),
        ("01/03/2024 07:05:09", 2024, 3, 1, 7 * 3600 + 5 * 60 + 9),
        ("01/03/2024 7:05", 2024, 3, 1, 7 * 3600 + 5 * 60),
        ("  13/12/2023  ", 2023, 12, 13, nil),
        ("29/02/2024", 2024, 2, 29, nil),
        ("2024-12-31 23:59:59", 2024, 12, 31, 86_399),
        ("01/03/2024 00:00", 2024, 3, 1, 0),
    ])
    func readsAcceptedLayouts(_ text: String, _ year: Int, _ month: Int, _ day: Int, _ seconds: Int?) throws {
        let value = try #require(Self.parsed(text))
        #expect(value.date == CivilDate(year: year, month: month, day: day))
        #expect(value.secondsIntoDay == seconds)
        #expect(value.utcOffsetSeconds == nil)
    }

    @Test func neverSwapsDayAndMonth() throws {
        // 03/04 is the 3rd of April, never the 4th of March; 13/01 is the 13th of January.
        #expect(try #require(Self.parsed("03/04/2024")).date == CivilDate(year: 2024, month: 4, day: 3))
        #expect(try #require(Self.parsed("13/01/2024")).date == CivilDate(year: 2024, month: 1, day: 13))
        // A US-style date with a month over 12 is impossible, not swapped.
        #expect(Self.problem("01/13/2024") == .impossible)
    }

    @Test(arguments: [
        ("2024-03-01T17:30Z", 0), ("2024-03-01T17:30z", 0), ("2024-03-01T17:30+01:00", 3600),
        ("2024-03-01T17:30-05:30", -(5 * 3600 + 30 * 60)), ("2024-03-01 17:30:00+0100", 3600), ("2024-03-01T17:30+02", 7200),
    ])
    func readsUTCOffsets(_ text: String, _ offset: Int) throws {
        #expect(try #require(Self.parsed(text)).utcOffsetSeconds == offset)
    }

    @Test func appliesOffsetToGetTheInstant() throws {
        let value = try #require(Self.parsed("2024-07-01T12:00+02:00"))
        let utc = try #require(Self.parsed("2024-07-01T10:00Z"))
        #expect(value.timestamp(in: .europeLondon) == utc.timestamp(in: .europeLondon))
        // The zone does not change a time that carries its own offset.
        #expect(value.timestamp(in: .utc) == value.timestamp(in: .europeLondon))
    }

    @Test(arguments: [
        "31/02/2024", "29/02/2023", "30/02/2024", "31/04/2024", "00/01/2024", "01/00/2024", "01/13/2024",
        "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "01/03/2024 24:00", "01/03/2024 23:60",
        "2024-03-01T12:00:60", "2024-03-01T12:00+15:00", "01/01/1800",
    ])
    func reportsImpossibleDatesAndTimes(_ text: String) {
        #expect(Self.problem(text) == .impossible)
    }

    @Test(arguments: [
        "", "yesterday", "01/03/24", "2024/03/01", "20240301", "2024-3-1", "01-03-2024", "01.03.2024",
        "1st March 2024", "March 1, 2024", "01/03/2024 5pm", "01/03/2024 17", "01/03/2024 17:3",
        "2024-03-01T", "2024-03-01 17:30 +01:00", "2024-03-01x", "1.5E+15", "-01/03/2024", "01/03/2024 17:30:0",
        "2024-03-01T17:30:45.", "01//2024",
    ])
    func reportsTextThatIsNotADate(_ text: String) {
        #expect(Self.problem(text) == .unrecognised)
    }

    @Test func readsDateOnlyAsTheWholeLocalDay() throws {
        let stamp = try #require(Self.parsed("10/07/2024")).timestamp(in: .europeLondon)
        #expect(stamp.isDateOnly)
        // 10 July is in summer time: the day runs from 23:00 UTC on the 9th.
        #expect(stamp.earliest == Fixture.instant("2024-07-09T23:00Z"))
        #expect(stamp.latest == Fixture.instant("2024-07-10T23:00Z"))
    }

    @Test func makesDateOnlyDayOnClockChangeTwentyFiveHoursLong() throws {
        let stamp = try #require(Self.parsed("27/10/2024")).timestamp(in: .europeLondon)
        #expect(stamp.earliest.hours(until: stamp.latest) == 25)
        let spring = try #require(Self.parsed("31/03/2024")).timestamp(in: .europeLondon)
        #expect(spring.earliest.hours(until: spring.latest) == 23)
    }

    @Test func ordersDateOnlyBeforeTimedRecordAtSameInstant() {
        let day = Fixture.time("2024-01-10")
        let midnight = Fixture.time("2024-01-10 00:00")
        #expect(day.instant == midnight.instant)
        #expect(day < midnight)
        #expect(!(midnight < day))
    }

    /// The fixed-place reader of the common layouts answers exactly as the general reader does,
    /// on those layouts with real, impossible and mistyped values.
    @Test func fixedLayoutsReadAsTheGeneralReaderDoes() {
        var random = SeededGenerator(seed: 20_261_206)
        let layouts = ["dddd-dd-dd", "dd/dd/dddd", "dddd-dd-ddTdd:dd", "dddd-dd-dd dd:dd", "dd/dd/dddd dd:dd"]
        let stray = Array("0123456789-/:T xZ+")
        var fixed = 0
        for _ in 0..<50_000 {
            let layout = layouts.randomElement(using: &random) ?? layouts[0]
            var text = layout.map { $0 == "d" ? Character(String(Int.random(in: 0...9, using: &random))) : $0 }
            // Months often past their limit, hours and minutes often past theirs (random digits);
            // now and then a stray character anywhere.
            let month = Int.random(in: 0...13, using: &random)
            let monthAt = layout.hasPrefix("dddd") ? 5 : 3
            text.replaceSubrange(monthAt..<monthAt + 2, with: String(month / 10) + String(month % 10))
            if Int.random(in: 0..<4, using: &random) == 0 {
                text[Int.random(in: 0..<text.count, using: &random)] = stray.randomElement(using: &random) ?? "x"
            }
            var string = String(text)
            string.withUTF8 { bytes in
                let general = DateTimeParser.parseAnyLayout(bytes)
                if let quick = DateTimeParser.parseFixedLayout(bytes) {
                    fixed += 1
                    #expect(quick == general, "\(String(decoding: bytes, as: UTF8.self))")
                }
                #expect(DateTimeParser.parse(bytes: bytes) == general)
            }
        }
        // Most texts were read at fixed places.
        #expect(fixed > 35_000)
    }
}

struct LocalTimeZoneTests {
    let london = LocalTimeZone.europeLondon

    @Test func readsWinterTimeAsUTC() {
        let instant = london.instant(date: CivilDate(year: 2024, month: 1, day: 15)!, secondsIntoDay: 12 * 3600)
        #expect(instant == Fixture.instant("2024-01-15T12:00Z"))
    }

    @Test func readsSummerTimeAsOneHourAhead() {
        let instant = london.instant(date: CivilDate(year: 2024, month: 7, day: 15)!, secondsIntoDay: 12 * 3600)
        #expect(instant == Fixture.instant("2024-07-15T11:00Z"))
    }

    @Test func readsRepeatedOctoberHourAsItsFirstOccurrenceInSummerTime() {
        // 27 October 2024 is the last Sunday of October: 01:00-01:59 happens twice.
        let date = CivilDate(year: 2024, month: 10, day: 27)!
        #expect(london.instant(date: date, secondsIntoDay: 1 * 3600 + 30 * 60) == Fixture.instant("2024-10-27T00:30Z"))
        #expect(london.instant(date: date, secondsIntoDay: 0 * 3600 + 59 * 60) == Fixture.instant("2024-10-26T23:59Z"))
        #expect(london.instant(date: date, secondsIntoDay: 2 * 3600) == Fixture.instant("2024-10-27T02:00Z"))
    }

    @Test func readsMissingMarchHourAsIfTheClockHadNotGoneForward() {
        // 31 March 2024 is the last Sunday of March: 01:00-01:59 never happens.
        let date = CivilDate(year: 2024, month: 3, day: 31)!
        let missing = london.instant(date: date, secondsIntoDay: 1 * 3600 + 30 * 60)
        #expect(missing == Fixture.instant("2024-03-31T01:30Z"))
        // ... which is 02:30 BST.
        #expect(london.local(missing).secondsIntoDay == 2 * 3600 + 30 * 60)
        #expect(london.instant(date: date, secondsIntoDay: 0 * 3600 + 59 * 60) == Fixture.instant("2024-03-31T00:59Z"))
        #expect(london.instant(date: date, secondsIntoDay: 3 * 3600) == Fixture.instant("2024-03-31T02:00Z"))
    }

    @Test func appliesClockChangeThroughTheParser() {
        #expect(Fixture.instant("27/10/2024 01:30") == Fixture.instant("2024-10-27T00:30Z"))
        #expect(Fixture.instant("31/03/2024 01:30") == Fixture.instant("2024-03-31T01:30Z"))
        #expect(Fixture.instant("31/03/2024 01:30") == Fixture.instant("31/03/2024 02:30"))
    }

    @Test(arguments: [
        (2023, 26, 29), (2024, 31, 27), (2025, 30, 26), (2026, 29, 25),
    ])
    func changesClocksOnLastSundays(_ year: Int, _ marchDay: Int, _ octoberDay: Int) {
        let (start, end) = LocalTimeZone.summerTime(year: year)
        let march = CivilDate(year: year, month: 3, day: marchDay)!
        let october = CivilDate(year: year, month: 10, day: octoberDay)!
        #expect(start.secondsSinceEpoch == Int64(march.daysSinceEpoch) * Instant.day + Instant.hour)
        #expect(end.secondsSinceEpoch == Int64(october.daysSinceEpoch) * Instant.day + Instant.hour)
        #expect(march.weekday == 6 && october.weekday == 6)
    }

    @Test func givesOffsetAroundTheChanges() {
        #expect(london.offset(at: Fixture.instant("2024-03-31T00:59:59Z")) == 0)
        #expect(london.offset(at: Fixture.instant("2024-03-31T01:00Z")) == 3600)
        #expect(london.offset(at: Fixture.instant("2024-10-27T00:59:59Z")) == 3600)
        #expect(london.offset(at: Fixture.instant("2024-10-27T01:00Z")) == 0)
        #expect(LocalTimeZone.utc.offset(at: Fixture.instant("2024-07-01T00:00Z")) == 0)
    }

    @Test func roundTripsEveryLocalMinuteOutsideTheGap() {
        // Every quarter hour of 2024, except the hour skipped in March, reads back to the same wall time.
        let gap = CivilDate(year: 2024, month: 3, day: 31)!
        var day = CivilDate(year: 2024, month: 1, day: 1)!
        while day.year == 2024 {
            for seconds in stride(from: 0, to: 86_400, by: 900) where !(day == gap && (3600..<7200).contains(seconds)) {
                let local = london.local(london.instant(date: day, secondsIntoDay: seconds))
                #expect(local.date == day && local.secondsIntoDay == seconds, "\(day) \(seconds)")
            }
            day = CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1)
        }
    }

    @Test func formatsLocalTimesToTheMinute() {
        let formatter = TimestampFormatter(zone: london)
        #expect(formatter.string(Fixture.instant("2024-07-01T16:30:59Z")) == "2024-07-01 17:30")
        #expect(formatter.string(Fixture.time("2024-07-01")) == "2024-07-01")
        #expect(formatter.string(Fixture.time("27/10/2024 01:30")) == "2024-10-27 01:30")
        #expect(formatter.string(Fixture.instant("2024-01-02T03:04:00Z")) == "2024-01-02 03:04")
    }

    @Test func padsEveryPartOfADate() throws {
        #expect(try #require(CivilDate(year: 1905, month: 1, day: 5)).description == "1905-01-05")
        #expect(try #require(CivilDate(year: 2199, month: 12, day: 31)).description == "2199-12-31")
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
    }
}

struct CivilDateTests {
    @Test func roundTripsDaysSinceEpochOverManyRandomDays() throws {
        var random = SeededGenerator(seed: 20_240_301)
        let low = CivilDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
        let high = CivilDate(year: 2199, month: 12, day: 31)!.daysSinceEpoch
        for _ in 0..<20_000 {
            let days = Int.random(in: low...high, using: &random)
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let checked = try #require(CivilDate(year: date.year, month: date.month, day: date.day))
            #expect(checked == date)
            let next = CivilDate(daysSinceEpoch: days + 1)
            #expect(date < next)
            #expect((date.weekday + 1) % 7 == next.weekday)
            let text = date.description
            #expect(DateTimeParserTests.parsed(text)?.date == date)
            let uk = "\(pad(date.day, 2))/\(pad(date.month, 2))/\(date.year)"
            #expect(DateTimeParserTests.parsed(uk)?.date == date)
        }
    }

    @Test func countsDaysFromTheEpoch() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(CivilDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(CivilDate(year: 1900, month: 3, day: 1)?.daysSinceEpoch == -25_508)
    }

    @Test(arguments: [
        (1970, 1, 1, 3), (2024, 3, 1, 4), (2024, 10, 27, 6), (2024, 2, 29, 3), (2000, 1, 1, 5), (1900, 1, 1, 0),
    ])
    func knowsTheWeekday(_ year: Int, _ month: Int, _ day: Int, _ weekday: Int) {
        #expect(CivilDate(year: year, month: month, day: day)?.weekday == weekday)
    }

    @Test func rejectsImpossibleDays() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 1899, month: 12, day: 31) == nil)
    }

    @Test(arguments: [
        ("2010-05-20", "2024-05-19", 13), ("2010-05-20", "2024-05-20", 14), ("2010-05-20", "2024-12-31", 14),
        ("2008-02-29", "2024-02-28", 15), ("2008-02-29", "2024-02-29", 16), ("2008-02-29", "2023-03-01", 15),
        ("2024-05-20", "2010-01-01", 0),
    ])
    func givesAgeInWholeYears(_ born: String, _ on: String, _ age: Int) {
        #expect(Fixture.date(born).age(on: Fixture.date(on)) == age)
    }

    @Test func swapsDayAndMonthOnlyWhenReal() {
        #expect(Fixture.date("2010-04-03").swappingDayAndMonth == Fixture.date("2010-03-04"))
        #expect(Fixture.date("2010-04-13").swappingDayAndMonth == nil)
    }

    @Test func printsISOForm() {
        #expect(CivilDate(year: 2024, month: 3, day: 1)?.description == "2024-03-01")
    }
}
