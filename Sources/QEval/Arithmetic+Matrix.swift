import QValues

/// Matrices as lists of float rows: product (`mmu`), inverse (`inv`) and least squares (`lsq`).
enum Matrix {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("mmu", dyad: { _, x, y in try mmu(x, y) }),
    PrimitiveDef("inv", monad: { _, x in try fromRows(try inverse(try rows(x))) }),
    PrimitiveDef("lsq", dyad: { _, x, y in try lsq(x, y) }),
  ]

  static func vector(_ v: Value) throws -> [Double] {
    guard case .vector(let vec) = v, vec.type.isNumeric, let d = Numeric.doubles(v) else { throw QError.type }
    return d
  }

  /// The rows of a matrix; every row a numeric vector of one length.
  static func rows(_ m: Value) throws -> [[Double]] {
    guard case .list(let items) = m else {
      if case .vector = m { throw QError.rank }
      throw QError.type
    }
    let r = try items.map(vector)
    guard let w = r.first?.count, r.allSatisfy({ $0.count == w }) else { throw QError.length }
    return r
  }

  static func fromRows(_ r: [[Double]]) -> Value { .list(r.map { .floats($0) }) }

  static func mmu(_ x: Value, _ y: Value) throws -> Value {
    let xm: Bool = { if case .list = x { return true }; return false }()
    let ym: Bool = { if case .list = y { return true }; return false }()
    switch (xm, ym) {
    case (false, false):
      let a = try vector(x), b = try vector(y)
      guard a.count == b.count else { throw QError.length }
      return .f(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 })
    case (true, false):
      let a = try rows(x), b = try vector(y)
      guard a.first.map({ $0.count == b.count }) ?? true else { throw QError.length }
      return .floats(a.map { r in zip(r, b).reduce(0) { $0 + $1.0 * $1.1 } })
    case (false, true):
      let a = try vector(x), b = try rows(y)
      guard a.count == b.count else { throw QError.length }
      let w = b.first?.count ?? 0
      return .floats((0..<w).map { j in a.indices.reduce(0) { $0 + a[$1] * b[$1][j] } })
    case (true, true):
      return fromRows(try product(try rows(x), try rows(y)))
    }
  }

  static func product(_ a: [[Double]], _ b: [[Double]]) throws -> [[Double]] {
    let inner = b.count
    guard a.allSatisfy({ $0.count == inner }) else { throw QError.length }
    let w = b.first?.count ?? 0
    return a.map { r in
      var out = [Double](repeating: 0, count: w)
      for k in 0..<inner where r[k] != 0 {
        let rk = r[k], bk = b[k]
        for j in 0..<w { out[j] += rk * bk[j] }
      }
      return out
    }
  }

  static func transpose(_ a: [[Double]]) -> [[Double]] {
    guard let w = a.first?.count else { return [] }
    return (0..<w).map { j in a.map { $0[j] } }
  }

  /// Gauss-Jordan elimination with partial pivoting; a singular matrix gives nulls.
  static func inverse(_ m: [[Double]]) throws -> [[Double]] {
    let n = m.count
    guard m.allSatisfy({ $0.count == n }) else { throw QError.length }
    var a = m
    var inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for c in 0..<n {
      var p = c
      for r in c..<n where Swift.abs(a[r][c]) > Swift.abs(a[p][c]) { p = r }
      if a[p][c] == 0 { return Array(repeating: Array(repeating: .nan, count: n), count: n) }
      a.swapAt(c, p)
      inv.swapAt(c, p)
      let d = a[c][c]
      for j in 0..<n { a[c][j] /= d; inv[c][j] /= d }
      for r in 0..<n where r != c {
        let f = a[r][c]
        if f == 0 { continue }
        for j in 0..<n { a[r][j] -= f * a[c][j]; inv[r][j] -= f * inv[c][j] }
      }
    }
    return inv
  }

  /// `x lsq y`: the matrix r minimising the squares of x - r mmu y.
  static func lsq(_ x: Value, _ y: Value) throws -> Value {
    let b = try rows(y)
    let bt = transpose(b)
    let gram = try inverse(try product(b, bt))
    if case .vector = x {
      let a = try vector(x)
      return try mmu(try mmu(.floats(a), fromRows(bt)), fromRows(gram))
    }
    return fromRows(try product(try product(try rows(x), bt), gram))
  }
}
