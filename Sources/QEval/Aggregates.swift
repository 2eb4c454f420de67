import QValues

/// Reductions and running reductions over lists: sum, prd, min, max, avg and friends.
/// Nulls are skipped by sum, min, max and avg, as in q.
enum Aggregates {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("sum", monad: { _, x in try sum(x) }),
    PrimitiveDef("prd", monad: { _, x in try prd(x) }),
    PrimitiveDef("min", monad: { _, x in try extreme(x, .min) }),
    PrimitiveDef("max", monad: { _, x in try extreme(x, .max) }),
    PrimitiveDef("avg", monad: { _, x in try avg(x) }),
    PrimitiveDef("sums", monad: { i, x in try running(i, "+", x) }),
    PrimitiveDef("prds", monad: { i, x in try running(i, "*", x) }),
    PrimitiveDef("mins", monad: { i, x in try running(i, "&", x) }),
    PrimitiveDef("maxs", monad: { i, x in try running(i, "|", x) }),
  ]

  static func sum(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v):
      switch v.storage {
      case .float(let a):
        var s = 0.0
        a.withUnsafeBufferPointer { p in for e in p where !e.isNaN { s += e } }
        return .float(s, v.type == .datetime ? .float : .float)
      case .long(let a):
        var s: Int64 = 0
        a.withUnsafeBufferPointer { p in for e in p where e != Nulls.long { s &+= e } }
        return .long(s, v.type == .timestamp ? .long : v.type)
      case .int(let a):
        var s: Int64 = 0
        for e in a where e != Nulls.int { s &+= Int64(e) }
        return v.type == .int ? .j(s) : .int(Int32(truncatingIfNeeded: s), v.type)
      case .short(let a):
        var s: Int64 = 0
        for e in a where e != Nulls.short { s &+= Int64(e) }
        return .j(s)
      case .bool(let a): return .j(a.reduce(0) { $0 + ($1 ? 1 : 0) })
      case .byte(let a): return .j(a.reduce(Int64(0)) { $0 + Int64($1) })
      case .real(let a): return .real(a.reduce(Float(0)) { $1.isNaN ? $0 : $0 + $1 })
      default: throw QError.type
      }
    case .list(let a):
      guard var acc = a.first else { return .j(0) }
      for e in a.dropFirst() { acc = try Arithmetic.dyad(.add, acc, e) }
      return acc
    case .dict(_, let v): return try sum(v)
    case .table(let t): return .dict(.symbols(t.names), Value.fromItems(try t.columns.map(sum)))
    default:
      if x.isAtom { return x }
      throw QError.type
    }
  }

  static func prd(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v):
      if v.type == .float || v.type == .real {
        return .f(Numeric.doubles(x)!.reduce(1.0) { $1.isNaN ? $0 : $0 * $1 })
      }
      guard let a = Numeric.longs(x) else { throw QError.type }
      return .j(a.reduce(Int64(1)) { $1 == Nulls.long ? $0 : $0 &* $1 })
    case .list(let a):
      guard var acc = a.first else { return .j(1) }
      for e in a.dropFirst() { acc = try Arithmetic.dyad(.multiply, acc, e) }
      return acc
    case .dict(_, let v): return try prd(v)
    default:
      if x.isAtom { return x }
      throw QError.type
    }
  }

  static func extreme(_ x: Value, _ op: Arithmetic.Op) throws -> Value {
    switch x {
    case .vector(let v):
      switch v.storage {
      case .long(let a):
        let xs = a.filter { $0 != Nulls.long }
        guard let r = op == .min ? xs.min() : xs.max() else { return .long(op == .min ? Nulls.longInf : -Nulls.longInf, v.type) }
        return .long(r, v.type)
      case .float(let a):
        let xs = a.filter { !$0.isNaN }
        guard let r = op == .min ? xs.min() : xs.max() else { return .float(op == .min ? .infinity : -.infinity, v.type) }
        return .float(r, v.type)
      case .symbol(let a):
        guard let r = op == .min ? a.min() : a.max() else { return .symbol("") }
        return .symbol(r)
      default:
        let items = x.items.filter { !$0.isNull }
        guard var acc = items.first else { return Nulls.atom(v.type) }
        for e in items.dropFirst() { acc = try Arithmetic.dyad(op, acc, e) }
        return acc
      }
    case .list(let a):
      guard var acc = a.first else { return .identity }
      for e in a.dropFirst() { acc = try Arithmetic.dyad(op, acc, e) }
      return acc
    case .dict(_, let v): return try extreme(v, op)
    case .table(let t): return .dict(.symbols(t.names), Value.fromItems(try t.columns.map { try extreme($0, op) }))
    default:
      if x.isAtom { return x }
      throw QError.type
    }
  }

  static func avg(_ x: Value) throws -> Value {
    switch x {
    case .vector:
      guard let d = Numeric.doubles(x) else { throw QError.type }
      var s = 0.0, n = 0
      for e in d where !e.isNaN { s += e; n += 1 }
      return .f(n == 0 ? .nan : s / Double(n))
    case .list(let a):
      return try Arithmetic.dyad(.divide, try sum(x), .j(a.count))
    case .dict(_, let v): return try avg(v)
    case .table(let t): return .dict(.symbols(t.names), Value.fromItems(try t.columns.map(avg)))
    default:
      if let d = Numeric.doubles(x) { return .f(d[0]) }
      throw QError.type
    }
  }

  /// sums, prds, mins, maxs: the scan of a dyad.
  static func running(_ i: Interpreter, _ glyph: String, _ x: Value) throws -> Value {
    if case .vector(let v) = x, glyph == "+" {
      if case .long(let a) = v.storage {
        var s: Int64 = 0
        return .vector(Vector(v.type, .long(a.map { e in if e != Nulls.long { s &+= e }; return s })))
      }
      if case .float(let a) = v.storage {
        var s = 0.0
        return .vector(Vector(v.type, .float(a.map { e in if !e.isNaN { s += e }; return s })))
      }
    }
    if case .dict(let k, let v) = x { return .dict(k, try running(i, glyph, v)) }
    if x.isAtom { return x }
    var acc: Value? = nil
    var out: [Value] = []
    for e in x.items {
      if let a = acc {
        acc = try i.applyDyadicVerb(glyph, a, e)
      } else {
        acc = e
      }
      out.append(acc!)
    }
    return Value.fromItems(out)
  }
}
