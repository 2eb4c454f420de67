import QSyntax
import QValues

/// The iterators: each `'`, over `/`, scan `\`, each-prior `':`, each-right `/:`,
/// each-left `\:`, and the keywords that name them.
enum Adverbs {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("each", dyad: { i, f, x in try i.applyDerived(.each, f, [x]) }),
    PrimitiveDef("over", dyad: { i, f, x in try i.applyDerived(.over, f, [x]) }),
    PrimitiveDef("scan", dyad: { i, f, x in try i.applyDerived(.scan, f, [x]) }),
    PrimitiveDef("prior", dyad: { i, f, x in try i.applyDerived(.prior, f, [x]) }),
    PrimitiveDef("peach", dyad: { i, f, x in try i.applyDerived(.each, f, [x]) }),
    // `'[f;g]` composes: the last function takes the arguments, the others one result.
    PrimitiveDef("'", dyad: { _, f, g in compose([f, g]) }, nary: { _, fs in compose(fs) }),
  ]

  static func foldFloats(_ a: [Double], _ op: (Double, Double) -> Double) -> Double {
    a.withUnsafeBufferPointer { b in
      var acc = b[0]
      var i = 1
      while i < b.count { acc = op(acc, b[i]); i += 1 }
      return acc
    }
  }

  static func compose(_ fs: [Value]) -> Value {
    var parts: [Value] = []
    for f in fs {
      if case .function(.composition(let inner)) = f { parts += inner } else { parts.append(f) }
    }
    return .function(.composition(parts))
  }
}

extension Interpreter {
  /// The rank a function value is called with: how many arguments it takes.
  func valence(_ f: Value) -> Int {
    switch f {
    case .function(.lambda(let l)): return max(l.rank, 1)
    case .function(.primitive(let p)): return p.valence
    case .function(.projection(let g, let fixed)):
      let holes = fixed.filter { $0 == nil }.count
      return max(holes + max(valence(g) - fixed.count, 0), 1)
    case .function(.composition(let parts)): return parts.last.map(valence) ?? 1
    case .function(.derived(let a, let g)):
      switch a {
      case .each: return valence(g)
      // `f/` and `f\` take one argument or two; iterated, they take one (`(,/)/x`).
      case .over, .scan: return 1
      case .prior: return 2
      default: return 2
      }
    // A list of lists indexes at depth two, like a binary function (a state table).
    case .list(let items) where items.contains(where: { !$0.isAtom }): return 2
    default: return 1
    }
  }

  func applyDerived(_ adverb: Adverb, _ f: Value, _ args: [Value]) throws -> Value {
    switch adverb {
    case .each: return try each(f, args)
    case .over: return try over(f, args, keepAll: false)
    case .scan: return try over(f, args, keepAll: true)
    case .prior: return try eachPrior(f, args)
    case .eachRight:
      if case .function = f {} else { return try joinOrSplit("sv", f, args) }
      guard args.count == 2 else { throw QError.rank }
      let (x, y) = (args[0], args[1])
      if y.isAtom { return try apply(f, [x, y]) }
      return try collect(y, y.items.map { try apply(f, [x, $0]) })
    case .eachLeft:
      if case .function = f {} else { return try joinOrSplit("vs", f, args) }
      guard args.count == 2 else { throw QError.rank }
      let (x, y) = (args[0], args[1])
      if x.isAtom { return try apply(f, [x, y]) }
      return try collect(x, x.items.map { try apply(f, [$0, y]) })
    }
  }

  /// `x/:y` and `x\:y` with a data left side are sv and vs.
  func joinOrSplit(_ keyword: String, _ x: Value, _ args: [Value]) throws -> Value {
    guard args.count == 1 else { throw QError.rank }
    guard let p = Primitives.byName[keyword] else { throw QError.nyi }
    return try apply(.function(.primitive(p)), [x, args[0]])
  }

