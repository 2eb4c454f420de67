import QValues

/// What a lambda's body tells about its scope: which of x, y, z it uses (its implicit
/// parameters) and which names it assigns (its locals). Nested lambdas have their own.
extension Parser {
  static func implicitParams(_ statements: [Node]) -> [String] {
    var used = Set<String>()
    for s in statements { collectNames(s, into: &used) }
    if used.contains("z") { return ["x", "y", "z"] }
    if used.contains("y") { return ["x", "y"] }
    return ["x"]
  }

  static func collectNames(_ node: Node, into names: inout Set<String>) {
    walk(node) { n in
      switch n {
      case .name(let s): names.insert(s)
      case .assign(let a):
        names.insert(a.name)
        for n in patternNames(a.pattern) { names.insert(n) }
      default: break
      }
    }
  }

  static func assignedNames(_ statements: [Node]) -> [String] {
    var out: [String] = []
    for s in statements {
      walk(s) { n in
        guard case .assign(let a) = n, !a.global else { return }
        for name in [a.name] + patternNames(a.pattern) where !name.isEmpty && !out.contains(name) && !name.contains(".") {
          out.append(name)
        }
      }
    }
    return out
  }

  /// The names a destructuring pattern assigns: `(a;b)`, `(a!b)`, `((a;b):`F)`.
  public static func patternNames(_ pattern: Node?) -> [String] {
    guard let pattern else { return [] }
    switch pattern {
    case .name(let n): return [n]
    case .group(let x), .located(_, let x): return patternNames(x)
    case .list(let items): return items.flatMap { patternNames($0) }
    case .apply(.name(let n), let args) where n != "enlist": return args.isEmpty ? [] : [n]
    case .apply(_, let args): return args.flatMap { patternNames($0) }
    case .assign(let a): return a.name.isEmpty ? patternNames(a.pattern) : [a.name]
    default: return []
    }
  }

  /// Visit every node except the bodies of nested lambdas.
  public static func walk(_ node: Node, _ visit: (Node) -> Void) {
    visit(node)
    switch node {
    case .derived(_, let f): walk(f, visit)
    case .prefix(let f, let x): walk(f, visit); walk(x, visit)
    case .apply(let f, let args):
      walk(f, visit)
      for a in args { if let a { walk(a, visit) } }
    case .list(let items), .cond(let items), .block(let items), .control(_, let items):
      for i in items { walk(i, visit) }
    case .group(let x), .ret(let x), .signal(let x), .located(_, let x): walk(x, visit)
    case .assign(let a):
      if let idx = a.indices { for i in idx { if let i { walk(i, visit) } } }
      if let op = a.op { walk(op, visit) }
      walk(a.value, visit)
    case .table(let keys, let columns):
      for c in keys + columns { walk(c.expr, visit) }
    case .query(let q):
      // Column, by and where expressions name columns, not the lambda's variables:
      // q does not count them as implicit parameters.
      walk(q.from, visit)
    default: break
    }
  }
}
