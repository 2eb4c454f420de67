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
  ]
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
      case .over, .scan: return valence(g) == 1 ? 1 : 2
      case .prior: return 2
      default: return 2
      }
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
      guard args.count == 2 else { throw QError.rank }
      let (x, y) = (args[0], args[1])
      if y.isAtom { return try apply(f, [x, y]) }
      return try collect(y, y.items.map { try apply(f, [x, $0]) })
    case .eachLeft:
      guard args.count == 2 else { throw QError.rank }
      let (x, y) = (args[0], args[1])
      if x.isAtom { return try apply(f, [x, y]) }
      return try collect(x, x.items.map { try apply(f, [$0, y]) })
    }
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

  func over(_ f: Value, _ args: [Value], keepAll: Bool) throws -> Value {
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
      let items = x.items
      if items.isEmpty {
        if let id = identityElement(f) { return keepAll ? x : id }
        return keepAll ? x : .identity
      }
      if case .function(.primitive(let p)) = f, !keepAll, p.name == "+" , case .vector = x { return try Aggregates.sum(x) }
      var acc = items[0]
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

  func identityElement(_ f: Value) -> Value? {
    guard case .function(.primitive(let p)) = f else { return nil }
    switch p.name {
    case "+": return .j(0)
    case "*": return .j(1)
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
    } else if case .function(.primitive(let p)) = f, let id = priorSeed(p.name, items[0]) {
      first = try apply(f, [items[0], id])
    } else {
      first = items[0]
    }
    out.append(first)
    for j in 1..<items.count { out.append(try apply(f, [items[j], items[j - 1]])) }
    if case .dict(let k, _) = x { return .dict(k, Value.fromItems(out)) }
    return Value.fromItems(out)
  }

  /// The seed q uses for each-prior of common primitives (`-':` subtracts 0 first).
  func priorSeed(_ name: String, _ first: Value) -> Value? {
    switch name {
    case "-", "+": return first.isAtom ? Numeric.make([Int64(0)], first.atomType ?? .long, atom: true) : nil
    case "*", "%": return nil
    default: return nil
    }
  }
}
