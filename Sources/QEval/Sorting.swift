import QValues

/// Grading and sorting. Sorts are stable; nulls sort first, as in q.
enum Sorting {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("iasc", monad: { _, x in try iasc(x) }),
    PrimitiveDef("idesc", monad: { _, x in try idesc(x) }),
    PrimitiveDef("asc", monad: { _, x in try asc(x) }),
    PrimitiveDef("desc", monad: { _, x in try desc(x) }),
    PrimitiveDef("rank", monad: { _, x in try iasc(iasc(x)) }),
  ]

  /// Ascending grade: the permutation that sorts x.
  static func grade(_ x: Value, descending: Bool) throws -> [Int] {
    if x.isAtom { throw QError.rank }
    var idx = Array(0..<x.count)
    switch x {
    case .vector(let v):
      switch v.storage {
      case .long(let a): return RadixSort.grade(a.map { descending ? ~RadixSort.key($0) : RadixSort.key($0) })
      case .int(let a): return gradeKeys(a, descending)
      case .short(let a): return gradeKeys(a, descending)
      case .byte(let a), .char(let a): return gradeKeys(a, descending)
      case .bool(let a): return gradeKeys(a.map { $0 ? 1 : 0 }, descending)
      case .float(let a): return RadixSort.grade(a.map { descending ? ~RadixSort.key($0) : RadixSort.key($0) })
      case .real(let a): return gradeKeys(a.map { $0.isNaN ? -Double.infinity : Double($0) }, descending, nan: a.map { $0.isNaN })
      case .symbol(let a): return gradeKeys(a, descending)
      case .guid(let a): return gradeKeys(a, descending)
      }
    case .dict(_, let v): return try grade(v, descending: descending)
    case .table(let t):
      // Sort by the columns from last to first, relying on stability.
      for col in t.columns.reversed() {
        let items = col.items
        let sub = Value.fromItems(idx.map { items[$0] })
        let g = try grade(sub, descending: descending)
        idx = g.map { idx[$0] }
      }
      return idx
    default:
      let items = x.items
      idx.sort { a, b in
        let c = compareValues(items[a], items[b])
        return descending ? c > 0 || (c == 0 && a < b) && false : c < 0 || (c == 0 && a < b)
      }
      if descending {
        idx = Array(0..<items.count)
        idx.sort { a, b in let c = compareValues(items[a], items[b]); return c > 0 || (c == 0 && a < b) }
      }
      return idx
    }
  }

  static func gradeKeys<T: Comparable>(_ a: [T], _ descending: Bool, nan: [Bool]? = nil) -> [Int] {
    var idx = Array(0..<a.count)
    a.withUnsafeBufferPointer { p in
      if let nan {
        // NaN lowest; among equal keys keep order.
        idx.sort { i, j in
          let ni = nan[i], nj = nan[j]
          if ni != nj { return descending ? nj : ni }
          if p[i] == p[j] { return i < j }
          return descending ? p[i] > p[j] : p[i] < p[j]
        }
      } else {
        idx.sort { i, j in p[i] == p[j] ? i < j : (descending ? p[i] > p[j] : p[i] < p[j]) }
      }
    }
    return idx
  }

  /// Order between arbitrary values: by type, then by value; lists lexicographically.
  static func compareValues(_ a: Value, _ b: Value) -> Int {
    // Atoms of different types sort by type number first, as q sorts mixed lists.
    if a.isAtom && b.isAtom && a.type != b.type { return Swift.abs(a.type) < Swift.abs(b.type) ? -1 : 1 }
    if a.isAtom && b.isAtom, let t = try? Comparison.kernel(.lt, a, b), case .bool(let lt) = t {
      if lt { return -1 }
      if case .bool(let gt) = (try? Comparison.kernel(.gt, a, b)) ?? .bool(false), gt { return 1 }
      return 0
    }
    if a.isAtom != b.isAtom { return a.isAtom ? -1 : 1 }
    func listLike(_ v: Value) -> Bool {
      switch v { case .vector, .list, .dict, .table: return true; default: return false }
    }
    guard listLike(a), listLike(b) else { return a.type < b.type ? -1 : a.type > b.type ? 1 : 0 }
    let x = a.items, y = b.items
    for (p, q) in zip(x, y) {
      let c = compareValues(p, q)
      if c != 0 { return c }
    }
    return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
  }

  static func iasc(_ x: Value) throws -> Value {
    if case .dict(let k, _) = x { return try Interpreter.shared.index1(k, .longs(try grade(x, descending: false).map { Int64($0) })) }
    return .longs(try grade(x, descending: false).map { Int64($0) })
  }

  static func idesc(_ x: Value) throws -> Value {
    if case .dict(let k, _) = x { return try Interpreter.shared.index1(k, .longs(try grade(x, descending: true).map { Int64($0) })) }
    return .longs(try grade(x, descending: true).map { Int64($0) })
  }

  static func asc(_ x: Value) throws -> Value {
    if x.isAtom { throw QError.type }
    if case .vector(let v) = x {
      switch v.storage {
      case .long(let a): return .vector(Vector(v.type, .long(RadixSort.sorted(a)), attr: .sorted))
      case .float(let a): return .vector(Vector(v.type, .float(RadixSort.sorted(a)), attr: .sorted))
      default: break
      }
    }
    let g = try grade(x, descending: false)
    let r = try reorder(x, g)
    switch r {
    case .vector(var v): v.attr = .sorted; return .vector(v)
    case .dict(let k, let vals): return .dict(k, withSorted(vals))
    case .table(var t):
      if !t.columns.isEmpty { t.columns[0] = withSorted(t.columns[0]) }
      return .table(t)
    default: return r
    }
  }

  static func withSorted(_ v: Value) -> Value {
    if case .vector(var x) = v { x.attr = .sorted; return .vector(x) }
    return v
  }

  static func desc(_ x: Value) throws -> Value {
    if x.isAtom { throw QError.type }
    return try reorder(x, try grade(x, descending: true))
  }

  /// Items in the order of a grade; a dictionary keeps keys with their values.
  static func reorder(_ x: Value, _ g: [Int]) throws -> Value {
    let pos = Value.longs(g.map { Int64($0) })
    if case .dict(let k, let v) = x {
      return .dict(try Interpreter.shared.index1(k, pos), try Interpreter.shared.index1(v, pos))
    }
    return try Interpreter.shared.index1(x, pos)
  }
}
