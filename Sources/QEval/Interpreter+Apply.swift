import QSyntax
import QValues

/// Application: of functions to arguments, of lists and dictionaries to indices
/// (indexing is application in q), and projection when arguments are missing.
extension Interpreter {
  public func apply(_ f: Value, _ args: [Value]) throws -> Value {
    switch f {
    case .function(let fn): return try applyFunction(fn, args)
    case .int, .long, .short:
      // A handle: 0 evaluates locally, 1 and 2 write, others go through IPC.
      guard args.count == 1, let h = f.asInt else { throw QError.rank }
      return try applyHandle(h, args[0])
    case .symbol(let name):
      // `name[i]` through a symbol: index the named global.
      let v = try lookup(name)
      return try index(v, args)
    default:
      return try index(f, args)
    }
  }

  public func applyMonadic(_ f: Value, _ x: Value) throws -> Value {
    if case .function(.primitive(let p)) = f, let m = Primitives.table[p.id].monad {
      return try m(self, x)
    }
    return try apply(f, [x])
  }

  func applyFunction(_ fn: Function, _ args: [Value]) throws -> Value {
    switch fn {
    case .lambda(let l):
      if args.count < l.rank { return try project(.function(fn), args.map { $0 } + Array(repeating: nil, count: l.rank - args.count)) }
      return try callLambda(l, args)
    case .primitive(let p):
      let def = Primitives.table[p.id]
      switch args.count {
      case 1:
        if p.valence == 1 || def.dyad == nil, let m = def.monad { return try m(self, args[0]) }
        if def.dyad != nil || def.nary != nil { return .function(.projection(.function(fn), [args[0], nil])) }
        throw QError.rank
      case 2:
        if let d = def.dyad { return try d(self, args[0], args[1]) }
        if let n = def.nary { return try n(self, args) }
        throw QError.rank
      default:
        if let n = def.nary { return try n(self, args) }
        throw QError.rank
      }
    case .projection(let g, let fixed):
      var full: [Value?] = []
      var rest = args[...]
      for slot in fixed {
        if let v = slot { full.append(v) } else if let a = rest.popFirst() { full.append(a) } else { full.append(nil) }
      }
      full.append(contentsOf: rest.map { Optional($0) })
      if full.contains(where: { $0 == nil }) { return try project(g, full) }
      return try apply(g, full.map { $0! })
    case .composition(let parts):
      guard let last = parts.last else { throw QError.rank }
      var r = try apply(last, args)
      for g in parts.dropLast().reversed() { r = try applyMonadic(g, r) }
      return r
    case .derived(let adverb, let g):
      return try applyDerived(adverb, g, args)
    }
  }

  /// Fix the given arguments and leave the `nil` ones open.
  func project(_ f: Value, _ args: [Value?]) throws -> Value {
    if case .function(.lambda(let l)) = f, args.count > max(l.rank, 1) { throw QError.rank }
    if case .function(.projection(let g, let fixed)) = f {
      // Fill the inner projection's holes first.
      var merged: [Value?] = []
      var rest = args[...]
      for slot in fixed {
        if let v = slot { merged.append(v) } else { merged.append(rest.popFirst() ?? nil) }
      }
      merged.append(contentsOf: rest)
      return .function(.projection(g, merged))
    }
    return .function(.projection(f, args))
  }

  func applyHandle(_ h: Int, _ x: Value) throws -> Value {
    switch h {
    case 0:
      if case .list = x { return try evalParseTree(x) }
      guard case .vector(let v) = x, case .char(let a) = v.storage else {
        if case .char(let c) = x { return try evaluate(String(decoding: [c], as: UTF8.self)) ?? .identity }
        throw QError.type
      }
      return try evaluate(String(decoding: a, as: UTF8.self)) ?? .identity
    case 1, 2, -1, -2:
      let text = try textForHandleWrite(x, newline: h < 0)
      if abs(h) == 1 { writeOut(text) } else { writeErr(text) }
      return h < 0 ? x : .int(Int32(h), .int)
    default:
      // `neg[h][]` flushes and `h[]` waits for the next async message: `::` goes through.
      if h == Int.min || h == Int(Int32.min) { throw QError.type }
      guard let p = handles else { throw QError("Cannot write to handle \(h). OS reports: Bad file descriptor") }
      return try p.send(handle: abs(h), x, async: h < 0)
    }
  }

  func textForHandleWrite(_ x: Value, newline: Bool) throws -> String {
    switch x {
    case .vector(let v):
      if case .char(let a) = v.storage { return String(decoding: a, as: UTF8.self) + (newline ? "\n" : "") }
      throw QError.type
    case .char(let c): return String(decoding: [c], as: UTF8.self) + (newline ? "\n" : "")
    case .list(let items):
      var out = ""
      for i in items {
        guard case .vector(let v) = i, case .char(let a) = v.storage else {
          if case .char(let c) = i { out += String(decoding: [c], as: UTF8.self) + "\n"; continue }
          throw QError.type
        }
        out += String(decoding: a, as: UTF8.self) + "\n"
      }
      return out
    default: throw QError.type
    }
  }

  // MARK: indexing

