import QValues

/// The result types of the arithmetic verbs, following the "range and domains" tables of
/// q's reference: integral types narrower than long add up as int, reals stay real
/// against integers, temporals absorb numbers, and a few temporal pairs meet as timestamps.
extension Arithmetic {
  /// Order of the numeric types when two meet: the wider wins.
  static func numericRank(_ t: QType) -> Int? {
    switch t {
    case .boolean: return 1
    case .byte: return 2
    case .short: return 3
    case .int: return 4
    case .long: return 5
    case .real: return 6
    case .float: return 7
    default: return nil
    }
  }

  /// The result type of `x op y`, or nil when q signals 'type.
  static func resultType(_ op: Op, _ a: QType, _ b: QType) -> QType? {
    switch op {
    case .divide: return dividable(a) && dividable(b) ? .float : nil
    case .min, .max: return extremeType(a, b)
    case .add, .subtract, .multiply: return sumType(op, a, b)
    }
  }

  static func dividable(_ t: QType) -> Bool { numericRank(t) != nil || t == .char || t.isTemporal }

  /// `+ - *`.
  static func sumType(_ op: Op, _ a: QType, _ b: QType) -> QType? {
    if let na = numericRank(a), let nb = numericRank(b) { return widerNumeric(Swift.max(na, nb)) }
    if a == .char || b == .char {
      let other = a == .char ? b : a
      if other == .char { return nil }
      if other == .float { return .float }
      if other.isTemporal { return other }
      // Only subtraction takes a char on the right of a number.
      if op == .subtract, b == .char, let n = numericRank(a) { return widerNumeric(n) }
      return nil
    }
    if a.isTemporal, let n = numericRank(b) { return n == 7 ? floatPartner(a) : a }
    if b.isTemporal, let n = numericRank(a) { return n == 7 ? floatPartner(b) : b }
    guard a.isTemporal, b.isTemporal, op != .multiply else { return nil }
    return temporalSum(a, b)
  }

  static func widerNumeric(_ rank: Int) -> QType {
    switch rank {
    case ...4: return .int
    case 5: return .long
    case 6: return .real
    default: return .float
    }
  }

  /// A temporal with a float: dates become datetimes, the rest plain floats.
  static func floatPartner(_ t: QType) -> QType { t == .date || t == .datetime ? .datetime : .float }

  static func isCalendar(_ t: QType) -> Bool { t == .timestamp || t == .month || t == .date || t == .datetime }

  /// Two temporals under `+` or `-`: the table is symmetric.
  static func temporalSum(_ a: QType, _ b: QType) -> QType? {
    if a == b {
      switch a {
      case .timestamp: return .timespan
      case .month, .date: return .int
      case .datetime: return .float
      default: return a
      }
    }
    let ca = isCalendar(a), cb = isCalendar(b)
    if ca && cb { return nil }
    if ca || cb {
      let cal = ca ? a : b, clock = ca ? b : a
      if cal == .datetime && clock != .timespan { return .datetime }
      return .timestamp
    }
    if a == .timespan || b == .timespan { return .timespan }
    return clockOrder(a) > clockOrder(b) ? a : b
  }

  static func clockOrder(_ t: QType) -> Int {
    switch t {
    case .minute: return 1
    case .second: return 2
    case .time: return 3
    case .timespan: return 4
    default: return 0
    }
  }

  static func calendarOrder(_ t: QType) -> Int {
    switch t {
    case .month: return 1
    case .date: return 2
    case .datetime: return 3
    case .timestamp: return 4
    default: return 0
    }
  }

  /// `&` and `|`: the higher of the two types; char ranks above the numbers.
  static func extremeType(_ a: QType, _ b: QType) -> QType? {
    func plainRank(_ t: QType) -> Int? { t == .char ? 8 : numericRank(t) }
    if let ra = plainRank(a), let rb = plainRank(b) { return ra >= rb ? a : b }
    if a.isTemporal && plainRank(b) != nil { return a }
    if b.isTemporal && plainRank(a) != nil { return b }
    guard a.isTemporal, b.isTemporal else { return nil }
    if a == b { return a }
    let ca = isCalendar(a), cb = isCalendar(b)
    if ca && cb {
      if (a == .month && b == .datetime) || (a == .datetime && b == .month) { return nil }
      return calendarOrder(a) > calendarOrder(b) ? a : b
    }
    if !ca && !cb { return clockOrder(a) > clockOrder(b) ? a : b }
    let cal = ca ? a : b, clock = ca ? b : a
    return cal == .timestamp || cal == .datetime ? clock : nil
  }

  /// The null of a result type, as the Int64 that truncates to it.
  static func integralNull(_ r: QType) -> Int64 {
    switch r.storageKind {
    case .long: return Nulls.long
    case .int: return Int64(Nulls.int)
    case .short: return Int64(Nulls.short)
    default: return 0
    }
  }

  /// How many units of `to` one unit of `from` is, for integral temporal results.
  static func unitScale(_ from: QType, to: QType) -> Int64 {
    switch to {
    case .timestamp, .timespan:
      switch from {
      case .date: return Temporal.nanosPerDay
      case .minute: return 60_000_000_000
      case .second: return 1_000_000_000
      case .time: return 1_000_000
      default: return 1
      }
    case .time:
      return from == .minute ? 60_000 : from == .second ? 1000 : 1
    case .second:
      return from == .minute ? 60 : 1
    default: return 1
    }
  }

  /// Days per unit of a temporal type, for datetime results.
  static func daysPerUnit(_ t: QType) -> Double {
    switch t {
    case .minute: return 1.0 / 1440
    case .second: return 1.0 / 86400
    case .time: return 1.0 / 86_400_000
    case .timespan, .timestamp: return 1.0 / 86_400_000_000_000
    default: return 1
    }
  }

  /// Days from 2000.01.01 to the first of a month counted from 2000.01.
  static func monthStartDays(_ m: Int64) -> Int64 {
    let y = m >= 0 ? m / 12 : (m - 11) / 12
    let mo = m - y * 12
    return Int64(Temporal.days(year: 2000 + Int(y), month: Int(mo) + 1, day: 1))
  }
}
