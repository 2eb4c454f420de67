import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// `+ - * %`, `&` `|` (min and max) and the integer and float maths keywords.
/// Integer arithmetic wraps as q's does; `0W+1` is `0N`.
enum Arithmetic {
  enum Op { case add, subtract, multiply, divide, min, max }

  static func dyad(_ op: Op, _ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in try kernel(op, a, b) }
  }

  /// `x op y` for atoms and simple vectors of conforming length.
  static func kernel(_ op: Op, _ x: Value, _ y: Value) throws -> Value {
    guard let tx = Numeric.qtype(x), let ty = Numeric.qtype(y), let r = resultType(op, tx, ty) else {
      throw QError.type
    }
    let xa = x.isAtom, ya = y.isAtom
    let atom = xa && ya
    if let fast = sameStorage(op, x, y, tx, ty, r) { return fast }
    if (op == .min || op == .max) && tx != ty && tx.isTemporal && ty.isTemporal {
      return try mixedTemporalExtreme(op, x, y, r)
    }
    if op == .divide || r.storageKind == .float || r.storageKind == .real {
      guard let a = doubles(x, tx, into: r), let b = doubles(y, ty, into: r) else { throw QError.type }
      return Numeric.make(floatOp(op, a, xa, b, ya), op == .divide ? .float : r, atom: atom)
    }
    guard let a = longs(x, tx, into: r), let b = longs(y, ty, into: r) else { throw QError.type }
    return Numeric.make(longOp(op, a, xa, b, ya, null: integralNull(r)), r, atom: atom)
  }

  /// Vectors (or a vector and an atom) of one storage class whose result keeps it: no conversion.
  @inline(__always)
  static func sameStorage(_ op: Op, _ x: Value, _ y: Value, _ tx: QType, _ ty: QType, _ r: QType) -> Value? {
    guard op != .divide, tx.storageKind == ty.storageKind, r.storageKind == tx.storageKind,
      unitScale(tx, to: r) == 1, unitScale(ty, to: r) == 1 else { return nil }
    switch (x, y) {
    case (.vector(let vx), .vector(let vy)):
      switch (vx.storage, vy.storage) {
      case (.float(let a), .float(let b)): return .vector(Vector(r, .float(floatOp(op, a, false, b, false))))
      case (.long(let a), .long(let b)): return .vector(Vector(r, .long(longOp(op, a, false, b, false))))
      case (.int(let a), .int(let b)): return .vector(Vector(r, .int(intOp(op, a, false, b, false))))
      default: return nil
      }
    case (.vector(let vx), .float(let b, _)):
      if case .float(let a) = vx.storage { return .vector(Vector(r, .float(floatOp(op, a, false, [b], true)))) }
    case (.float(let a, _), .vector(let vy)):
      if case .float(let b) = vy.storage { return .vector(Vector(r, .float(floatOp(op, [a], true, b, false)))) }
    case (.vector(let vx), .long(let b, _)):
      if case .long(let a) = vx.storage { return .vector(Vector(r, .long(longOp(op, a, false, [b], true)))) }
    case (.long(let a, _), .vector(let vy)):
      if case .long(let b) = vy.storage { return .vector(Vector(r, .long(longOp(op, [a], true, b, false)))) }
    case (.vector(let vx), .int(let b, _)):
      if case .int(let a) = vx.storage { return .vector(Vector(r, .int(intOp(op, a, false, [b], true)))) }
    case (.int(let a, _), .vector(let vy)):
      if case .int(let b) = vy.storage { return .vector(Vector(r, .int(intOp(op, [a], true, b, false)))) }
    default: break
    }
    return nil
  }

  /// Lesser or greater of two different temporal types: both are cast to the result type first.
  static func mixedTemporalExtreme(_ op: Op, _ x: Value, _ y: Value, _ r: QType) throws -> Value {
    func cast(_ v: Value) throws -> Value {
      if v.isAtom { return try Cast.to(r, v) }
      return .vector(Value.vectorOfAtoms(try v.items.map { try Cast.to(r, $0) }, r))
    }
    return try kernel(op, try cast(x), try cast(y))
  }

  /// An operand as Int64s in the unit of the result type. Nulls become the result's null;
  /// infinities are plain numbers, so `0Wi+5` is 2147483652 as in q.
  static func longs(_ v: Value, _ t: QType, into r: QType) -> [Int64]? {
    let null = integralNull(r)
    let k = unitScale(t, to: r)
    let month = t == .month && (r == .timestamp || r == .timespan)
    @inline(__always) func scale(_ x: Int64) -> Int64 {
      if month { return monthStartDays(x) &* Temporal.nanosPerDay }
      return k == 1 ? x : x &* k
    }
    func fromDouble(_ d: Double) -> Int64 {
      if d.isNaN { return null }
      let u = t == .datetime && (r == .timestamp || r == .timespan) ? d * Double(Temporal.nanosPerDay) : d
      return Numeric.toLong(u.rounded(t == .datetime ? .toNearestOrAwayFromZero : .towardZero))
    }
    switch v {
    case .bool(let b): return [b ? 1 : 0]
    case .byte(let x), .char(let x): return [Int64(x)]
    case .short(let x): return [x == Nulls.short ? null : scale(Int64(x))]
    case .int(let x, _): return [x == Nulls.int ? null : scale(Int64(x))]
    case .long(let x, _): return [x == Nulls.long ? null : scale(x)]
    case .real(let x): return [fromDouble(Double(x))]
    case .float(let x, _): return [fromDouble(x)]
    case .vector(let vec):
      switch vec.storage {
      case .long(let a):
        if null == Nulls.long && k == 1 && !month { return a }
        return a.map { $0 == Nulls.long ? null : scale($0) }
      case .int(let a): return a.map { $0 == Nulls.int ? null : scale(Int64($0)) }
      case .short(let a): return a.map { $0 == Nulls.short ? null : scale(Int64($0)) }
      case .bool(let a): return a.map { $0 ? 1 : 0 }
      case .byte(let a), .char(let a): return a.map { Int64($0) }
      case .real(let a): return a.map { fromDouble(Double($0)) }
      case .float(let a): return a.map(fromDouble)
      default: return nil
      }
    default: return nil
    }
  }

  /// An operand as Doubles: nulls become NaN; temporals meeting a datetime count days.
  static func doubles(_ v: Value, _ t: QType, into r: QType) -> [Double]? {
    let k = r == .datetime ? daysPerUnit(t) : 1
    @inline(__always) func conv(_ x: Double) -> Double { k == 1 ? x : x * k }
    switch v {
    case .bool(let b): return [b ? 1 : 0]
    case .byte(let x), .char(let x): return [Double(x)]
    case .short(let x): return [x == Nulls.short ? .nan : conv(Double(x))]
    case .int(let x, _): return [x == Nulls.int ? .nan : conv(Double(x))]
    case .long(let x, _): return [x == Nulls.long ? .nan : conv(Double(x))]
    case .real(let x): return [Double(x)]
    case .float(let x, _): return [x]
    case .vector(let vec):
      switch vec.storage {
      case .float(let a): return a
      case .real(let a): return a.map { Double($0) }
      case .long(let a): return a.map { $0 == Nulls.long ? .nan : conv(Double($0)) }
      case .int(let a): return a.map { $0 == Nulls.int ? .nan : conv(Double($0)) }
      case .short(let a): return a.map { $0 == Nulls.short ? .nan : conv(Double($0)) }
      case .bool(let a): return a.map { $0 ? 1 : 0 }
      case .byte(let a), .char(let a): return a.map { Double($0) }
      default: return nil
      }
    default: return nil
    }
  }

  @inline(__always)
  static func zipWith<T>(_ a: [T], _ aAtom: Bool, _ b: [T], _ bAtom: Bool, _ f: (T, T) -> T) -> [T] {
    let n = aAtom ? b.count : a.count
    return [T](unsafeUninitializedCapacity: n) { buf, count in
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          if aAtom && !bAtom {
            let x = pa[0]
            for i in 0..<n { buf[i] = f(x, pb[i]) }
          } else if bAtom && !aAtom {
            let y = pb[0]
            for i in 0..<n { buf[i] = f(pa[i], y) }
          } else {
            for i in 0..<n { buf[i] = f(pa[i], pb[i]) }
          }
        }
      }
      count = n
    }
  }

  static func floatOp(_ op: Op, _ a: [Double], _ aa: Bool, _ b: [Double], _ ba: Bool) -> [Double] {
    switch op {
    case .add: return zipWith(a, aa, b, ba, +)
    case .subtract: return zipWith(a, aa, b, ba, -)
    case .multiply: return zipWith(a, aa, b, ba, *)
    case .divide: return zipWith(a, aa, b, ba, /)
    case .min: return zipWith(a, aa, b, ba) { x, y in x.isNaN ? x : y.isNaN ? y : Swift.min(x, y) }
    case .max: return zipWith(a, aa, b, ba) { x, y in x.isNaN ? y : y.isNaN ? x : Swift.max(x, y) }
    }
  }

  /// Integer kernels: nulls propagate through + - *, other values wrap (`0W+1` is `0N`).
  /// `null` is the result type's null (int results may be computed widened to long).
  static func longOp(_ op: Op, _ a: [Int64], _ aa: Bool, _ b: [Int64], _ ba: Bool, null: Int64 = Nulls.long) -> [Int64] {
    integerOp(op, a, aa, b, ba, null: null)
  }

  static func intOp(_ op: Op, _ a: [Int32], _ aa: Bool, _ b: [Int32], _ ba: Bool) -> [Int32] {
    integerOp(op, a, aa, b, ba, null: Nulls.int)
  }

  @inline(__always)
  static func integerOp<T: FixedWidthInteger>(_ op: Op, _ a: [T], _ aa: Bool, _ b: [T], _ ba: Bool, null: T) -> [T] {
    switch op {
    case .add: return zipWith(a, aa, b, ba) { x, y in x == null || y == null ? null : x &+ y }
    case .subtract: return zipWith(a, aa, b, ba) { x, y in x == null || y == null ? null : x &- y }
    case .multiply: return zipWith(a, aa, b, ba) { x, y in x == null || y == null ? null : x &* y }
    case .divide: return []
    case .min: return zipWith(a, aa, b, ba) { Swift.min($0, $1) }
    case .max: return zipWith(a, aa, b, ba) { Swift.max($0, $1) }
    }
  }


  // MARK: monadic maths

  static func neg(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      switch Numeric.qtype(v) {
      case .boolean, .byte: return try kernel(.subtract, .i(0), v)
      default:
        guard let t = Numeric.qtype(v), t != .symbol, t != .char, t != .guid else { throw QError.type }
        if case .vector(let vec) = v, case .float(let a) = vec.storage { return .vector(Vector(t, .float(a.map { -$0 }))) }
        if t.storageKind == .float || t.storageKind == .real {
          return Numeric.make(Numeric.doubles(v)!.map { -$0 }, t, atom: v.isAtom)
        }
        guard let a = Numeric.longs(v) else { throw QError.type }
        return Numeric.make(a.map { 0 &- $0 }, t, atom: v.isAtom)
      }
    }
  }

  static func abs(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v), t.isNumeric || t.isTemporal || t == .char else { throw QError.type }
      if t.storageKind == .float || t.storageKind == .real {
        return Numeric.make(Numeric.doubles(v)!.map { Swift.abs($0) }, t, atom: v.isAtom)
      }
      let rt: QType = t == .boolean || t == .byte || t == .char ? .int : t
      guard let a = Numeric.longs(v.replacingChars) else { throw QError.type }
      return Numeric.make(a.map { $0 < 0 && $0 != Nulls.long ? 0 &- $0 : $0 }, rt, atom: v.isAtom)
    }
  }

  /// A float function of a number: sqrt, exp, log, sin...
  static func floatMonad(_ x: Value, _ f: @escaping (Double) -> Double) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v), t.isNumeric || t.isTemporal, let a = Numeric.doubles(v) else { throw QError.type }
      if t == .real { return Numeric.make(a.map(f), .real, atom: v.isAtom) }
      return Numeric.make(a.map(f), .float, atom: v.isAtom)
    }
  }

  static func floor(_ x: Value) throws -> Value { try rounding(x, up: false) }
  static func ceiling(_ x: Value) throws -> Value { try rounding(x, up: true) }

  /// q's comparison tolerance, relative: 2^-43.
  static let tolerance = 1.1368683772161603e-13

  /// floor and ceiling are exact since V3.0 (no comparison tolerance, no datetimes).
  /// floor also lower-cases chars and symbols, as k's `_` does.
  static func rounding(_ x: Value, up: Bool) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v) else { throw QError.type }
      switch t {
      case .float, .real:
        guard let d = Numeric.doubles(v) else { throw QError.type }
        let r = d.map { up ? $0.rounded(.up) : $0.rounded(.down) }
        return Numeric.make(r.map(Numeric.toLong), .long, atom: v.isAtom)
      case .short, .int, .long: return v
      case .boolean, .byte:
        guard up else { throw QError.type }
        return Numeric.make(Numeric.longs(v) ?? [], .int, atom: v.isAtom)
      case .char:
        if up { return Numeric.make(Numeric.longs(v.replacingChars) ?? [], .int, atom: v.isAtom) }
        let lower = Comparison.chars(v).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return v.isAtom ? .char(lower[0]) : .chars(lower)
      case .symbol:
        guard !up else { throw QError.type }
        let lower = Comparison.symbols(v).map { $0.lowercased() }
        return v.isAtom ? .symbol(lower[0]) : .symbols(lower)
      default: throw QError.type
      }
    }
  }

  static func signum(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v), t.isNumeric || t.isTemporal else { throw QError.type }
      if t.storageKind == .float || t.storageKind == .real {
        return Numeric.make(Numeric.doubles(v)!.map { Int64($0 > 0 ? 1 : $0 < 0 || $0.isNaN ? -1 : 0) }, .int, atom: v.isAtom)
      }
      return Numeric.make(Numeric.longs(v)!.map { Int64($0 > 0 ? 1 : $0 < 0 ? -1 : 0) }, .int, atom: v.isAtom)
    }
  }

  /// `div`: the greatest whole number not above x%y, typed like x (small integrals give int).
  static func div(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let ta = Numeric.qtype(a), let tb = Numeric.qtype(b), dividable(ta), dividable(tb) else { throw QError.type }
      let r: QType
      switch ta {
      case .boolean, .byte, .short, .int, .char: r = .int
      case .real, .float: r = .float
      default: r = ta
      }
      let atom = a.isAtom && b.isAtom
      if r.storageKind == .float || [QType.real, .float, .datetime].contains(tb) {
        guard let da = doubles(a, ta, into: .float), let db = doubles(b, tb, into: .float) else { throw QError.type }
        let q = zipWith(da, a.isAtom, db, b.isAtom) { Foundation_floor($0 / $1) }
        return Numeric.make(q, r, atom: atom)
      }
      guard let la = longs(a, ta, into: .long), let lb = longs(b, tb, into: .long) else { throw QError.type }
      let out = zipWith(la, a.isAtom, lb, b.isAtom) { p, q -> Int64 in
        if q == 0 || p == Nulls.long || q == Nulls.long { return Nulls.long }
        if q == -1 { return 0 &- p }
        let d = p / q
        return (p % q != 0 && ((p < 0) != (q < 0))) ? d - 1 : d
      }
      return Numeric.make(out, r, atom: atom)
    }
  }

  /// The result type of `x mod y`.
  static func modType(_ a: QType, _ b: QType) -> QType? {
    if a.isTemporal && (numericRank(b) != nil || b == .char) {
      if b == .real || b == .float { return a == .date ? nil : .float }
      switch a {
      case .timestamp: return .timespan
      case .month, .date: return .int
      case .datetime: return .float
      default: return a
      }
    }
    if a.isTemporal || b.isTemporal {
      guard !(a.isTemporal && b.isTemporal) else { return nil }
      if a == .real || a == .float { return b == .date || b == .datetime ? .datetime : .float }
      return b
    }
    if a == .real, numericRank(b) != nil || b == .char { return .float }
    return sumType(.add, a, b)
  }

  /// `mod`: the remainder with the sign of the divisor.
  static func mod(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let ta = Numeric.qtype(a), let tb = Numeric.qtype(b), let r = modType(ta, tb) else { throw QError.type }
      let atom = a.isAtom && b.isAtom
      if r.storageKind == .float || r.storageKind == .real {
        guard let da = doubles(a, ta, into: .float), let db = doubles(b, tb, into: .float) else { throw QError.type }
        return Numeric.make(zipWith(da, a.isAtom, db, b.isAtom) { p, q in p - q * Foundation_floor(p / q) }, r, atom: atom)
      }
      guard let la = longs(a, ta, into: .long), let lb = longs(b, tb, into: .long) else { throw QError.type }
      let out = zipWith(la, a.isAtom, lb, b.isAtom) { p, q -> Int64 in
        if q == 0 { return p }
        if p == Nulls.long || q == Nulls.long { return Nulls.long }
        if q == -1 { return 0 }
        let m = p % q
        return (m != 0 && ((m < 0) != (q < 0))) ? m + q : m
      }
      return Numeric.make(out, r, atom: atom)
    }
  }

  static func xexp(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let da = Numeric.doubles(a), let db = Numeric.doubles(b) else { throw QError.type }
      guard let ta = Numeric.qtype(a), let tb = Numeric.qtype(b), ta.isNumeric, tb.isNumeric else { throw QError.type }
      return Numeric.make(zipWith(da, a.isAtom, db, b.isAtom) { $0 < 0 ? .nan : Foundation_pow($0, $1) }, .float, atom: a.isAtom && b.isAtom)
    }
  }

  static func xlog(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let da = Numeric.doubles(a.replacingChars), let db = Numeric.doubles(b.replacingChars) else { throw QError.type }
      return Numeric.make(zipWith(da, a.isAtom, db, b.isAtom) { Glibc.log($1) / Glibc.log($0) }, .float, atom: a.isAtom && b.isAtom)
    }
  }
}

@inline(__always) func Foundation_floor(_ x: Double) -> Double { Glibc.floor(x) }
@inline(__always) func Foundation_ceil(_ x: Double) -> Double { Glibc.ceil(x) }
@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
