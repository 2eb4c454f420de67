/// A q value. Atoms are unboxed cases; vectors keep typed contiguous storage;
/// only general lists hold `Value`s per element.
public enum Value: Sendable {
  case bool(Bool)
  case guid(GUID)
  case byte(UInt8)
  case short(Int16)
  /// int, month, date, minute, second and time share 32-bit storage.
  case int(Int32, QType)
  /// long, timestamp and timespan share 64-bit storage.
  case long(Int64, QType)
  case real(Float)
  /// float and datetime share double storage.
  case float(Double, QType)
  case char(UInt8)
  case symbol(String)
  case vector(Vector)
  case list([Value])
  indirect case dict(Value, Value)
  case table(Table)
  case function(Function)
  /// The generic null `::`.
  case identity
}

public struct GUID: Hashable, Sendable, Comparable {
  public var hi: UInt64
  public var lo: UInt64
  public init(hi: UInt64, lo: UInt64) { self.hi = hi; self.lo = lo }
  public static let null = GUID(hi: 0, lo: 0)
  public static func < (a: GUID, b: GUID) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }
}

/// A table: column names and equal-length columns (vectors or general lists).
public struct Table: Sendable {
  public var names: [String]
  public var columns: [Value]
  public init(names: [String], columns: [Value]) { self.names = names; self.columns = columns }
  public var count: Int { columns.first?.count ?? 0 }
}

/// A typed vector: the q type rides along with one of the storage classes.
public struct Vector: Sendable {
  public var type: QType
  public var attr: Attribute
  public var storage: Storage

  public init(_ type: QType, _ storage: Storage, attr: Attribute = .none) {
    self.type = type; self.storage = storage; self.attr = attr
  }

  public enum Storage: Sendable {
    case bool([Bool])
    case guid([GUID])
    case byte([UInt8])
    case char([UInt8])
    case short([Int16])
    case int([Int32])
    case long([Int64])
    case real([Float])
    case float([Double])
    case symbol([String])
  }

  public var count: Int {
    switch storage {
    case .bool(let a): return a.count
    case .guid(let a): return a.count
    case .byte(let a), .char(let a): return a.count
    case .short(let a): return a.count
    case .int(let a): return a.count
    case .long(let a): return a.count
    case .real(let a): return a.count
    case .float(let a): return a.count
    case .symbol(let a): return a.count
    }
  }

  /// The i-th element as an atom. `i` must be in range.
  public subscript(i: Int) -> Value {
    switch storage {
    case .bool(let a): return .bool(a[i])
    case .guid(let a): return .guid(a[i])
    case .byte(let a): return .byte(a[i])
    case .char(let a): return .char(a[i])
    case .short(let a): return .short(a[i])
    case .int(let a): return .int(a[i], type)
    case .long(let a): return .long(a[i], type)
    case .real(let a): return .real(a[i])
    case .float(let a): return .float(a[i], type)
    case .symbol(let a): return .symbol(a[i])
    }
  }

  /// Elements at the given positions; out-of-range positions give the type's null.
  public func gather(_ idx: [Int]) -> Vector {
    let n = count
    @inline(__always) func pick<T>(_ a: [T], _ null: T) -> [T] {
      a.withUnsafeBufferPointer { p in
        idx.map { $0 >= 0 && $0 < n ? p[$0] : null }
      }
    }
    switch storage {
    case .bool(let a): return Vector(type, .bool(pick(a, false)))
    case .guid(let a): return Vector(type, .guid(pick(a, .null)))
    case .byte(let a): return Vector(type, .byte(pick(a, 0)))
    case .char(let a): return Vector(type, .char(pick(a, 32)))
    case .short(let a): return Vector(type, .short(pick(a, Nulls.short)))
    case .int(let a): return Vector(type, .int(pick(a, Nulls.int)))
    case .long(let a): return Vector(type, .long(pick(a, Nulls.long)))
    case .real(let a): return Vector(type, .real(pick(a, .nan)))
    case .float(let a): return Vector(type, .float(pick(a, .nan)))
    case .symbol(let a): return Vector(type, .symbol(pick(a, "")))
    }
  }

