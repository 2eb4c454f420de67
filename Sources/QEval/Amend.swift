import QSyntax
import QValues

/// `@` and `.` in all their ranks: apply or index, and functional amend
/// (`@[x;i;f]`, `@[x;i;f;y]`, `.[x;p;f;y]`), plus assignment to indexed names.
enum Amend {
  static let definitions: [PrimitiveDef] = []

  /// `f@x` applies f to one argument; `x@i` indexes.
  static func at(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    if case .function = x { return try i.apply(x, [y]) }
    // `h@x` with a handle writes (1@"text") or sends.
    if let h = x.asInt, x.isAtom, x.atomType?.isIntegral == true, (-2...2).contains(h) || i.handles != nil { return try i.apply(x, [y]) }
    if case .symbol(let name) = x { return try i.index1(i.lookup(name), y) }
    return try i.index1(x, y)
  }

  /// `f . args` applies f to a list of arguments; `x . p` indexes at depth.
  static func dot(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    let args = y.isAtom ? [y] : y.items
    if case .function = x { return try i.apply(x, args.isEmpty ? [.identity] : args) }
    if case .symbol(let name) = x { return try i.index(i.lookup(name), args) }
    if args.isEmpty { return x }
    return try i.index(x, args)
  }

  /// `@[x;i;f]`, `@[x;i;f;y]`; also the trap `@[f;x;handler]`.
  static func amendAt(_ i: Interpreter, _ a: [Value]) throws -> Value {
    if a.count == 3, case .function = a[0] { return try trap(i, a[0], [a[1]], a[2]) }
    guard a.count == 3 || a.count == 4 else { throw QError.rank }
    return try amendNamed(i, a[0]) { target in
      try amend(i, target, [a[1]], a[2], a.count == 4 ? a[3] : nil, depth: false)
    }
  }

  static func amendDot(_ i: Interpreter, _ a: [Value]) throws -> Value {
    if a.count == 3, case .function = a[0] {
      let args = a[1].isAtom ? [a[1]] : a[1].items
      return try trap(i, a[0], args, a[2])
    }
    guard a.count == 3 || a.count == 4 else { throw QError.rank }
    let path = a[1].isAtom ? [a[1]] : a[1].items
    return try amendNamed(i, a[0]) { target in
      try amend(i, target, path, a[2], a.count == 4 ? a[3] : nil, depth: true)
    }
  }

  /// Trap: run f on args; on a q error apply the handler to the message.
  static func trap(_ i: Interpreter, _ f: Value, _ args: [Value], _ handler: Value) throws -> Value {
    let saved = i.frames.count
    do {
      return try i.apply(f, args)
    } catch let e as QError {
      while i.frames.count > saved { i.frames.removeLast() }
      i.errorSite = nil
      if case .function = handler { return try i.apply(handler, [.string(e.message)]) }
      if handler.isIdentity { return .string(e.message) }
      return handler
    }
  }

  /// Amend a named global in place when the target is a symbol, else amend a copy.
  static func amendNamed(_ i: Interpreter, _ target: Value, _ body: (Value) throws -> Value) throws -> Value {
    if case .symbol(let name) = target {
      let current = try i.lookup(name)
      let updated = try body(current)
      try i.assignName(name, updated, global: false)
      return target
    }
    return try body(target)
  }

  /// Replace the items of x at the index path with f applied to them (and y).
  static func amend(_ i: Interpreter, _ x: Value, _ path: [Value], _ f: Value, _ y: Value?, depth: Bool) throws -> Value {
    guard let first = path.first else {
      if let y { return try applyOp(i, f, x, y) }
      return try i.apply(f, [x])
    }
    let rest = Array(path.dropFirst())
    if depth && !rest.isEmpty {
      // .[x;(i;j);f;y]: amend at depth.
      if first.isIdentity {
        var idx = Value.longs((0..<x.count).map { Int64($0) })
        if case .dict(let k, _) = x { idx = k }
        return try amend(i, x, [idx] + rest, f, y, depth: true)
      }
      if first.isAtom {
        let inner = try i.index1(x, first)
        let updated = try amend(i, inner, rest, f, y, depth: true)
        return try setItems(i, x, first, [updated])
      }
      let keys = first.items
      var cur = x
      for (j, k) in keys.enumerated() {
        let yj: Value? = y.map { $0.isAtom ? $0 : $0.item(j) }
        cur = try amend(i, cur, [k] + rest, f, yj, depth: true)
      }
      return cur
    }
    if !first.isAtom && !first.isIdentity && !(x.isTable && Numeric.qtype(first) == .symbol) {
      if case .list(let idxs) = first {
        var cur = x
        for (j, k) in idxs.enumerated() {
          let yj: Value? = y.map { $0.isAtom ? $0 : $0.item(j) }
          cur = try amend(i, cur, [k], f, yj, depth: false)
        }
        return cur
      }
    }
    let old = try i.index1(x, first)
    let new: Value
    if let y {
      new = try applyOp(i, f, old, y)
    } else {
      new = try i.apply(f, [old])
    }
    if first.isIdentity { return new }
    let newItems = first.isAtom ? [new] : (new.isAtom ? Array(repeating: new, count: first.count) : new.items)
    return try setItems(i, x, first, newItems)
  }

