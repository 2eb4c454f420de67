import QValues

/// Element conversions behind `$`. Every numeric or temporal element passes through
/// `Num`: an integral raw value (nulls and infinities at Int64's null/±max) or a double.
/// Vectors convert as arrays of `Num`, never as boxed atoms.
enum Num {
  case i(Int64)
  case f(Double)
}

extension Cast {
  static let nanosPerDay = Temporal.nanosPerDay
  static let dayBased: Set<QType> = [.date, .month, .timestamp, .datetime]

  /// Elements of a numeric, temporal or char vector; nil for symbols and guids.
  static func nums(_ v: Vector) -> [Num]? {
    switch v.storage {
    case .bool(let a): return a.map { .i($0 ? 1 : 0) }
    case .byte(let a), .char(let a): return a.map { .i(Int64($0)) }
    case .short(let a): return a.map { .i(Numeric.widen($0)) }
    case .int(let a): return a.map { .i(Numeric.widen($0)) }
    case .long(let a): return a.map { .i($0) }
    case .real(let a): return a.map { .f(Double($0)) }
    case .float(let a): return a.map { .f($0) }
    case .guid, .symbol: return nil
    }
  }

  static func num(_ x: Value) -> Num? {
    switch x {
    case .bool(let b): return .i(b ? 1 : 0)
    case .byte(let b), .char(let b): return .i(Int64(b))
    case .short(let s): return .i(Numeric.widen(s))
    case .int(let n, _): return .i(Numeric.widen(n))
    case .long(let n, _): return .i(n)
    case .real(let r): return .f(Double(r))
    case .float(let d, _): return .f(d)
    default: return nil
    }
  }

  /// Convert elements of type `s` to type `t` (same count), ready for `build`.
  static func convert(_ xs: [Num], from s: QType, to t: QType) throws -> [Num] {
    if s == t { return xs }
    if s.isTemporal && t.isTemporal { return try xs.map { try temporal($0, from: s, to: t) } }
    if (t == .float || t == .real) && s.isIntegral {
      // An integral infinity becomes the largest value of its own width, as a number.
      let top: Int64 = s == .short ? Int64(Int16.max) : s.storageKind == .int ? Int64(Int32.max) : Int64.max
      return xs.map { x in
        if case .i(let n) = x, n == Nulls.longInf || n == -Nulls.longInf { return .f(n > 0 ? Double(top) : -Double(top)) }
        return x
      }
    }
    return xs
  }

  /// A vector of type `t` from converted elements.
  static func build(_ xs: [Num], _ t: QType) -> Vector {
    switch t.storageKind {
    case .bool: return Vector(t, .bool(xs.map { x in
        switch x { case .i(let n): return n != 0; case .f(let d): return d != 0 } }))
    case .byte, .char:
      let b = xs.map { x -> UInt8 in UInt8(truncatingIfNeeded: saturate32(wholeLong(x))) }
      return Vector(t, t == .char ? .char(b) : .byte(b))
    case .short: return Vector(t, .short(xs.map { x in narrow(wholeLong(x), Int16.self, null: Nulls.short) }))
    case .int: return Vector(t, .int(xs.map { x in saturate32(wholeLong(x)) }))
    case .long: return Vector(t, .long(xs.map(wholeLong)))
    case .real: return Vector(t, .real(xs.map { Float(double($0)) }))
    case .float: return Vector(t, .float(xs.map(double)))
    case .guid: return Vector(t, .guid(xs.map { _ in .null }))
    case .symbol: return Vector(t, .symbol(xs.map { _ in "" }))
    case .list: return Vector(.long, .long(xs.map(wholeLong)))
    }
  }

  @inline(__always) static func double(_ x: Num) -> Double {
    switch x {
    case .i(let n): return Numeric.toDouble(n)
    case .f(let d): return d
    }
  }

  /// The integral value: doubles round half away from zero; NaN is null, overflow infinite.
  @inline(__always) static func wholeLong(_ x: Num) -> Int64 {
    switch x {
    case .i(let n): return n
    case .f(let d): return Numeric.toLong(d.rounded(.toNearestOrAwayFromZero))
    }
  }

  /// Int64 into 32 bits keeping null, and clamping beyond the range to ±0W.
  @inline(__always) static func saturate32(_ n: Int64) -> Int32 {
    if n == Nulls.long { return Nulls.int }
    if n >= Int64(Int32.max) { return Nulls.intInf }
    if n <= -Int64(Int32.max) { return -Nulls.intInf }
    return Int32(n)
  }

  @inline(__always) static func narrow<T: FixedWidthInteger & SignedInteger>(_ n: Int64, _: T.Type, null: T) -> T {
    if n == Nulls.long { return null }
    if n >= Int64(T.max) { return T.max }
    if n <= -Int64(T.max) { return -T.max }
    return T(n)
  }

