import QValues

/// Binary search in sorted lists (`bin`, `binr`) and bucketing (`xbar`, `xrank`).
enum Bins {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("bin", dyad: { _, x, y in try bin(x, y, right: false) }),
    PrimitiveDef("binr", dyad: { _, x, y in try bin(x, y, right: true) }),
    PrimitiveDef("xbar", dyad: { _, x, y in try xbar(x, y) }),
    PrimitiveDef("xrank", dyad: { _, x, y in try xrank(x, y) }),
  ]

  /// `x bin y`: the index of the last item of sorted x not above y (-1 if none);
  /// `binr` gives the index of the first item not below y.
  static func bin(_ x: Value, _ y: Value, right: Bool) throws -> Value {
    if case .dict(let k, let v) = x {
      let pos = try bin(v, y, right: right)
      return try Interpreter.shared.index1(k, pos)
    }
    if x.isAtom { throw QError.type }
    switch x {
    case .vector(let xv):
      let yt = Numeric.qtype(y)
      if case .long(let a) = xv.storage, xv.type == .long, yt?.isIntegral == true, let b = Numeric.longs(y) {
        let r = b.map { q in search(a.count, right: right) { i in a[i] < q ? -1 : a[i] == q ? 0 : 1 } }
        return y.isAtom ? .j(r[0]) : .longs(r)
      }
      if case .float(let a) = xv.storage, xv.type == .float, yt?.isNumeric == true, let b = Numeric.doubles(y) {
        let r = b.map { q in search(a.count, right: right) { i in Comparison.compareDoubles(a[i], q) } }
        return y.isAtom ? .j(r[0]) : .longs(r)
      }
      let items = x.items
      if y.isAtom { return .j(try find(items, y, right: right)) }
      return .longs(try y.items.map { try find(items, $0, right: right) })
    case .list(let items):
      // A list of lists: y is one item when it is shaped like the items, else a list of them.
      if let first = items.first, Match.sameKind(first, y) { return .j(try find(items, y, right: right)) }
      return .longs(try y.items.map { try find(items, $0, right: right) })
    default:
      let items = x.items
      if y.isTable || y.isDict == false && !y.isAtom {
        return .longs(try y.items.map { try find(items, $0, right: right) })
      }
      return .j(try find(items, y, right: right))
    }
  }

  static func find(_ items: [Value], _ y: Value, right: Bool) throws -> Int64 {
    search(items.count, right: right) { i in Sorting.compareValues(items[i], y) }
  }

  /// Binary search over positions 0..<n with `cmp(i)` the order of item i against the target.
  @inline(__always)
  static func search(_ n: Int, right: Bool, _ cmp: (Int) -> Int) -> Int64 {
    var lo = 0, hi = n
    if right {
      // first index whose item is >= target
      while lo < hi {
        let mid = (lo + hi) / 2
        if cmp(mid) < 0 { lo = mid + 1 } else { hi = mid }
      }
      return Int64(lo)
    }
    // last index whose item is <= target
    while lo < hi {
      let mid = (lo + hi) / 2
      if cmp(mid) <= 0 { lo = mid + 1 } else { hi = mid }
    }
    return Int64(lo - 1)
  }

  /// `x xbar y`: y rounded down to a multiple of x. A timespan x counts nanoseconds.
  static func xbar(_ x: Value, _ y: Value) throws -> Value {
    try Atomic.dyad(x, y) { a, b in
      var w = a
      if Numeric.qtype(a) == .timespan {
        guard let n = Numeric.longs(a) else { throw QError.type }
        w = a.isAtom ? .j(n[0]) : .longs(n)
      }
      return try Arithmetic.dyad(.multiply, w, try Arithmetic.div(b, w))
    }
  }

  /// `x xrank y`: the bucket (0 to x-1) of each item of y by its rank.
  static func xrank(_ x: Value, _ y: Value) throws -> Value {
    guard x.isAtom, let n = x.asInt else { throw QError.type }
    if y.isAtom { throw QError.rank }
    let c = Int64(y.count)
    let ranks = try Sorting.grade(.longs(try Sorting.grade(y, descending: false).map { Int64($0) }), descending: false)
    return .longs(ranks.map { c == 0 ? 0 : Int64(n) &* Int64($0) / c })
  }
}

extension Match {
  /// Both atoms, or both lists: decides whether a bin target is one item or many.
  static func sameKind(_ a: Value, _ b: Value) -> Bool {
    if a.isAtom != b.isAtom { return false }
    if case .list = b { return false }
    return true
  }
}