  /// `x,:y` appends in place, so y must fit x's type: a typed vector takes atoms or
  /// vectors of its type, a table takes rows with the same columns of the same types.
  static func checkAppend(_ x: Value, _ y: Value) throws {
    switch x {
    case .vector(let v):
      if case .list(let items) = y, items.isEmpty { return }
      if y.isAtom, y.atomType == v.type { return }
      if case .vector(let w) = y, w.type == v.type { return }
      throw QError.type
    case .table(let t):
      guard case .table(let u) = y else { return }
      for (c, name) in t.names.enumerated() {
        guard let k = u.names.firstIndex(of: name) else { continue }
        if case .vector(let a) = t.columns[c], case .vector(let b) = u.columns[k], a.type != b.type { throw QError.type }
      }
    default: return
    }
  }

  /// `:` as the amend function assigns; others combine old and new.
  static func applyOp(_ i: Interpreter, _ f: Value, _ old: Value, _ y: Value) throws -> Value {
    if case .function(.primitive(let p)) = f, p.name == ":" { return y }
    return try i.apply(f, [old, y])
  }

  /// Write items into x at the given indices, growing dictionaries with new keys.
  static func setItems(_ i: Interpreter, _ x: Value, _ index: Value, _ items: [Value]) throws -> Value {
    let idx = index.isAtom ? [index] : index.items
    guard idx.count == items.count else { throw QError.length }
    switch x {
    case .dict(let k, let v):
      if case .table = k {
        throw QError.nyi
      }
      var keys = k.items, vals = v.items
      for (j, key) in idx.enumerated() {
        if let p = keys.firstIndex(where: { Match.equal($0, key) }) { vals[p] = items[j] } else {
          keys.append(key); vals.append(items[j])
        }
      }
      let nk = Value.fromItems(keys)
      return .dict(nk, keepType(v, Value.fromItems(vals)))
    case .table(var t):
      if case .symbol(let name) = index, items.count == 1 {
        let col = items[0].isAtom ? try Lists.take(.j(t.count), items[0]) : items[0]
        if let c = t.names.firstIndex(of: name) { t.columns[c] = col } else { t.names.append(name); t.columns.append(col) }
        return .table(t)
      }
      var rows = x.items
      for (j, k) in idx.enumerated() {
        guard let r = k.asInt, r >= 0, r < rows.count else { throw QError.index }
        rows[r] = items[j]
      }
      return Value.fromItems(rows)
    default:
      // A typed vector keeps its type: only atoms of that type go in.
      if case .vector(let ov) = x, items.contains(where: { $0.atomType != ov.type }) { throw QError.type }
      var all = x.items
      for (j, k) in idx.enumerated() {
        guard let p = k.asInt, k.isAtom else { throw QError.type }
        guard p >= 0 && p < all.count else { throw QError.index }
        all[p] = items[j]
      }
      return keepType(x, Value.fromItems(all))
    }
  }

  /// An amended vector keeps its type when the new items are of that type; otherwise
  /// q signals 'type rather than silently making a general list.
  static func keepType(_ old: Value, _ new: Value) -> Value {
    if case .vector(let ov) = old, case .list(let items) = new, ov.count > 0 {
      if items.allSatisfy({ $0.atomType == ov.type }) { return .vector(Value.vectorOfAtoms(items, ov.type)) }
    }
    if case .vector(let ov) = old, case .vector(var nv) = new, ov.attr != .none, nv.type == ov.type { nv.attr = .none; return .vector(nv) }
    return new
  }
}

