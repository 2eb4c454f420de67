import QSyntax
import QValues

/// Functional qSQL: `?[t;c;b;a]` (select and exec, with optional limit and order),
/// `?[t;i;p]` (an expression over some rows), and `![t;c;b;a]` (update and delete).
/// Constraints, groupings and columns are parse trees: symbols name columns.
extension Interpreter {
  /// `?` with three or more arguments: a functional query when the first is a table,
  /// else the vector conditional.
  func functionalQuestion(_ a: [Value]) throws -> Value {
    guard let first = a.first, isQuerySource(first) else { return try Lists.vectorConditional(self, a) }
    if a.count == 3 { return try simpleExec(a[0], a[1], a[2]) }
    guard a.count >= 4 && a.count <= 6 else { throw QError.rank }
    var spec = QuerySpec(kind: .select)
    spec.wheres = try constraints(a[1])
    switch a[2] {
    case .bool(let distinct):
      spec.distinct = distinct
    default:
      spec.kind = .exec
      spec.by = try grouping(a[2])
    }
    spec.columns = try selection(a[3])
    if a.count >= 5 {
      if case .long(Nulls.longInf, _) = a[4] {} else { spec.limit = a[4] }
    }
    if a.count == 6 { spec.order = .tree(quoted(a[5])) }
    if spec.kind == .exec, case .named = spec.by, case .all = spec.columns { spec.kind = .select }
    return try runQuery(spec, a[0])
  }

  /// `![t;c;b;a]`: update when a is a dictionary of columns, delete when it is a
  /// list of column names (rows by c when empty).
  func functionalBang(_ a: [Value]) throws -> Value {
    guard a.count == 4 else { throw QError.rank }
    var spec = QuerySpec(kind: .update)
    spec.wheres = try constraints(a[1])
    switch a[3] {
    case .vector(let v) where v.type == .symbol:
      spec.kind = .delete
      spec.deleteColumns = Comparison.symbols(a[3])
    case .symbol(let s):
      spec.kind = .delete
      spec.deleteColumns = [s]
    case .list(let items) where items.isEmpty:
      spec.kind = .delete
    default:
      spec.columns = try selection(a[3])
      if case .bool = a[2] {} else { spec.by = try grouping(a[2]) }
    }
    if spec.kind == .delete, !spec.deleteColumns.isEmpty, !spec.wheres.isEmpty { throw QError.nyi }
    return try runQuery(spec, a[0])
  }

  private func isQuerySource(_ x: Value) -> Bool {
    switch x {
    case .table: return true
    case .dict(.table, .table): return true
    case .symbol(let s):
      guard let v = try? lookup(s) else { return false }
      if case .table = v { return true }
      return v.isKeyedTable
    default: return false
    }
  }

  /// `?[t;i;p]`: evaluate the parse tree p over the rows i of t.
  private func simpleExec(_ t: Value, _ rows: Value, _ p: Value) throws -> Value {
    var src = t
    if case .symbol(let s) = t { src = try lookup(s) }
    guard case .table(let table) = src.unkeyed else { throw QError.type }
    let idx: [Int]
    switch rows {
    case .vector(let v):
      guard let pos = v.positions else { throw QError.type }
      idx = pos
    case .list(let items) where items.isEmpty: idx = []
    default:
      guard rows.isAtom, let n = rows.asInt else { throw QError.type }
      idx = [n]
    }
    return try evalOver(.tree(quoted(p)), table, idx, ids: idx)
  }

  /// The where part: `()` or a list of parse trees.
  private func constraints(_ c: Value) throws -> [QueryExpr] {
    switch c {
    case .list(let items): return items.map { .tree(quoted($0)) }
    case .vector(let v) where v.count == 0: return []
    default: throw QError.type
    }
  }

  /// The by part of exec: `()` none, a name, names, or a dictionary of trees.
  private func grouping(_ b: Value) throws -> QuerySpec.Columns? {
    switch b {
    case .list(let items) where items.isEmpty: return nil
    case .vector(let v) where v.count == 0: return nil
    case .symbol: return .single(.tree(b))
    case .vector(let v) where v.type == .symbol:
      return .named(Comparison.symbols(b).map { ($0, QueryExpr.tree(.symbol($0))) })
    case .dict(let k, let v):
      return .named(try namedTrees(k, v))
    default: throw QError.type
    }
  }

