import QSyntax
import QValues

/// A compact, stable rendering of a parse tree for assertions:
/// `(apply + 1 2)`, `(prefix - x)`, `(derived / +)`, `{[x;y] ...}`, `(: a 1)`.
enum Sexpr {
  static func render(_ node: Node?) -> String {
    guard let node else { return "_" }
    switch node {
    case .constant(let v): return Format.shortForm(v)
    case .name(let n): return n
    case .verb(let v): return v
    case .derived(let a, let f): return "(\(a.rawValue) \(render(f)))"
    case .prefix(let f, let x): return "(\(render(f)) \(render(x)))"
    case .apply(let f, let args): return "(\(render(f))" + args.map { " " + render($0) }.joined() + ")"
    case .list(let items): return "(list" + items.map { " " + render($0) }.joined() + ")"
    case .group(let x): return "(group \(render(x)))"
    case .lambda(let l): return "{[\(l.params.joined(separator: ";"))] \(l.source)}"
    case .assign(let a):
      var s = "(\(a.global ? "::" : ":")"
      if let op = a.op { s += render(op) }
      s += " \(a.name)"
      if let idx = a.indices { s += "[" + idx.map { render($0) }.joined(separator: ";") + "]" }
      return s + " \(render(a.value)))"
    case .cond(let xs): return "($" + xs.map { " " + render($0) }.joined() + ")"
    case .control(let k, let xs): return "(\(k)" + xs.map { " " + render($0) }.joined() + ")"
    case .ret(let x): return "(return \(render(x)))"
    case .signal(let x): return "(signal \(render(x)))"
    case .block(let xs): return "(block" + xs.map { " " + render($0) }.joined() + ")"
    case .query(let q):
      var s = "(\(q.kind.rawValue)"
      if let l = q.limit { s += "[\(render(l))]" }
      s += " [" + q.columns.map { "\($0.name ?? "_"):\(render($0.expr))" }.joined(separator: ",") + "]"
      if let by = q.by { s += " by [" + by.map { "\($0.name ?? "_"):\(render($0.expr))" }.joined(separator: ",") + "]" }
      if !q.deleteColumns.isEmpty { s += " cols " + q.deleteColumns.joined(separator: ",") }
      s += " from \(render(q.from))"
      if !q.wheres.isEmpty { s += " where [" + q.wheres.map { render($0) }.joined(separator: ",") + "]" }
      return s + ")"
    case .table(let keys, let cols):
      return "(table [" + keys.map { "\($0.name):\(render($0.expr))" }.joined(separator: ",") + "] ["
        + cols.map { "\($0.name):\(render($0.expr))" }.joined(separator: ",") + "])"
    case .empty: return "_"
    case .located(_, let x): return render(x)
    }
  }

  /// Parse and render all statements, `;`-separated.
  static func parse(_ source: String) throws -> String {
    try Parser.parse(source).statements.map { render($0) }.joined(separator: "; ")
  }
}
