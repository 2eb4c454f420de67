import Foundation

/// Reading data text as a q type, as `"T"$"text"` does. More lenient than literals:
/// dates may use `-` or `/`, clocks may drop their colons (`"T"$"123456789"`), timestamps
/// may be seconds since 1970, and unreadable text gives the type's null.
public enum TextParser {
  public static func parse(_ raw: [UInt8], as t: QType) -> Value {
    let s = Array(trimmed(raw))[...]
    if t == .symbol { return .symbol(String(decoding: s, as: UTF8.self)) }
    if t == .char { return .char(s.first ?? 32) }
    if s.isEmpty { return Nulls.atom(t) }
    // Plain integers are the common case: read them straight from the bytes.
    if t == .long, let n = integer(s), n != Int64.min { return .long(n, .long) }
    if t == .int, let n = integer(s), n > Int64(Int32.min), n <= Int64(Int32.max) { return .int(Int32(n), .int) }
    let text = String(decoding: s, as: UTF8.self)
    switch t {
    case .boolean: return .bool("1tTyY".utf8.contains(s[0]))
    case .byte:
      guard s.count <= 2, let b = UInt8(text, radix: 16) else { return .byte(0) }
      return .byte(b)
    case .guid: return .guid(guid(s) ?? .null)
    case .short, .int, .long:
      if let special = AtomParser.literal(text + (t == .long ? "" : String(t.letter))), special.atomType == t,
        special.isNull || text.contains("W")
      { return special }
      if t == .int, let ip = ipv4(s) { return .int(Int32(bitPattern: ip), .int) }
      guard let n = integer(s) else { return Nulls.atom(t) }
      switch t {
      case .short: return n > Int64(Int16.min) && n <= Int64(Int16.max) ? .short(Int16(n)) : Nulls.atom(t)
      case .int: return n > Int64(Int32.min) && n <= Int64(Int32.max) ? .int(Int32(n), .int) : Nulls.atom(t)
      default: return n != Int64.min ? .long(n, .long) : Nulls.atom(t)
      }
    case .real, .float:
      guard let d = double(text) else { return Nulls.atom(t) }
      return t == .real ? .real(Float(d)) : .float(d, .float)
    case .date:
      guard let (days, rest) = datePart(s), rest.isEmpty else { return Nulls.atom(t) }
      return .int(Int32(days), .date)
    case .month: return month(s).map { .int($0, .month) } ?? Nulls.atom(t)
    case .minute, .second, .time, .timespan:
      guard let ns = span(s, allowDays: t == .timespan) else { return Nulls.atom(t) }
      let unit: Int64 = t == .minute ? 60_000_000_000 : t == .second ? 1_000_000_000 : t == .time ? 1_000_000 : 1
      return t == .timespan ? .long(ns, .timespan) : .int(Int32(truncatingIfNeeded: ns / unit), t)
    case .timestamp, .datetime:
      guard let ns = stamp(s) else { return Nulls.atom(t) }
      return t == .timestamp ? .long(ns, .timestamp) : .float(Double(ns) / Double(Temporal.nanosPerDay), .datetime)
    default: return Nulls.atom(t)
    }
  }

  static func trimmed(_ s: [UInt8]) -> ArraySlice<UInt8> {
    var a = s[...]
    while let c = a.first, c == 32 || c == 9 || c == 10 || c == 13 { a = a.dropFirst() }
    while let c = a.last, c == 32 || c == 9 || c == 10 || c == 13 { a = a.dropLast() }
    return a
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

  static func digits(_ s: ArraySlice<UInt8>) -> Int64? {
    guard !s.isEmpty, s.count <= 18, s.allSatisfy(isDigit) else { return nil }
    return s.reduce(0) { $0 * 10 + Int64($1 - 48) }
  }

  static func integer(_ s: ArraySlice<UInt8>) -> Int64? {
    if s.first == UInt8(ascii: "-") { return digits(s.dropFirst()).map { -$0 } }
    if s.count == 19, s.allSatisfy(isDigit) { return Int64(String(decoding: s, as: UTF8.self)) }
    return digits(s)
  }

  static func double(_ text: String) -> Double? {
    switch text {
    case "0n", "0N", "0Nf", "0ne", "0Ne": return .nan
    case "0w", "0W", "0we": return .infinity
    case "-0w", "-0W", "-0we": return -.infinity
    default: break
    }
    guard let c = text.utf8.first, isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return nil }
    guard text.utf8.allSatisfy({ isDigit($0) || "-+.eE".utf8.contains($0) }) else { return nil }
    return Double(text)
  }

