/// Calendar arithmetic for q's temporal types. q counts from 2000.01.01: dates in days,
/// months in months, timestamps and timespans in nanoseconds, datetimes in fractional days.
public enum Temporal {
  public static let nanosPerDay: Int64 = 86_400_000_000_000

  /// Days from 2000.01.01 to a civil date (proleptic Gregorian).
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 730425  // 730425 = days from 0000.03.01 to 2000.01.01
  }

  /// The civil date of a day count from 2000.01.01.
  public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 730425
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }

  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard month >= 1 && month <= 12 && day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  /// Unix epoch seconds to q timestamp nanoseconds.
  public static func timestamp(unixNanos: Int64) -> Int64 {
    unixNanos - 946_684_800_000_000_000
  }
}