  // MARK: temporal

  @inline(__always) static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  /// Nanoseconds of a temporal element since 2000.01.01 (day-based) or since midnight.
  static func nanos(_ x: Num, _ s: QType) throws -> Int64 {
    func scaled(_ n: Int64, _ k: Int64) -> Int64 {
      let (r, o) = n.multipliedReportingOverflow(by: k)
      return o || r == Nulls.long ? (n < 0 ? -Nulls.longInf : Nulls.longInf) : r
    }
    switch (s, x) {
    case (.datetime, _):
      let d = double(x) * Double(nanosPerDay)
      return Numeric.toLong(d.rounded(.toNearestOrAwayFromZero))
    case (.date, .i(let n)): return scaled(n, nanosPerDay)
    case (.month, .i(let n)):
      let y = floorDiv(n, 12)
      return scaled(Int64(Temporal.days(year: 2000 + Int(y), month: Int(n - y * 12) + 1, day: 1)), nanosPerDay)
    case (.timestamp, .i(let n)), (.timespan, .i(let n)): return n
    case (.minute, .i(let n)): return scaled(n, 60_000_000_000)
    case (.second, .i(let n)): return scaled(n, 1_000_000_000)
    case (.time, .i(let n)): return scaled(n, 1_000_000)
    default: throw QError.type
    }
  }

  static func temporal(_ x: Num, from s: QType, to t: QType) throws -> Num {
    let isNull: Bool
    switch x {
    case .i(let n): isNull = n == Nulls.long
    case .f(let d): isNull = d.isNaN
    }
    if isNull { return t == .datetime ? .f(.nan) : .i(Nulls.long) }
    // A clock time (minute, second, time) has no date to give.
    if dayBased.contains(t) && !(dayBased.contains(s) || s == .timespan) { throw QError.type }
    let infinite: Int64? = {
      switch x {
      case .i(let n) where n == Nulls.longInf || n == -Nulls.longInf: return n
      case .f(let d) where d.isInfinite: return d > 0 ? Nulls.longInf : -Nulls.longInf
      default: return nil
      }
    }()
    if let inf = infinite { return t == .datetime ? .f(inf > 0 ? .infinity : -.infinity) : .i(inf) }
    if s == .date && t == .datetime, case .i(let d) = x { return .f(Double(d)) }
    var ns = try nanos(x, s)
    if ns == Nulls.longInf || ns == -Nulls.longInf { return t == .datetime ? .f(ns > 0 ? .infinity : -.infinity) : .i(ns) }
    if dayBased.contains(s) && !dayBased.contains(t) && t != .timespan {
      ns = ns - floorDiv(ns, nanosPerDay) * nanosPerDay  // the time of day
    }
    switch t {
    case .date: return .i(floorDiv(ns, nanosPerDay))
    case .month:
      let c = Temporal.civil(Int(floorDiv(ns, nanosPerDay)))
      return .i(Int64((c.year - 2000) * 12 + c.month - 1))
    case .timestamp, .timespan: return .i(ns)
    case .datetime: return .f(Double(ns) / Double(nanosPerDay))
    case .minute: return .i(floorDiv(ns, 60_000_000_000))
    case .second: return .i(floorDiv(ns, 1_000_000_000))
    case .time: return .i(floorDiv(ns, 1_000_000))
    default: throw QError.type
    }
  }

  // MARK: fields

  /// Cast names that pick a part of a temporal value rather than a type.
  static let fieldNames: Set<String> = ["year", "mm", "dd", "hh", "uu", "ss"]

  /// One calendar or clock field of a temporal element, as an int.
  static func field(_ name: String, _ x: Num, _ s: QType) throws -> Num {
    switch x {
    case .i(let n) where n == Nulls.long: return .i(Nulls.long)
    case .f(let d) where d.isNaN: return .i(Nulls.long)
    default: break
    }
    guard s.isTemporal else { throw QError.type }
    let ns = try nanos(x, s)
    switch name {
    case "year", "mm", "dd":
      guard dayBased.contains(s) else { throw QError.type }
      let c = Temporal.civil(Int(floorDiv(ns, nanosPerDay)))
      return .i(Int64(name == "year" ? c.year : name == "mm" ? c.month : c.day))
    default:
      let inDay = dayBased.contains(s) ? ns - floorDiv(ns, nanosPerDay) * nanosPerDay : ns
      let secs = floorDiv(inDay, 1_000_000_000)
      switch name {
      case "hh": return .i(floorDiv(secs, 3600))
      case "uu": return .i(floorDiv(secs, 60) - floorDiv(secs, 3600) * 60)
      default: return .i(secs - floorDiv(secs, 60) * 60)
      }
    }
  }
}