  /// `a.b.c.d` as a big-endian 32-bit number.
  static func ipv4(_ s: ArraySlice<UInt8>) -> UInt32? {
    let parts = s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var n: UInt32 = 0
    for p in parts {
      guard p.count <= 3, let v = digits(p), v < 256 else { return nil }
      n = n << 8 | UInt32(v)
    }
    return n
  }

  /// A guid's 32 hex digits (dashes anywhere ignored), or an IPv4/IPv6 address.
  static func guid(_ s: ArraySlice<UInt8>) -> GUID? {
    if let ip = ipv4(s) { return GUID(hi: 0, lo: 0xffff_0000_0000 | UInt64(ip)) }
    if s.contains(UInt8(ascii: ":")) { return ipv6(s) }
    let hex = s.filter { $0 != UInt8(ascii: "-") }
    guard hex.count == 32, let hi = UInt64(String(decoding: hex[0..<16], as: UTF8.self), radix: 16),
      let lo = UInt64(String(decoding: hex[16..<32], as: UTF8.self), radix: 16)
    else { return nil }
    return GUID(hi: hi, lo: lo)
  }

  /// IPv6 groups with an optional `::` gap and an optional dotted IPv4 tail.
  static func ipv6(_ s: ArraySlice<UInt8>) -> GUID? {
    let text = String(decoding: s, as: UTF8.self)
    let halves = text.components(separatedBy: "::")
    guard halves.count <= 2 else { return nil }
    func groups(_ part: String) -> [UInt16]? {
      if part.isEmpty { return [] }
      var out: [UInt16] = []
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
      for (i, p) in pieces.enumerated() {
        if i == pieces.count - 1, p.contains("."), let ip = ipv4(Array(p.utf8)[...]) {
          out += [UInt16(ip >> 16), UInt16(ip & 0xffff)]
        } else {
          guard p.count <= 4, let g = UInt16(p, radix: 16) else { return nil }
          out.append(g)
        }
      }
      return out
    }
    guard let head = groups(halves[0]) else { return nil }
    let tail = halves.count == 2 ? groups(halves[1]) : []
    guard let tail else { return nil }
    let fill = 8 - head.count - tail.count
    guard fill >= 0, halves.count == 2 || fill == 0 else { return nil }
    let all = head + Array(repeating: 0, count: fill) + tail
    let hi = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
    let lo = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
    return GUID(hi: hi, lo: lo)
  }

  /// A leading date (`yyyy.mm.dd`, `yyyy-mm-dd`, `yyyy/mm/dd`, `mm/dd/yyyy`, `yyyymmdd`):
  /// its day number and the text after it.
  static func datePart(_ s: ArraySlice<UInt8>) -> (Int, ArraySlice<UInt8>)? {
    let a = Array(s)
    var y: Int64?, m: Int64?, d: Int64?
    var used = 0
    if a.count >= 10, ".-/".utf8.contains(a[4]), a[7] == a[4] {
      y = digits(a[0..<4]); m = digits(a[5..<7]); d = digits(a[8..<10]); used = 10
    } else if a.count >= 10, a[2] == UInt8(ascii: "/"), a[5] == UInt8(ascii: "/") {
      m = digits(a[0..<2]); d = digits(a[3..<5]); y = digits(a[6..<10]); used = 10
      if DisplaySettings.dayFirstDates { swap(&m, &d) }
    } else if a.count >= 8, a[0..<8].allSatisfy(isDigit), a.count == 8 || !isDigit(a[8]) {
      y = digits(a[0..<4]); m = digits(a[4..<6]); d = digits(a[6..<8]); used = 8
    }
    guard let y, let m, let d, Temporal.isValid(year: Int(y), month: Int(m), day: Int(d)) else { return nil }
    return (Temporal.days(year: Int(y), month: Int(m), day: Int(d)), s.dropFirst(used))
  }