  /// `i'[a;b;...]` with an index list: item j comes from argument i[j] (case).
  func pickCase(_ selector: Value, _ args: [Value]) throws -> Value {
    let lengths = args.filter { !$0.isAtom }.map { $0.count }
    let n = selector.isAtom ? (lengths.first ?? 1) : selector.count
    for l in lengths where l != n { throw QError.length }
    var out: [Value] = []
    out.reserveCapacity(n)
    for j in 0..<n {
      let sel = selector.isAtom ? selector : selector.item(j)
      guard let k = sel.asInt, sel.isAtom else { throw QError.type }
      guard k >= 0 && k < args.count else { throw QError.index }
      out.append(args[k].isAtom ? args[k] : args[k].item(j))
    }
    return Value.fromItems(out)
  }

  /// Results keep a dictionary's keys; otherwise they collapse to a vector when uniform.
  func collect(_ source: Value, _ results: [Value]) throws -> Value {
    if case .dict(let k, _) = source { return .dict(k, Value.fromItems(results)) }
    if case .table = source, results.allSatisfy({ $0.isDict }) { return Value.fromItems(results) }
    return Value.fromItems(results)
  }

  func each(_ f: Value, _ args: [Value]) throws -> Value {
    if args.count == 1 {
      let x = args[0]
      if x.isAtom { return try apply(f, [x]) }
      if case .dict(let k, let v) = x { return .dict(k, try each(f, [v])) }
      if case .list(let a) = x, a.isEmpty { return .list([]) }
      var out: [Value] = []
      out.reserveCapacity(x.count)
      for item in x.items { out.append(try apply(f, [item])) }
      return try collect(x, out)
    }
    if case .function = f {} else if f.asInt != nil || Numeric.qtype(f).map({ $0.isIntegral }) == true {
      if args.allSatisfy({ !$0.isDict }) { return try pickCase(f, args) }
    }
    // Multi-argument each: atoms extend, lists must agree in length.
    let n = args.filter { !$0.isAtom }.map { $0.count }
    guard let count = n.first else { return try apply(f, args) }
    guard n.allSatisfy({ $0 == count }) else { throw QError.length }
    var out: [Value] = []
    for j in 0..<count {
      out.append(try apply(f, args.map { $0.isAtom ? $0 : $0.item(j) }))
    }
    if let d = args.first(where: { $0.isDict }), case .dict(let k, _) = d { return .dict(k, Value.fromItems(out)) }
    return Value.fromItems(out)
  }

  func over(_ given: Value, _ args: [Value], keepAll: Bool) throws -> Value {
    let inlined = inlinePrimitive(given)
    let f = inlined ?? given
    let rank = valence(f)
    if rank == 1 && args.count == 1 {
      return try converge(f, args[0], keepAll: keepAll)
    }
    if rank == 1 && args.count == 2 {
      // n f/x (repeat) or cond f/x (while)
      let (n, x) = (args[0], args[1])
      var acc = x
      var out = [x]
      if let k = n.asInt, n.isAtom, n.atomType?.isIntegral == true {
        for _ in 0..<max(k, 0) { try checkInterrupt(); acc = try apply(f, [acc]); out.append(acc) }
      } else {
        while try truthy(apply(n, [acc])) { try checkInterrupt(); acc = try apply(f, [acc]); out.append(acc) }
      }
      return keepAll ? Value.fromItems(out) : acc
    }
    if args.count == 1 {
      let x = args[0]
      if x.isAtom { return keepAll ? x : x }
      if inlined == nil, case .function(.primitive(let p)) = f, !keepAll, p.name == "+" , case .vector = x { return try Aggregates.sum(x) }
      if !keepAll, case .function(.primitive(let p)) = f, case .vector(let v) = x, case .float(let a) = v.storage, v.type == .float, !a.isEmpty {
        // `{x+y}/` over floats: a plain left fold, nulls propagating.
        if p.name == "+" { return .float(Adverbs.foldFloats(a, +), .float) }
        if p.name == "*" { return .float(Adverbs.foldFloats(a, *), .float) }
      }
      let items = x.items
      if items.isEmpty {
        // A primitive with an identity gives it (typed like x); others give ().
        if let id = identityElement(given, like: x) { return id }
        return .list([])
      }
      // `,\` starts from (),x: every item of the result is a list.
      var acc = keepAll && isPrimitive(f, ",") ? try apply(f, [.list([]), items[0]]) : items[0]
      var out = [acc]
      out.reserveCapacity(items.count)
      for item in items.dropFirst() {
        acc = try apply(f, [acc, item])
        if keepAll { out.append(acc) }
      }
      if keepAll {
        if case .dict(let k, _) = x { return .dict(k, Value.fromItems(out)) }
        return Value.fromItems(out)
      }
      return acc
    }
    // Seeded: x f/ y, and f/[x;y;z] for higher ranks.
    var acc = args[0]
    let rest = Array(args.dropFirst())
    let n = rest.filter { !$0.isAtom }.map { $0.count }.first ?? 1
    var out: [Value] = []
    for j in 0..<n {
      acc = try apply(f, [acc] + rest.map { $0.isAtom ? $0 : $0.item(j) })
      if keepAll { out.append(acc) }
    }
    if keepAll {
      if rest.count == 1, case .dict(let k, _) = rest[0] { return .dict(k, Value.fromItems(out)) }
      return Value.fromItems(out)
    }
    return acc
  }

