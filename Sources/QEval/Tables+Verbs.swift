import QValues

/// Table verbs: meta, keys, xcols, xasc, xdesc, ungroup, xgroup, insert, upsert, tables.
enum TableVerbs {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("meta", monad: { i, x in try meta(i.resolveTable(x)) }),
    PrimitiveDef("keys", monad: { i, x in try keys(i.resolveTable(x)) }),
    PrimitiveDef("xcols", dyad: { i, x, y in try i.sortNamed(y) { try xcols(x, $0) } }),
    PrimitiveDef("xasc", dyad: { i, x, y in try i.sortNamed(y) { try sortBy(x, $0, descending: false) } }),
    PrimitiveDef("xdesc", dyad: { i, x, y in try i.sortNamed(y) { try sortBy(x, $0, descending: true) } }),
    PrimitiveDef("ungroup", monad: { i, x in try ungroup(i.resolveTable(x)) }),
    PrimitiveDef("xgroup", dyad: { _, x, y in try xgroup(x, y) }),
    PrimitiveDef("insert", dyad: { i, x, y in try insert(i, x, y) }),
    PrimitiveDef("upsert", dyad: { i, x, y in try upsert(i, x, y) }),
    PrimitiveDef("tables", monad: { i, x in try tables(i, x) }),
    PrimitiveDef("fby", dyad: { i, x, y in try fby(i, x, y) }),
  ]

  /// `(f;x) fby g`: f applied to x within each group of g, each row given its
  /// group's result.
  static func fby(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    guard case .list(let pair) = x, pair.count == 2 else { throw QError.type }
    let f = pair[0], vals = pair[1]
    let keys: [Value]
    if case .table(let t) = y { keys = t.columns } else { keys = [y] }
    let n = vals.count
    for k in keys where k.count != n { throw QError.length }
    let groups = Grouping.groups(keys, count: n).rows
    var out = [Value](repeating: .identity, count: n)
    for g in groups {
      let r = try i.applyMonadic(f, vals.gatherRows(g))
      if r.isAtom {
        for p in g { out[p] = r }
      } else {
        guard r.count == g.count else { throw QError.length }
        for (k, p) in g.enumerated() { out[p] = r.item(k) }
      }
    }
    return Value.fromItems(out)
  }

  /// The table's column types, foreign keys and attributes, keyed by column name.
  static func meta(_ x: Value) throws -> Value {
    guard case .table(let t) = x.unkeyed else { throw QError.type }
    let types = t.columns.map { typeLetter($0) }
    let attrs = t.columns.map { c -> String in
      if case .vector(let v) = c { return v.attr.letter }
      return ""
    }
    let key = Table(names: ["c"], columns: [.symbols(t.names)])
    let value = Table(names: ["t", "f", "a"],
                      columns: [.chars(types), .symbols(Array(repeating: "", count: t.names.count)), .symbols(attrs)])
    return .dict(.table(key), .table(value))
  }

  /// A column's type letter: lower case for a vector; for a general list, upper case
  /// after its first item's type when that is a vector (q looks no further), else blank.
  static func typeLetter(_ column: Value) -> UInt8 {
    switch column {
    case .vector(let v): return UInt8(ascii: v.type.letter.unicodeScalars.first ?? " ")
    case .list(let items):
      guard case .vector(let v0) = items.first else { return 32 }
      return UInt8(ascii: v0.type.letter.unicodeScalars.first ?? " ").uppercased
    default: return 32
    }
  }

  static func keys(_ x: Value) throws -> Value {
    switch x {
    case .dict(.table(let k), .table): return .symbols(k.names)
    case .table: return .symbols([])
    default: throw QError.type
    }
  }

  /// `c xcols t`: the named columns first, the rest after in their order.
  static func xcols(_ x: Value, _ y: Value) throws -> Value {
    let first = Comparison.symbols(x)
    guard case .table(let t) = y else {
      if y.isKeyedTable { throw QError.type }
      throw QError.type
    }
    for n in first where !t.names.contains(n) { throw QError(n) }
    let order = first + t.names.filter { !first.contains($0) }
    return .table(Table(names: order, columns: order.map { t.column($0)! }))
  }

  /// `c xasc t`: rows sorted by the named columns, the first of them the major key.
  static func sortBy(_ x: Value, _ y: Value, descending: Bool) throws -> Value {
    let names = Comparison.symbols(x)
    var keyNames: [String] = []
    if case .dict(.table(let k), .table) = y { keyNames = k.names }
    guard case .table(let t) = y.unkeyed else { throw QError.type }
    if names.isEmpty { return y }
    let sortCols = try names.map { n -> Value in
      guard let c = t.column(n) else { throw QError(n) }
      return c
    }
    let perm = sortCols.count == 1 ? try Sorting.grade(sortCols[0], descending: descending)
      : try Sorting.grade(.table(Table(names: names, columns: sortCols)), descending: descending)
    var out = t.gatherRows(perm)
    if !descending, let j = out.names.firstIndex(of: names[0]), case .vector(var v) = out.columns[j] {
      v.attr = .sorted
      out.columns[j] = .vector(v)
    }
    return keyNames.isEmpty ? .table(out) : try out.keyed(by: keyNames)
  }

  /// Each row whose list columns hold n items becomes n rows.
  static func ungroup(_ x: Value) throws -> Value {
    guard case .table(let t) = x.unkeyed else { throw QError.type }
    let listCols = t.columns.indices.filter { if case .list = t.columns[$0] { return true } else { return false } }
    guard let probe = listCols.first else { return .table(t) }
    var idx: [Int] = []
    var counts: [Int] = []
    for r in 0..<t.count {
      let c = t.columns[probe].item(r)
      let n = c.isAtom ? 1 : c.count
      counts.append(n)
      idx.append(contentsOf: Array(repeating: r, count: n))
    }
    let cols = try t.columns.indices.map { j -> Value in
      guard listCols.contains(j) else { return t.columns[j].gatherRows(idx) }
      var parts: [Value] = []
      for r in 0..<t.count {
        let item = t.columns[j].item(r)
        let n = item.isAtom ? 1 : item.count
        guard n == counts[r] else { throw QError.length }
        parts.append(item.isAtom ? Lists.enlist(item) : item)
      }
      return try Lists.raze(.list(parts))
    }
    return .table(Table(names: t.names, columns: cols))
  }

  /// `c xgroup t`: keyed by the named columns (in order of first appearance), the
  /// other columns collected per key.
  static func xgroup(_ x: Value, _ y: Value) throws -> Value {
    let names = Comparison.symbols(x)
    guard case .table(let t) = y.unkeyed else { throw QError.type }
    let keyCols = try names.map { n -> Value in
      guard let c = t.column(n) else { throw QError(n) }
      return c
    }
    let g = Grouping.groups(keyCols, count: t.count)
    let key = Table(names: names, columns: keyCols.map { $0.gatherRows(g.keys) })
    let rest = t.names.indices.filter { !names.contains(t.names[$0]) }
    let vals = Table(names: rest.map { t.names[$0] },
                     columns: rest.map { j in .list(g.rows.map { t.columns[j].gatherRows($0) }) })
    return .dict(.table(key), .table(vals))
  }

  /// `` `t insert x``: append rows to a global table (creating it from a table), and
  /// return the new rows' indices. A list gives column values; keys must be new.
  static func insert(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    guard case .symbol(let name) = x else { throw QError.type }
    let current = try? i.lookup(name)
    guard let existing = current else {
      guard y.isTable || y.isKeyedTable else { throw QError(name) }
      try i.assignName(name, y, global: true)
      return .longs((0..<Int64(y.count)).map { $0 })
    }
    let start = existing.count
    let updated: Value
    switch existing {
    case .table(let t):
      let rows = try rowsTable(y, names: t.names, columnWise: true)
      updated = .table(try TableJoins.appendRows(t, rows, checkTypes: true))
    case .dict(.table(let k), .table(let v)):
      let rows = try rowsTable(y, names: k.names + v.names, columnWise: true)
      let all = try TableJoins.appendRows(Table(names: k.names + v.names, columns: k.columns + v.columns), rows, checkTypes: true)
      let keyed = all.keyed(k.names.count)
      guard case .dict(.table(let nk), _) = keyed else { throw QError.type }
      if try Search.distinct(.table(nk)).count != nk.count { throw QError("insert") }
      updated = keyed
    default: throw QError.type
    }
    try i.assignName(name, updated, global: true)
    return .longs((Int64(start)..<Int64(updated.count)).map { $0 })
  }

  /// `t upsert x`: insert for simple tables, update-or-insert by key for keyed ones.
  static func upsert(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    if case .symbol(let name) = x {
      let current = try? i.lookup(name)
      let updated = try current.map { try TableJoins.join($0, y, rowsFromList: true) } ?? y
      try i.assignName(name, updated, global: true)
      return x
    }
    return try TableJoins.join(x, y, rowsFromList: true)
  }

  /// New rows for a table with the given columns: a table, a dictionary (one row),
  /// or a list: one row of atoms, else column values (insert) or rows (upsert).
  static func rowsTable(_ y: Value, names: [String], columnWise: Bool) throws -> Table {
    switch y {
    case .table(let t): return t
    case .dict(.table, .table): guard case .table(let t) = y.unkeyed else { throw QError.type }; return t
    case .dict(let k, let v):
      let ks = Comparison.symbols(k)
      return Table(names: ks, columns: v.items.map { Lists.enlist($0) })
    default: break
    }
    let items = y.isAtom ? [y] : y.items
    if items.allSatisfy({ $0.isAtom }) {
      guard items.count == names.count else { throw QError.length }
      return Table(names: names, columns: items.map { Lists.enlist($0) })
    }
    if columnWise {
      guard items.count == names.count else { throw QError.length }
      let n = items.first(where: { !$0.isAtom })?.count ?? 1
      return Table(names: names, columns: try items.map { try $0.extended(to: n) })
    }
    var rows: [[Value]] = []
    for r in items {
      let cells = r.isAtom ? [r] : r.items
      guard cells.count == names.count else { throw QError.length }
      rows.append(cells)
    }
    return Table(names: names, columns: names.indices.map { j in Value.fromItems(rows.map { $0[j] }) })
  }

  /// `tables[]`: names of the tables in a namespace, sorted.
  static func tables(_ i: Interpreter, _ x: Value) throws -> Value {
    var prefix = ""
    if case .symbol(let s) = x, !s.isEmpty, s != "." { prefix = s + "." }
    var out: [String] = []
    for (k, v) in i.globals {
      guard k.hasPrefix(prefix) else { continue }
      let rest = String(k.dropFirst(prefix.count))
      guard !rest.contains("."), !rest.isEmpty else { continue }
      if v.isTable || v.isKeyedTable { out.append(rest) }
    }
    return .symbols(out.sorted())
  }
}

extension UInt8 {
  var uppercased: UInt8 { self >= 97 && self <= 122 ? self - 32 : self }
}

extension Interpreter {
  /// A table given by value or by name.
  func resolveTable(_ x: Value) throws -> Value {
    if case .symbol(let s) = x { return try lookup(s) }
    return x
  }

  /// Apply a table transformation to a value, or in place to a named global.
  func sortNamed(_ y: Value, _ body: (Value) throws -> Value) throws -> Value {
    if case .symbol(let s) = y {
      try assignName(s, try body(lookup(s)), global: true)
      return y
    }
    return try body(y)
  }
}
