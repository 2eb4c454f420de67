import QValues

/// Joining tables: `,` and upsert (rows), and the keyed joins lj, ij, pj, uj, ej, aj.
enum TableJoins {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("lj", dyad: { _, x, y in try leftJoin(x, y, inner: false) }),
    PrimitiveDef("ljf", dyad: { _, x, y in try leftJoin(x, y, inner: false) }),
    PrimitiveDef("ij", dyad: { _, x, y in try leftJoin(x, y, inner: true) }),
    PrimitiveDef("ijf", dyad: { _, x, y in try leftJoin(x, y, inner: true) }),
    PrimitiveDef("pj", dyad: { _, x, y in try plusJoin(x, y) }),
    PrimitiveDef("uj", dyad: { _, x, y in try unionJoin(x, y) }),
    PrimitiveDef("ujf", dyad: { _, x, y in try unionJoin(x, y) }),
    PrimitiveDef("ej", nary: { _, a in
      guard a.count == 3 else { throw QError.rank }
      return try equiJoin(a[0], a[1], a[2])
    }),
    PrimitiveDef("aj", nary: { _, a in
      guard a.count == 3 else { throw QError.rank }
      return try asofJoin(a[0], a[1], a[2], timeFromRight: false)
    }),
    PrimitiveDef("wj", nary: { i, a in
      guard a.count == 4 else { throw QError.rank }
      return try windowJoin(i, a[0], a[1], a[2], a[3], prevailing: true)
    }),
    PrimitiveDef("wj1", nary: { i, a in
      guard a.count == 4 else { throw QError.rank }
      return try windowJoin(i, a[0], a[1], a[2], a[3], prevailing: false)
    }),
    PrimitiveDef("asof", dyad: { _, x, y in try asof(x, y) }),
    PrimitiveDef("aj0", nary: { _, a in
      guard a.count == 3 else { throw QError.rank }
      return try asofJoin(a[0], a[1], a[2], timeFromRight: true)
    }),
  ]

  /// `x,y` when either side is a table or keyed table; nil for other values.
  static func joinIfTable(_ x: Value, _ y: Value) throws -> Value? {
    switch x {
    case .table, .dict(.table, .table): return try join(x, y, rowsFromList: true)
    default: return nil
    }
  }

  /// Append rows to a table, or update-or-insert them in a keyed table. A list is one
  /// row when its items are atoms, else a list of rows.
  static func join(_ x: Value, _ y: Value, rowsFromList: Bool) throws -> Value {
    switch x {
    case .table(let t):
      let rows = try TableVerbs.rowsTable(y, names: t.names, columnWise: !rowsFromList)
      return .table(try appendRows(t, rows, checkTypes: false))
    case .dict(.table(let k), .table(let v)):
      let rows: Table
      if case .dict(.table(let k2), .table(let v2)) = y {
        return try upsertKeyed(k, v, k2, v2)
      }
      rows = try TableVerbs.rowsTable(y, names: k.names + v.names, columnWise: !rowsFromList)
      for n in k.names where !rows.names.contains(n) { throw QError.mismatch }
      guard case .dict(.table(let k2), .table(let v2)) = try rows.keyed(by: k.names) else { throw QError.type }
      return try upsertKeyed(k, v, k2, v2)
    default: throw QError.type
    }
  }

  /// Rows of `rows` after those of `t`, matched by column name; a column one side
  /// lacks is null there.
  static func appendRows(_ t: Table, _ rows: Table, checkTypes: Bool) throws -> Table {
    var out = t
    for (j, name) in t.names.enumerated() {
      let old = t.columns[j]
      guard let new = rows.column(name) else {
        out.columns[j] = try Lists.join(old, Scatter.nulls(like: old, rows.count))
        continue
      }
      if checkTypes, case .vector(let ov) = old, ov.count > 0 {
        if case .vector(let nv) = new, nv.type != ov.type, nv.count > 0 { throw QError.type }
        if case .list(let items) = new, !items.allSatisfy({ $0.atomType == ov.type }) { throw QError.type }
      }
      out.columns[j] = try joinColumn(old, new)
    }
    for (j, name) in rows.names.enumerated() where !t.names.contains(name) {
      if checkTypes { throw QError.mismatch }
      out.names.append(name)
      out.columns.append(try Lists.join(Scatter.nulls(like: rows.columns[j], t.count), rows.columns[j]))
    }
    return out
  }

  private static func joinColumn(_ a: Value, _ b: Value) throws -> Value {
    if case .list(let items) = a, items.isEmpty { return b.isAtom ? Lists.enlist(b) : b }
    return try Lists.join(a, b).normalized
  }

  /// Row positions of a key table, for lookups by key row.
  struct KeyIndex {
    var map: [HashKey: Int] = [:]
    init(_ k: Table) {
      for r in (0..<k.count).reversed() { map[KeyIndex.key(k, r)] = r }
    }
    static func key(_ k: Table, _ r: Int) -> HashKey {
      k.columns.count == 1 ? HashKey(k.columns[0].item(r)) : HashKey(.list(k.row(r)))
    }
    func find(_ k: Table, _ r: Int) -> Int? { map[KeyIndex.key(k, r)] }
  }

  /// Rows of the right replace the values at matching keys; the others are appended.
  static func upsertKeyed(_ k1: Table, _ v1: Table, _ k2: Table, _ v2: Table) throws -> Value {
    guard k1.names == k2.names else { throw QError.mismatch }
    let index = KeyIndex(k1)
    var keyCols = k1.columns.map { $0.items }
    var names = v1.names
    var valCols = v1.columns.map { $0.items }
    for (j, n) in v2.names.enumerated() where !names.contains(n) {
      names.append(n)
      valCols.append(Scatter.nulls(like: v2.columns[j], k1.count).items)
    }
    var added: [HashKey: Int] = [:]
    for r in 0..<k2.count {
      let hk = KeyIndex.key(k2, r)
      var at = index.map[hk] ?? added[hk]
      if at == nil {
        at = keyCols.first?.count ?? 0
        added[hk] = at
        for c in keyCols.indices { keyCols[c].append(k2.columns[c].item(r)) }
        for c in valCols.indices {
          let sample = c < v1.columns.count ? v1.columns[c] : v2.column(names[c])!
          valCols[c].append(Scatter.nulls(like: sample, 1).item(0))
        }
      }
      for (j, n) in v2.names.enumerated() {
        let c = names.firstIndex(of: n)!
        valCols[c][at!] = v2.columns[j].item(r)
      }
    }
    func column(_ items: [Value], like: Value) -> Value {
      if items.isEmpty { return like }
      return Value.fromItems(items)
    }
    let kt = Table(names: k1.names, columns: keyCols.indices.map { column(keyCols[$0], like: k1.columns[$0]) })
    let vt = Table(names: names, columns: valCols.indices.map { c in
      column(valCols[c], like: c < v1.columns.count ? v1.columns[c] : v2.column(names[c])!)
    })
    return .dict(.table(kt), .table(vt))
  }

  /// For each row of x, the position of its key in the keyed table y (nil: none).
  private static func matches(_ x: Table, _ k: Table) throws -> [Int?] {
    let probe = Table(names: k.names, columns: try k.names.map { n in
      guard let c = x.column(n) else { throw QError(n) }
      return c
    })
    let index = KeyIndex(k)
    return (0..<x.count).map { index.find(probe, $0) }
  }

  private static func splitKeyed(_ x: Value) -> (Table, [String])? {
    switch x {
    case .table(let t): return (t, [])
    case .dict(.table(let k), .table(let v)):
      return (Table(names: k.names + v.names, columns: k.columns + v.columns), k.names)
    default: return nil
    }
  }

  /// `x lj y`: y's values at x's matching keys (y wins); `ij` keeps only matches.
  static func leftJoin(_ x: Value, _ y: Value, inner: Bool) throws -> Value {
    guard let (xt0, xkeys) = splitKeyed(x), case .dict(.table(let k), .table(let v)) = y else { throw QError.type }
    var xt = xt0
    var pos = try matches(xt, k)
    if inner {
      let keep = pos.indices.filter { pos[$0] != nil }
      xt = xt.gatherRows(keep)
      pos = keep.map { pos[$0] }
    }
    var out = xt
    for (j, name) in v.names.enumerated() {
      let ycol = v.columns[j]
      if let c = out.names.firstIndex(of: name) {
        let old = out.columns[c]
        out.columns[c] = Value.fromItems(pos.indices.map { r in pos[r].map { ycol.item($0) } ?? old.item(r) })
      } else {
        out.names.append(name)
        out.columns.append(ycol.gatherRows(pos.map { $0 ?? -1 }))
      }
    }
    return xkeys.isEmpty ? .table(out) : try out.keyed(by: xkeys)
  }

  /// `x pj y`: like lj, but y's values add to x's (missing ones count as zero).
  static func plusJoin(_ x: Value, _ y: Value) throws -> Value {
    guard let (xt, xkeys) = splitKeyed(x), case .dict(.table(let k), .table(let v)) = y else { throw QError.type }
    let pos = try matches(xt, k)
    var out = xt
    for (j, name) in v.names.enumerated() {
      let picked = v.columns[j].gatherRows(pos.map { $0 ?? -1 })
      let filled = try Lists.fill(zero(like: v.columns[j]), picked)
      if let c = out.names.firstIndex(of: name) {
        out.columns[c] = try Arithmetic.dyad(.add, out.columns[c], filled)
      } else {
        out.names.append(name)
        out.columns.append(filled)
      }
    }
    return xkeys.isEmpty ? .table(out) : try out.keyed(by: xkeys)
  }

  private static func zero(like column: Value) -> Value {
    guard case .vector(let v) = column else { return .j(0) }
    switch v.storage {
    case .bool: return .bool(false)
    case .byte: return .byte(0)
    case .short: return .short(0)
    case .int: return .int(0, v.type)
    case .long: return .long(0, v.type)
    case .real: return .real(0)
    case .float: return .float(0, v.type)
    default: return .j(0)
    }
  }

  /// `x uj y`: all rows of both, all columns of both; keyed tables merge by key.
  static func unionJoin(_ x: Value, _ y: Value) throws -> Value {
    switch (x, y) {
    case (.table(let a), .table(let b)): return .table(try appendRows(a, b, checkTypes: false))
    case (.dict(.table(let k1), .table(let v1)), .dict(.table(let k2), .table(let v2))):
      return try upsertKeyed(k1, v1, k2, v2)
    default: throw QError.type
    }
  }

  /// `ej[c;x;y]`: each row of x with every row of y that matches it on columns c.
  static func equiJoin(_ c: Value, _ x: Value, _ y: Value) throws -> Value {
    let names = Comparison.symbols(c)
    guard case .table(let xt) = x.unkeyed, case .table(let yt) = y.unkeyed else { throw QError.type }
    func keyTable(_ t: Table) throws -> Table {
      Table(names: names, columns: try names.map { n in
        guard let col = t.column(n) else { throw QError(n) }
        return col
      })
    }
    let yk = try keyTable(yt), xk = try keyTable(xt)
    var groups: [HashKey: [Int]] = [:]
    for r in 0..<yt.count { groups[KeyIndex.key(yk, r), default: []].append(r) }
    var xi: [Int] = [], yi: [Int] = []
    for r in 0..<xt.count {
      for m in groups[KeyIndex.key(xk, r)] ?? [] { xi.append(r); yi.append(m) }
    }
    var out = xt.gatherRows(xi)
    for (j, n) in yt.names.enumerated() where !names.contains(n) {
      let col = yt.columns[j].gatherRows(yi)
      if let at = out.names.firstIndex(of: n) { out.columns[at] = col } else { out.names.append(n); out.columns.append(col) }
    }
    return .table(out)
  }

  /// `aj[c;x;y]`: for each row of x, the last row of y matching on all of c but the
  /// last column, whose last column is at or before x's (y sorted within groups).
  static func asofJoin(_ c: Value, _ x: Value, _ y: Value, timeFromRight: Bool) throws -> Value {
    let names = Comparison.symbols(c)
    guard let time = names.last else { throw QError.length }
    let eq = Array(names.dropLast())
    guard case .table(let xt) = x.unkeyed, case .table(let yt) = y.unkeyed else { throw QError.type }
    func cols(_ t: Table, _ ns: [String]) throws -> Table {
      Table(names: ns, columns: try ns.map { n in
        guard let col = t.column(n) else { throw QError(n) }
        return col
      })
    }
    let yk = try cols(yt, eq), xk = try cols(xt, eq)
    guard let yTime = yt.column(time), let xTime = xt.column(time) else { throw QError(time) }
    var groups: [HashKey: [Int]] = [:]
    for r in 0..<yt.count { groups[eq.isEmpty ? HashKey(.identity) : KeyIndex.key(yk, r), default: []].append(r) }
    var pos: [Int] = []
    pos.reserveCapacity(xt.count)
    for r in 0..<xt.count {
      let rows = groups[eq.isEmpty ? HashKey(.identity) : KeyIndex.key(xk, r)] ?? []
      let t = xTime.item(r)
      // Binary search for the last row whose time is <= t.
      var lo = 0, hi = rows.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if Sorting.compareValues(yTime.item(rows[mid]), t) <= 0 { lo = mid + 1 } else { hi = mid }
      }
      pos.append(lo > 0 ? rows[lo - 1] : -1)
    }
    var out = xt
    for (j, n) in yt.names.enumerated() where !eq.contains(n) {
      if n == time && !timeFromRight { continue }
      let col = yt.columns[j].gatherRows(pos)
      if let at = out.names.firstIndex(of: n) {
        let old = out.columns[at]
        out.columns[at] = Value.fromItems(pos.indices.map { pos[$0] >= 0 ? col.item($0) : old.item($0) })
      } else {
        out.names.append(n)
        out.columns.append(col)
      }
    }
    return .table(out)
  }

  /// `t asof d`: the values of t's other columns in the last row matching d on all
  /// but d's last key, at or before its last value. d is a dictionary or a table.
  static func asof(_ x: Value, _ y: Value) throws -> Value {
    let probe: Table
    var single = false
    switch y {
    case .table(let t): probe = t
    case .dict(let k, let v) where !k.isTable:
      probe = Table(names: Comparison.symbols(k), columns: v.items.map { Lists.enlist($0) })
      single = true
    default: throw QError.type
    }
    guard case .table(let t) = x.unkeyed else { throw QError.type }
    let joined = try asofJoin(.symbols(probe.names), .table(probe), .table(t), timeFromRight: false)
    guard case .table(let r) = joined else { throw QError.type }
    let keep = r.names.indices.filter { !probe.names.contains(r.names[$0]) }
    let out = Table(names: keep.map { r.names[$0] }, columns: keep.map { r.columns[$0] })
    return single ? Value.table(out).item(0) : .table(out)
  }

  /// `wj[w;c;t;(q;(f;col);...)]`: for each row of t, f applied to q's col over the rows
  /// matching on c (but its last, time, column) whose time falls in the row's window
  /// w; wj also counts the row prevailing at the window's start.
  static func windowJoin(_ i: Interpreter, _ w: Value, _ c: Value, _ t: Value, _ spec: Value, prevailing: Bool) throws -> Value {
    let names = Comparison.symbols(c)
    guard let time = names.last, case .table(let tt) = t.unkeyed else { throw QError.type }
    guard w.count == 2 else { throw QError.length }
    let starts = w.item(0), ends = w.item(1)
    guard case .list(let parts) = spec, let qv = parts.first, case .table(let qt) = qv.unkeyed else { throw QError.type }
    let eq = Array(names.dropLast())
    func cols(_ tb: Table, _ ns: [String]) throws -> Table {
      Table(names: ns, columns: try ns.map { n in
        guard let col = tb.column(n) else { throw QError(n) }
        return col
      })
    }
    let qk = try cols(qt, eq), tk = try cols(tt, eq)
    guard let qTime = qt.column(time) else { throw QError(time) }
    var groups: [HashKey: [Int]] = [:]
    for r in 0..<qt.count { groups[eq.isEmpty ? HashKey(.identity) : KeyIndex.key(qk, r), default: []].append(r) }
    // Per row of t, the rows of q in its window.
    var windows: [[Int]] = []
    for r in 0..<tt.count {
      let rows = groups[eq.isEmpty ? HashKey(.identity) : KeyIndex.key(tk, r)] ?? []
      let lo = starts.item(r), hi = ends.item(r)
      var picked: [Int] = []
      var before: Int? = nil
      for q in rows {
        let tq = qTime.item(q)
        if Sorting.compareValues(tq, lo) < 0 { before = q; continue }
        if Sorting.compareValues(tq, hi) > 0 { break }
        picked.append(q)
      }
      if prevailing, let b = before, picked.first.map({ Sorting.compareValues(qTime.item($0), lo) != 0 }) ?? true {
        picked.insert(b, at: 0)
      }
      windows.append(picked)
    }
    var out = tt
    for agg in parts.dropFirst() {
      guard case .list(let pair) = agg, pair.count == 2, case .symbol(let colName) = pair[1],
        let col = qt.column(colName) else { throw QError.type }
      let f = pair[0]
      let results = try windows.map { rows -> Value in
        let vals = col.gatherRows(rows)
        if case .identity = f { return vals }
        return try i.applyMonadic(f, vals)
      }
      let column = Value.fromItems(results)
      if let at = out.names.firstIndex(of: colName) { out.columns[at] = column } else { out.names.append(colName); out.columns.append(column) }
    }
    return .table(out)
  }

  /// `keys#kt`: the rows of a keyed table at the given keys (nulls where absent).
  static func takeKeys(_ keys: Table, _ k: Table, _ v: Table) throws -> Value {
    let pos = try matches(keys, k).map { $0 ?? -1 }
    let keyPart = Table(names: k.names, columns: try k.names.map { n in
      guard let c = keys.column(n) else { throw QError(n) }
      return c
    })
    return .dict(.table(keyPart), .table(v.gatherRows(pos)))
  }
}