extension Interpreter {
  /// Assignment statements: `a:x`, `a[i]:x`, `a op: x`, `a[i] op: x`, `a::x`.
  func assign(_ a: Assignment) throws -> Value {
    let v = try eval(a.value)
    if let pattern = a.pattern {
      try destructure(pattern, v, global: a.global)
      return v
    }
    guard a.indices != nil || a.op != nil else {
      try assignName(a.name, v, global: a.global)
      return v
    }
    var idx: [Value] = []
    if let nodes = a.indices {
      idx = Array(repeating: .identity, count: nodes.count)
      for j in stride(from: nodes.count - 1, through: 0, by: -1) {
        if let n = nodes[j] { idx[j] = try eval(n) }
      }
    }
    let op: Value = try a.op.map { try eval($0) } ?? .function(.primitive(Primitives.byName[":"]!))
    let current: Value
    if idx.isEmpty {
      current = (try? lookup(a.name)) ?? .identity
      if case .function(.primitive(let p)) = op, p.name == "," { try Amend.checkAppend(current, v) }
      let r = try Amend.applyOp(self, op, current, v)
      try assignName(a.name, r, global: a.global)
      return r
    }
    current = try lookup(a.name)
    let updated = try Amend.amend(self, current, idx, op, v, depth: true)
    try assignName(a.name, updated, global: a.global)
    return v
  }
}

extension Interpreter {
  /// Match a value against a pattern and assign its names: `(a;b):x` takes x's
  /// items, `(a!b):d` a dictionary's keys and values, `(:`f):x` checks a type, a
  /// literal must match (`'match`), an empty slot ignores its item.
  func destructure(_ pattern: Node, _ v: Value, global: Bool) throws {
    switch pattern {
    case .name(let n): try assignName(n, v, global: global)
    case .group(let x), .located(_, let x): try destructure(x, v, global: global)
    case .empty: return
    case .constant(let c):
      if !Match.equal(c, v) { throw QError("match") }
    case .list(let items): try destructureItems(items.map { Optional($0) }, v, global: global)
    case .apply(.name("enlist"), let items): try destructureItems(items, v, global: global)
    case .apply(.verb("!"), let parts) where parts.count == 2:
      guard case .dict(let k, let d) = v else { throw QError.type }
      if let kp = parts[0] { try destructure(kp, k, global: global) }
      if let vp = parts[1] { try destructure(vp, d, global: global) }
    case .apply(.name(let n), let idx):
      // `(a[i]):x` amends the named value at i.
      let path = try idx.map { try $0.map { try eval($0) } ?? .identity }
      let updated = try Amend.amend(self, lookup(n), path, .function(.primitive(Primitives.byName[":"]!)), v, depth: true)
      try assignName(n, updated, global: global)
    case .ret(let t):
      _ = try filterPattern(eval(t), v)
    case .assign(let inner):
      // `(p:`t):x` checks the type, `(p:f):x` passes x through f; then p matches.
      let w = try filterPattern(eval(inner.value), v)
      if let p = inner.pattern { try destructure(p, w, global: global) } else { try assignName(inner.name, w, global: global) }
    default:
      throw QError.nyi
    }
  }

  func destructureItems(_ items: [Node?], _ v: Value, global: Bool) throws {
    guard !v.isAtom else { throw QError.type }
    guard v.count == items.count else { throw QError.length }
    for (j, p) in items.enumerated() {
      if let p { try destructure(p, v.item(j), global: global) }
    }
  }

  func filterPattern(_ f: Value, _ v: Value) throws -> Value {
    if case .function = f { return try apply(f, [v]) }
    try checkPatternType(f, v)
    return v
  }

  /// A type letter: lower case names an atom type, upper case a vector of it.
  func checkPatternType(_ t: Value, _ v: Value) throws {
    guard case .symbol(let s) = t, let c = s.unicodeScalars.first, s.count == 1 else { throw QError.type }
    let lower = Character(String(c).lowercased())
    guard let code = QType.from(letter: lower) else { throw QError.type }
    let want = Int(c.properties.isUppercase ? code.rawValue : -code.rawValue)
    if v.type != want { throw QError.type }
  }
}
