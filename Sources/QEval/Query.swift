import QSyntax
import QValues

/// One expression of a query: written in qSQL, or a parse tree from a functional form.
enum QueryExpr {
  case node(Node)
  case tree(Value)
}

/// What a query asks for, whichever way it was written (`select ...` or `?[t;c;b;a]`).
struct QuerySpec {
  enum Columns {
    /// Every column (`select from t`), or the last row for exec.
    case all
    /// One unnamed expression: exec gives its value as it is.
    case single(QueryExpr)
    case named([(name: String, expr: QueryExpr)])
  }
  var kind: Query.Kind
  var columns: Columns = .all
  /// nil: no grouping.
  var by: Columns? = nil
  var distinct = false
  var wheres: [QueryExpr] = []
  /// `select[n]` (an atom) or `select[start count]` (a pair).
  var limit: Value? = nil
  /// An expression giving the row order (`select[>c]`, 6th argument of `?`).
  var order: QueryExpr? = nil
  /// For delete: the columns to remove; empty means rows.
  var deleteColumns: [String] = []
}

/// qSQL evaluation: select, exec, update, delete.
extension Interpreter {
  func runQuery(_ q: Query) throws -> Value {
    var spec = QuerySpec(kind: q.kind)
    spec.wheres = q.wheres.map { .node($0) }
    spec.deleteColumns = q.deleteColumns
    if let limit = q.limit { try readLimit(limit, into: &spec) }
    let isExec = q.kind == .exec
    if !q.columns.isEmpty {
      if isExec, q.columns.count == 1, q.columns[0].name == nil {
        spec.columns = .single(.node(q.columns[0].expr))
      } else {
        spec.columns = .named(Interpreter.nameColumns(q.columns))
      }
    }
    if let by = q.by {
      if isExec, by.count == 1, by[0].name == nil {
        spec.by = .single(.node(by[0].expr))
      } else {
        spec.by = .named(Interpreter.nameColumns(by))
      }
    }
    let source = try eval(q.from)
    return try runQuery(spec, source)
  }

  /// `select[n]`, `select[m n]`, `select[>c]`, `select[n;>c]`.
  private func readLimit(_ node: Node, into spec: inout QuerySpec) throws {
    var parts = [node]
    if case .block(let items) = node { parts = items }
    for p in parts {
      if case .prefix(.verb(let g), _) = p.unlocated, g == "<" || g == ">" {
        spec.order = .node(p)
      } else {
        spec.limit = try eval(p)
      }
    }
  }

  /// Names for result columns: given, else derived from the expression, else `x`;
  /// repeats get a numeric suffix (`c1`, `c11`).
  static func nameColumns(_ cols: [(name: String?, expr: Node)]) -> [(name: String, expr: QueryExpr)] {
    var used: [String: Int] = [:]
    return cols.map { c in
      var name = c.name ?? Parser.columnName(c.expr) ?? "x"
      if c.name == nil, name == "i" { name = "x" }
      if let n = used[name] {
        used[name] = n + 1
        name += String(n)
      } else {
        used[name] = 1
      }
      return (name, .node(c.expr))
    }
  }

  /// Run a query against a source value (a table, keyed table or a table's name).
  func runQuery(_ spec: QuerySpec, _ source: Value) throws -> Value {
    var targetName: String? = nil
    var src = source
    if case .symbol(let s) = source {
      if spec.kind == .delete, s == "." || s.hasPrefix(".") && globals[s] == nil {
        return try deleteGlobals(spec.deleteColumns, namespace: s)
      }
      targetName = s
      src = try lookup(s)
    }
    if spec.kind == .delete, case .dict(let k, let v) = src, !k.isTable {
      let result = try deleteKeys(spec.deleteColumns, k, v)
      if let name = targetName { try assignName(name, result, global: true); return source }
      return result
    }
    var keyNames: [String] = []
    let table: Table
    switch src {
    case .table(let t): table = t
    case .dict(.table(let k), .table(let v)):
      keyNames = k.names
      table = Table(names: k.names + v.names, columns: k.columns + v.columns)
    default: throw QError.type
    }
    let result: Value
    switch spec.kind {
    case .select: result = try select(spec, table, keyNames: keyNames)
    case .exec: result = try exec(spec, table)
    case .update: result = try rekey(update(spec, table), keyNames)
    case .delete: result = try rekey(delete(spec, table), keyNames)
    }
    if let name = targetName, spec.kind == .update || spec.kind == .delete {
      try assignName(name, result, global: true)
      return source
    }
    return result
  }

  private func rekey(_ t: Table, _ keys: [String]) throws -> Value {
    if keys.isEmpty || !keys.allSatisfy(t.names.contains) { return .table(t) }
    return try t.keyed(by: keys)
  }

  // MARK: scope