  /// The column part: `()` every column, a dictionary of named trees, or one tree.
  private func selection(_ a: Value) throws -> QuerySpec.Columns {
    switch a {
    case .list(let items) where items.isEmpty: return .all
    case .vector(let v) where v.count == 0: return .all
    case .dict(let k, let v): return .named(try namedTrees(k, v))
    case .vector(let v) where v.type == .symbol:
      return .named(Comparison.symbols(a).map { ($0, QueryExpr.tree(.symbol($0))) })
    default: return .single(.tree(quoted(a)))
    }
  }

  private func namedTrees(_ k: Value, _ v: Value) throws -> [(name: String, expr: QueryExpr)] {
    guard case .vector(let kv) = k, kv.type == .symbol else { throw QError.type }
    let names = Comparison.symbols(k)
    let trees = v.isAtom ? [v] : v.items
    guard trees.count == names.count else { throw QError.length }
    return zip(names, trees).map { ($0, QueryExpr.tree(quoted($1))) }
  }

  /// In a parse tree an enlisted symbol is the symbol itself, not a column name.
  func quoted(_ tree: Value) -> Value {
    switch tree {
    case .vector(let v) where v.type == .symbol && v.count == 1:
      return .list([v[0]])
    case .list(let items) where items.count > 1:
      return .list([items[0]] + items.dropFirst().map(quoted))
    default: return tree
    }
  }
}

extension ParseTree {
  /// A qSQL query as the functional form `parse` shows:
  /// `(?;t;,c;b;a)` for select and exec, `(!;t;,c;b;a)` for update and delete.
  static func queryTree(_ q: Query) -> Value {
    let isExec = q.kind == .exec
    func named(_ cols: [(name: String?, expr: Node)]) -> Value {
      let names = Interpreter.nameColumns(cols).map { $0.name }
      return .dict(.symbols(names), .list(cols.map { fromNode($0.expr) }).normalizedTree)
    }
    let wheres: Value = q.wheres.isEmpty ? .list([]) : .list([.list(q.wheres.map(fromNode))])
    var by: Value = isExec ? .list([]) : .bool(false)
    if let b = q.by {
      by = isExec && b.count == 1 && b[0].name == nil ? quotedTree(fromNode(b[0].expr)) : named(b)
    }
    var cols: Value = .list([])
    switch q.kind {
    case .delete:
      cols = .symbols(q.deleteColumns)
    default:
      if isExec, q.columns.count == 1, q.columns[0].name == nil {
        cols = quotedTree(fromNode(q.columns[0].expr))
      } else if !q.columns.isEmpty {
        cols = named(q.columns)
      }
    }
    let verb = primitive(q.kind == .select || isExec ? "?" : "!")
    var items = [verb, fromNode(q.from), wheres, by, cols]
    if let limit = q.limit {
      var parts = [limit]
      if case .block(let ps) = limit.unlocated { parts = ps }
      var n: Value? = nil, order: Value? = nil
      for p in parts {
        if case .prefix(.verb(let g), _) = p.unlocated, g == "<" || g == ">" { order = fromNode(p) } else { n = fromNode(p) }
      }
      items.append(n ?? .long(Nulls.longInf, .long))
      if let order { items.append(.list([order])) }
    }
    return .list(items)
  }
}

extension ParseTree {
  /// A tree as an argument of a functional form: enlisted, so that evaluating the
  /// form passes the tree itself.
  static func quotedTree(_ t: Value) -> Value {
    if case .symbol(let s) = t { return .symbols([s]) }
    return .list([t])
  }
}

extension Value {
  /// Column trees that are all names collapse to a symbol vector, as q shows them.
  var normalizedTree: Value {
    if case .list(let a) = self, !a.isEmpty, a.allSatisfy({ if case .symbol = $0 { return true } else { return false } }) {
      return Value.fromItems(a)
    }
    return self
  }
}
