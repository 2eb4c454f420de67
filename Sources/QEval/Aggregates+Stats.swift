import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Statistics over numeric lists: variance, deviation, median, covariance, correlation
/// and weighted sums. Results are floats; nulls are left out.
enum Stats {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("var", monad: { _, x in try byColumn(x) { variance($0, sample: false) } }),
    PrimitiveDef("svar", monad: { _, x in try byColumn(x) { variance($0, sample: true) } }),
    PrimitiveDef("dev", monad: { _, x in try byColumn(x) { Glibc.sqrt(variance($0, sample: false)) } }),
    PrimitiveDef("sdev", monad: { _, x in try byColumn(x) { Glibc.sqrt(variance($0, sample: true)) } }),
    PrimitiveDef("med", monad: { _, x in try median(x) }),
    PrimitiveDef("cov", dyad: { _, x, y in try paired(x, y) { covariance($0, $1, sample: false) } }),
    PrimitiveDef("scov", dyad: { _, x, y in try paired(x, y) { covariance($0, $1, sample: true) } }),
    PrimitiveDef("cor", dyad: { _, x, y in try paired(x, y, correlation) }),
    PrimitiveDef("wsum", dyad: { _, x, y in try wsum(x, y) }),
    PrimitiveDef("wavg", dyad: { _, x, y in try wavg(x, y) }),
  ]

  /// Numbers of a simple numeric or temporal vector as doubles.
  static func numbers(_ v: Value) throws -> [Double] {
    guard let t = Numeric.qtype(v), t != .symbol, t != .guid, t != .char || !v.isAtom,
      let d = Numeric.doubles(v.replacingChars)
    else { throw QError.type }
    return d
  }

  /// A statistic of a vector; over a table or a list of rows it runs down each column.
  static func byColumn(_ x: Value, _ f: @escaping ([Double]) -> Double) throws -> Value {
    switch x {
    case .vector: return .f(f(try numbers(x)))
    case .dict(let k, let v):
      if case .table = k, case .table(let vt) = v { return try byColumn(.table(vt), f) }
      return try byColumn(v, f)
    case .table(let t): return .dict(.symbols(t.names), Value.fromItems(try t.columns.map { try byColumn($0, f) }))
    case .list(let rows):
      guard let width = rows.first?.count, rows.allSatisfy({ !$0.isAtom && $0.count == width }) else {
        return .f(f(try rows.map { try numbers($0) }.flatMap { $0 }))
      }
      let cols = try (0..<width).map { c in try rows.map { try numbers($0.item(c)) }.flatMap { $0 } }
      return Value.fromItems(cols.map { .f(f($0)) })
    default:
      if x.isAtom { return .f(f(try numbers(x))) }
      throw QError.type
    }
  }

  static func variance(_ a: [Double], sample: Bool) -> Double {
    var n = 0.0, s = 0.0
    for e in a where !e.isNaN { n += 1; s += e }
    if n == 0 { return .nan }
    let m = s / n
    var q = 0.0
    for e in a where !e.isNaN { q += (e - m) * (e - m) }
    return sample ? q / (n - 1) : q / n
  }

  static func median(_ x: Value) throws -> Value {
    switch x {
    case .vector:
      var d = try numbers(x)
      if d.isEmpty { return .f(.nan) }
      d.sort { $0.isNaN && !$1.isNaN || (!$0.isNaN && !$1.isNaN && $0 < $1) }
      let n = d.count
      let lo = d[(n - 1) / 2], hi = d[n / 2]
      if lo.isNaN { return .f(hi) }
      if hi.isNaN { return .f(lo) }
      return .f((lo + hi) / 2)
    case .dict(let k, let v):
      if case .table = k, case .table(let vt) = v { return try median(.table(vt)) }
      return try median(v)
    case .table(let t): return .dict(.symbols(t.names), Value.fromItems(try t.columns.map(median)))
    case .list(let rows):
      if rows.isEmpty { return .f(.nan) }
      guard let width = rows.first?.count, rows.allSatisfy({ !$0.isAtom && $0.count == width }) else {
        guard case .vector = Value.fromItems(rows) else { throw QError.type }
        return try median(Value.fromItems(rows))
      }
      return Value.fromItems(try (0..<width).map { c in try median(Value.fromItems(rows.map { $0.item(c) })) })
    default:
      if x.isAtom { return .f(try numbers(x)[0]) }
      throw QError.type
    }
  }

  /// Pairs where neither side is null.
  static func paired(_ x: Value, _ y: Value, _ f: ([Double], [Double]) -> Double) throws -> Value {
    if case .dict(let k, let v) = x, case .dict(_, let w) = y { _ = k; return try paired(v, w, f) }
    let a = try numbers(x), b = try numbers(y)
    guard a.count == b.count else { throw QError.length }
    var p: [Double] = [], q: [Double] = []
    for i in a.indices where !a[i].isNaN && !b[i].isNaN { p.append(a[i]); q.append(b[i]) }
    return .f(f(p, q))
  }

  static func covariance(_ a: [Double], _ b: [Double], sample: Bool) -> Double {
    let n = Double(a.count)
    if n == 0 { return .nan }
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    var s = 0.0
    for i in a.indices { s += (a[i] - ma) * (b[i] - mb) }
    return sample ? s / (n - 1) : s / n
  }

  static func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let c = covariance(a, b, sample: false)
    return c / (Glibc.sqrt(covariance(a, a, sample: false)) * Glibc.sqrt(covariance(b, b, sample: false)))
  }

  /// `x wsum y`: the sum of x*y; nulls count as zero.
  static func wsum(_ x: Value, _ y: Value) throws -> Value {
    if case .dict(_, let v) = y { return try wsum(x, v) }
    if case .list = y { return try Aggregates.sum(try Arithmetic.dyad(.multiply, x, y)) }
    if case .list = x { return try Aggregates.sum(try Arithmetic.dyad(.multiply, x, y)) }
    if x.isAtom || y.isAtom { return try Aggregates.sum(try Arithmetic.dyad(.multiply, x, y)) }
    let a = try numbers(x), b = try numbers(y)
    guard a.count == b.count else { throw QError.length }
    var s = 0.0
    for i in a.indices where !a[i].isNaN && !b[i].isNaN { s += a[i] * b[i] }
    return .f(s)
  }

  /// `x wavg y`: the average of y weighted by x, leaving out pairs with a null.
  static func wavg(_ x: Value, _ y: Value) throws -> Value {
    if case .dict(_, let v) = y { return try wavg(x, v) }
    if case .list(let ys) = y {
      let xs = x.isAtom ? Array(repeating: x, count: ys.count) : x.items
      guard xs.count == ys.count else { throw QError.length }
      let num = try Aggregates.sum(try Arithmetic.dyad(.multiply, x, y))
      let den = try Aggregates.sum(x.isAtom ? .list(Array(repeating: x, count: ys.count)) : x)
      return try Arithmetic.dyad(.divide, num, den)
    }
    let a = try numbers(x), b = try numbers(y)
    if a.count == 1 && !x.isAtom || x.isAtom {
      let w = a[0]
      var s = 0.0, n = 0.0
      for e in b where !e.isNaN { s += w * e; n += w }
      return .f(s / n)
    }
    guard a.count == b.count else { throw QError.length }
    var s = 0.0, n = 0.0
    for i in a.indices where !a[i].isNaN && !b[i].isNaN { s += a[i] * b[i]; n += a[i] }
    return .f(s / n)
  }
}
