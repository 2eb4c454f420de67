import QValues

/// `= <> < > <= >=`: atomic comparisons giving booleans. Nulls are equal to each other
/// and below every other value; floats compare with q's tolerance for `=`.
enum Comparison {
  enum Op { case eq, ne, lt, gt, le, ge }

  static func dyad(_ op: Op, _ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in try kernel(op, a, b) }
  }

  @inline(__always) static func finish(_ op: Op, _ c: Int) -> Bool {
    switch op {
    case .eq: return c == 0
    case .ne: return c != 0
    case .lt: return c < 0
    case .gt: return c > 0
    case .le: return c <= 0
    case .ge: return c >= 0
    }
  }

  static func kernel(_ op: Op, _ x: Value, _ y: Value) throws -> Value {
    guard let tx = Numeric.qtype(x), let ty = Numeric.qtype(y) else { throw QError.type }
    let atom = x.isAtom && y.isAtom
    let xa = x.isAtom, ya = y.isAtom
    func out(_ r: [Bool]) -> Value { atom ? .bool(r[0]) : .bools(r) }
    if tx == .symbol || ty == .symbol {
      guard tx == ty else { throw QError.type }
      let a = symbols(x), b = symbols(y)
      return out(zipCompare(a, xa, b, ya) { p, q in finish(op, p < q ? -1 : p == q ? 0 : 1) })
    }
    if tx == .guid || ty == .guid {
      guard tx == ty else { throw QError.type }
      let a = guids(x), b = guids(y)
      return out(zipCompare(a, xa, b, ya) { p, q in finish(op, p < q ? -1 : p == q ? 0 : 1) })
    }
    if tx == .char && ty == .char {
      let a = chars(x), b = chars(y)
      return out(zipCompare(a, xa, b, ya) { p, q in finish(op, p < q ? -1 : p == q ? 0 : 1) })
    }
    if tx != ty && tx.isTemporal && ty.isTemporal {
      // Different temporal types meet in the higher one (a timestamp against a time
      // compares its time of day), as lesser and greater do.
      guard comparable(tx, ty), let r = Arithmetic.extremeType(tx, ty) else { throw QError.type }
      func cast(_ v: Value, _ t: QType) throws -> Value {
        if t == r { return v }
        return v.isAtom ? try Cast.to(r, v) : .vector(Value.vectorOfAtoms(try v.items.map { try Cast.to(r, $0) }, r))
      }
      return try kernel(op, try cast(x, tx), try cast(y, ty))
    }
    let floaty = [QType.real, .float, .datetime].contains(tx) || [QType.real, .float, .datetime].contains(ty)
    if floaty || (tx.isTemporal && ty.isTemporal && tx != ty) {
      guard var a = Numeric.doubles(x.replacingChars), var b = Numeric.doubles(y.replacingChars) else { throw QError.type }
      if tx != ty && tx.isTemporal && ty.isTemporal {
        a = a.map { inDays($0, tx) }
        b = b.map { inDays($0, ty) }
      }
      return out(zipCompare(a, xa, b, ya) { p, q in finish(op, compareDoubles(p, q)) })
    }
    guard let a = Numeric.longs(x.replacingChars), let b = Numeric.longs(y.replacingChars) else { throw QError.type }
    return out(zipCompare(a, xa, b, ya) { p, q in finish(op, p < q ? -1 : p == q ? 0 : 1) })
  }

  /// Temporal types that can meet in a comparison: months and dates do not meet clock
  /// times, nor months datetimes.
  static func comparable(_ a: QType, _ b: QType) -> Bool {
    let clock: Set<QType> = [.timespan, .minute, .second, .time]
    let day: Set<QType> = [.month, .date]
    if (day.contains(a) && clock.contains(b)) || (day.contains(b) && clock.contains(a)) { return false }
    if (a == .month && b == .datetime) || (a == .datetime && b == .month) { return false }
    return true
  }

  /// A temporal count in days since 2000.01.01 (months by their first day).
  static func inDays(_ x: Double, _ t: QType) -> Double {
    if x.isNaN || x.isInfinite { return x }
    if t == .month { return Double(Arithmetic.monthStartDays(Int64(x))) }
    return x * dayFraction(t)
  }

  /// Days per unit, to compare temporal values of different types.
  static func dayFraction(_ t: QType) -> Double {
    switch t {
    case .timestamp, .timespan: return 1 / 86_400_000_000_000
    case .date, .datetime: return 1
    case .month: return 30.4375
    case .minute: return 1 / 1440
    case .second: return 1 / 86400
    case .time: return 1 / 86_400_000
    default: return 1
    }
  }

  /// Three-way comparison with NaN lowest and q's relative tolerance for equality.
  @inline(__always) static func compareDoubles(_ p: Double, _ q: Double) -> Int {
    if p.isNaN { return q.isNaN ? 0 : -1 }
    if q.isNaN { return 1 }
    if p == q { return 0 }
    if p.isInfinite || q.isInfinite { return p < q ? -1 : 1 }
    let tol = Arithmetic.tolerance * Swift.max(Swift.abs(p), Swift.abs(q))
    if Swift.abs(p - q) <= tol { return 0 }
    return p < q ? -1 : 1
  }

  @inline(__always)
  static func zipCompare<T>(_ a: [T], _ aAtom: Bool, _ b: [T], _ bAtom: Bool, _ f: (T, T) -> Bool) -> [Bool] {
    let n = aAtom ? b.count : a.count
    return [Bool](unsafeUninitializedCapacity: n) { buf, count in
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          if aAtom && !bAtom { for i in 0..<n { buf[i] = f(pa[0], pb[i]) } }
          else if bAtom && !aAtom { for i in 0..<n { buf[i] = f(pa[i], pb[0]) } }
          else { for i in 0..<n { buf[i] = f(pa[i], pb[i]) } }
        }
      }
      count = n
    }
  }

  static func symbols(_ v: Value) -> [String] {
    if case .symbol(let s) = v { return [s] }
    if case .vector(let vec) = v, case .symbol(let a) = vec.storage { return a }
    return []
  }
  static func guids(_ v: Value) -> [GUID] {
    if case .guid(let g) = v { return [g] }
    if case .vector(let vec) = v, case .guid(let a) = vec.storage { return a }
    return []
  }
  static func chars(_ v: Value) -> [UInt8] {
    if case .char(let c) = v { return [c] }
    if case .vector(let vec) = v, case .char(let a) = vec.storage { return a }
    return []
  }
}

