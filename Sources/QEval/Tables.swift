import QValues

/// Dictionaries and tables: `!`, flip between them, keys and values, column verbs.
enum Tables {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("flip", monad: { _, x in try flip(x) }),
    PrimitiveDef("key", monad: { i, x in try key(i, x) }),
    PrimitiveDef("cols", monad: { _, x in try cols(x) }),
    PrimitiveDef("xcol", dyad: { i, x, y in try i.sortNamed(y) { try xcol(x, $0) } }),
    PrimitiveDef("xkey", dyad: { i, x, y in try i.sortNamed(y) { try xkey(x, $0) } }),
  ]

  /// `+x`: transpose a list of lists, or turn a column dictionary into a table and back.
  static func flip(_ x: Value) throws -> Value {
    switch x {
    case .dict(.vector(let k), let v) where k.type == .symbol:
      guard case .symbol(let names) = k.storage else { throw QError.type }
      let cols = v.items
      let n = cols.map { $0.isAtom ? 1 : $0.count }.max() ?? 0
      let fixed = try cols.map { c -> Value in
        if c.isAtom { return try Lists.take(.j(n), c) }
        guard c.count == n else { throw QError.length }
        return c
      }
      return .table(Table(names: names, columns: fixed))
    case .table(let t):
      return .dict(.symbols(t.names), .list(t.columns))
    case .list(let rows):
      guard let n = rows.first(where: { !$0.isAtom })?.count else { return x }
      for r in rows where !r.isAtom && r.count != n { throw QError.length }
      return .list((0..<n).map { j in Value.fromItems(rows.map { $0.isAtom ? $0 : $0.item(j) }) })
    case .dict(let k, let v) where k.isKeyedTable == false:
      _ = v
      throw QError.type
    default:
      if case .vector = x { return x }
      throw QError.rank
    }
  }

  /// Monadic `!`: til of an integer, key of a dictionary.
  static func bang(_ i: Interpreter, _ x: Value) throws -> Value {
    if x.isAtom, x.atomType?.isIntegral == true { return try Lists.til(x) }
    return try key(i, x)
  }

  static func key(_ i: Interpreter, _ x: Value) throws -> Value {
    switch x {
    case .dict(let k, _): return k
    case .table: return .symbols([])
    case .vector(let v) where v.type.isIntegral: return .vector(Vector.empty(v.type))
    case .symbol(let s):
      if s.isEmpty || s == "." {
        let names = Set(i.globals.keys.filter { $0.hasPrefix(".") }.map { String($0.split(separator: ".").first ?? "") })
        return .symbols([""] + names.sorted())
      }
      if let ns = i.namespace(s), case .dict(let k, _) = ns { return k }
      if let v = i.globals[s] { return try key(i, v) }
      return .symbols([])
    default:
      if x.isAtom, let n = x.asInt { return try Lists.til(.j(n)) }
      throw QError.type
    }
  }

  /// Dyadic `!`: make a dictionary; with an integer left, key a table by its first columns.
  static func dict(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    if x.isAtom, let n = x.asInt, x.atomType?.isIntegral == true {
      if case .long(Nulls.long, _) = x {
        // 0N!x: print the value as -3! shows it and return x.
        i.writeOut(Format.shortForm(y) + "\n")
        return y
      }
      if n >= 0, case .symbol(let name) = y, let v = try? i.lookup(name), v.isTable || v.isKeyedTable {
        // n!`t re-keys the named table in place.
        try i.assignName(name, try dict(i, x, v), global: true)
        return y
      }
      if n >= 0, case .table(let t) = y {
        if n == 0 { return y }
        guard n <= t.names.count else { throw QError.length }
        return .dict(.table(Table(names: Array(t.names[..<n]), columns: Array(t.columns[..<n]))),
                     .table(Table(names: Array(t.names[n...]), columns: Array(t.columns[n...]))))
      }
      if case .dict(.table(let k), .table(let v)) = y, n == 0 {
        return .table(Table(names: k.names + v.names, columns: k.columns + v.columns))
      }
      if n < 0 {
        // Internal functions (-n!x): a few are implemented; the rest are not.
        return try Internal.call(i, n, y)
      }
      throw QError.type
    }
    if x.isAtom && y.isAtom { return .dict(Lists.enlist(x), Lists.enlist(y)) }
    let kc = x.isAtom ? 1 : x.count, vc = y.isAtom ? kc : y.count
    guard kc == vc else { throw QError.length }
    return .dict(x.isAtom ? Lists.enlist(x) : x, y.isAtom ? try Lists.take(.j(kc), y) : y)
  }

  static func cols(_ x: Value) throws -> Value {
    switch x {
    case .table(let t): return .symbols(t.names)
    case .dict(.table(let k), .table(let v)): return .symbols(k.names + v.names)
    default: throw QError.type
    }
  }

  static func xcol(_ x: Value, _ y: Value) throws -> Value {
    if case .dict(let k, let v) = x {
      // `old`name!`new`name xcol t: rename the named columns only.
      let from = Comparison.symbols(k), to = Comparison.symbols(v)
      guard from.count == to.count else { throw QError.length }
      let all = try cols(y)
      let renamed = Comparison.symbols(all).map { n in from.firstIndex(of: n).map { to[$0] } ?? n }
      return try xcol(.symbols(renamed), y)
    }
    guard case .table(var t) = y else {
      if case .dict(.table(var k), .table(var v)) = y {
        let names = Comparison.symbols(x)
        let all = k.names + v.names
        let renamed = all.enumerated().map { $0.offset < names.count ? names[$0.offset] : $0.element }
        k.names = Array(renamed[..<k.names.count]); v.names = Array(renamed[k.names.count...])
        return .dict(.table(k), .table(v))
      }
      throw QError.type
    }
    let names = Comparison.symbols(x)
    for (j, n) in names.enumerated() where j < t.names.count { t.names[j] = n }
    return .table(t)
  }

  static func xkey(_ x: Value, _ y: Value) throws -> Value {
    var t: Table
    switch y {
    case .table(let tt): t = tt
    case .dict(.table(let k), .table(let v)): t = Table(names: k.names + v.names, columns: k.columns + v.columns)
    default: throw QError.type
    }
    let keys = Comparison.symbols(x)
    guard keys.allSatisfy(t.names.contains) else { throw QError.type }
    if keys.isEmpty { return .table(t) }
    let rest = t.names.filter { !keys.contains($0) }
    func col(_ n: String) -> Value { t.columns[t.names.firstIndex(of: n)!] }
    t = Table(names: keys + rest, columns: (keys + rest).map(col))
    return .dict(.table(Table(names: keys, columns: keys.map(col))), .table(Table(names: rest, columns: rest.map(col))))
  }

  /// `` `a`b#t ``: the named columns of a table, or keys of a dictionary.
  static func takeColumns(_ x: Value, _ y: Value) throws -> Value {
    let names = Comparison.symbols(x)
    switch y {
    case .table(let t):
      return .table(Table(names: names, columns: try names.map { n in
        guard let j = t.names.firstIndex(of: n) else { throw QError(n) }
        return t.columns[j]
      }))
    case .dict:
      let vals = try names.map { try Interpreter.shared.index1(y, .symbol($0)) }
      return .dict(x.isAtom ? Lists.enlist(x) : x, Value.fromItems(vals))
    default: throw QError.type
    }
  }

  /// Join keyed tables: rows of the right replace matching keys, others append.
  static func upsertKeyed(_ k1: Table, _ v1: Table, _ k2: Table, _ v2: Table) throws -> Value {
    try TableJoins.upsertKeyed(k1, v1, k2, v2)
  }
}
