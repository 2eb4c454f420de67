import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Uniform functions over neighbours: shifts (prev, next, xprev), differences (deltas,
/// ratios, differ), forward fill, running averages, moving-window statistics and ema.
enum Moving {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("prev", monad: { _, x in try uniform(x) { try shift($0, 1) } }),
    PrimitiveDef("next", monad: { _, x in try uniform(x) { try shift($0, -1) } }),
    PrimitiveDef("xprev", dyad: { _, n, x in
      guard n.isAtom, let k = n.asInt else { throw QError.type }
      return try uniform(x) { try shift($0, k) }
    }),
    PrimitiveDef("deltas", monad: { _, x in try uniform(x) { try pairwise($0, .subtract, seed: nil) } },
      nary: { _, a in try seeded(a, .subtract) }),
    PrimitiveDef("ratios", monad: { _, x in try uniform(x) { try pairwise($0, .divide, seed: nil) } },
      nary: { _, a in try seeded(a, .divide) }),
    PrimitiveDef("differ", monad: { _, x in try differ(x) }),
    PrimitiveDef("fills", monad: { _, x in try uniform(x, fills) }),
    PrimitiveDef("avgs", monad: { _, x in try uniform(x, avgs) }),
    PrimitiveDef("msum", dyad: { _, n, x in try window(n, x) { try msum($0, $1) } }),
    PrimitiveDef("mcount", dyad: { _, n, x in try window(n, x) { try mcount($0, $1) } }),
    PrimitiveDef("mavg", dyad: { _, n, x in try window(n, x) { try mavg($0, $1) } }),
    PrimitiveDef("mdev", dyad: { _, n, x in try window(n, x) { try mdev($0, $1) } }),
    PrimitiveDef("mmax", dyad: { _, n, x in try window(n, x) { try mextreme($0, $1, .max) } }),
    PrimitiveDef("mmin", dyad: { _, n, x in try window(n, x) { try mextreme($0, $1, .min) } }),
    PrimitiveDef("ema", dyad: { _, a, x in try uniform(x) { try ema(a, $0) } }),
  ]

  /// The binary form `deltas[s;x]`, given as nary so that `deltas x` stays unary.
  static func seeded(_ a: [Value], _ op: Arithmetic.Op) throws -> Value {
    guard a.count == 2 else { throw QError.rank }
    return try uniform(a[1]) { try pairwise($0, op, seed: a[0]) }
  }

  /// Apply to a list, the values of a dictionary, or each column of a table.
  static func uniform(_ x: Value, _ f: (Value) throws -> Value) throws -> Value {
    switch x {
    case .dict(let k, let v): return .dict(k, try uniform(v, f))
    case .table(let t): return .table(Table(names: t.names, columns: try t.columns.map(f)))
    default: return try f(x)
    }
  }

  static func window(_ n: Value, _ x: Value, _ f: (Int, Value) throws -> Value) throws -> Value {
    guard n.isAtom, let k = n.asInt, n.atomType?.isIntegral == true else { throw QError.type }
    return try uniform(x) { try f(k, $0) }
  }

  /// Items moved k places later (earlier when negative); vacated places get nulls.
  static func shift(_ x: Value, _ k: Int) throws -> Value {
    if x.isAtom { return k == 0 ? x : x.nullOfSameShape }
    let n = x.count
    let k = Swift.max(-n, Swift.min(n, k == Int.min ? n : k))
    let idx = (0..<n).map { i -> Int in let j = i - k; return j >= 0 && j < n ? j : -1 }
    switch x {
    case .vector(let v): return .vector(v.gather(idx))
    case .list(let a):
      guard let filler = a.first?.nullOfSameShape else { return x }
      return .list(idx.map { $0 >= 0 ? a[$0] : filler })
    default: throw QError.type
    }
  }

  /// deltas and ratios: each item against its predecessor; the first against the seed,
  /// or kept as it is (as a float for ratios).
  static func pairwise(_ x: Value, _ op: Arithmetic.Op, seed: Value?) throws -> Value {
    if x.isAtom {
      if let s = seed { return try Arithmetic.dyad(op, x, s) }
      return op == .divide ? try Arithmetic.dyad(.divide, x, .j(1)) : x
    }
    if case .vector(let v) = x, v.count > 0 {
      let before = try shift(x, 1)
      let r = try Arithmetic.dyad(op, x, before)
      let first = try seed.map { try Arithmetic.dyad(op, v[0], $0) } ?? (op == .divide ? try Arithmetic.dyad(.divide, v[0], .j(1)) : v[0])
      if case .vector(let rv) = r, first.atomType == rv.type {
        let head = Value.vectorOfAtoms([first], rv.type)
        return .vector(Vector(rv.type, Lists.concat(head.storage, rv.slice(1..<rv.count).storage)))
      }
      var items = r.items
      items[0] = first
      return Value.fromItems(items)
    }
    let items = x.items
    var out: [Value] = []
    for (i, e) in items.enumerated() {
      if i == 0 {
        out.append(try seed.map { try Arithmetic.dyad(op, e, $0) } ?? e)
      } else {
        out.append(try Arithmetic.dyad(op, e, items[i - 1]))
      }
    }
    return Value.fromItems(out)
  }

  /// True where an item differs from its predecessor (the first always does).
  static func differ(_ x: Value) throws -> Value {
    if x.isAtom { return .bool(true) }
    let items = x.items
    var out = [Bool](repeating: true, count: items.count)
    for i in items.indices.dropFirst() { out[i] = !Match.equal(items[i], items[i - 1]) }
    return .bools(out)
  }

  /// Nulls replaced by the last non-null item before them.
  static func fills(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v):
      switch v.storage {
      case .long(let a):
        var last = Nulls.long
        return .vector(Vector(v.type, .long(a.map { e in if e != Nulls.long { last = e }; return last })))
      case .float(let a):
        var last = Double.nan
        return .vector(Vector(v.type, .float(a.map { e in if !e.isNaN { last = e }; return last })))
      case .int(let a):
        var last = Nulls.int
        return .vector(Vector(v.type, .int(a.map { e in if e != Nulls.int { last = e }; return last })))
      default:
        var last: Value? = nil
        let items = (0..<v.count).map { i -> Value in
          let e = v[i]
          if !e.isNull { last = e; return e }
          return last ?? e
        }
        return .vector(Value.vectorOfAtoms(items, v.type))
      }
    case .list(let a):
      var last: Value? = nil
      return .list(a.map { e in
        if !(e.isAtom && e.isNull) { last = e; return e }
        return last ?? e
      })
    default: return x
    }
  }

  /// Running averages: sums over the count of non-nulls so far.
  static func avgs(_ x: Value) throws -> Value {
    if x.isAtom { return try Aggregates.avg(x) }
    guard case .vector = x, let d = Numeric.doubles(x) else {
      return try Aggregates.scan(x.items, .add)
    }
    var s = 0.0, n = 0.0
    return .floats(d.map { e in
      if !e.isNaN { s += e; n += 1 }
      return n == 0 ? .nan : s / n
    })
  }

  static func numbers(_ x: Value) throws -> [Double] {
    guard case .vector = x, let d = Numeric.doubles(x) else { throw QError.type }
    return d
  }

  /// Moving sums of the last k items, nulls as zero, typed as `sum` types them.
  static func msum(_ k: Int, _ x: Value) throws -> Value {
    guard k > 0 else { return try Arithmetic.dyad(.multiply, .j(0), x) }
    guard case .vector(let v) = x, let rt = Aggregates.sumType(v.type) else {
      if x.isAtom { return x }
      throw QError.type
    }
    if rt.storageKind == .float || rt.storageKind == .real {
      let d = try numbers(x).map { $0.isNaN ? 0 : $0 }
      var s = 0.0
      var out = [Double](repeating: 0, count: d.count)
      for i in d.indices {
        s += d[i]
        if i >= k { s -= d[i - k] }
        out[i] = s
      }
      return Numeric.make(out, rt, atom: false)
    }
    guard let a = Numeric.longs(x) else { throw QError.type }
    let z = a.map { $0 == Nulls.long ? 0 : $0 }
    var s: Int64 = 0
    var out = [Int64](repeating: 0, count: z.count)
    for i in z.indices {
      s &+= z[i]
      if i >= k { s &-= z[i - k] }
      out[i] = s
    }
    return Numeric.make(out, rt == .timestamp ? .timespan : rt, atom: false)
  }

  static func mcount(_ k: Int, _ x: Value) throws -> Value {
    guard case .vector(let v) = x else { if x.isAtom { return .j(1) }; throw QError.type }
    let present = (0..<v.count).map { v[$0].isNull ? 0 : 1 }
    var c = 0
    var out = [Int64](repeating: 0, count: present.count)
    for i in present.indices {
      c += present[i]
      if i >= k && k > 0 { c -= present[i - k] }
      out[i] = Int64(k > 0 ? c : 0)
    }
    return .longs(out)
  }

  /// Windowed sums and counts of the non-null items ending at each position.
  static func windowSums(_ k: Int, _ d: [Double]) -> (sums: [Double], counts: [Double]) {
    var s = 0.0, c = 0.0
    var sums = [Double](repeating: 0, count: d.count), counts = sums
    for i in d.indices {
      if !d[i].isNaN { s += d[i]; c += 1 }
      if i >= k, !d[i - k].isNaN { s -= d[i - k]; c -= 1 }
      sums[i] = s
      counts[i] = c
    }
    return (sums, counts)
  }

  static func mavg(_ k: Int, _ x: Value) throws -> Value {
    guard k > 0 else { throw QError.domain }
    let d = try numbers(x)
    let (s, c) = windowSums(k, d)
    return .floats(d.indices.map { c[$0] == 0 ? .nan : s[$0] / c[$0] })
  }

  static func mdev(_ k: Int, _ x: Value) throws -> Value {
    guard k > 0 else { throw QError.domain }
    let d = try numbers(x)
    let (s, c) = windowSums(k, d)
    let (s2, _) = windowSums(k, d.map { $0 * $0 })
    return .floats(d.indices.map { i in
      if c[i] == 0 { return .nan }
      let m = s[i] / c[i]
      return Glibc.sqrt(Swift.max(s2[i] / c[i] - m * m, 0))
    })
  }

  /// Moving max or min over the last k items; nulls are the smallest values, so they
  /// win a min and lose a max.
  static func mextreme(_ k: Int, _ x: Value, _ op: Arithmetic.Op) throws -> Value {
    guard case .vector(let v) = x else { if x.isAtom { return x }; throw QError.type }
    let n = v.count
    if k <= 0 { return x }
    if case .float(let a) = v.storage {
      let out = (0..<n).map { i -> Double in
        var r = a[i]
        for j in Swift.max(0, i - k + 1)..<i {
          let e = a[j]
          if op == .min { r = r.isNaN || e.isNaN ? .nan : Swift.min(r, e) } else { r = r.isNaN ? e : e.isNaN ? r : Swift.max(r, e) }
        }
        return op == .max && r.isNaN ? -.infinity : r
      }
      return .vector(Vector(v.type, .float(out)))
    }
    guard v.type != .symbol, v.type != .guid, let a = Numeric.longs(x.replacingChars) else { throw QError.type }
    // For a max, nulls count as minus infinity so that they never win.
    let inf: Int64 = v.type.storageKind == .long ? Nulls.longInf : v.type.storageKind == .int ? Int64(Nulls.intInf) : Int64(Nulls.shortInf)
    let b = op == .max && v.type.storageKind != .bool && v.type.storageKind != .byte && v.type.storageKind != .char
      ? a.map { $0 == Nulls.long ? -inf : $0 } : a
    let out = (0..<n).map { i -> Int64 in
      var r = b[i]
      for j in Swift.max(0, i - k + 1)..<i { r = op == .min ? Swift.min(r, b[j]) : Swift.max(r, b[j]) }
      return r
    }
    return Numeric.make(out, v.type, atom: false)
  }

  /// Exponential moving average: s0 = x0, si = (1-a)*s(i-1) + a*xi.
  static func ema(_ a: Value, _ x: Value) throws -> Value {
    let d = try numbers(x)
    let alphas: [Double]
    if a.isAtom {
      guard let w = Numeric.doubles(a)?.first else { throw QError.type }
      alphas = Array(repeating: w, count: d.count)
    } else {
      alphas = try numbers(a)
      guard alphas.count == d.count else { throw QError.length }
    }
    var out = [Double](repeating: 0, count: d.count)
    for i in d.indices {
      out[i] = i == 0 ? d[0] : (1 - alphas[i]) * out[i - 1] + alphas[i] * d[i]
    }
    return .floats(out)
  }
}
