import QValues

/// Hashing values for find, distinct, group and the set operations.
struct HashKey: Hashable {
  let value: Value
  init(_ v: Value) { value = v }
  static func == (a: HashKey, b: HashKey) -> Bool { Match.equal(a.value, b.value) }
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
  /// searched atom by atom; a general list x is searched for y as one item.
  static func find(_ x: Value, _ y: Value) throws -> Value {
    let items = x.items
    var index: [HashKey: Int] = [:]
    index.reserveCapacity(items.count)
    for (i, v) in items.enumerated().reversed() { index[HashKey(v)] = i }
    func pos(_ v: Value) -> Int64 { Int64(index[HashKey(v)] ?? items.count) }
    if case .list = x, !y.isAtom, index[HashKey(y)] != nil { return .j(Int(pos(y))) }
    if case .list(let xs) = x, xs.contains(where: { !$0.isAtom }) { return .j(Int(pos(y))) }
    switch y {
    case .vector(let v): return .longs((0..<v.count).map { pos(v[$0]) })
    case .list(let a): return Value.fromItems(try a.map { try find(x, $0) })
    case .dict(let k, let v): return .dict(k, try find(x, v))
    default: return .j(Int(pos(y)))
    }
  }

  /// Dyadic `?`: find in a list, look up a dictionary key by value, or deal/roll.
  static func query(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    switch x {
    case .vector, .list: return try find(x, y)
    case .dict(let k, let v):
      let p = try find(v, y)
      return try i.index1(k, p)
    case .table:
      return try find(.list(x.items.map { .list($0.items) }), .list(y.items))
    default:
      if x.isAtom, x.asInt != nil { return try Random.roll(x, y) }
      throw QError.type
    }
  }

  static func isIn(_ x: Value, _ y: Value) throws -> Value {
    let set = Set(y.isAtom ? [HashKey(y)] : y.items.map(HashKey.init))
    if x.isAtom { return .bool(set.contains(HashKey(x))) }
    if case .vector(let v) = x { return .bools((0..<v.count).map { set.contains(HashKey(v[$0])) }) }
    return Value.fromItems(try x.items.map { try isIn($0, y) })
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
    for p in a { for q in b { out.append(Value.fromItems([p, q])) } }
    return .list(out)
  }
}
