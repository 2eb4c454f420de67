import QValues

/// `not`, `null`, `and`, `or`, `all`, `any`.
enum Logic {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("not", monad: { _, x in try not(x) }),
    PrimitiveDef("null", monad: { _, x in try null(x) }),
    PrimitiveDef("and", dyad: { _, x, y in try Arithmetic.dyad(.min, x, y) }),
    PrimitiveDef("or", dyad: { _, x, y in try Arithmetic.dyad(.max, x, y) }),
    PrimitiveDef("all", monad: { _, x in try all(x) }),
    PrimitiveDef("any", monad: { _, x in try any(x) }),
  ]

  static func not(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      guard let t = Numeric.qtype(v), t != .symbol, t != .guid else { throw QError.type }
      if let d = Numeric.doubles(v.replacingChars) {
        let r = d.map { $0 == 0 }
        return v.isAtom ? .bool(r[0]) : .bools(r)
      }
      throw QError.type
    }
  }

  static func null(_ x: Value) throws -> Value {
    try Atomic.monad(x) { v in
      if v.isAtom { return .bool(v.isNull) }
      if case .vector(let vec) = v {
        switch vec.storage {
        case .float(let a): return .bools(a.map { $0.isNaN })
        case .long(let a): return .bools(a.map { $0 == Nulls.long })
        case .int(let a): return .bools(a.map { $0 == Nulls.int })
        default: return .bools((0..<vec.count).map { vec[$0].isNull })
        }
      }
      return .bool(v.isNull)
    }
  }

  static func all(_ x: Value) throws -> Value {
    if case .table(let t) = x { return .dict(.symbols(t.names), Value.fromItems(try t.columns.map(all))) }
    if case .dict(_, let v) = x { return try all(v) }
    if x.isAtom { return .bool(try Interpreter.truthyAtom(x)) }
    if case .vector(let v) = x, case .bool(let a) = v.storage { return .bool(!a.contains(false)) }
    return .bool(try x.items.allSatisfy { try Interpreter.truthyAtom($0) })
  }

  static func any(_ x: Value) throws -> Value {
    if case .table(let t) = x { return .dict(.symbols(t.names), Value.fromItems(try t.columns.map(any))) }
    if case .dict(_, let v) = x { return try any(v) }
    if x.isAtom { return .bool(try Interpreter.truthyAtom(x)) }
    if case .vector(let v) = x, case .bool(let a) = v.storage { return .bool(a.contains(true)) }
    return .bool(try x.items.contains { try Interpreter.truthyAtom($0) })
  }
}

extension Interpreter {
  static func truthyAtom(_ v: Value) throws -> Bool {
    switch v {
    case .bool(let b): return b
    case .symbol, .guid: throw QError.type
    default:
      guard let d = Numeric.doubles(v.replacingChars), d.count == 1 else { throw QError.type }
      return d[0] != 0
    }
  }
}