  /// Evaluate with the table's columns (and the virtual `i`) visible as names. Locals
  /// of the enclosing lambda stay visible and take precedence, as in q.
  func inColumnScope<R>(_ t: Table, rowIds: @autoclosure () -> Value, _ body: () throws -> R) throws -> R {
    var names = t.names
    var values: [Value?] = t.columns
    names.append("i"); values.append(rowIds())
    // A separator: entries after it were inherited from the enclosing lambda.
    names.append(""); values.append(nil)
    if let outer = frames.last {
      var start = 0
      if outer.lambda === Interpreter.queryScope, let sep = outer.names.firstIndex(of: "") { start = sep + 1 }
      for k in start..<outer.names.count {
        guard let v = outer.values[k] else { continue }
        let n = outer.names[k]
        if let j = names.firstIndex(of: n) { values[j] = v } else { names.append(n); values.append(v) }
      }
    }
    frames.append(Frame(lambda: Interpreter.queryScope, names: names, values: values, name: frames.last?.name))
    defer { frames.removeLast() }
    return try body()
  }

  nonisolated(unsafe) static let queryScope = Lambda(source: "", params: [], locals: [], body: LambdaBody([]))

  func evalQueryExpr(_ e: QueryExpr) throws -> Value {
    switch e {
    case .node(let n): return try eval(n)
    case .tree(let v): return try evalParseTree(v)
    }
  }

  /// Evaluate an expression over some rows of a table (`rows` are positions in it).
  func evalOver(_ e: QueryExpr, _ table: Table, _ rows: [Int]?, ids: [Int]?) throws -> Value {
    let t = table.restricted(to: [e])
    let sub = rows.map { t.gatherRows($0) } ?? t
    let idv: Value = .longs((ids ?? rows ?? Array(0..<t.count)).map { Int64($0) })
    return try inColumnScope(sub, rowIds: idv) { try evalQueryExpr(e) }
  }

  // MARK: where

  /// Apply the where clauses in order; each sees only the rows the earlier ones kept.
  /// Returns the kept rows as positions in the table.
  func filterRows(_ wheres: [QueryExpr], _ t: Table) throws -> [Int]? {
    guard !wheres.isEmpty else { return nil }
    var rows = Array(0..<t.count)
    for w in wheres {
      let r = try evalOver(w, t, rows.count == t.count ? nil : rows, ids: rows)
      rows = try keep(r, rows)
    }
    return rows
  }

  private func keep(_ r: Value, _ rows: [Int]) throws -> [Int] {
    switch r {
    case .bool(let b): return b ? rows : []
    case .vector(let v):
      if case .bool(let a) = v.storage {
        guard a.count == rows.count else { throw QError.length }
        var out: [Int] = []
        out.reserveCapacity(rows.count)
        for (k, b) in a.enumerated() where b { out.append(rows[k]) }
        return out
      }
      if let pos = v.positions, v.type.isIntegral {
        return pos.filter { $0 >= 0 && $0 < rows.count }.map { rows[$0] }
      }
      throw QError.type
    default: throw QError.type
    }
  }

  // MARK: select

  private func select(_ spec: QuerySpec, _ table: Table, keyNames: [String]) throws -> Value {
    var rows = try filterRows(spec.wheres, table)
    if let order = spec.order {
      let perm = try evalOver(order, table, rows, ids: nil)
      guard case .vector(let pv) = perm, let p = pv.positions else { throw QError.type }
      let base = rows ?? Array(0..<table.count)
      rows = p.map { base[$0] }
    }
    if spec.by != nil { return try applyLimit(spec, try grouped(spec, table, rows)) }
    var result: Table
    switch spec.columns {
    case .all:
      result = rows.map { table.gatherRows($0) } ?? table
      if spec.distinct { result = try distinctRows(result) }
      let limited = try applyLimit(spec, .table(result))
      if !keyNames.isEmpty, !spec.distinct, case .table(let lt) = limited { return try lt.keyed(by: keyNames) }
      return limited
    case .single(let e):
      result = try columnsTable([("x", e)], table, rows)
    case .named(let cols):
      result = try columnsTable(cols, table, rows)
    }
    if spec.distinct { result = try distinctRows(result) }
    return try applyLimit(spec, .table(result))
  }

  /// Evaluate result columns over the selected rows: atoms extend to the others' length.
  private func columnsTable(_ cols: [(name: String, expr: QueryExpr)], _ table: Table, _ rows: [Int]?) throws -> Table {
    let used = table.restricted(to: cols.map { $0.expr })
    let sub = rows.map { used.gatherRows($0) } ?? used
    let ids = Value.longs((rows ?? Array(0..<table.count)).map { Int64($0) })
    let vals = try inColumnScope(sub, rowIds: ids) { try cols.map { try evalQueryExpr($0.expr) } }
    let lengths = vals.filter { !$0.isAtom }.map { $0.count }
    guard let n = lengths.first else {
      return Table(names: cols.map { $0.name }, columns: vals.map { Lists.enlist($0) })
    }
    guard lengths.allSatisfy({ $0 == n }) else { throw QError.length }
    return Table(names: cols.map { $0.name }, columns: try vals.map { try $0.extended(to: n) })
  }

