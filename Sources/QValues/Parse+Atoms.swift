/// Reading atoms from text: the lexer's numeric and temporal literals, and the
/// conversions of `"J"$`, which accept the same spellings.
public enum AtomParser {
  /// Parse one literal token such as `42`, `-1.5e`, `0Ni`, `2020.01.01`, `12:30`, `0D01`.
  public static func literal(_ text: String) -> Value? {
    if text.isEmpty { return nil }
    if let special = nullOrInfinity(text) { return special }
    let last = text.last!
    if text.hasPrefix("0x") || text.hasPrefix("-0x") { return nil }  // bytes handled by the lexer
    // An explicit type suffix on a plain number.
    if let t = suffixType(last), !text.contains(":") || t.isTemporal {
      let body = String(text.dropLast())
      if t == .boolean { return body == "1" ? .bool(true) : body == "0" ? .bool(false) : nil }
      if t.isTemporal { return typed(body, t) }
      return number(body, as: t)
    }
    if text.contains("D") { return timestampOrSpan(text) }
    if text.contains("T") { return datetime(text) }
    if text.contains(":") { return clock(text, nil) }
    let dots = text.filter { $0 == "." }.count
    if dots == 2 { return date(text) }
    return number(text, as: nil)
  }

  public static func suffixType(_ c: Character) -> QType? {
    switch c {
    case "b": return .boolean
    case "h": return .short
    case "i": return .int
    case "j": return .long
    case "e": return .real
    case "f": return .float
    case "p": return .timestamp
    case "m": return .month
    case "d": return .date
    case "z": return .datetime
    case "n": return .timespan
    case "u": return .minute
    case "v": return .second
    case "t": return .time
    default: return nil
    }
  }

  static func nullOrInfinity(_ text: String) -> Value? {
    var s = Substring(text)
    var negative = false
    if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
    guard s.hasPrefix("0N") || s.hasPrefix("0W") || s.hasPrefix("0n") || s.hasPrefix("0w") else { return nil }
    let kind = s[s.index(after: s.startIndex)]
    let rest = s.dropFirst(2)
    if rest.count > 1 { return nil }
    let isNull = kind == "N" || kind == "n"
    if negative && isNull { return nil }
    if kind == "n" || kind == "w" {
      guard rest.isEmpty || rest == "f" || rest == "e" || rest == "z" else { return nil }
      let x = isNull ? Double.nan : (negative ? -Double.infinity : .infinity)
      if rest == "e" { return .real(Float(x)) }
      return .float(x, rest == "z" ? .datetime : .float)
    }
    let t: QType = rest.isEmpty ? .long : (suffixType(rest.first!) ?? (rest == "g" ? .guid : (rest == "c" ? .char : (rest == "s" ? .symbol : .list))))
    if t == .list { return nil }
    if isNull { return Nulls.atom(t) }
    switch t.storageKind {
    case .short: return .short(negative ? -Nulls.shortInf : Nulls.shortInf)
    case .int: return .int(negative ? -Nulls.intInf : Nulls.intInf, t)
    case .long: return .long(negative ? -Nulls.longInf : Nulls.longInf, t)
    case .real: return .real(negative ? -.infinity : .infinity)
    case .float: return .float(negative ? -.infinity : .infinity, t)
    default: return nil
    }
  }

  /// A plain number, typed by `t` or, with no type, long unless it has a point or exponent.
  public static func number(_ text: String, as t: QType?) -> Value? {
    guard let c = text.first, c.isNumber || c == "-" || c == "." else { return nil }
    let isFloaty = text.contains(".") || text.contains("e") || text.contains("E")
    let type = t ?? (isFloaty ? .float : .long)
    if type.isIntegral && type != .boolean && isFloaty { return nil }
    switch type {
    case .short: return Int16(text).map { .short($0) }
    case .int: return Int32(text).map { .int($0, .int) }
    case .long:
      if let v = Int64(text) { return .long(v, .long) }
      return nil
    case .real: return Double(text).map { .real(Float($0)) }
    case .float: return Double(text).map { .float($0, .float) }
    default: return nil
    }
  }