  public func slice(_ r: Range<Int>) -> Vector {
    switch storage {
    case .bool(let a): return Vector(type, .bool(Array(a[r])))
    case .guid(let a): return Vector(type, .guid(Array(a[r])))
    case .byte(let a): return Vector(type, .byte(Array(a[r])))
    case .char(let a): return Vector(type, .char(Array(a[r])))
    case .short(let a): return Vector(type, .short(Array(a[r])))
    case .int(let a): return Vector(type, .int(Array(a[r])))
    case .long(let a): return Vector(type, .long(Array(a[r])))
    case .real(let a): return Vector(type, .real(Array(a[r])))
    case .float(let a): return Vector(type, .float(Array(a[r])))
    case .symbol(let a): return Vector(type, .symbol(Array(a[r])))
    }
  }

  /// An empty vector of a q type.
  public static func empty(_ type: QType) -> Vector {
    switch type.storageKind {
    case .bool: return Vector(type, .bool([]))
    case .guid: return Vector(type, .guid([]))
    case .byte: return Vector(type, .byte([]))
    case .char: return Vector(type, .char([]))
    case .short: return Vector(type, .short([]))
    case .int: return Vector(type, .int([]))
    case .long: return Vector(type, .long([]))
    case .real: return Vector(type, .real([]))
    case .float: return Vector(type, .float([]))
    case .symbol: return Vector(type, .symbol([]))
    case .list: fatalError("no vector storage for general lists")
    }
  }
}

public extension Value {
  // Short constructors for the common cases.
  static func i(_ x: Int32) -> Value { .int(x, .int) }
  static func j(_ x: Int64) -> Value { .long(x, .long) }
  static func j(_ x: Int) -> Value { .long(Int64(x), .long) }
  static func f(_ x: Double) -> Value { .float(x, .float) }
  static func s(_ x: String) -> Value { .symbol(x) }
  static func string(_ s: String) -> Value { .vector(Vector(.char, .char(Array(s.utf8)))) }
  static func longs(_ a: [Int64], _ t: QType = .long) -> Value { .vector(Vector(t, .long(a))) }
  static func ints(_ a: [Int32], _ t: QType = .int) -> Value { .vector(Vector(t, .int(a))) }
  static func floats(_ a: [Double], _ t: QType = .float) -> Value { .vector(Vector(t, .float(a))) }
  static func bools(_ a: [Bool]) -> Value { .vector(Vector(.boolean, .bool(a))) }
  static func symbols(_ a: [String]) -> Value { .vector(Vector(.symbol, .symbol(a))) }
  static func bytes(_ a: [UInt8]) -> Value { .vector(Vector(.byte, .byte(a))) }
  static func chars(_ a: [UInt8]) -> Value { .vector(Vector(.char, .char(a))) }
  static let emptyList = Value.list([])

  /// q's type number: negative for atoms, 0 for general lists, 98 table, 99 dict, 100+ functions.
  var type: Int {
    switch self {
    case .bool: return -1
    case .guid: return -2
    case .byte: return -4
    case .short: return -5
    case .int(_, let t), .long(_, let t), .float(_, let t): return -Int(t.rawValue)
    case .real: return -8
    case .char: return -10
    case .symbol: return -11
    case .vector(let v): return Int(v.type.rawValue)
    case .list: return 0
    case .dict(let k, let v):
      if case .table = k, case .table = v { return 99 }
      return 99
    case .table: return 98
    case .function(let f): return f.typeNumber
    case .identity: return 101
    }
  }

  /// The q type of an atom, nil for anything else.
  var atomType: QType? {
    let t = type
    return t < 0 ? QType(rawValue: Int8(-t)) : nil
  }

  var isAtom: Bool { type < 0 }

  var count: Int {
    switch self {
    case .vector(let v): return v.count
    case .list(let a): return a.count
    case .dict(let k, _): return k.count
    case .table(let t): return t.count
    default: return 1
    }
  }

  var isTable: Bool { if case .table = self { return true } else { return false } }
  var isDict: Bool { if case .dict = self { return true } else { return false } }
  var isKeyedTable: Bool {
    if case .dict(.table, .table) = self { return true }
    return false
  }
  var isFunction: Bool { if case .function = self { return true } else { return false } }
  var isString: Bool {
    if case .vector(let v) = self, v.type == .char { return true }
    return false
  }
}