  private func distinctRows(_ t: Table) throws -> Table {
    guard case .table(let d) = try Search.distinct(.table(t)) else { return t }
    return d
  }

  private func applyLimit(_ spec: QuerySpec, _ v: Value) throws -> Value {
    guard let limit = spec.limit else { return v }
    if limit.isAtom {
      guard let n = limit.asInt else { throw QError.type }
      if case .long(let x, _) = limit, x == Nulls.longInf { return v }
      let c = v.count
      let r = n >= 0 ? 0..<min(n, c) : max(c + n, 0)..<c
      return v.gatherRows(Array(r))
    }
    guard case .vector(let lv) = limit, let p = lv.positions, p.count == 2 else { throw QError.type }
    let c = v.count
    let start = min(max(p[0], 0), c)
    return v.gatherRows(Array(start..<min(c, start + max(p[1], 0))))
  }

  // MARK: grouping (select by, exec by)

  /// Group the selected rows by the `by` expressions (keys sorted ascending), and
  /// evaluate the columns once per group.
  private func grouped(_ spec: QuerySpec, _ table: Table, _ rows: [Int]?) throws -> Value {
    guard let by = spec.by else { throw QError.nyi }
    let sub = rows.map { table.gatherRows($0) } ?? table
    let ids = rows ?? Array(0..<table.count)
    let byExprs: [(name: String, expr: QueryExpr)]
    switch by {
    case .all: byExprs = []
    case .single(let e): byExprs = [("x", e)]
    case .named(let cols): byExprs = cols
    }
    let idv = Value.longs(ids.map { Int64($0) })
    let byVals = try inColumnScope(sub, rowIds: idv) { try byExprs.map { try evalQueryExpr($0.expr).extended(to: sub.count) } }
    for v in byVals where v.count != sub.count { throw QError.length }
    var (firsts, groupRows) = Grouping.groups(byVals, count: sub.count)
    let keyTable = Table(names: byExprs.map { $0.name }, columns: byVals.map { $0.gatherRows(firsts) })
    let perm = try Sorting.grade(.table(keyTable), descending: false)
    firsts = perm.map { firsts[$0] }
    groupRows = perm.map { groupRows[$0] }
    let keys = keyTable.gatherRows(perm)
    let keyValue: Value
    if case .single = by { keyValue = keys.columns[0] } else { keyValue = .table(keys) }

    func perGroup(_ e: QueryExpr) throws -> Value {
      let results = try groupRows.map { g in try evalOver(e, sub, g, ids: g.map { ids[$0] }) }
      return Value.fromItems(results)
    }
    switch spec.columns {
    case .all:
      let lasts = groupRows.map { $0.last! }
      var values = sub.gatherRows(lasts)
      let keep = values.names.indices.filter { !keys.names.contains(values.names[$0]) }
      values = Table(names: keep.map { values.names[$0] }, columns: keep.map { values.columns[$0] })
      return .dict(keyValue, .table(values))
    case .single(let e):
      return .dict(keyValue, try perGroup(e))
    case .named(let cols):
      let values = Table(names: cols.map { $0.name }, columns: try cols.map { try perGroup($0.expr) })
      return .dict(keyValue, .table(values))
    }
  }

  // MARK: exec

  private func exec(_ spec: QuerySpec, _ table: Table) throws -> Value {
    var rows = try filterRows(spec.wheres, table)
    if let order = spec.order {
      let perm = try evalOver(order, table, rows, ids: nil)
      guard case .vector(let pv) = perm, let p = pv.positions else { throw QError.type }
      let base = rows ?? Array(0..<table.count)
      rows = p.map { base[$0] }
    }
    if spec.by != nil { return try grouped(spec, table, rows) }
    let sub = rows.map { table.gatherRows($0) } ?? table
    let ids = Value.longs((rows ?? Array(0..<table.count)).map { Int64($0) })
    switch spec.columns {
    case .all:
      return sub.count == 0 ? .dict(.symbols(sub.names), .list(sub.columns.map { $0.nullOfSameShape }))
        : Value.table(sub).item(sub.count - 1)
    case .single(let e):
      return try inColumnScope(sub, rowIds: ids) { try evalQueryExpr(e) }
    case .named(let cols):
      let vals = try inColumnScope(sub, rowIds: ids) { try cols.map { try evalQueryExpr($0.expr) } }
      return .dict(.symbols(cols.map { $0.name }), Value.fromItems(vals))
    }
  }

  // MARK: update

