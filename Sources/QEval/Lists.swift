import QValues

/// Structural verbs: building, taking apart and reshaping lists.
enum Lists {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("til", monad: { _, x in try til(x) }),
    PrimitiveDef("count", monad: { _, x in .j(x.count) }),
    PrimitiveDef("first", monad: { _, x in try first(x) }),
    PrimitiveDef("last", monad: { _, x in try last(x) }),
    PrimitiveDef("enlist", monad: { _, x in enlist(x) }, nary: { _, a in Value.fromItems(a) }),
    PrimitiveDef("reverse", monad: { _, x in try reverse(x) }),
    PrimitiveDef("where", monad: { _, x in try where_(x) }),
    PrimitiveDef("raze", monad: { _, x in try raze(x) }),
    PrimitiveDef("group", monad: { _, x in try group(x) }),
    PrimitiveDef("fill", dyad: { _, x, y in try fill(x, y) }),
    PrimitiveDef("sublist", dyad: { _, x, y in try sublist(x, y) }),
    PrimitiveDef("rotate", dyad: { _, x, y in try rotate(x, y) }),
    PrimitiveDef("cut", dyad: { _, x, y in try cut(x, y) }),
  ]

  static func til(_ x: Value) throws -> Value {
    guard x.isAtom, let n = x.asInt, x.atomType?.isIntegral == true else { throw QError.type }
    guard n >= 0 else { throw QError.domain }
    try checkSize(n)
    return .longs([Int64](unsafeUninitializedCapacity: n) { buf, c in
      for i in 0..<n { buf[i] = Int64(i) }
      c = n
    })
  }

  /// Lists beyond this many items are refused, as q refuses allocations it cannot make.
  static let maxItems = 1 << 29

  static func checkSize(_ n: Int) throws {
    if n > maxItems { throw QError("wsfull") }
  }

  static func first(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v): return v.count > 0 ? v[0] : Nulls.atom(v.type)
    case .list(let a): return a.first ?? .identity
    case .dict(_, let v): return try first(v)
    case .table(let t): return t.count > 0 ? x.item(0) : .dict(.symbols(t.names), .list(t.columns.map { $0.nullOfSameShape }))
    default: return x
    }
  }

  static func last(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v): return v.count > 0 ? v[v.count - 1] : Nulls.atom(v.type)
    case .list(let a): return a.last ?? .identity
    case .dict(_, let v): return try last(v)
    case .table(let t): return t.count > 0 ? x.item(t.count - 1) : try first(x)
    default: return x
    }
  }

  static func enlist(_ x: Value) -> Value {
    if let t = x.atomType { return .vector(Value.vectorOfAtoms([x], t)) }
    if case .dict(.vector(let k), let v) = x, k.type == .symbol {
      return .table(Table(names: k.count > 0 ? { if case .symbol(let s) = k.storage { return s } else { return [] } }() : [],
                          columns: v.items.map { enlist($0) }))
    }
    return .list([x])
  }

  static func reverse(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v): return .vector(v.gather(Array((0..<v.count).reversed())))
    case .list(let a): return .list(a.reversed())
    case .dict(let k, let v): return .dict(try reverse(k), try reverse(v))
    case .table(let t): return .table(Table(names: t.names, columns: try t.columns.map(reverse)))
    default: return x
    }
  }

  static func where_(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v):
      if case .bool(let a) = v.storage {
        return .longs(whereTrue(a))
      }
      guard let counts = Numeric.longs(x), v.type.isIntegral else { throw QError.type }
      var total = 0
      for c in counts where c > 0 { total = total &+ Int(c); if total > maxItems || total < 0 { throw QError("wsfull") } }
      var out: [Int64] = []
      out.reserveCapacity(total)
      for (i, c) in counts.enumerated() where c > 0 { out += Array(repeating: Int64(i), count: Int(c)) }
      return .longs(out)
    case .dict(let k, let v):
      guard case .vector(let iv) = try where_(v), case .long(let pos) = iv.storage else { throw QError.type }
      return try Interpreter.shared.index1(k, .longs(pos))
    case .bool(let b): return b ? .vector(Vector(.long, .long([0]))) : .longs([])
    case .list(let a) where a.isEmpty: return .longs([])
    default:
      if let n = x.asInt, x.isAtom {
        try checkSize(n)
        return .longs(Array(repeating: 0, count: max(n, 0)))
      }
      throw QError.type
    }
  }

  /// Positions of the true items: counted first, then written without branches
  /// (random booleans would defeat the branch predictor).
  static func whereTrue(_ a: [Bool]) -> [Int64] {
    a.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: UInt8.self) { bytes in
        var n = 0
        for b in bytes { n &+= Int(b) }
        return [Int64](unsafeUninitializedCapacity: n + 1) { out, count in
          var j = 0
          for i in 0..<bytes.count {
            out[j] = Int64(i)
            j &+= Int(bytes[i])
          }
          count = n
        }
      }
    }
  }

  static func raze(_ x: Value) throws -> Value {
    switch x {
    case .list(let a):
      guard var acc = a.first else { return x }
      if a.count == 1 { return acc.isAtom ? enlist(acc) : acc }
      for item in a.dropFirst() { acc = try join(acc, item) }
      return acc.isAtom ? enlist(acc) : acc
    case .dict(_, let v): return try raze(v)
    default: return x.isAtom ? enlist(x) : x
    }
  }

  /// `x,y`: join, keeping typed storage when both sides share a type.
  static func join(_ x: Value, _ y: Value) throws -> Value {
    if let r = try TableJoins.joinIfTable(x, y) { return r }
    switch (x, y) {
    case (.vector(let a), .vector(let b)) where a.type == b.type:
      return .vector(Vector(a.type, concat(a.storage, b.storage)))
    case (.vector(let a), _) where y.atomType == a.type:
      return try join(x, enlist(y))
    case (_, .vector(let b)) where x.atomType == b.type:
      return try join(enlist(x), y)
    case (.table(let t), .table(let u)):
      guard Set(t.names) == Set(u.names) else { throw QError.mismatch }
      let cols = try t.names.enumerated().map { i, n in try join(t.columns[i], u.columns[u.names.firstIndex(of: n)!]) }
      return .table(Table(names: t.names, columns: cols))
    case (.table, .dict(.vector, _)):
      return try join(x, enlist(y))
    case (.dict(.vector, _), .table):
      return try join(enlist(x), y)
    case (.dict(let k1, let v1), .dict(let k2, let v2)) where !x.isKeyedTable || !y.isKeyedTable:
      if case .table = k1 { break }
      var keys = k1.items, vals = v1.items
      for (k, v) in zip(k2.items, v2.items) {
        if let i = keys.firstIndex(where: { Match.equal($0, k) }) { vals[i] = v } else { keys.append(k); vals.append(v) }
      }
      return .dict(Value.fromItems(keys), Value.fromItems(vals))
    case (.dict(.table(let k1), .table(let v1)), .dict(.table(let k2), .table(let v2))):
      return try Tables.upsertKeyed(k1, v1, k2, v2)
    default: break
    }
    if (x.isDict && !x.isKeyedTable) != (y.isDict && !y.isKeyedTable) { throw QError.type }
    let left = x.isAtom || x.isDict ? [x] : x.items
    let right = y.isAtom || y.isDict ? [y] : y.items
    let all = left + right
    if case .list = x, case .list = y { return .list(all) }
    return Value.fromItems(all)
  }

  static func concat(_ a: Vector.Storage, _ b: Vector.Storage) -> Vector.Storage {
    switch (a, b) {
    case (.bool(let p), .bool(let q)): return .bool(p + q)
    case (.guid(let p), .guid(let q)): return .guid(p + q)
    case (.byte(let p), .byte(let q)): return .byte(p + q)
    case (.char(let p), .char(let q)): return .char(p + q)
    case (.short(let p), .short(let q)): return .short(p + q)
    case (.int(let p), .int(let q)): return .int(p + q)
    case (.long(let p), .long(let q)): return .long(p + q)
    case (.real(let p), .real(let q)): return .real(p + q)
    case (.float(let p), .float(let q)): return .float(p + q)
    case (.symbol(let p), .symbol(let q)): return .symbol(p + q)
    default: return a
    }
  }

  /// `n#x`: take from the front (or back when negative), repeating cyclically;
  /// a shape vector reshapes; symbols pick columns or set an attribute.
  static func take(_ x: Value, _ y: Value) throws -> Value {
    if case .symbol(let s) = x, Attributes.isAttribute(s) { return try Attributes.apply(s, y) }
    if case .symbol = x { return try Tables.takeColumns(x, y) }
    if case .table(let keys) = x, case .dict(.table(let k), .table(let v)) = y { return try TableJoins.takeKeys(keys, k, v) }
    if case .vector(let sv) = x, sv.type == .symbol { return try Tables.takeColumns(x, y) }
    if case .vector(let sv) = x, sv.type.isIntegral, let shape = Numeric.longs(x) {
      if shape.count == 1 { return try take(.j(shape[0]), y) }
      if shape.isEmpty { return try first(y) }
      return try reshape(shape, y)
    }
    if case .table = x, case .dict(let k, let v) = y, case .table = k {
      // Rows of a keyed table picked by a table of keys.
      let pos = try Search.query(Interpreter.shared, k, x)
      return .dict(try Interpreter.shared.index1(k, pos), try Interpreter.shared.index1(v, pos))
    }
    guard x.isAtom, var n = x.asInt, x.atomType?.isIntegral == true else { throw QError.type }
    // A null count takes everything.
    if x.isNull { n = y.isAtom ? 1 : y.count }
    guard n != Int.min else { throw QError("wsfull") }
    try checkSize(Swift.abs(n))
    switch y {
    case .dict(let k, let v):
      return .dict(try take(x, k), try take(x, v))
    case .table(let t):
      return .table(Table(names: t.names, columns: try t.columns.map { try take(x, $0) }))
    default: break
    }
    let count = y.isAtom ? 1 : y.count
    let src = y.isAtom ? Lists.enlist(y) : y
    let m = Swift.abs(n)
    if count == 0 {
      if case .vector(let v) = src { return .vector(v.gather(Array(repeating: -1, count: m))) }
      return .list(Array(repeating: .identity, count: m))
    }
    if case .vector(let v) = src, n >= 0, m <= count { return .vector(v.slice(0..<m)) }
    if case .vector(let v) = src, n < 0, m <= count { return .vector(v.slice((count - m)..<count)) }
    let idx: [Int] = n >= 0 ? (0..<m).map { $0 % count } : (0..<m).map { i in ((count - m + i) % count + count) % count }
    switch src {
    case .vector(let v): return .vector(v.gather(idx))
    case .list(let a): return .list(idx.map { a[$0] })
    default: throw QError.type
    }
  }

  /// Items `r` of a list (a slice of a vector, rows of a table).
  static func slice(_ y: Value, _ r: Range<Int>) throws -> Value {
    switch y {
    case .vector(let v): return .vector(v.slice(r))
    case .list(let a): return .list(Array(a[r]))
    default: return try Interpreter.shared.index1(y, .longs(r.map { Int64($0) }))
    }
  }

  /// `2 3#y`, `0N 3#y`, `3 0N#y`, `2 2 3#y`: a matrix or higher array filled from y.
  static func reshape(_ shape: [Int64], _ y: Value) throws -> Value {
    let null = Nulls.long
    let src = y.isAtom ? enlist(y) : y
    let n = src.count
    if shape.count == 2 && (shape[0] == null || shape[1] == null) {
      let (r, c) = (shape[0], shape[1])
      if r == null && c == null { throw QError.domain }
      if r == null {
        guard c > 0 else { throw QError.domain }
        let cols = Int(c)
        let rows = (n + cols - 1) / cols
        return .list(try (0..<rows).map { i in try slice(src, (i * cols)..<Swift.min(n, (i + 1) * cols)) })
      }
      guard r >= 0 else { throw QError.domain }
      let rows = Int(r)
      if rows == 0 { return .list([]) }
      let per = n / rows
      return .list(try (0..<rows).map { i in try slice(src, (i * per)..<(i == rows - 1 ? n : (i + 1) * per)) })
    }
    if shape.contains(where: { $0 < 0 }) { throw QError.domain }
    if shape.count > 2, shape.dropLast().contains(0) { throw QError.domain }
    let dims = shape.map { Int($0) }
    var total = 1
    for d in dims { total = total.multipliedReportingOverflow(by: d).overflow ? Int.max : total * d }
    guard total < 1 << 31 else { throw QError("limit") }
    if total > 0 && n == 0 { throw QError.length }
    let flat = total == 0 ? try take(.j(0), src) : try take(.j(total), src)
    var offset = 0
    func build(_ level: Int) throws -> Value {
      if level == dims.count - 1 {
        defer { offset += dims[level] }
        return try slice(flat, offset..<(offset + dims[level]))
      }
      return .list(try (0..<dims[level]).map { _ in try build(level + 1) })
    }
    return try build(0)
  }

  /// `n _ x` drops from the front or back; `i _ x` with a vector cuts; `x _ i` removes
  /// an item; keys drop entries from a dictionary and symbols drop columns from a table.
  static func drop(_ x: Value, _ y: Value) throws -> Value {
    if case .table = y {
      if x.isAtom, x.atomType?.isIntegral == true { return try dropCount(x, y) }
      if case .vector(let v) = x, v.type == .symbol {
        guard case .table(let t) = y else { throw QError.type }
        let names = Comparison.symbols(x)
        let keep = t.names.indices.filter { !names.contains(t.names[$0]) }
        return .table(Table(names: keep.map { t.names[$0] }, columns: keep.map { t.columns[$0] }))
      }
      if case .vector(let v) = x, v.type.isIntegral { return try cut(x, y) }
      throw QError.type
    }
    if case .dict = y, !y.isKeyedTable {
      if x.isAtom, x.atomType?.isIntegral == true { return try dropCount(x, y) }
      return try removeKeys(y, x.isAtom ? [x] : x.items)
    }
    if case .dict = x, !x.isKeyedTable {
      guard y.isAtom else { throw QError.type }
      return try removeKeys(x, [y])
    }
    if case .table = x { throw QError.type }
    if x.isAtom, x.atomType?.isIntegral == true, !y.isAtom { return try dropCount(x, y) }
    if case .vector(let v) = x, v.type.isIntegral, !y.isAtom { return try cut(x, y) }
    if !x.isAtom, y.isAtom, let i = y.asInt, y.atomType?.isIntegral == true {
      let c = x.count
      let keep = (0..<c).filter { $0 != i }.map { Int64($0) }
      return try Interpreter.shared.index1(x, .longs(keep))
    }
    throw QError.type
  }

  static func dropCount(_ x: Value, _ y: Value) throws -> Value {
    guard let n = x.asInt else { throw QError.type }
    switch y {
    case .dict(let k, let v): return .dict(try dropCount(x, k), try dropCount(x, v))
    case .table(let t): return .table(Table(names: t.names, columns: try t.columns.map { try dropCount(x, $0) }))
    default: break
    }
    let c = y.count
    let r = n >= 0 ? Swift.min(n, c)..<c : 0..<Swift.max(c + n, 0)
    return try slice(y, r)
  }

  static func removeKeys(_ d: Value, _ drop: [Value]) throws -> Value {
    guard case .dict(let k, let v) = d else { throw QError.type }
    let keep = k.items.indices.filter { i in !drop.contains { Match.equal($0, k.item(i)) } }
    let pos = Value.longs(keep.map { Int64($0) })
    return .dict(try Interpreter.shared.index1(k, pos), try Interpreter.shared.index1(v, pos))
  }

  static func cut(_ x: Value, _ y: Value) throws -> Value {
    if x.isAtom, let n = x.asInt {
      guard n > 0 else { throw QError.domain }
      let c = y.count
      let starts = stride(from: 0, to: c, by: n).map { Int64($0) }
      return try cut(.longs(starts), y)
    }
    guard case .vector(let v) = x, let starts = v.positions else { throw QError.type }
    let c = y.count
    var parts: [Value] = []
    for (j, s) in starts.enumerated() {
      let e = j + 1 < starts.count ? starts[j + 1] : c
      guard s >= 0, s <= c, e >= s, e <= c else { throw QError.domain }
      switch y {
      case .vector(let vec): parts.append(.vector(vec.slice(s..<e)))
      case .list(let a): parts.append(.list(Array(a[s..<e])))
      case .table: parts.append(try Interpreter.shared.index1(y, .longs((s..<e).map { Int64($0) })))
      default: throw QError.type
      }
    }
    return .list(parts)
  }

  static func group(_ x: Value) throws -> Value {
    if case .vector(let v) = x {
      switch v.storage {
      case .long(let a): return groupTyped(a, v)
      case .int(let a): return groupTyped(a, v)
      case .symbol(let a): return groupTyped(a, v)
      case .char(let a), .byte(let a): return groupTyped(a, v)
      default: break
      }
    }
    if case .dict(let k, let v) = x {
      // group of a dictionary maps each distinct value to the keys holding it
      guard case .dict(let gk, let gv) = try group(v) else { throw QError.type }
      return .dict(gk, .list(try gv.items.map { try Interpreter.shared.index1(k, $0) }))
    }
    let items = x.items
    var keys: [Value] = []
    var groups: [[Int64]] = []
    var seen: [HashKey: Int] = [:]
    for (i, v) in items.enumerated() {
      let h = HashKey(v)
      if let g = seen[h] { groups[g].append(Int64(i)) } else {
        seen[h] = keys.count
        keys.append(v)
        groups.append([Int64(i)])
      }
    }
    return .dict(Value.fromItems(keys), .list(groups.map { .longs($0) }))
  }

  /// Group a vector whose elements hash exactly: first-seen order, no boxing.
  static func groupTyped<T: Hashable>(_ a: [T], _ v: Vector) -> Value {
    var slot: [T: Int] = [:]
    var firsts: [Int] = []
    var groups: [[Int64]] = []
    for (i, e) in a.enumerated() {
      if let g = slot[e] { groups[g].append(Int64(i)) } else {
        slot[e] = groups.count
        firsts.append(i)
        groups.append([Int64(i)])
      }
    }
    return .dict(.vector(v.gather(firsts)), .list(groups.map { .longs($0) }))
  }

  /// `x^y`: y with its nulls replaced by x, in the higher of the two types.
  static func fill(_ x: Value, _ y: Value) throws -> Value {
    if case .dict(.table(let k1), .table(let v1)) = x {
      guard case .dict(.table(let k2), .table(let v2)) = y else { throw QError.type }
      return try coalesce(k1, v1, k2, v2)
    }
    return try Atomic.dyad(x, y) { a, b in try fillKernel(a, b) }
  }

  /// Keyed tables: join them, but nulls in y's rows keep x's values.
  static func coalesce(_ k1: Table, _ v1: Table, _ k2: Table, _ v2: Table) throws -> Value {
    let i = Interpreter.shared!
    let pos = try Search.query(i, .table(k1), .table(k2))
    let cols = try v2.names.indices.map { c -> Value in
      guard let j = v1.names.firstIndex(of: v2.names[c]) else { return v2.columns[c] }
      return try fill(try i.index1(v1.columns[j], pos), v2.columns[c])
    }
    return try join(.dict(.table(k1), .table(v1)), .dict(.table(k2), .table(Table(names: v2.names, columns: cols))))
  }

  static func fillKernel(_ x: Value, _ y: Value) throws -> Value {
    guard let tx = Numeric.qtype(x), let ty = Numeric.qtype(y) else { throw QError.type }
    let atom = x.isAtom && y.isAtom
    let xa = x.isAtom, ya = y.isAtom
    if tx == .symbol || ty == .symbol || tx == .guid || ty == .guid {
      guard tx == ty else { throw QError.type }
      let n = ya ? (xa ? 1 : x.count) : y.count
      let xs = x.items, ys = y.items
      let out = (0..<n).map { i -> Value in
        let e = ys[ya ? 0 : i]
        return e.isNull ? xs[xa ? 0 : i] : e
      }
      return atom ? out[0] : Value.fromItems(out)
    }
    guard let r = Arithmetic.extremeType(tx, ty) else { throw QError.type }
    if tx != ty && tx.isTemporal && ty.isTemporal {
      func cast(_ v: Value) throws -> Value {
        v.isAtom ? try Cast.to(r, v) : .vector(Value.vectorOfAtoms(try v.items.map { try Cast.to(r, $0) }, r))
      }
      return try fillKernel(try cast(x), try cast(y))
    }
    if r.storageKind == .float || r.storageKind == .real {
      guard let a = Arithmetic.doubles(x, tx, into: r), let b = Arithmetic.doubles(y, ty, into: r) else { throw QError.type }
      return Numeric.make(Arithmetic.zipWith(a, xa, b, ya) { p, q in q.isNaN ? p : q }, r, atom: atom)
    }
    guard let a = Arithmetic.longs(x, tx, into: r), let b = Arithmetic.longs(y, ty, into: r) else { throw QError.type }
    let null: Int64? = r == .char ? 32 : r.storageKind == .bool || r.storageKind == .byte ? nil : Arithmetic.integralNull(r)
    guard let null else { return Numeric.make(Arithmetic.zipWith(a, xa, b, ya) { _, q in q }, r, atom: atom) }
    return Numeric.make(Arithmetic.zipWith(a, xa, b, ya) { p, q in q == null ? p : q }, r, atom: atom)
  }

  /// `n sublist y` takes at most n items from the front (back when negative);
  /// `i n sublist y` at most n items from position i.
  static func sublist(_ x: Value, _ y: Value) throws -> Value {
    if case .dict(let k, let v) = y, !y.isKeyedTable { return .dict(try sublist(x, k), try sublist(x, v)) }
    if y.isAtom { throw QError.type }
    let c = y.count
    if x.isAtom, let n = x.asInt {
      let r = n >= 0 ? 0..<min(n, c) : max(c &+ n, 0)..<c
      return try slice(y, r)
    }
    guard case .vector(let v) = x, let p = v.positions, p.count == 2 else { throw QError.type }
    guard p[0] >= 0, p[1] >= 0 else { throw QError.domain }
    let s = min(p[0], c), e = min(p[0] &+ min(p[1], c), c)
    return try slice(y, s..<e)
  }

  static func rotate(_ x: Value, _ y: Value) throws -> Value {
    guard let n = x.asInt else { throw QError.type }
    let c = y.count
    if y.isAtom || c == 0 { return y }
    let k = ((n % c) + c) % c
    return try Interpreter.shared.index1(y, .longs((0..<c).map { Int64(($0 + k) % c) }))
  }

  /// `?[c;a;b]`: pick from a where c, else from b.
  static func vectorConditional(_ i: Interpreter, _ a: [Value]) throws -> Value {
    guard a.count == 3 else { throw QError.rank }
    guard case .vector(let cv) = a[0], case .bool(let c) = cv.storage else { throw QError.type }
    let n = c.count
    let t = a[1].isAtom ? Array(repeating: a[1], count: n) : a[1].items
    let f = a[2].isAtom ? Array(repeating: a[2], count: n) : a[2].items
    guard t.count == n, f.count == n else { throw QError.length }
    return Value.fromItems((0..<n).map { c[$0] ? t[$0] : f[$0] })
  }
}
