import Foundation

/// Console display settings (`\P`, `\c`). Owned by the interpreter thread.
public enum DisplaySettings {
  nonisolated(unsafe) public static var precision = 7
  nonisolated(unsafe) public static var rows = 25
  nonisolated(unsafe) public static var columns = 80
  /// `\z 1`: slashed dates read as dd/mm/yyyy rather than mm/dd/yyyy.
  nonisolated(unsafe) public static var dayFirstDates = false
}

/// Text of atoms and vector elements, as q writes them. "Bare" text has no type
/// suffix; the suffix is added once per atom or per vector.
public enum Format {
  public static func float(_ x: Double, precision: Int = DisplaySettings.precision) -> String {
    if x.isNaN { return "0n" }
    if x.isInfinite { return x > 0 ? "0w" : "-0w" }
    if x == 0 { return x.sign == .minus ? "-0" : "0" }
    let p = precision == 0 ? 17 : min(precision, 17)
    var s = String(format: "%.\(p)g", x)
    if s.contains("e") {
      // q writes exponents as C does but without a trailing ".": 1e+10, 1.5e-05
      s = s.replacingOccurrences(of: ".e", with: "e")
    }
    return s
  }

  public static func real(_ x: Float) -> String {
    if x.isNaN { return "0N" }
    if x.isInfinite { return x > 0 ? "0w" : "-0w" }
    // A real carries about 9 significant digits: `\P 0` shows them all.
    let p = DisplaySettings.precision
    return float(Double(x), precision: p == 0 ? 9 : min(p, 7))
  }

  @inline(__always) static func integral<T: FixedWidthInteger & SignedInteger>(_ x: T, null: T, inf: T) -> String {
    if x == null { return "0N" }
    if x == inf { return "0W" }
    if x == -inf { return "-0W" }
    return String(x)
  }

  static func pad2(_ x: Int) -> String { x < 10 ? "0\(x)" : String(x) }
  static func pad3(_ x: Int) -> String { x < 10 ? "00\(x)" : x < 100 ? "0\(x)" : String(x) }
  static func pad(_ x: Int, _ width: Int) -> String {
    let s = String(x)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  public static func date(_ d: Int32) -> String {
    if d == Nulls.int { return "0N" }
    if d == Nulls.intInf { return "0W" }
    if d == -Nulls.intInf { return "-0W" }
    let c = Temporal.civil(Int(d))
    return "\(pad(c.year, 4)).\(pad2(c.month)).\(pad2(c.day))"
  }

  public static func month(_ m: Int32) -> String {
    if m == Nulls.int { return "0N" }
    if m == Nulls.intInf { return "0W" }
    if m == -Nulls.intInf { return "-0W" }
    let total = Int(m) + 2000 * 12
    let y = total >= 0 ? total / 12 : (total - 11) / 12
    return "\(pad(y, 4)).\(pad2(total - y * 12 + 1))"
  }

  /// Clock text for a non-negative count of units below a day; used by the time types.
  static func clock(_ v: Int64, unitsPerSecond: Int64, fractionDigits: Int, showSeconds: Bool = true) -> String {
    let totalSeconds = v / unitsPerSecond
    let h = Int(totalSeconds / 3600), m = Int(totalSeconds / 60 % 60), s = Int(totalSeconds % 60)
    var out = "\(pad2(h)):\(pad2(m))"
    if showSeconds { out += ":\(pad2(s))" }
    if fractionDigits > 0 { out += "." + pad(Int(v % unitsPerSecond), fractionDigits) }
    return out
  }

  public static func time(_ t: Int32) -> String {
    if t == Nulls.int { return "0N" }
    if t == Nulls.intInf { return "0W" }
    if t == -Nulls.intInf { return "-0W" }
    let sign = t < 0 ? "-" : ""
    return sign + clock(Int64(abs(Int(t))), unitsPerSecond: 1000, fractionDigits: 3)
  }

  public static func second(_ t: Int32) -> String {
    if t == Nulls.int { return "0N" }
    if t == Nulls.intInf { return "0W" }
    if t == -Nulls.intInf { return "-0W" }
    let sign = t < 0 ? "-" : ""
    return sign + clock(Int64(abs(Int(t))), unitsPerSecond: 1, fractionDigits: 0)
  }

  public static func minute(_ t: Int32) -> String {
    if t == Nulls.int { return "0N" }
    if t == Nulls.intInf { return "0W" }
    if t == -Nulls.intInf { return "-0W" }
    let sign = t < 0 ? "-" : ""
    let a = abs(Int(t))
    return sign + "\(pad2(a / 60)):\(pad2(a % 60))"
  }

  public static func timespan(_ n: Int64) -> String {
    if n == Nulls.long { return "0N" }
    if n == Nulls.longInf { return "0W" }
    if n == -Nulls.longInf { return "-0W" }
    let sign = n < 0 ? "-" : ""
    let a = n.magnitude
    let days = a / UInt64(Temporal.nanosPerDay)
    let rest = Int64(a % UInt64(Temporal.nanosPerDay))
    return sign + "\(days)D" + clock(rest, unitsPerSecond: 1_000_000_000, fractionDigits: 9)
  }

  public static func timestamp(_ n: Int64) -> String {
    if n == Nulls.long { return "0N" }
    if n == Nulls.longInf { return "0W" }
    if n == -Nulls.longInf { return "-0W" }
    var days = n / Temporal.nanosPerDay
    var rest = n % Temporal.nanosPerDay
    if rest < 0 { rest += Temporal.nanosPerDay; days -= 1 }
    return date(Int32(days)) + "D" + clock(rest, unitsPerSecond: 1_000_000_000, fractionDigits: 9)
  }

  public static func datetime(_ z: Double) -> String {
    if z.isNaN { return "0N" }
    // Beyond any representable day count the value reads as an infinity.
    if z.isInfinite || z.magnitude > 1e9 { return z > 0 ? "0w" : "-0w" }
    let ms = Int64((z * 86_400_000).rounded())
    var days = ms / 86_400_000
    var rest = ms % 86_400_000
    if rest < 0 { rest += 86_400_000; days -= 1 }
    return date(Int32(days)) + "T" + clock(rest, unitsPerSecond: 1000, fractionDigits: 3)
  }

  public static func guid(_ g: GUID) -> String {
    let hex = String(g.hi, radix: 16), lo = String(g.lo, radix: 16)
    let h = String(repeating: "0", count: 16 - hex.count) + hex
    let l = String(repeating: "0", count: 16 - lo.count) + lo
    let s = Array(h + l)
    return String(s[0..<8]) + "-" + String(s[8..<12]) + "-" + String(s[12..<16]) + "-" + String(s[16..<20]) + "-"
      + String(s[20..<32])
  }

  static let hexDigits = Array("0123456789abcdef")
  public static func hex(_ b: UInt8) -> String { String([hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]]) }

