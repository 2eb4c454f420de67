import QValues

/// Hashing values for find, distinct, group and the set operations.
struct HashKey: Hashable {
  let value: Value
  init(_ v: Value) { value = v }
  static func == (a: HashKey, b: HashKey) -> Bool { exact(a.value, b.value) }

  /// Identity without float tolerance: `distinct`, `except` and find tell apart
  /// floats that `=` and `~` would call equal.
  static func exact(_ a: Value, _ b: Value) -> Bool {
    @inline(__always) func same(_ p: Double, _ q: Double) -> Bool { p == q || (p.isNaN && q.isNaN) }
    switch (a, b) {
    case (.float(let p, let t), .float(let q, let u)): return t == u && same(p, q)
    case (.real(let p), .real(let q)): return same(Double(p), Double(q))
    case (.vector(let v), .vector(let w)):
      guard v.type == w.type, v.count == w.count else { return false }
      switch (v.storage, w.storage) {
      case (.float(let p), .float(let q)): return zip(p, q).allSatisfy { same($0, $1) }
      case (.real(let p), .real(let q)): return zip(p, q).allSatisfy { same(Double($0), Double($1)) }
      default: return Match.equal(a, b)
      }
    case (.list(let p), .list(let q)): return p.count == q.count && zip(p, q).allSatisfy { exact($0, $1) }
    default: return Match.equal(a, b)
    }
  }
  func hash(into h: inout Hasher) {
    switch value {
    case .bool(let b): h.combine(b)
    case .byte(let x): h.combine(x)
    case .short(let x): h.combine(x)
    case .int(let x, _): h.combine(x)
    case .long(let x, _): h.combine(x)
    case .real(let x): h.combine(x.isNaN ? 0 : Double(x))
    case .float(let x, _): h.combine(x.isNaN ? 0 : x)
    case .char(let c): h.combine(c)
    case .symbol(let s): h.combine(s)
    case .guid(let g): h.combine(g)
    default: h.combine(value.count); h.combine(value.type)
    }
  }
}

