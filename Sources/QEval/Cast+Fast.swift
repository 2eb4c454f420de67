import QValues

/// Direct storage-to-storage loops for the common numeric casts of big vectors, so
/// they skip the general element path. Temporal types keep to the general path,
/// except where the raw number is all that moves (`long$timestamp`).
extension Cast {
  /// Dates to timestamps and back, the temporal casts big tables use most.
  static func fastTemporal(_ v: Vector, _ t: QType) -> Vector? {
    let day = Temporal.nanosPerDay
    switch (v.type, t, v.storage) {
    case (.date, .timestamp, .int(let a)):
      return Vector(t, .long(a.map { d in
        if d == Nulls.int { return Nulls.long }
        if d == Nulls.intInf || d == -Nulls.intInf { return d > 0 ? Nulls.longInf : -Nulls.longInf }
        let (r, o) = Int64(d).multipliedReportingOverflow(by: day)
        return o || r == Nulls.long ? (d > 0 ? Nulls.longInf : -Nulls.longInf) : r
      }))
    case (.timestamp, .date, .long(let a)):
      return Vector(t, .int(a.map { n in
        if n == Nulls.long { return Nulls.int }
        if n == Nulls.longInf || n == -Nulls.longInf { return n > 0 ? Nulls.intInf : -Nulls.intInf }
        return Int32(floorDiv(n, day))
      }))
    default: return nil
    }
  }

  static func fastNumeric(_ v: Vector, _ t: QType) -> Vector? {
    let s = v.type
    let plainTarget = t.isNumeric && t != .boolean && t != .byte
    guard plainTarget, s.isNumeric || (s.isTemporal && t.isIntegral) else { return nil }
    switch (v.storage, t.storageKind) {
    case (.long(let a), .float):
      return Vector(t, .float(a.map { x in
        x == Nulls.long ? .nan : Double(x)
      }))
    case (.int(let a), .float):
      return Vector(t, .float(a.map { x in x == Nulls.int ? .nan : Double(x) }))
    case (.long(let a), .real):
      return Vector(t, .real(a.map { x in x == Nulls.long ? .nan : Float(x) }))
    case (.int(let a), .real):
      return Vector(t, .real(a.map { x in x == Nulls.int ? .nan : Float(x) }))
    case (.int(let a), .long):
      return Vector(t, .long(a.map(Numeric.widen)))
    case (.short(let a), .long):
      return Vector(t, .long(a.map(Numeric.widen)))
    case (.long(let a), .int):
      return Vector(t, .int(a.map(saturate32)))
    case (.float(let a), .long):
      guard !s.isTemporal else { return nil }
      return Vector(t, .long(a.map { Numeric.toLong($0.rounded(.toNearestOrAwayFromZero)) }))
    case (.float(let a), .int):
      guard !s.isTemporal else { return nil }
      return Vector(t, .int(a.map { saturate32(Numeric.toLong($0.rounded(.toNearestOrAwayFromZero))) }))
    case (.float(let a), .real):
      return Vector(t, .real(a.map { Float($0) }))
    case (.real(let a), .float):
      return Vector(t, .float(a.map { Double($0) }))
    default: return nil
    }
  }
}
