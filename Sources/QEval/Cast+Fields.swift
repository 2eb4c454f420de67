import QValues

/// Dotted access to parts of temporal values: `d.year`, `t.minute`, `p.date`, `d.week`.
extension Cast {
  static let dotFields: Set<String> = [
    "year", "mm", "dd", "hh", "uu", "ss", "month", "date", "minute", "second", "time", "timestamp",
    "timespan", "week",
  ]

  /// The field of a temporal atom, vector or list; `nil` when x is not temporal.
  static func dotField(_ name: String, _ x: Value) throws -> Value? {
    switch x {
    case .list, .dict:
      return try Atomic.monad(x) { v in
        guard let r = try dotField(name, v) else { throw QError.type }
        return r
      }
    default: break
    }
    guard let t = Numeric.qtype(x), t.isTemporal else { return nil }
    switch name {
    case "week":
      // The Monday starting the week (2000.01.03 was a Monday).
      let days = try castValue(.date, x)
      return try Atomic.monad(days) { d in
        guard case .int(let n, _) = d else {
          guard case .vector(let v) = d, case .int(let a) = v.storage else { throw QError.type }
          return .vector(Vector(.date, .int(a.map { weekStart($0) })))
        }
        return .int(weekStart(n), .date)
      }
    case "mm" where !dayBased.contains(t): return try fieldOf("uu", x)
    case "year", "mm", "dd", "hh", "uu", "ss": return try fieldOf(name, x)
    default:
      guard let target = QType.from(name: name) else { return nil }
      return try castValue(target, x)
    }
  }

  private static func weekStart(_ d: Int32) -> Int32 {
    if d == Nulls.int || d == Nulls.intInf || d == -Nulls.intInf { return d }
    let since = Int64(d) - 2
    return Int32(Int64(d) - (since - floorDiv(since, 7) * 7))
  }
}
