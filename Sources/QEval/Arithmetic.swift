import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// `+ - * %`, `&` `|` (min and max) and the integer and float maths keywords.
/// Integer arithmetic wraps as q's does; `0W+1` is `0N`.
enum Arithmetic {
  enum Op { case add, subtract, multiply, divide, min, max }

  static let rank: [QType: Int] = [.boolean: 1, .byte: 2, .short: 3, .int: 4, .long: 5, .real: 6, .float: 7]

  /// The result type of `x op y`, or nil when q signals 'type.
  static func resultType(_ op: Op, _ a: QType, _ b: QType) -> QType? {
    if let ra = rank[a], let rb = rank[b] {
      if op == .divide { return a == .real && b == .real ? .float : .float }
      let hi = ra >= rb ? a : b
      if op == .min || op == .max {
        return hi
      }
      if (a == .real && b == .long) || (a == .long && b == .real) { return .float }
      if rank[hi]! <= 2 { return .int }
      return hi
    }
    let ta = a.isTemporal, tb = b.isTemporal
    if op == .divide { return (ta || rank[a] != nil) && (tb || rank[b] != nil) ? .float : nil }
    if op == .min || op == .max {
      if a == b { return a }
      if ta && rank[b] != nil { return a }
      if tb && rank[a] != nil { return b }
      return nil
    }
    let ia = rank[a] != nil && a != .real && a != .float, ib = rank[b] != nil && b != .real && b != .float
    switch op {
    case .add:
      if ta && ib { return a }
      if tb && ia { return b }
      if (a == .date && b == .timespan) || (a == .timespan && b == .date) { return .timestamp }
      if (a == .timestamp && b == .timespan) || (a == .timespan && b == .timestamp) { return .timestamp }
      if (a == .date && b == .time) || (a == .time && b == .date) { return .datetime }
      if a == .timespan && b == .timespan { return .timespan }
      if ta && tb && a == b && a != .date && a != .month && a != .timestamp { return a }
      if ta && (b == .float || b == .real) { return a == .datetime ? .datetime : .float }
      if tb && (a == .float || a == .real) { return b == .datetime ? .datetime : .float }
      if ta && tb && [QType.minute, .second, .time, .timespan].contains(a) && [QType.minute, .second, .time, .timespan].contains(b) { return .timespan }
      return nil
    case .subtract:
      if ta && ib { return a }
      if a == b && (a == .date || a == .month || a == .minute || a == .second) { return a == .date || a == .month ? .int : a }
      if a == .timestamp && b == .timestamp { return .timespan }
      if a == .timestamp && b == .timespan { return .timestamp }
      if a == .date && b == .timespan { return .timestamp }
      if a == b && (a == .time || a == .timespan) { return a }
      if a == .datetime && b == .datetime { return .float }
      if ta && (b == .float || b == .real) { return a == .datetime ? .datetime : .float }
      if tb && ia { return nil }
      return nil
    case .multiply:
      if ta && ib && a != .date && a != .month && a != .timestamp { return a }
      if tb && ia && b != .date && b != .month && b != .timestamp { return b }
      if (ta && (b == .float || b == .real)) || (tb && (a == .float || a == .real)) {
        let t = ta ? a : b
        return t == .timespan ? .timespan : .float
      }
      return nil
    default: return nil
    }
  }

  /// Units to bring a temporal operand to its partner's scale (date + timespan in ns).
  static func scale(_ t: QType, to r: QType) -> Int64 {
    if t == .date && (r == .timestamp) { return Temporal.nanosPerDay }
    if r == .timespan {
      switch t {
      case .minute: return 60_000_000_000
      case .second: return 1_000_000_000
      case .time: return 1_000_000
      default: return 1
      }
    }
    return 1
  }

