import QSyntax
import QValues

/// q's parse trees as values (`parse`, `eval`, functional qSQL): a list whose first
/// item is applied to the rest; symbols are names.
enum ParseTree {
  static func fromNode(_ n: Node) -> Value {
    switch n {
    case .constant(let v):
      if case .symbol(let name) = v { return .symbols([name]) }
      if case .vector(let vec) = v, vec.type == .symbol { return .list([v]) }
      return v
    case .name(let s): return .symbol(s)
    case .verb(let g): return primitive(g)
    case .derived(let a, let f): return .function(.derived(a, fromNodeAsFunction(f)))
    case .prefix(let f, let x): return .list([fromNode(f), fromNode(x)])
    case .apply(let f, let args): return .list([fromNode(f)] + args.map { $0.map(fromNode) ?? .identity })
    case .list(let items): return .list([primitive("enlist")] + items.map(fromNode))
    case .group(let x): return fromNode(x)
    case .lambda(let l): return .function(.lambda(l))
    case .assign(let a):
      var target = Value.symbol(a.name)
      if let idx = a.indices { target = .list([target] + idx.map { $0.map(fromNode) ?? .identity }) }
      if let p = a.pattern { target = fromNode(p) }
      return .list([primitive(":"), target, fromNode(a.value)])
    case .cond(let parts): return .list([primitive("$")] + parts.map(fromNode))
    case .control(let k, let parts): return .list([.symbol(k)] + parts.map(fromNode))
    case .ret(let x): return .list([primitive(":"), fromNode(x)])
    case .signal(let x): return .list([primitive("'"), fromNode(x)])
    case .block(let items): return .list([.symbol(";")] + items.map(fromNode))
    case .query(let q): return queryTree(q)
    case .table: return .identity
    case .empty: return .identity
    case .located(_, let x): return fromNode(x)
    }
  }

  static func fromNodeAsFunction(_ n: Node) -> Value {
    if case .verb(let g) = n.unlocated { return primitive(g) }
    return fromNode(n)
  }

  static func primitive(_ g: String) -> Value {
    if let p = Primitives.byName[g] { return .function(.primitive(p)) }
    return .symbol(g)
  }
}

extension Interpreter {
  /// Evaluate a parse tree: symbols are looked up, lists apply their first item.
  func evalParseTree(_ x: Value) throws -> Value {
    switch x {
    case .symbol(let s): return try lookup(s)
    // An enlisted symbol is the symbol itself, not a name.
    case .vector(let v) where v.type == .symbol && v.count == 1: return v[0]
    case .list(let items):
      guard let head = items.first else { return x }
      // A one-item list quotes its item: `enlist x` evaluates to x as it is.
      if items.count == 1 { return head }
      let f = try evalParseTree(head)
      // An iterator applied to a function derives: (/;+) is +/.
      if case .function(.derived(let a, .identity)) = f, items.count == 2 {
        return .function(.derived(a, try evalParseTree(items[1])))
      }
      if case .function(.primitive(let p)) = f, p.name == ":" , items.count == 3, case .symbol(let n) = items[1] {
        let v = try evalParseTree(items[2])
        try assignName(n, v, global: false)
        return v
      }
      let args = try items.dropFirst().reversed().map { try evalParseTree($0) }.reversed()
      if case .function(.primitive(let p)) = f, args.count == 1, let m = Primitives.table[p.id].monad {
        return try m(self, args.first!)
      }
      return try apply(f, Array(args))
    default: return x
    }
  }
}
