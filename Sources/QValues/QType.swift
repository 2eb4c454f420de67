/// q's type numbers. Atoms are the negative of their vector's number; this enum
/// names the positive (vector) number and `Value.type` applies the sign.
public enum QType: Int8, Sendable, CaseIterable {
  case list = 0
  case boolean = 1, guid = 2, byte = 4, short = 5, int = 6, long = 7, real = 8, float = 9
  case char = 10, symbol = 11, timestamp = 12, month = 13, date = 14, datetime = 15
  case timespan = 16, minute = 17, second = 18, time = 19

  /// The storage class each q type lives in: several q types share one.
  public var storageKind: StorageKind {
    switch self {
    case .list: return .list
    case .boolean: return .bool
    case .guid: return .guid
    case .byte: return .byte
    case .char: return .char
    case .short: return .short
    case .int, .month, .date, .minute, .second, .time: return .int
    case .long, .timestamp, .timespan: return .long
    case .real: return .real
    case .float, .datetime: return .float
    case .symbol: return .symbol
    }
  }

  /// The one-letter type char q uses in casts and `.Q.ty`.
  public var letter: Character {
    switch self {
    case .list: return " "
    case .boolean: return "b"
    case .guid: return "g"
    case .byte: return "x"
    case .short: return "h"
    case .int: return "i"
    case .long: return "j"
    case .real: return "e"
    case .float: return "f"
    case .char: return "c"
    case .symbol: return "s"
    case .timestamp: return "p"
    case .month: return "m"
    case .date: return "d"
    case .datetime: return "z"
    case .timespan: return "n"
    case .minute: return "u"
    case .second: return "v"
    case .time: return "t"
    }
  }

  public var name: String {
    switch self {
    case .list: return ""
    case .boolean: return "boolean"
    case .guid: return "guid"
    case .byte: return "byte"
    case .short: return "short"
    case .int: return "int"
    case .long: return "long"
    case .real: return "real"
    case .float: return "float"
    case .char: return "char"
    case .symbol: return "symbol"
    case .timestamp: return "timestamp"
    case .month: return "month"
    case .date: return "date"
    case .datetime: return "datetime"
    case .timespan: return "timespan"
    case .minute: return "minute"
    case .second: return "second"
    case .time: return "time"
    }
  }

  public static func from(letter: Character) -> QType? {
    allCases.first { $0 != .list && $0.letter == letter }
  }

  public static func from(name: String) -> QType? {
    allCases.first { $0 != .list && $0.name == name }
  }

  public var isTemporal: Bool { rawValue >= 12 && rawValue <= 19 }
  public var isNumeric: Bool {
    switch self {
    case .boolean, .byte, .short, .int, .long, .real, .float: return true
    default: return false
    }
  }
  /// Integral types that arithmetic works on as integers (temporal included).
  public var isIntegral: Bool {
    switch storageKind {
    case .bool, .byte, .short, .int, .long: return self != .char
    default: return false
    }
  }
}

/// Element storage classes: the only shapes kernels have to be written for.
public enum StorageKind: Sendable {
  case list, bool, guid, byte, char, short, int, long, real, float, symbol
}

/// Vector attributes. Carried and displayed; `s#` also marks sorted dictionaries.
public enum Attribute: UInt8, Sendable {
  case none = 0, sorted = 1, unique = 2, parted = 3, grouped = 5

  /// The attribute's letter, as `attr` returns it: `s`, `u`, `p`, `g`, or empty.
  public var letter: String {
    switch self {
    case .none: return ""
    case .sorted: return "s"
    case .unique: return "u"
    case .parted: return "p"
    case .grouped: return "g"
    }
  }

  /// How q shows an attribute before a vector: `` `s#1 2 3 ``.
  public var prefix: String { self == .none ? "" : "`" + letter + "#" }
}