/// Find (`?`), membership and the set verbs.
enum Search {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("distinct", monad: { _, x in try distinct(x) }),
    PrimitiveDef("in", dyad: { _, x, y in try isIn(x, y) }),
    PrimitiveDef("within", dyad: { _, x, y in try within(x, y) }),
    PrimitiveDef("except", dyad: { _, x, y in try except(x, y) }),
    PrimitiveDef("inter", dyad: { _, x, y in try inter(x, y) }),
    PrimitiveDef("union", dyad: { _, x, y in try union(x, y) }),
    PrimitiveDef("cross", dyad: { _, x, y in try cross(x, y) }),
  ] + Bins.definitions

  static func distinct(_ x: Value) throws -> Value {
    if case .table(let t) = x {
      let rows = (0..<t.count).map { x.item($0) }
      var seen = Set<HashKey>()
      var keep: [Int64] = []
      for (i, r) in rows.enumerated() where seen.insert(HashKey(.list(r.items))).inserted { keep.append(Int64(i)) }
      return try Interpreter.shared.index1(x, .longs(keep))
    }
    guard !x.isAtom else { throw QError.type }
    if case .vector(let v) = x {
      switch v.storage {
      case .long(let a):
        var seen = Set<Int64>()
        return .vector(Vector(v.type, .long(a.filter { seen.insert($0).inserted })))
      case .symbol(let a):
        var seen = Set<String>()
        return .vector(Vector(v.type, .symbol(a.filter { seen.insert($0).inserted })))
      default: break
      }
    }
    var seen = Set<HashKey>()
    let items = x.items.filter { seen.insert(HashKey($0)).inserted }
    if case .vector(let v) = x { return .vector(Value.vectorOfAtoms(items, v.type)) }
    return Value.fromItems(items)
  }

  /// Position of each item of y in x (x's count when absent). A simple vector x is
  /// searched atom by atom. A general list x takes an atom or simple vector y as one
  /// item, and a general list y as a list of things to find.
  static func find(_ x: Value, _ y: Value) throws -> Value {
    if case .vector(let xv) = x, let fast = findFast(xv, y) { return fast }
    let items = x.items
    var index: [HashKey: Int] = [:]
    index.reserveCapacity(items.count)
    for (i, v) in items.enumerated().reversed() { index[HashKey(v)] = i }
    func pos(_ v: Value) -> Int64 { Int64(index[HashKey(v)] ?? items.count) }
    func go(_ y: Value) throws -> Value {
      switch y {
      case .vector(let v):
        if case .list = x { return .j(Int(pos(y))) }
        return .longs((0..<v.count).map { pos(v[$0]) })
      case .list(let a): return Value.fromItems(try a.map(go))
      case .dict(let k, let v): return .dict(k, try go(v))
      default: return .j(Int(pos(y)))
      }
    }
    return try go(y)
  }

  /// Typed lookups for the common big cases: longs in longs, symbols in symbols.
  static func findFast(_ xv: Vector, _ y: Value) -> Value? {
    switch (xv.storage, y) {
    case (.long(let a), .vector(let yv)) where xv.type == yv.type:
      guard case .long(let b) = yv.storage else { return nil }
      var index: [Int64: Int64] = [:]
      index.reserveCapacity(a.count)
      for i in a.indices.reversed() { index[a[i]] = Int64(i) }
      let miss = Int64(a.count)
      return .longs(b.map { index[$0] ?? miss })
    case (.symbol(let a), .vector(let yv)):
      guard case .symbol(let b) = yv.storage else { return nil }
      var index: [String: Int64] = [:]
      for i in a.indices.reversed() { index[a[i]] = Int64(i) }
      let miss = Int64(a.count)
      return .longs(b.map { index[$0] ?? miss })
    default: return nil
    }
  }

  /// Dyadic `?`: find in a list, look up a dictionary key by value, find a table row, or deal/roll.
  static func query(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    switch x {
    case .vector, .list: return try find(x, y)
    case .dict(let k, let v):
      if case .table = k { throw QError.nyi }
      let p = try find(v, y)
      return try i.index1(k, p)
    case .table(let t):
      let rows = (0..<t.count).map { r in Value.list(t.columns.map { $0.item(r) }) }
      func row(_ r: Value) throws -> Value {
        if case .dict(let k, let v) = r {
          let names = Comparison.symbols(k)
          guard names == t.names else { return r }
          return .list(v.items)
        }
        return .list(r.items)
      }
      if case .table = y {
        return .longs(try y.items.map { r in Int64(rows.firstIndex { Match.equal($0, (try? row(r)) ?? r) } ?? rows.count) })
      }
      let target = try row(y)
      return .j(rows.firstIndex { Match.equal($0, target) } ?? rows.count)
    default:
      if x.isAtom, let n = x.asInt {
        if n == Int.min {
          // 0N?y shuffles: a deal of every item.
          let all = y.isAtom ? (y.asInt ?? 0) : y.count
          try Lists.checkSize(all)
          return try Random.roll(.j(-all), y)
        }
        try Lists.checkSize(Swift.abs(n))
        return try Random.roll(x, y)
      }
      throw QError.type
    }
  }

  /// `x in y`: left-atomic when y is an atom, a vector, or a general list of atoms;
  /// against a list of lists, x is looked for as one item.
  static func isIn(_ x: Value, _ y: Value) throws -> Value {
    if case .list(let ys) = y, let first = ys.first, !first.isAtom {
      if x.isAtom { return .bool(false) }
      return .bool(ys.contains { HashKey.exact($0, x) || Match.equal($0, x) })
    }
    if case .vector(let yv) = y, case .vector(let xv) = x, let fast = inFast(xv, yv) { return fast }
    let set = Set(y.isAtom ? [HashKey(y)] : y.items.map(HashKey.init))
    func go(_ x: Value) -> Value {
      switch x {
      case .vector(let v): return .bools((0..<v.count).map { set.contains(HashKey(v[$0])) })
      case .list(let items): return Value.fromItems(items.map(go))
      case .dict(let k, let v): return .dict(k, go(v))
      default: return .bool(set.contains(HashKey(x)))
      }
    }
    return go(x)
  }

  static func inFast(_ x: Vector, _ y: Vector) -> Value? {
    switch (x.storage, y.storage) {
    case (.long(let a), .long(let b)) where x.type == y.type:
      let set = Set(b)
      return .bools(a.map { set.contains($0) })
    case (.symbol(let a), .symbol(let b)):
      let set = Set(b)
      return .bools(a.map { set.contains($0) })
    default: return nil
    }
  }

  static func within(_ x: Value, _ y: Value) throws -> Value {
    guard y.count == 2 else { throw QError.length }
    let lo = y.item(0), hi = y.item(1)
    let a = try Comparison.dyad(.ge, x, lo)
    let b = try Comparison.dyad(.le, x, hi)
    return try Arithmetic.dyad(.min, a, b)
  }

  static func except(_ x: Value, _ y: Value) throws -> Value {
    let drop = Set(y.isAtom ? [HashKey(y)] : y.items.map(HashKey.init))
    let keep = x.items.enumerated().filter { !drop.contains(HashKey($0.element)) }.map { Int64($0.offset) }
    return try Interpreter.shared.index1(x.isAtom ? Lists.enlist(x) : x, .longs(keep))
  }

  static func inter(_ x: Value, _ y: Value) throws -> Value {
    if case .dict(_, let v) = x, !x.isKeyedTable { return try inter(v, y) }
    let have = Set(y.items.map(HashKey.init))
    let keep = x.items.enumerated().filter { have.contains(HashKey($0.element)) }.map { Int64($0.offset) }
    return try Interpreter.shared.index1(x, .longs(keep))
  }

  static func union(_ x: Value, _ y: Value) throws -> Value {
    try distinct(Lists.join(x, y))
  }

  static func cross(_ x: Value, _ y: Value) throws -> Value {
    if case .table(let t) = x, case .table(let u) = y {
      let n = t.count, m = u.count
      let li = Value.longs((0..<n * m).map { Int64($0 / m) }), ri = Value.longs((0..<n * m).map { Int64($0 % m) })
      guard case .table(let a) = try Interpreter.shared.index1(x, li), case .table(let b) = try Interpreter.shared.index1(y, ri) else { throw QError.type }
      return .table(Table(names: a.names + b.names, columns: a.columns + b.columns))
    }
    let a = x.isAtom ? [x] : x.items, b = y.isAtom ? [y] : y.items
    var out: [Value] = []
    for p in a { for q in b { out.append(try Lists.join(p, q)) } }
    return .list(out)
  }
}