extension Value {
  /// Chars compare with numbers by their code.
  var replacingChars: Value {
    switch self {
    case .char(let c): return .byte(c)
    case .vector(let v):
      if case .char(let a) = v.storage { return .bytes(a) }
      return self
    default: return self
    }
  }
}

/// `~`: whole-value identity, type included.
enum Match {
  static func equal(_ x: Value, _ y: Value) -> Bool {
    switch (x, y) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.byte(let a), .byte(let b)): return a == b
    case (.short(let a), .short(let b)): return a == b
    case (.int(let a, let t), .int(let b, let u)): return a == b && t == u
    case (.long(let a, let t), .long(let b, let u)): return a == b && t == u
    case (.real(let a), .real(let b)): return Comparison.compareDoubles(Double(a), Double(b)) == 0
    case (.float(let a, let t), .float(let b, let u)): return t == u && Comparison.compareDoubles(a, b) == 0
    case (.char(let a), .char(let b)): return a == b
    case (.symbol(let a), .symbol(let b)): return a == b
    case (.guid(let a), .guid(let b)): return a == b
    case (.identity, .identity): return true
    case (.vector(let a), .vector(let b)):
      guard a.type == b.type, a.count == b.count else { return false }
      switch (a.storage, b.storage) {
      case (.long(let p), .long(let q)): return p == q
      case (.int(let p), .int(let q)): return p == q
      case (.symbol(let p), .symbol(let q)): return p == q
      case (.char(let p), .char(let q)), (.byte(let p), .byte(let q)): return p == q
      case (.bool(let p), .bool(let q)): return p == q
      case (.short(let p), .short(let q)): return p == q
      case (.guid(let p), .guid(let q)): return p == q
      case (.float(let p), .float(let q)): return zip(p, q).allSatisfy { Comparison.compareDoubles($0, $1) == 0 }
      case (.real(let p), .real(let q)): return zip(p, q).allSatisfy { Comparison.compareDoubles(Double($0), Double($1)) == 0 }
      default: return false
      }
    case (.list(let a), .list(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    case (.list(let a), .vector(let v)), (.vector(let v), .list(let a)):
      // An empty general list and an empty vector differ; otherwise compare items.
      return a.count == v.count && a.count > 0 && false
    case (.dict(let k1, let v1), .dict(let k2, let v2)): return equal(k1, k2) && equal(v1, v2)
    case (.table(let t), .table(let u)):
      return t.names == u.names && zip(t.columns, u.columns).allSatisfy { equal($0, $1) }
    case (.function(let f), .function(let g)):
      return Format.function(f) == Format.function(g)
    default: return false
    }
  }
}
