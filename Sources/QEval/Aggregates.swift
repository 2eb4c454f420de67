import QValues

/// Reductions and running reductions over lists: sum, prd, min, max, avg and friends.
/// On simple vectors sum, min, max and avg skip nulls (as SQL does); over general lists
/// they fold with the atomic verb, so nulls inside items are preserved.
enum Aggregates {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("sum", monad: { _, x in try sum(x) }),
    PrimitiveDef("prd", monad: { _, x in try prd(x) }),
    PrimitiveDef("min", monad: { _, x in try extreme(x, .min) }),
    PrimitiveDef("max", monad: { _, x in try extreme(x, .max) }),
    PrimitiveDef("avg", monad: { _, x in try avg(x) }),
    PrimitiveDef("sums", monad: { _, x in try sums(x) }),
    PrimitiveDef("prds", monad: { _, x in try prds(x) }),
    PrimitiveDef("mins", monad: { _, x in try runningExtreme(x, .min) }),
    PrimitiveDef("maxs", monad: { _, x in try runningExtreme(x, .max) }),
  ] + Stats.definitions + Moving.definitions

  /// The type `sum` gives for a vector type: small integrals and chars add up as int.
  static func sumType(_ t: QType) -> QType? {
    switch t {
    case .boolean, .byte, .short, .int: return .int
    case .guid, .symbol, .list, .char: return nil
    default: return t
    }
  }

  /// Apply a reduction to each column of a table or the values of a dictionary.
  static func lift(_ x: Value, _ f: (Value) throws -> Value) throws -> Value? {
    switch x {
    case .dict(let k, let v):
      if case .table(let vt) = v, case .table = k { return try lift(.table(vt), f) }
      return try f(v)
    case .table(let t): return .dict(.symbols(t.names), Value.fromItems(try t.columns.map(f)))
    default: return nil
    }
  }

  static func fold(_ items: [Value], _ op: Arithmetic.Op, empty: Value) throws -> Value {
    guard var acc = items.first else { return empty }
    for e in items.dropFirst() { acc = try Arithmetic.dyad(op, acc, e) }
    return acc
  }

  static func sum(_ x: Value) throws -> Value {
    if let r = try lift(x, sum) { return r }
    switch x {
    case .vector(let v):
      guard let rt = sumType(v.type) else { throw QError.type }
      switch v.storage {
      case .float(let a):
        var s = 0.0
        a.withUnsafeBufferPointer { p in for e in p where !e.isNaN { s += e } }
        return .float(s, rt)
      case .long(let a):
        var s: Int64 = 0
        a.withUnsafeBufferPointer { p in
          for e in p { s &+= e == Nulls.long ? 0 : e }
        }
        return .long(s, rt)
      case .real(let a):
        var s: Float = 0
        for e in a where !e.isNaN { s += e }
        return .real(s)
      default:
        guard let a = Numeric.longs(x) else { throw QError.type }
        var s: Int64 = 0
        for e in a where e != Nulls.long { s &+= e }
        return Numeric.make([s], rt, atom: true)
      }
    case .list(let a):
      return try fold(a, .add, empty: .j(0))
    default:
      if let t = x.atomType, sumType(t) != nil { return x }
      throw QError.type
    }
  }

  static func prd(_ x: Value) throws -> Value {
    if let r = try lift(x, prd) { return r }
    switch x {
    case .vector(let v):
      guard let rt = sumType(v.type), !v.type.isTemporal else { throw QError.type }
      if v.type == .float || v.type == .real {
        let p = Numeric.doubles(x)!.reduce(1.0) { $1.isNaN ? $0 : $0 * $1 }
        return Numeric.make([p], rt, atom: true)
      }
      guard let a = Numeric.longs(x) else { throw QError.type }
      return Numeric.make([a.reduce(Int64(1)) { $1 == Nulls.long ? $0 : $0 &* $1 }], rt, atom: true)
    case .list(let a):
      return try fold(a, .multiply, empty: .j(1))
    default:
      if let t = x.atomType, sumType(t) != nil { return x }
      throw QError.type
    }
  }

  static func extreme(_ x: Value, _ op: Arithmetic.Op) throws -> Value {
    if let r = try lift(x, { try extreme($0, op) }) { return r }
    switch x {
    case .vector(let v):
      let isMin = op == .min
      switch v.storage {
      case .long(let a):
        var r = isMin ? Nulls.longInf : -Nulls.longInf
        a.withUnsafeBufferPointer { p in
          for e in p where e != Nulls.long { r = isMin ? Swift.min(r, e) : Swift.max(r, e) }
        }
        return .long(r, v.type)
      case .int(let a):
        var r = isMin ? Nulls.intInf : -Nulls.intInf
        for e in a where e != Nulls.int { r = isMin ? Swift.min(r, e) : Swift.max(r, e) }
        return .int(r, v.type)
      case .short(let a):
        var r = isMin ? Nulls.shortInf : -Nulls.shortInf
        for e in a where e != Nulls.short { r = isMin ? Swift.min(r, e) : Swift.max(r, e) }
        return .short(r)
      case .float(let a):
        var r = isMin ? Double.infinity : -Double.infinity
        for e in a where !e.isNaN { r = isMin ? Swift.min(r, e) : Swift.max(r, e) }
        return .float(r, v.type)
      case .real(let a):
        var r = isMin ? Float.infinity : -Float.infinity
        for e in a where !e.isNaN { r = isMin ? Swift.min(r, e) : Swift.max(r, e) }
        return .real(r)
      case .bool(let a):
        return .bool(isMin ? !a.contains(false) : a.contains(true))
      case .byte(let a):
        return .byte((isMin ? a.min() : a.max()) ?? (isMin ? 255 : 0))
      case .char(let a):
        return .char((isMin ? a.min() : a.max()) ?? (isMin ? 255 : 0))
      case .symbol(let a):
        let present = a.filter { !$0.isEmpty }
        return .symbol((isMin ? present.min() : present.max()) ?? "")
      case .guid: throw QError.type
      }
    case .list(let a):
      guard !a.isEmpty else { return isMinEmpty(op) }
      return try fold(a, op, empty: .identity)
    default:
      if x.isAtom { return x }
      throw QError.type
    }
  }

  static func isMinEmpty(_ op: Arithmetic.Op) -> Value { .long(op == .min ? Nulls.longInf : -Nulls.longInf, .long) }

  static func avg(_ x: Value) throws -> Value {
    if let r = try lift(x, avg) { return r }
    switch x {
    case .vector(let v):
      guard sumType(v.type) != nil, v.type != .char, let d = Numeric.doubles(x) else { throw QError.type }
      var s = 0.0, n = 0
      d.withUnsafeBufferPointer { p in for e in p where !e.isNaN { s += e; n += 1 } }
      return .f(n == 0 ? .nan : s / Double(n))
    case .list(let a):
      if a.isEmpty { return .f(.nan) }
      return try Arithmetic.dyad(.divide, try sum(x), .j(a.count))
    default:
      guard let t = x.atomType, sumType(t) != nil, let d = Numeric.doubles(x) else { throw QError.type }
      return .f(d[0])
    }
  }

  /// Running totals; nulls count as zero.
  static func sums(_ x: Value) throws -> Value {
    if case .dict(let k, let v) = x { return .dict(k, try sums(v)) }
    if case .table(let t) = x { return .table(Table(names: t.names, columns: try t.columns.map(sums))) }
    switch x {
    case .vector(let v):
      guard let rt = sumType(v.type) else { throw QError.type }
      switch v.storage {
      case .long(let a):
        var s: Int64 = 0
        return .vector(Vector(rt, .long(a.map { e in if e != Nulls.long { s &+= e }; return s })))
      case .float(let a):
        var s = 0.0
        return .vector(Vector(rt, .float(a.map { e in if !e.isNaN { s += e }; return s })))
      case .real(let a):
        var s: Float = 0
        return .vector(Vector(rt, .real(a.map { e in if !e.isNaN { s += e }; return s })))
      default:
        guard let a = Numeric.longs(x) else { throw QError.type }
        var s: Int64 = 0
        return Numeric.make(a.map { e in if e != Nulls.long { s &+= e }; return s }, rt, atom: false)
      }
    case .list(let a):
      return try scan(a, .add)
    default:
      if let t = x.atomType, sumType(t) != nil { return x }
      throw QError.type
    }
  }

  /// Running products; nulls count as one.
  static func prds(_ x: Value) throws -> Value {
    if case .dict(let k, let v) = x { return .dict(k, try prds(v)) }
    if case .table(let t) = x { return .table(Table(names: t.names, columns: try t.columns.map(prds))) }
    switch x {
    case .vector(let v):
      guard let rt = sumType(v.type), !v.type.isTemporal else { throw QError.type }
      if v.type == .float || v.type == .real {
        var p = 1.0
        return Numeric.make(Numeric.doubles(x)!.map { e in if !e.isNaN { p *= e }; return p }, rt, atom: false)
      }
      guard let a = Numeric.longs(x) else { throw QError.type }
      var p: Int64 = 1
      return Numeric.make(a.map { e in if e != Nulls.long { p &*= e }; return p }, rt, atom: false)
    case .list(let a):
      return try scan(a, .multiply)
    default:
      if let t = x.atomType, sumType(t) != nil { return x }
      throw QError.type
    }
  }

  /// mins and maxs: nulls are skipped; leading nulls give the infinity the scan starts from.
  static func runningExtreme(_ x: Value, _ op: Arithmetic.Op) throws -> Value {
    if case .dict(let k, let v) = x { return .dict(k, try runningExtreme(v, op)) }
    if case .table(let t) = x { return .table(Table(names: t.names, columns: try t.columns.map { try runningExtreme($0, op) })) }
    if x.isAtom { return x }
    let isMin = op == .min
    if case .vector(let v) = x {
      switch v.storage {
      case .float, .real:
        guard let d = Numeric.doubles(x) else { throw QError.type }
        var acc = isMin ? Double.infinity : -Double.infinity
        let out = d.map { e -> Double in
          if !e.isNaN { acc = isMin ? Swift.min(acc, e) : Swift.max(acc, e) }
          return acc
        }
        return Numeric.make(out, v.type, atom: false)
      case .long, .int, .short:
        guard let a = Numeric.longs(x) else { throw QError.type }
        let inf: Int64 = v.type.storageKind == .long ? Nulls.longInf : v.type.storageKind == .int ? Int64(Nulls.intInf) : Int64(Nulls.shortInf)
        var acc = isMin ? inf : -inf
        let out = a.map { e -> Int64 in
          if e != Nulls.long { acc = isMin ? Swift.min(acc, e) : Swift.max(acc, e) }
          return acc
        }
        return Numeric.make(out, v.type, atom: false)
      case .bool, .byte, .char:
        guard let a = Numeric.longs(x.replacingChars), var acc = a.first else { return x }
        let out = a.map { e -> Int64 in acc = isMin ? Swift.min(acc, e) : Swift.max(acc, e); return acc }
        return Numeric.make(out, v.type, atom: false)
      case .symbol, .guid: throw QError.type
      }
    }
    return try scan(x.items, op)
  }

  static func scan(_ items: [Value], _ op: Arithmetic.Op) throws -> Value {
    var out: [Value] = []
    out.reserveCapacity(items.count)
    var acc: Value? = nil
    for e in items {
      let next = try acc.map { try Arithmetic.dyad(op, $0, e) } ?? e
      out.append(next)
      acc = next
    }
    return Value.fromItems(out)
  }
}