  func isPrimitive(_ f: Value, _ name: String) -> Bool {
    if case .function(.primitive(let p)) = f { return p.name == name }
    return false
  }

  /// `{x+y}` and the like: a lambda that only applies an arithmetic primitive to its
  /// two arguments, in order, iterates as that primitive (much faster, same result).
  func inlinePrimitive(_ f: Value) -> Value? {
    guard case .function(.lambda(let l)) = f, l.params == ["x", "y"], l.locals.isEmpty,
      let body = l.body as? LambdaBody, body.statements.count == 1,
      case .apply(.verb(let g), let args) = body.statements[0].unlocated, args.count == 2,
      case .name("x")? = args[0]?.unlocated, case .name("y")? = args[1]?.unlocated,
      ["+", "-", "*", "%", "&", "|"].contains(g), let p = Primitives.byName[g]
    else { return nil }
    return .function(.primitive(p))
  }

  /// The identity of a primitive for reductions and each-prior, typed like the
  /// items of x when they are numeric.
  func identityElement(_ f: Value, like x: Value) -> Value? {
    guard case .function(.primitive(let p)) = f else { return nil }
    var t = QType.long
    if case .vector(let v) = x, v.type.isNumeric { t = v.type } else if let a = x.atomType, a.isNumeric { t = a }
    switch p.name {
    case "+", "-", "|": return Numeric.make([Int64(0)], t, atom: true)
    case "*", "%": return Numeric.make([Int64(1)], t, atom: true)
    case ",": return .list([])
    default: return nil
    }
  }

  /// Apply until the result stops changing or returns to the start.
  func converge(_ f: Value, _ x: Value, keepAll: Bool) throws -> Value {
    var prev = x
    var out = [x]
    while true {
      try checkInterrupt()
      let next = try apply(f, [prev])
      if Match.equal(next, prev) || Match.equal(next, x) { break }
      out.append(next)
      prev = next
    }
    return keepAll ? Value.fromItems(out) : prev
  }

  func eachPrior(_ f: Value, _ args: [Value]) throws -> Value {
    let x: Value, seed: Value?
    if args.count == 2 { seed = args[0]; x = args[1] } else { seed = nil; x = args[0] }
    let items = x.items
    guard !items.isEmpty else { return x }
    var out: [Value] = []
    let first: Value
    if let s = seed {
      first = try apply(f, [items[0], s])
    } else if case .function(.primitive(let p)) = f, ["+", "-", "*", "%", ","].contains(p.name) {
      // Each-prior starts from the primitive's identity (`-':` keeps the first item).
      first = try apply(f, [items[0], identityElement(f, like: items[0]) ?? .identity])
    } else {
      // Otherwise the first item meets a null.
      first = try apply(f, [items[0], items[0].nullOfSameShape])
    }
    out.append(first)
    for j in 1..<items.count { out.append(try apply(f, [items[j], items[j - 1]])) }
    if case .dict(let k, _) = x { return .dict(k, Value.fromItems(out)) }
    return Value.fromItems(out)
  }
}
