import QValues

/// Views of numeric atoms and vectors as one compute type. Integral nulls and
/// infinities become NaN and ±inf on the way to floating point.
enum Numeric {
  /// Integral storage widened to Int64, nulls kept as Int64's null.
  static func longs(_ v: Value) -> [Int64]? {
    switch v {
    case .bool(let b): return [b ? 1 : 0]
    case .byte(let x): return [Int64(x)]
    case .short(let x): return [widen(x)]
    case .int(let x, _): return [widen(x)]
    case .long(let x, _): return [x]
    case .vector(let vec):
      switch vec.storage {
      case .long(let a): return a
      case .int(let a): return a.map(widen)
      case .short(let a): return a.map(widen)
      case .bool(let a): return a.map { $0 ? 1 : 0 }
      case .byte(let a): return a.map { Int64($0) }
      default: return nil
      }
    default: return nil
    }
  }

  // Widening keeps nulls null; infinities are ordinary numbers (q: `0Wi+5` is 2147483652,
  // `"f"$0Wi` is 2147483647f).
  @inline(__always) static func widen(_ x: Int32) -> Int64 { x == Nulls.int ? Nulls.long : Int64(x) }
  @inline(__always) static func widen(_ x: Int16) -> Int64 { x == Nulls.short ? Nulls.long : Int64(x) }
  @inline(__always) static func toDouble(_ x: Int64) -> Double { x == Nulls.long ? .nan : Double(x) }
  @inline(__always) static func toDouble(_ x: Int32) -> Double { x == Nulls.int ? .nan : Double(x) }
  @inline(__always) static func toDouble(_ x: Int16) -> Double { x == Nulls.short ? .nan : Double(x) }
  /// Double to Int64 with q's null mapping: NaN to null, infinities to ±0W.
  @inline(__always) static func toLong(_ x: Double) -> Int64 {
    if x.isNaN { return Nulls.long }
    if x >= 9.2233720368547758e18 { return Nulls.longInf }
    if x <= -9.2233720368547758e18 { return -Nulls.longInf }
    return Int64(x)
  }

  static func doubles(_ v: Value) -> [Double]? {
    switch v {
    case .real(let x): return [Double(x)]
    case .float(let x, _): return [x]
    case .vector(let vec):
      switch vec.storage {
      case .float(let a): return a
      case .real(let a): return a.map { Double($0) }
      case .long(let a): return a.map(toDouble)
      case .int(let a): return a.map(toDouble)
      case .short(let a): return a.map(toDouble)
      case .bool(let a): return a.map { $0 ? 1 : 0 }
      case .byte(let a): return a.map { Double($0) }
      default: return nil
      }
    default:
      return longs(v).map { $0.map(toDouble) }
    }
  }

  /// The q type of an atom or vector, nil for other shapes.
  static func qtype(_ v: Value) -> QType? {
    if case .vector(let vec) = v { return vec.type }
    return v.atomType
  }

  /// Rebuild a value of type `t` from computed longs, as an atom when `atom`.
  static func make(_ a: [Int64], _ t: QType, atom: Bool) -> Value {
    switch t.storageKind {
    case .long:
      return atom ? .long(a[0], t) : .vector(Vector(t, .long(a)))
    case .int:
      let n = a.map { x -> Int32 in x == Nulls.long ? Nulls.int : Int32(truncatingIfNeeded: x) }
      return atom ? .int(n[0], t) : .vector(Vector(t, .int(n)))
    case .short:
      let n = a.map { x -> Int16 in x == Nulls.long ? Nulls.short : Int16(truncatingIfNeeded: x) }
      return atom ? .short(n[0]) : .vector(Vector(t, .short(n)))
    case .bool:
      return atom ? .bool(a[0] != 0) : .bools(a.map { $0 != 0 })
    case .byte:
      let n = a.map { UInt8(truncatingIfNeeded: $0) }
      return atom ? .byte(n[0]) : .bytes(n)
    case .char:
      let n = a.map { UInt8(truncatingIfNeeded: $0) }
      return atom ? .char(n[0]) : .chars(n)
    case .float:
      return make(a.map(toDouble), t, atom: atom)
    case .real:
      return make(a.map(toDouble), t, atom: atom)
    default:
      return atom ? .long(a[0], .long) : .longs(a)
    }
  }

  static func make(_ a: [Double], _ t: QType, atom: Bool) -> Value {
    switch t.storageKind {
    case .float: return atom ? .float(a[0], t) : .vector(Vector(t, .float(a)))
    case .real:
      let n = a.map { Float($0) }
      return atom ? .real(n[0]) : .vector(Vector(t, .real(n)))
    default:
      return make(a.map(toLong), t, atom: atom)
    }
  }

  static func isNumericOrTemporal(_ t: QType) -> Bool {
    t.isNumeric || t.isTemporal
  }
}