  /// A temporal literal with an explicit suffix: `2000.01m`, `12:00u`, `2000.01.01d`, `0D00:01n`.
  static func typed(_ body: String, _ t: QType) -> Value? {
    switch t {
    case .month:
      let p = body.split(separator: ".", omittingEmptySubsequences: false)
      guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]), m >= 1, m <= 12 else {
        if let n = Int32(body) { return .int(n, .month) }
        return nil
      }
      return .int(Int32((y - 2000) * 12 + m - 1), .month)
    case .date:
      if let n = Int32(body) { return .int(n, .date) }
      return date(body)
    case .timestamp:
      if let n = Int64(body) { return .long(n, .timestamp) }
      if body.contains("D") { return timestampOrSpan(body).flatMap { v in
        if case .long(let x, .timestamp) = v { return .long(x, .timestamp) }
        if case .long(let x, .timespan) = v { return .long(x, .timestamp) }
        return nil } }
      if let d = date(body), case .int(let x, _) = d { return .long(Int64(x) * Temporal.nanosPerDay, .timestamp) }
      return nil
    case .timespan:
      if let n = Int64(body) { return .long(n, .timespan) }
      if body.contains("D") { return timestampOrSpan(body) }
      return clock(body, .timespan)
    case .datetime:
      if let d = Double(body) { return .float(d, .datetime) }
      return datetime(body)
    case .minute, .second, .time:
      if let n = Int32(body) { return .int(n, t) }
      return clock(body, t)
    default: return nil
    }
  }

  public static func date(_ text: String) -> Value? {
    let p = text.split(separator: ".", omittingEmptySubsequences: false)
    guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
      Temporal.isValid(year: y, month: m, day: d)
    else { return nil }
    return .int(Int32(Temporal.days(year: y, month: m, day: d)), .date)
  }

  /// `hh:mm`, `hh:mm:ss`, `hh:mm:ss.mmm` or with nanoseconds; the shape picks the type
  /// unless `t` forces one.
  static func clock(_ text: String, _ forced: QType?) -> Value? {
    var s = Substring(text)
    var negative = false
    if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
    let parts = s.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
    // Out of any clock's range: not a time literal (and no overflow).
    guard (0..<1_000_000).contains(h), (0..<1_000_000).contains(m) else { return nil }
    var sec = 0, frac: Int64 = 0, fracDigits = 0
    if parts.count == 3 {
      let sp = parts[2].split(separator: ".", omittingEmptySubsequences: false)
      guard let sv = Int(sp[0]), sp[0].count == 2 else { return nil }
      sec = sv
      if sp.count == 2 {
        fracDigits = sp[1].count
        guard fracDigits <= 9, let f = Int64(sp[1].isEmpty ? "0" : sp[1]) else { return nil }
        frac = f
        for _ in fracDigits..<9 { frac *= 10 }
      }
    }
    let nanos = Int64(h * 3600 + m * 60 + sec) * 1_000_000_000 + frac
    let sign: Int64 = negative ? -1 : 1
    let t = forced ?? (parts.count == 2 ? .minute : fracDigits == 0 ? .second : fracDigits <= 3 ? .time : .timespan)
    switch t {
    case .minute: return Int32(exactly: sign * Int64(h * 60 + m)).map { .int($0, .minute) }
    case .second: return Int32(exactly: sign * Int64(h * 3600 + m * 60 + sec)).map { .int($0, .second) }
    case .time: return Int32(exactly: sign * nanos / 1_000_000).map { .int($0, .time) }
    case .timespan: return .long(sign * nanos, .timespan)
    default: return nil
    }
  }

  /// `2000.01.01D12:00:00.000000000` is a timestamp; `1D12:00` and `0D00:00:01` are timespans.
  static func timestampOrSpan(_ text: String) -> Value? {
    let halves = text.split(separator: "D", maxSplits: 1, omittingEmptySubsequences: false)
    guard halves.count == 2 else { return nil }
    let left = String(halves[0]), right = String(halves[1])
    var clockNanos: Int64 = 0
    if !right.isEmpty {
      if let c = clock(right, .timespan), case .long(let n, _) = c { clockNanos = n }
      else if let hours = Int64(right) { clockNanos = hours * 3_600_000_000_000 }
      else { return nil }
    }
    if left.contains("."), let d = date(left), case .int(let days, _) = d {
      return .long(Int64(days) * Temporal.nanosPerDay + clockNanos, .timestamp)
    }
    guard let days = Int64(left) else { return nil }
    let negative = left.hasPrefix("-")
    let total = days * Temporal.nanosPerDay + (negative ? -clockNanos : clockNanos)
    return .long(total, .timespan)
  }

  static func datetime(_ text: String) -> Value? {
    let halves = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    guard halves.count == 2, let d = date(String(halves[0])), case .int(let days, _) = d else { return nil }
    var frac = 0.0
    if !halves[1].isEmpty {
      let right = String(halves[1])
      if let hours = Int(right), right.count <= 2 {
        frac = Double(hours) / 24
      } else {
        guard let c = clock(right, .timespan), case .long(let n, _) = c else { return nil }
        frac = Double(n) / Double(Temporal.nanosPerDay)
      }
    }
    return .float(Double(days) + frac, .datetime)
  }
}
