import QValues

/// `$`: casting between types by name, letter or number, parsing strings with an
/// upper-case type (`"J"$"42"`), and padding (`10$"abc"`). Also `string`.
enum Cast {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("string", monad: { _, x in try string(x) }),
  ]

  /// `string x`: text of atoms; atomic over lists.
  static func string(_ x: Value) throws -> Value {
    switch x {
    case .vector(let v):
      if case .char(let a) = v.storage { return .list(a.map { .chars([$0]) }) }
      return .list((0..<v.count).map { atomText(v[$0]) })
    case .list(let a): return .list(try a.map(string))
    case .dict(let k, let v): return .dict(k, try string(v))
    case .table(let t): return .table(Table(names: t.names, columns: try t.columns.map(string)))
    case .char(let c): return .chars([c])
    case .function(let f): return .string(Format.function(f))
    case .identity: return .string("::")
    default: return atomText(x)
    }
  }

  static func atomText(_ x: Value) -> Value {
    switch x {
    case .symbol(let s): return .string(s)
    case .char(let c): return .chars([c])
    case .bool(let b): return .string(b ? "1" : "0")
    case .byte(let b): return .string(Format.hex(b))
    case .guid(let g): return .string(Format.guid(g))
    default:
      guard let t = x.atomType else { return .string(Format.shortForm(x)) }
      // Nulls have no text: `string 0N` is "" (as in csv output).
      if x.isNull { return .chars([]) }
      return .string(Format.element(Value.vectorOfAtoms([x], t), 0))
    }
  }

  /// What the left argument of `$` asks for.
  enum Target {
    case cast(QType)
    case parse(QType)
    case field(String)
    /// `0h` or `"*"` on non-text: leave the value as it is.
    case identity
  }

  static func dollar(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    if case .long(let k, .long) = x, isPaddable(y) {
      let n = Int(k)
      return try pad(n, y)
    }
    if case .symbol(let name) = x, !name.isEmpty, QType.from(name: name) == nil, !fieldNames.contains(name) {
      return try enumerate(i, name, y)
    }
    if let target = try target(x) { return try apply(target, y) }
    if let product = try matrixProduct(x, y) { return product }
    // A list of targets pairs with the items of y (an atom y goes to every target).
    switch x {
    case .vector, .list: return try pairwise(i, x.items, y)
    default: throw QError.type
    }
  }

  private static func pairwise(_ i: Interpreter, _ xs: [Value], _ y: Value) throws -> Value {
    let ys: [Value]
    if y.isAtom { ys = Array(repeating: y, count: xs.count) } else {
      guard y.count == xs.count else { throw QError.length }
      ys = y.items
    }
    return Value.fromItems(try zip(xs, ys).map { try dollar(i, $0, $1) })
  }

  /// Padding (a long on the left) applies to strings and to lists that hold strings (it is string-atomic).
  private static func isPaddable(_ y: Value) -> Bool {
    switch y {
    case .vector(let v): return v.type == .char
    case .list(let a): return !a.isEmpty && a.allSatisfy(isPaddable)
    case .dict(_, let v): return isPaddable(v)
    case .table(let t): return t.columns.allSatisfy(isPaddable)
    default: return false
    }
  }

  private static func pad(_ n: Int, _ y: Value) throws -> Value {
    switch y {
    case .vector(let v):
      guard case .char(let a) = v.storage else { throw QError.type }
      let m = n.magnitude
      guard m < 1 << 31 else { throw QError("limit") }
      let fill = [UInt8](repeating: 32, count: max(0, Int(m) - a.count))
      return .chars(n >= 0 ? Array((a + fill).prefix(Int(m))) : Array((fill + a).suffix(Int(m))))
    case .list(let items): return .list(try items.map { try pad(n, $0) })
    case .dict(let k, let v): return .dict(k, try pad(n, v))
    case .table(let t): return .table(Table(names: t.names, columns: try t.columns.map { try pad(n, $0) }))
    default: throw QError.type
    }
  }

  /// `` `domain$syms ``: each symbol must be in the named list ('cast otherwise). There
  /// is no enumerated type here, so the symbols themselves are the result.
  static func enumerate(_ i: Interpreter, _ name: String, _ y: Value) throws -> Value {
    guard case .vector(let d) = try i.lookup(name), case .symbol(let domain) = d.storage else { throw QError.type }
    let members = Set(domain)
    switch y {
    case .symbol(let s):
      guard members.contains(s) else { throw QError("cast") }
      return y
    case .vector(let v):
      guard case .symbol(let a) = v.storage else { throw QError.type }
      for s in a where !members.contains(s) { throw QError("cast") }
      return y
    case .list(let items): return .list(try items.map { try enumerate(i, name, $0) })
    default: throw QError.type
    }
  }

  static func target(_ x: Value) throws -> Target? {
    switch x {
    case .char(let c):
      let ch = Character(Unicode.Scalar(c))
      if ch == "*" { return .identity }
      if ch.isUppercase, let t = QType.from(letter: Character(ch.lowercased())) { return .parse(t) }
      if let t = QType.from(letter: ch) { return .cast(t) }
      throw QError.type
    case .symbol(let s):
      if s.isEmpty { return .cast(.symbol) }
      if let t = QType.from(name: s) { return .cast(t) }
      if fieldNames.contains(s) { return .field(s) }
      throw QError.type
    case .short, .int, .long:
      guard let n = x.asInt, n != Int.min else { throw QError.type }
      if n == 0 { return .identity }
      guard n.magnitude < 20, let t = QType(rawValue: Int8(n.magnitude)) else { throw QError.type }
      return n < 0 ? .parse(t) : .cast(t)
    default: return nil
    }
  }

  static func apply(_ target: Target, _ y: Value) throws -> Value {
    switch target {
    case .identity: return y
    case .parse(let t): return try parseText(t, y)
    case .cast(let t): return try castValue(t, y)
    case .field(let name): return try fieldOf(name, y)
    }
  }

  /// Cast atoms, vectors (as arrays, elementwise) and lists to type t.
  static func castValue(_ t: QType, _ y: Value) throws -> Value {
    switch y {
    case .list(let a):
      // An empty list takes the type; `$ on a list of strings gives symbols.
      if a.isEmpty { return .vector(Vector.empty(t)) }
      return Value.fromItems(try a.map { try castValue(t, $0) })
    case .dict(let k, let v): return .dict(k, try castValue(t, v))
    case .table(let tb): return .table(Table(names: tb.names, columns: try tb.columns.map { try castValue(t, $0) }))
    case .vector(let v):
      if v.type == t { return y }
      if t == .symbol {
        guard case .char(let a) = v.storage else { throw QError.type }
        return .symbol(String(decoding: blanksTrimmed(a), as: UTF8.self))
      }
      if v.type == .symbol || v.type == .guid || t == .guid { throw QError.type }
      if let fast = fastNumeric(v, t) ?? fastTemporal(v, t) { return .vector(fast) }
      guard let xs = nums(v) else { throw QError.type }
      return .vector(build(try convert(xs, from: v.type, to: t), t))
    default:
      return try to(t, y)
    }
  }

  /// Cast one atom.
  static func to(_ t: QType, _ x: Value) throws -> Value {
    guard let from = x.atomType else { throw QError.type }
    if from == t { return x }
    if t == .symbol {
      if case .char(let c) = x { return .symbol(c == 32 ? "" : String(decoding: [c], as: UTF8.self)) }
      throw QError.type
    }
    guard from != .symbol, from != .guid, t != .guid, let n = num(x) else { throw QError.type }
    return build(try convert([n], from: from, to: t), t)[0]
  }

  /// `` `year$d ``, `` `hh$t `` and the like: a field of temporal values, as ints.
  static func fieldOf(_ name: String, _ y: Value) throws -> Value {
    switch y {
    case .list, .dict, .table: return try Atomic.monad(y) { try fieldOf(name, $0) }
    case .vector(let v):
      guard let xs = nums(v) else { throw QError.type }
      return .vector(build(try xs.map { try field(name, $0, v.type) }, .int))
    default:
      guard let t = y.atomType, let n = num(y) else { throw QError.type }
      return build([try field(name, n, t)], .int)[0]
    }
  }

  /// `` `$"  IBM  " `` drops the blanks around the name.
  static func blanksTrimmed(_ a: [UInt8]) -> ArraySlice<UInt8> {
    var s = a[...]
    while s.first == 32 { s = s.dropFirst() }
    while s.last == 32 { s = s.dropLast() }
    return s
  }

  /// `"T"$text`: read strings as type T; lists of strings give vectors.
  static func parseText(_ t: QType, _ y: Value) throws -> Value {
    switch y {
    case .vector(let v):
      guard case .char(let a) = v.storage else {
        if v.count == 0 { return .vector(Vector.empty(t)) }
        throw QError.type
      }
      if t == .char { return y }
      return TextParser.parse(a, as: t)
    case .char(let c): return TextParser.parse([c], as: t)
    case .list(let a):
      if a.isEmpty { return .vector(Vector.empty(t)) }
      return Value.fromItems(try a.map { try parseText(t, $0) })
    case .dict(let k, let v): return .dict(k, try parseText(t, v))
    case .table(let tb): return .table(Table(names: tb.names, columns: try tb.columns.map { try parseText(t, $0) }))
    default: throw QError.type
    }
  }
}


extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