  static func month(_ s: ArraySlice<UInt8>) -> Int32? {
    let a = Array(s)
    var y: Int64?, m: Int64?
    if a.count == 7, ".-/".utf8.contains(a[4]) { y = digits(a[0..<4]); m = digits(a[5..<7]) }
    else if a.count == 6 { y = digits(a[0..<4]); m = digits(a[4..<6]) }
    else if let (days, rest) = datePart(s), rest.isEmpty {
      let c = Temporal.civil(days)
      return Int32((c.year - 2000) * 12 + c.month - 1)
    }
    guard let y, let m, m >= 1, m <= 12 else { return nil }
    return Int32((y - 2000) * 12 + m - 1)
  }

  /// A clock (`hh:mm[:ss[.f]]`, or the same digits without colons) as nanoseconds,
  /// with an optional sign and, for timespans, a leading `nD`.
  static func span(_ s: ArraySlice<UInt8>, allowDays: Bool) -> Int64? {
    var body = s
    var negative = false
    if body.first == UInt8(ascii: "-") { negative = true; body = body.dropFirst() }
    var days: Int64 = 0
    if let dpos = body.firstIndex(of: UInt8(ascii: "D")) {
      guard allowDays, let n = digits(body[..<dpos]) else { return nil }
      days = n
      body = body[(dpos + 1)...]
      if body.isEmpty { return (negative ? -1 : 1) * days * Temporal.nanosPerDay }
    }
    guard let ns = clock(body) else { return nil }
    let total = days * Temporal.nanosPerDay + ns
    return negative ? -total : total
  }

  static func clock(_ s: ArraySlice<UInt8>) -> Int64? {
    var whole = s, frac: ArraySlice<UInt8> = []
    if let dot = s.firstIndex(of: UInt8(ascii: ".")) { whole = s[..<dot]; frac = s[(dot + 1)...] }
    var fields: [Int64] = []
    if whole.contains(UInt8(ascii: ":")) {
      for p in whole.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
        guard let v = digits(p) else { return nil }
        fields.append(v)
      }
    } else {
      guard whole.allSatisfy(isDigit), !whole.isEmpty else { return nil }
      if frac.isEmpty && whole.count > 6 {
        // All digits: hhmmss followed by the fraction.
        frac = whole.dropFirst(6); whole = whole.prefix(6)
      }
      var i = whole.startIndex
      while i < whole.endIndex {
        let j = min(i + 2, whole.endIndex)
        fields.append(digits(whole[i..<j]) ?? 0)
        i = j
      }
    }
    guard fields.count >= 1, fields.count <= 3, frac.allSatisfy(isDigit) else { return nil }
    if fields.count == 1 && frac.isEmpty { return fields[0] * 3_600_000_000_000 }
    let h = fields[0], m = fields.count > 1 ? fields[1] : 0, sec = fields.count > 2 ? fields[2] : 0
    var f: Int64 = 0
    for (k, c) in frac.prefix(9).enumerated() { f += Int64(c - 48) * pow10(8 - k) }
    return ((h * 60 + m) * 60 + sec) * 1_000_000_000 + f
  }

  static func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { r, _ in r * 10 } }

  /// A date with an optional time after `D`, `T`, a space or `-`; or seconds since 1970.
  static func stamp(_ s: ArraySlice<UInt8>) -> Int64? {
    if let (days, rest) = datePart(s) {
      var ns = Int64(days) * Temporal.nanosPerDay
      var r = rest
      if let c = r.first, "DT -".utf8.contains(c) { r = r.dropFirst() }
      if !r.isEmpty {
        guard let t = clock(r) else { return nil }
        ns += t
      }
      return ns
    }
    // Unix epoch seconds, optionally with a fraction.
    var whole = s, frac: ArraySlice<UInt8> = []
    if let dot = s.firstIndex(of: UInt8(ascii: ".")) { whole = s[..<dot]; frac = s[(dot + 1)...] }
    guard let secs = digits(whole), frac.allSatisfy(isDigit) else { return nil }
    var f: Int64 = 0
    for (k, c) in frac.prefix(9).enumerated() { f += Int64(c - 48) * pow10(8 - k) }
    let (ns, overflow) = (secs - 946_684_800).multipliedReportingOverflow(by: 1_000_000_000)
    return overflow ? nil : ns &+ f
  }
}