  /// `x[i;j;...]`: index at depth; an elided (`::`) index takes every item.
  public func index(_ x: Value, _ idx: [Value]) throws -> Value {
    guard let first = idx.first else { return x }
    if idx.count == 1 { return try index1(x, first) }
    let rest = Array(idx.dropFirst())
    if case .table = x, !first.isIdentity {
      // t[i;`c]: row(s) then column
      return try index(index1(x, first), rest)
    }
    if first.isIdentity {
      if case .dict(let k, let v) = x, !k.isTable { return .dict(k, try index(v, idx)) }
      return Value.fromItems(try x.items.map { try index($0, rest) })
    }
    let picked = try index1(x, first)
    if first.isAtom { return try index(picked, rest) }
    return Value.fromItems(try picked.items.map { try index($0, rest) })
  }

  /// One level of indexing, with the index's shape giving the result's shape.
  public func index1(_ x: Value, _ i: Value) throws -> Value {
    if i.isIdentity { return x }
    switch x {
    case .vector(let v):
      switch i {
      case .long(let k, _): return k >= 0 && k < v.count ? v[Int(k)] : Nulls.atom(v.type)
      case .int, .short, .bool, .byte:
        let k = i.asInt!
        return k >= 0 && k < v.count ? v[k] : Nulls.atom(v.type)
      case .vector(let iv):
        guard let positions = iv.positions else { throw QError.type }
        return .vector(v.gather(positions))
      case .list, .dict: return try mapIndex(x, i)
      default: throw QError.type
      }
    case .list(let items):
      if let k = i.asInt, i.isAtom {
        return k >= 0 && k < items.count ? items[k] : (items.first?.nullOfSameShape ?? .identity)
      }
      if case .vector(let iv) = i, let positions = iv.positions {
        return Value.fromItems(positions.map { $0 >= 0 && $0 < items.count ? items[$0] : (items.first?.nullOfSameShape ?? .identity) })
      }
      if case .list = i { return try mapIndex(x, i) }
      throw QError.type
    case .dict(let keys, let vals):
      if case .table = keys { return try keyedTableLookup(keys, vals, i) }
      let pos = try Search.find(keys, i)
      return try indexWithNullFill(vals, pos)
    case .table(let t):
      if case .symbol(let s) = i {
        guard let c = t.names.firstIndex(of: s) else { throw QError(s) }
        return t.columns[c]
      }
      if case .vector(let iv) = i, case .symbol(let syms) = iv.storage {
        return .list(try syms.map { s in
          guard let c = t.names.firstIndex(of: s) else { throw QError(s) }
          return t.columns[c]
        })
      }
      if i.isAtom, i.asInt != nil { return x.item(i.asInt!) }
      if case .vector(let iv) = i, iv.positions != nil {
        return .table(Table(names: t.names, columns: try t.columns.map { try index1($0, i) }))
      }
      throw QError.type
    case .function:
      return try apply(x, [i])
    case .identity:
      return i
    default:
      // Indexing an atom returns it (q's "atom indexing" for constants) except for errors.
      if x.isAtom { throw QError.type }
      throw QError.type
    }
  }

  func mapIndex(_ x: Value, _ i: Value) throws -> Value {
    if case .dict(let k, let v) = i { return .dict(k, try mapIndex(x, v)) }
    return Value.fromItems(try i.items.map { try index1(x, $0) })
  }

  /// Index values by positions from a key search; misses give nulls.
  func indexWithNullFill(_ vals: Value, _ pos: Value) throws -> Value {
    try index1(vals, pos)
  }

  func keyedTableLookup(_ keys: Value, _ vals: Value, _ i: Value) throws -> Value {
    guard case .table(let kt) = keys else { throw QError.type }
    // Look a key up as a row of the key table.
    var probe = i
    if kt.names.count == 1, i.isAtom { probe = .list([i]) }
    if case .dict(_, let dv) = i { probe = dv }
    if case .table(let pt) = i {
      let rows = try (0..<pt.count).map { r -> Int in try rowPosition(kt, pt.columns.map { $0.item(r) }) }
      return try index1(vals, .longs(rows.map { Int64($0) }))
    }
    let items = probe.items
    let row = try rowPosition(kt, items)
    return vals.item(row)
  }

  func rowPosition(_ kt: Table, _ key: [Value]) throws -> Int {
    guard key.count == kt.names.count else { throw QError.length }
    outer: for r in 0..<kt.count {
      for (c, col) in kt.columns.enumerated() where !Match.equal(col.item(r), key[c]) { continue outer }
      return r
    }
    return kt.count
  }
}

extension Value {
  var isIdentity: Bool { if case .identity = self { return true } else { return false } }
}

extension Vector {
  /// Integral storage as Int positions; nil for non-integral types.
  var positions: [Int]? {
    switch storage {
    case .long(let a): return a.map { Int(truncatingIfNeeded: $0) }
    case .int(let a): return a.map { $0 == Nulls.int ? -1 : Int($0) }
    case .short(let a): return a.map { Int($0) }
    case .bool(let a): return a.map { $0 ? 1 : 0 }
    case .byte(let a): return a.map { Int($0) }
    default: return nil
    }
  }
}