  static func dyad(_ op: Op, _ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in try kernel(op, a, b) }
  }

  static func kernel(_ op: Op, _ x: Value, _ y: Value) throws -> Value {
    guard let tx = Numeric.qtype(x), let ty = Numeric.qtype(y), let r = resultType(op, tx, ty) else {
      throw QError.type
    }
    let xa = x.isAtom, ya = y.isAtom
    let atom = xa && ya
    // Fast paths: same-storage vectors need no conversion.
    if case .vector(let vx) = x, case .vector(let vy) = y, tx == ty {
      switch (vx.storage, vy.storage) {
      case (.float(let a), .float(let b)) where r.storageKind == .float:
        return .vector(Vector(r, .float(floatOp(op, a, false, b, false))))
      case (.long(let a), .long(let b)) where r.storageKind == .long && op != .divide:
        return .vector(Vector(r, .long(longOp(op, a, false, b, false))))
      default: break
      }
    }
    if op == .divide || r.storageKind == .float || r.storageKind == .real {
      if case .datetime = r, op != .divide {
        guard let a = Numeric.doubles(x), let b = Numeric.doubles(y) else { throw QError.type }
        return Numeric.make(floatOp(op, a, xa, b, ya), r, atom: atom)
      }
      guard let a = Numeric.doubles(x), let b = Numeric.doubles(y) else { throw QError.type }
      if r == .timespan {
        return Numeric.make(floatOp(op, a, xa, b, ya).map(Numeric.toLong), r, atom: atom)
      }
      return Numeric.make(floatOp(op, a, xa, b, ya), r, atom: atom)
    }
    guard var a = Numeric.longs(x), var b = Numeric.longs(y) else { throw QError.type }
    let sx = scale(tx, to: r), sy = scale(ty, to: r)
    if sx != 1 { a = a.map { $0 == Nulls.long ? $0 : $0 &* sx } }
    if sy != 1 { b = b.map { $0 == Nulls.long ? $0 : $0 &* sy } }
    return Numeric.make(longOp(op, a, xa, b, ya), r, atom: atom)
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

  static func longOp(_ op: Op, _ a: [Int64], _ aa: Bool, _ b: [Int64], _ ba: Bool) -> [Int64] {
    switch op {
    case .add: return zipWith(a, aa, b, ba, &+)
    case .subtract: return zipWith(a, aa, b, ba, &-)
    case .multiply: return zipWith(a, aa, b, ba, &*)
    case .divide: return []
    case .min: return zipWith(a, aa, b, ba) { Swift.min($0, $1) }
    case .max: return zipWith(a, aa, b, ba) { Swift.max($0, $1) }
    }
  }

  // MARK: monadic maths

  static func neg(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      switch v {
      case .bool, .byte: return try kernel(.subtract, .i(0), v)
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
      guard let t = Numeric.qtype(v), t.isNumeric || t.isTemporal else { throw QError.type }
      if t.storageKind == .float || t.storageKind == .real {
        return Numeric.make(Numeric.doubles(v)!.map { Swift.abs($0) }, t, atom: v.isAtom)
      }
      let rt: QType = t == .boolean || t == .byte ? .int : t
      return Numeric.make(Numeric.longs(v)!.map { $0 < 0 ? 0 &- $0 : $0 }, rt, atom: v.isAtom)
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

  static func floor(_ x: Value) throws -> Value { try rounding(x, Foundation_floor) }
  static func ceiling(_ x: Value) throws -> Value { try rounding(x, Foundation_ceil) }

  static func rounding(_ x: Value, _ f: @escaping (Double) -> Double) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v) else { throw QError.type }
      if t == .float || t == .real {
        return Numeric.make(Numeric.doubles(v)!.map { Numeric.toLong(f($0)) }, .long, atom: v.isAtom)
      }
      if t == .boolean || t == .byte || t == .short || t == .int || t == .long { return v }
      throw QError.type
    }
  }

  static func signum(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v), t.isNumeric || t.isTemporal else { throw QError.type }
      if t.storageKind == .float || t.storageKind == .real {
        return Numeric.make(Numeric.doubles(v)!.map { Int64($0 > 0 ? 1 : $0 < 0 ? -1 : 0) }, .int, atom: v.isAtom)
      }
      return Numeric.make(Numeric.longs(v)!.map { Int64($0 > 0 ? 1 : $0 < 0 ? -1 : 0) }, .int, atom: v.isAtom)
    }
  }

  /// Integer division rounding down; float arguments give floats rounded down.
  static func div(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let ta = Numeric.qtype(a), let tb = Numeric.qtype(b), ta.isNumeric || ta.isTemporal, tb.isNumeric else { throw QError.type }
      let atom = a.isAtom && b.isAtom
      if ta == .float || tb == .float || ta == .real || tb == .real {
        return Numeric.make(zipWith(Numeric.doubles(a)!, a.isAtom, Numeric.doubles(b)!, b.isAtom) { Foundation_floor($0 / $1) }, .float, atom: atom)
      }
      let r: QType = Swift.max(rank[ta] ?? 5, rank[tb] ?? 5) <= 4 ? .int : (rank[ta] ?? 5) >= (rank[tb] ?? 5) ? (ta.isTemporal ? .long : ta) : tb
      let out = zipWith(Numeric.longs(a)!, a.isAtom, Numeric.longs(b)!, b.isAtom) { p, q -> Int64 in
        if q == 0 || p == Nulls.long || q == Nulls.long { return Nulls.long }
        let d = p / q
        return (p % q != 0 && ((p < 0) != (q < 0))) ? d - 1 : d
      }
      return Numeric.make(out, r == .boolean || r == .byte || r == .short ? .int : r, atom: atom)
    }
  }

  /// Modulus with the sign of the divisor.
  static func mod(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let ta = Numeric.qtype(a), let tb = Numeric.qtype(b), ta.isNumeric || ta.isTemporal, tb.isNumeric else { throw QError.type }
      let atom = a.isAtom && b.isAtom
      if ta == .float || tb == .float || ta == .real || tb == .real {
        return Numeric.make(zipWith(Numeric.doubles(a)!, a.isAtom, Numeric.doubles(b)!, b.isAtom) { p, q in p - q * Foundation_floor(p / q) }, .float, atom: atom)
      }
      let out = zipWith(Numeric.longs(a)!, a.isAtom, Numeric.longs(b)!, b.isAtom) { p, q -> Int64 in
        if q == 0 { return p }
        if p == Nulls.long || q == Nulls.long { return Nulls.long }
        let m = p % q
        return (m != 0 && ((m < 0) != (q < 0))) ? m + q : m
      }
      let r: QType = ta.isTemporal ? ta : Swift.max(rank[ta]!, rank[tb]!) <= 4 ? (Swift.max(rank[ta]!, rank[tb]!) <= 2 ? .int : (rank[ta]! >= rank[tb]! ? ta : tb)) : .long
      return Numeric.make(out, r, atom: atom)
    }
  }

  static func xexp(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let da = Numeric.doubles(a), let db = Numeric.doubles(b) else { throw QError.type }
      return Numeric.make(zipWith(da, a.isAtom, db, b.isAtom) { Foundation_pow($0, $1) }, .float, atom: a.isAtom && b.isAtom)
    }
  }

  static func xlog(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      guard let da = Numeric.doubles(a), let db = Numeric.doubles(b) else { throw QError.type }
      return Numeric.make(zipWith(da, a.isAtom, db, b.isAtom) { Glibc.log($1) / Glibc.log($0) }, .float, atom: a.isAtom && b.isAtom)
    }
  }
}

@inline(__always) func Foundation_floor(_ x: Double) -> Double { Glibc.floor(x) }
@inline(__always) func Foundation_ceil(_ x: Double) -> Double { Glibc.ceil(x) }
@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
