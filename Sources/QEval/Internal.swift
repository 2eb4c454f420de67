import QValues

/// Internal functions `-n!x` that q code commonly uses.
enum Internal {
  static func call(_ i: Interpreter, _ n: Int, _ x: Value) throws -> Value {
    switch n {
    case -3: return .string(Format.shortForm(x))
    case -33: return .bytes(Digest.sha1(try Digest.bytes(of: x)))
    case -4: return try Strings.tokens(x)
    case -27:
      // -27!(n;x): floats with n decimals.
      guard case .list(let a) = x, a.count == 2 else { throw QError.type }
      return try Atomic.monad(a[1]) { try DotQ.fixed($0, decimals: a[0]) }
    case -1, -2, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18, -19, -20, -21, -22, -23, -24, -25, -26, -27, -29, -30, -31, -33, -35, -36, -37, -38:
      if let h = i.internalHook, let r = try h(n, x) { return r }
      throw QError.nyi
    default: throw QError.nyi
    }
  }
}

/// `n?x`: random draws. A fixed seed keeps runs repeatable, as q's does.
enum Random {
  nonisolated(unsafe) static var state: UInt64 = 0x9E37_79B9_7F4A_7C15

  static func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }

  static func roll(_ x: Value, _ y: Value) throws -> Value {
    guard let n = x.asInt else { throw QError.type }
    let deal = n < 0
    let count = abs(n)
    if let t = y.atomType {
      switch t {
      case .float:
        guard case .float(let m, _) = y else { throw QError.type }
        return .floats((0..<count).map { _ in Double(next() >> 11) / Double(1 << 53) * m })
      case .long, .int, .short:
        guard let m = y.asInt, m > 0 else { throw QError.domain }
        if deal {
          guard count <= m else { throw QError.length }
          var pool = Array(0..<m)
          for k in 0..<count { let j = k + Int(next() % UInt64(m - k)); pool.swapAt(k, j) }
          return Numeric.make(pool[0..<count].map { Int64($0) }, t, atom: false)
        }
        return Numeric.make((0..<count).map { _ in Int64(next() % UInt64(m)) }, t, atom: false)
      case .boolean:
        return .bools((0..<count).map { _ in next() & 1 == 1 })
      case .symbol:
        guard case .symbol(let s) = y, s.isEmpty == false else { throw QError.type }
        throw QError.nyi
      default: throw QError.nyi
      }
    }
    let items = y.items
    guard !items.isEmpty else { throw QError.length }
    if deal {
      guard count <= items.count else { throw QError.length }
      var pool = Array(0..<items.count)
      for k in 0..<count { let j = k + Int(next() % UInt64(items.count - k)); pool.swapAt(k, j) }
      return Value.fromItems(pool[0..<count].map { items[$0] })
    }
    return Value.fromItems((0..<count).map { _ in items[Int(next() % UInt64(items.count))] })
  }
}

/// `0:` and `1:` file verbs: reading and writing text and bytes.
enum Files {
  static let definitions: [PrimitiveDef] = []
  static func zeroColon(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value { try TextFile.zeroColon(i, x, y) }
  static func read1(_ i: Interpreter, _ x: Value) throws -> Value { try TextFile.read1(x) }
  static func oneColon(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value { try TextFile.oneColon(i, x, y) }
}

/// `$[c;t;f]` reached as a function value (`$` applied to three or more arguments).
enum Control {
  static func condFunction(_ i: Interpreter, _ a: [Value]) throws -> Value {
    var k = 0
    while k + 1 < a.count {
      if try i.truthy(a[k]) { return a[k + 1] }
      k += 2
    }
    return k < a.count ? a[k] : .identity
  }
}
