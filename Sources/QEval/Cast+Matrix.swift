import QValues

/// `x$y` on float vectors and matrices (lists of float vectors) is matrix multiply:
/// vector$vector is the dot product.
extension Cast {
  static func matrixProduct(_ x: Value, _ y: Value) throws -> Value? {
    guard let a = floatRows(x), let b = floatRows(y) else { return nil }
    switch (a, b) {
    case (.vector(let u), .vector(let v)):
      guard u.count == v.count else { throw QError.length }
      return .f(dot(u, v))
    case (.vector(let u), .matrix(let m)):
      guard u.count == m.count else { throw QError.length }
      return .floats(columns(of: m).map { dot(u, $0) })
    case (.matrix(let m), .vector(let v)):
      return .floats(try m.map { row in
        guard row.count == v.count else { throw QError.length }
        return dot(row, v)
      })
    case (.matrix(let m), .matrix(let n)):
      let cols = columns(of: n)
      return .list(try m.map { row in
        guard row.count == n.count else { throw QError.length }
        return .floats(cols.map { dot(row, $0) })
      })
    }
  }

  enum FloatShape {
    case vector([Double])
    case matrix([[Double]])
  }

  private static func floatRows(_ x: Value) -> FloatShape? {
    switch x {
    case .vector(let v):
      guard v.type == .float, case .float(let a) = v.storage else { return nil }
      return .vector(a)
    case .list(let items):
      var rows: [[Double]] = []
      for item in items {
        guard case .vector(let v) = item, v.type == .float, case .float(let a) = v.storage else { return nil }
        rows.append(a)
      }
      guard let w = rows.first?.count, rows.allSatisfy({ $0.count == w }) else { return nil }
      return .matrix(rows)
    default: return nil
    }
  }

  private static func dot(_ u: [Double], _ v: [Double]) -> Double {
    var s = 0.0
    for k in 0..<min(u.count, v.count) { s += u[k] * v[k] }
    return s
  }

  private static func columns(of m: [[Double]]) -> [[Double]] {
    guard let w = m.first?.count else { return [] }
    return (0..<w).map { j in m.map { $0[j] } }
  }
}