  /// A char vector as a q string literal, escaping what q escapes.
  public static func quoted(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = [34]
    for b in bytes {
      switch b {
      case 34: out += [92, 34]
      case 92: out += [92, 92]
      case 10: out += [92, 110]
      case 13: out += [92, 114]
      case 9: out += [92, 116]
      case 0..<32, 127...255: out += Array(("\\" + String(String(b, radix: 8).leftPadded(3))).utf8)
      default: out.append(b)
      }
    }
    out.append(34)
    return String(decoding: out, as: UTF8.self)
  }

  /// Bare text of element `i` of a vector: no type suffix, nulls as `0N`.
  public static func element(_ v: Vector, _ i: Int) -> String {
    switch v.storage {
    case .bool(let a): return a[i] ? "1" : "0"
    case .guid(let a): return guid(a[i])
    case .byte(let a): return hex(a[i])
    case .char(let a): return String(decoding: [a[i]], as: UTF8.self)
    case .short(let a): return integral(a[i], null: Nulls.short, inf: Nulls.shortInf)
    case .int(let a):
      switch v.type {
      case .date: return date(a[i])
      case .month: return month(a[i])
      case .minute: return minute(a[i])
      case .second: return second(a[i])
      case .time: return time(a[i])
      default: return integral(a[i], null: Nulls.int, inf: Nulls.intInf)
      }
    case .long(let a):
      switch v.type {
      case .timestamp: return timestamp(a[i])
      case .timespan: return timespan(a[i])
      default: return integral(a[i], null: Nulls.long, inf: Nulls.longInf)
      }
    case .real(let a): return real(a[i])
    case .float(let a): return v.type == .datetime ? datetime(a[i]) : float(a[i])
    case .symbol(let a): return a[i]
    }
  }
}

extension String {
  func leftPadded(_ n: Int, with c: Character = "0") -> String {
    count >= n ? self : String(repeating: c, count: n - count) + self
  }
}
