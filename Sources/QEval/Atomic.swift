import QValues

/// Atomic extension, written once: a kernel that knows atoms and simple vectors is
/// lifted over general lists, dictionaries and tables here.
enum Atomic {
  /// Lift a monadic kernel over lists, dictionaries and tables.
  static func monad(_ x: Value, _ kernel: (Value) throws -> Value) throws -> Value {
    switch x {
    case .list(let items): return Value.fromItems(try items.map { try monad($0, kernel) })
    case .dict(let k, let v): return .dict(k, try monad(v, kernel))
    case .table(let t): return .table(Table(names: t.names, columns: try t.columns.map { try monad($0, kernel) }))
    default: return try kernel(x)
    }
  }

  /// Lift a dyadic kernel: lengths must agree, atoms extend, dictionaries align by key.
  static func dyad(_ x: Value, _ y: Value, _ kernel: (Value, Value) throws -> Value) throws -> Value {
    switch (x, y) {
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { throw QError.length }
      return Value.fromItems(try zip(a, b).map { try dyad($0, $1, kernel) })
    case (.list(let a), _):
      if y.isAtom || y.isFunction { return Value.fromItems(try a.map { try dyad($0, y, kernel) }) }
      if case .vector(let v) = y {
        guard v.count == a.count else { throw QError.length }
        return Value.fromItems(try a.indices.map { try dyad(a[$0], v[$0], kernel) })
      }
    case (_, .list(let b)):
      if x.isAtom { return Value.fromItems(try b.map { try dyad(x, $0, kernel) }) }
      if case .vector(let v) = x {
        guard v.count == b.count else { throw QError.length }
        return Value.fromItems(try b.indices.map { try dyad(v[$0], b[$0], kernel) })
      }
    default: break
    }
    switch (x, y) {
    case (.dict(let kx, let vx), .dict(let ky, let vy)):
      return try dictMerge(kx, vx, ky, vy, kernel)
    case (.dict(let k, let v), _):
      if case .table = y { break }
      return .dict(k, try dyad(v, y, kernel))
    case (_, .dict(let k, let v)):
      if case .table = x { break }
      return .dict(k, try dyad(x, v, kernel))
    case (.table(let t), .table(let u)):
      guard t.names == u.names, t.count == u.count else { throw QError.length }
      return .table(Table(names: t.names, columns: try zip(t.columns, u.columns).map { try dyad($0, $1, kernel) }))
    case (.table(let t), _):
      return .table(Table(names: t.names, columns: try t.columns.map { try dyad($0, y, kernel) }))
    case (_, .table(let t)):
      return .table(Table(names: t.names, columns: try t.columns.map { try dyad(x, $0, kernel) }))
    default: break
    }
    if case .vector(let a) = x, case .vector(let b) = y, a.count != b.count { throw QError.length }
    return try kernel(x, y)
  }

  /// Keys of both sides; where both have a key the kernel combines, else the value passes through.
  static func dictMerge(_ kx: Value, _ vx: Value, _ ky: Value, _ vy: Value, _ kernel: (Value, Value) throws -> Value) throws -> Value {
    let xk = kx.items, yk = ky.items
    var keys = xk
    var vals = vx.items
    let yv = vy.items
    for (j, k) in yk.enumerated() {
      if let i = keys.firstIndex(where: { Match.equal($0, k) }) {
        vals[i] = try dyad(vals[i], yv[j], kernel)
      } else {
        keys.append(k)
        vals.append(yv[j])
      }
    }
    return .dict(Value.fromItems(keys), Value.fromItems(vals))
  }
}
