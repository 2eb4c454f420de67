import Testing

@testable import QValues

@Suite struct TemporalTests {
  @Test func epochIsDayZero() {
    #expect(Temporal.days(year: 2000, month: 1, day: 1) == 0)
    #expect(Temporal.days(year: 1999, month: 12, day: 31) == -1)
    #expect(Temporal.days(year: 2000, month: 3, day: 1) == 60)  // 2000 is a leap year
    #expect(Temporal.days(year: 1970, month: 1, day: 1) == -10957)
  }

  @Test func civilAndDaysRoundTripOverAWideRange() {
    // every day from year 0001 to 9999, and each one follows its predecessor
    let start = Temporal.days(year: 1, month: 1, day: 1)
    let end = Temporal.days(year: 9999, month: 12, day: 31)
    var previous = Temporal.civil(start - 1)
    var failures = 0
    for d in start...end {
      let c = Temporal.civil(d)
      if Temporal.days(year: c.year, month: c.month, day: c.day) != d || !Temporal.isValid(year: c.year, month: c.month, day: c.day) {
        failures += 1
      }
      let next = c.day == 1 && (c.month == previous.month + 1 || (c.month == 1 && previous.month == 12))
      if !(c.day == previous.day + 1 && c.month == previous.month && c.year == previous.year) && !next {
        failures += 1
      }
      previous = c
    }
    #expect(failures == 0)
  }

  @Test func leapYears() {
    #expect(Temporal.isValid(year: 2000, month: 2, day: 29))
    #expect(Temporal.isValid(year: 2024, month: 2, day: 29))
    #expect(!Temporal.isValid(year: 1900, month: 2, day: 29))
    #expect(!Temporal.isValid(year: 2023, month: 2, day: 29))
    #expect(!Temporal.isValid(year: 2023, month: 13, day: 1))
    #expect(!Temporal.isValid(year: 2023, month: 4, day: 31))
  }

  @Test func unixEpochInTimestampNanos() {
    #expect(Temporal.timestamp(unixNanos: 946_684_800_000_000_000) == 0)
    #expect(Temporal.timestamp(unixNanos: 0) == -10957 * Temporal.nanosPerDay)
  }

  @Test(arguments: [
    (0, "2000.01.01"), (-1, "1999.12.31"), (366, "2001.01.01"), (-10957, "1970.01.01"), (8766, "2024.01.01"),
  ])
  func datesFormat(days: Int32, text: String) {
    #expect(Format.date(days) == text)
  }
}
