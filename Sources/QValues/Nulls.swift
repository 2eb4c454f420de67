/// q's nulls and infinities per storage class. Integral nulls are the minimum value
/// and infinities the maximum; floating types use NaN and IEEE infinity.
public enum Nulls {
  public static let short: Int16 = .min
  public static let int: Int32 = .min
  public static let long: Int64 = .min
  public static let shortInf: Int16 = .max
  public static let intInf: Int32 = .max
  public static let longInf: Int64 = .max

  /// The null atom of a q type.
  public static func atom(_ t: QType) -> Value {
    switch t {
    case .boolean: return .bool(false)
    case .guid: return .guid(.null)
    case .byte: return .byte(0)
    case .short: return .short(short)
    case .int, .month, .date, .minute, .second, .time: return .int(int, t)
    case .long, .timestamp, .timespan: return .long(long, t)
    case .real: return .real(.nan)
    case .float, .datetime: return .float(.nan, t)
    case .char: return .char(32)
    case .symbol: return .symbol("")
    case .list: return .identity
    }
  }
}

public extension Value {
  /// True for q's null of the atom's type (`null x`).
  var isNull: Bool {
    switch self {
    case .bool, .byte: return false
    case .guid(let g): return g == .null
    case .short(let x): return x == Nulls.short
    case .int(let x, _): return x == Nulls.int
    case .long(let x, _): return x == Nulls.long
    case .real(let x): return x.isNaN
    case .float(let x, _): return x.isNaN
    case .char(let c): return c == 32
    case .symbol(let s): return s.isEmpty
    case .identity: return true
    default: return false
    }
  }
}
