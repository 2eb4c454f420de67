import QValues

/// q's byte codes for built-in functions (types 101 unary, 102 operator, 103 iterator)
/// and for the iterated forms 106-111. Index = position in these lists.
public enum WirePrimitives {
  /// Type 102 operators.
  static let operators = [":", "+", "-", "*", "%", "&", "|", "^", "=", "<", ">", "$", ",", "#", "_", "~", "!", "?",
                          "@", ".", "0:", "1:", "2:", "in", "within", "like", "bin", "ss", "insert", "wsum", "wavg", "div"]
  /// Type 101 unary keywords; each is the monadic form of the operator at the same index.
  static let unaries = ["::", "flip", "neg", "first", "reciprocal", "where", "reverse", "null", "group", "hopen",
                        "hclose", "string", "enlist", "count", "floor", "not", "key", "distinct", "type", "value",
                        "read0", "read1", "2::", "avg", "last", "sum", "prd", "min", "max", "exit", "getenv", "abs"]
  /// Dyadic keywords that are an operator under another name.
  static let operatorAliases: [String: Int] = ["and": 5, "or": 6]
  /// The placeholder q writes for an elided projection argument (`f[;1]`): a type-101 item.
  /// Its byte is not documented; qlite writes and reads 0xff.
  public static let elidedArgument: UInt8 = 0xff

  static func adverbType(_ a: Adverb) -> UInt8 {
    switch a {
    case .each: return 0x6a
    case .over: return 0x6b
    case .scan: return 0x6c
    case .prior: return 0x6d
    case .eachRight: return 0x6e
    case .eachLeft: return 0x6f
    }
  }

  static func adverb(_ type: UInt8) -> Adverb? {
    switch type {
    case 0x6a: return .each
    case 0x6b: return .over
    case 0x6c: return .scan
    case 0x6d: return .prior
    case 0x6e: return .eachRight
    case 0x6f: return .eachLeft
    default: return nil
    }
  }

  /// The (type, index) q uses for a primitive, if it has one.
  static func code(_ p: Primitive) -> (UInt8, UInt8)? {
    if let i = unaries.firstIndex(of: p.name), i > 0 { return (0x65, UInt8(i)) }
    if p.name.hasSuffix(":"), p.name.count > 1, let i = operators.firstIndex(of: String(p.name.dropLast())) {
      return (0x65, UInt8(i))
    }
    if let i = operators.firstIndex(of: p.name) {
      return p.valence == 1 && i < unaries.count ? (0x65, UInt8(i)) : (0x66, UInt8(i))
    }
    if let i = operatorAliases[p.name] { return (0x66, UInt8(i)) }
    return nil
  }

  /// Keywords that q defines as iterated operators: sent the way q sends them.
  static func kDefinition(_ name: String) -> Value? {
    func op(_ i: Int) -> Value { .function(.primitive(Primitive(id: -1, name: operators[i], valence: 2))) }
    switch name {
    case "sums": return .function(.derived(.scan, op(1)))
    case "prds": return .function(.derived(.scan, op(3)))
    case "maxs": return .function(.derived(.scan, op(6)))
    case "mins": return .function(.derived(.scan, op(5)))
    case "raze": return .function(.derived(.over, op(12)))
    case "prev": return .function(.derived(.prior, op(0)))
    default: return nil
    }
  }
}