  private func update(_ spec: QuerySpec, _ table: Table) throws -> Table {
    guard case .named(let cols) = spec.columns else { return table }
    let rows = try filterRows(spec.wheres, table)
    let sub = rows.map { table.gatherRows($0) } ?? table
    let ids = rows ?? Array(0..<table.count)
    var newValues: [Value]
    var byList: [(name: String, expr: QueryExpr)]? = nil
    switch spec.by {
    case .named(let b)?: byList = b
    case .single(let e)?: byList = [("x", e)]
    default: break
    }
    if let byExprs = byList {
      let idv = Value.longs(ids.map { Int64($0) })
      let byVals = try inColumnScope(sub, rowIds: idv) { try byExprs.map { try evalQueryExpr($0.expr).extended(to: sub.count) } }
      let groupRows = Grouping.groups(byVals, count: sub.count).rows
      var parts = [[Value]](repeating: [], count: cols.count)
      var order: [Int] = []
      order.reserveCapacity(sub.count)
      let used = sub.restricted(to: cols.map { $0.expr })
      for g in groupRows {
        let gs = used.gatherRows(g)
        let gids = Value.longs(g.map { Int64(ids[$0]) })
        let vals = try inColumnScope(gs, rowIds: gids) { try cols.map { try evalQueryExpr($0.expr) } }
        for (c, v) in vals.enumerated() {
          let full = try v.extended(to: g.count)
          guard full.count == g.count else { throw QError.length }
          parts[c].append(full)
        }
        order += g
      }
      // Results come group by group; put them back in row order.
      var inverse = [Int](repeating: 0, count: order.count)
      for (k, r) in order.enumerated() { inverse[r] = k }
      newValues = parts.map { Concat.lists($0).gatherRows(inverse) }
    } else {
      let idv = Value.longs(ids.map { Int64($0) })
      newValues = try inColumnScope(sub, rowIds: idv) { try cols.map { try evalQueryExpr($0.expr) } }
      newValues = try newValues.map { v in
        let full = try v.extended(to: sub.count)
        guard full.count == sub.count else { throw QError.length }
        return full
      }
    }
    var out = table
    for (c, col) in cols.enumerated() {
      let v = newValues[c]
      if let j = out.names.firstIndex(of: col.name) {
        out.columns[j] = try Scatter.write(out.columns[j], ids, v)
      } else {
        let base = rows == nil ? v : Scatter.nulls(like: v.count > 0 ? v.item(0) : v, table.count)
        out.names.append(col.name)
        out.columns.append(rows == nil ? v : try Scatter.write(base, ids, v))
      }
    }
    return out
  }

  // MARK: delete

  private func delete(_ spec: QuerySpec, _ table: Table) throws -> Table {
    if !spec.deleteColumns.isEmpty {
      let keep = table.names.indices.filter { !spec.deleteColumns.contains(table.names[$0]) }
      return Table(names: keep.map { table.names[$0] }, columns: keep.map { table.columns[$0] })
    }
    guard let rows = try filterRows(spec.wheres, table) else { return table.gatherRows([]) }
    let gone = Set(rows)
    return table.gatherRows((0..<table.count).filter { !gone.contains($0) })
  }

  /// `delete a from d`: a dictionary without those keys.
  private func deleteKeys(_ names: [String], _ k: Value, _ v: Value) throws -> Value {
    let keys = k.items
    let keep = keys.indices.filter { j in
      if case .symbol(let s) = keys[j] { return !names.contains(s) }
      return true
    }
    return .dict(k.gatherRows(keep), v.gatherRows(keep))
  }

  /// `delete a from `.`: remove global variables.
  private func deleteGlobals(_ names: [String], namespace: String) throws -> Value {
    let prefix = namespace == "." ? "" : namespace + "."
    for n in names { globals.removeValue(forKey: prefix + n) }
    return .symbol(namespace)
  }
}

extension Table {
  /// Only the columns the expressions name: per-group evaluation then copies no more
  /// than it reads.
  func restricted(to exprs: [QueryExpr]) -> Table {
    var used = Set<String>()
    func note(_ n: String) {
      used.insert(n)
      if let dot = n.firstIndex(of: "."), dot != n.startIndex { used.insert(String(n[..<dot])) }
    }
    func symbols(_ v: Value) {
      switch v {
      case .symbol(let s): note(s)
      case .list(let items): items.forEach(symbols)
      case .vector(let x) where x.type == .symbol: Comparison.symbols(v).forEach(note)
      default: break
      }
    }
    for e in exprs {
      switch e {
      case .node(let n): Parser.walk(n) { if case .name(let s) = $0 { note(s) } }
      case .tree(let v): symbols(v)
      }
    }
    let keep = names.indices.filter { used.contains(names[$0]) }
    if keep.count == names.count { return self }
    return Table(names: keep.map { names[$0] }, columns: keep.map { columns[$0] })
  }
}
