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
    default:
      guard let t = x.atomType else { return .string(Format.shortForm(x)) }
      return .string(Format.element(Value.vectorOfAtoms([x], t), 0))
    }
  }

  static func dollar(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    // Padding: n$string
    if let n = x.asInt, x.atomType?.isIntegral == true, case .vector(let v) = y, case .char(let a) = v.storage {
      let m = abs(n)
      if n >= 0 { return .chars(Array((a + Array(repeating: 32, count: max(0, m - a.count))).prefix(m))) }
      return .chars(Array((Array(repeating: 32, count: max(0, m - a.count)) + a).suffix(m)))
    }
    guard let target = targetType(x) else {
      if case .vector = x { return Value.fromItems(try zip(x.items, y.items).map { try dollar(i, $0, $1) }) }
      throw QError.type
    }
    if target.parse {
      return try parseText(target.type, y)
    }
    return try castValue(target.type, y)
  }

  struct Target { let type: QType; let parse: Bool }

  static func targetType(_ x: Value) -> Target? {
    switch x {
    case .char(let c):
      let ch = Character(Unicode.Scalar(c))
      if ch == "*" { return Target(type: .char, parse: true) }
      if ch.isUppercase, let t = QType.from(letter: Character(ch.lowercased())) { return Target(type: t, parse: true) }
      if let t = QType.from(letter: ch) { return Target(type: t, parse: false) }
      return nil
    case .symbol(let s):
      if s.isEmpty { return Target(type: .symbol, parse: false) }
      return QType.from(name: s).map { Target(type: $0, parse: false) }
    case .short(let n): return QType(rawValue: Int8(abs(Int(n)))).map { Target(type: $0, parse: false) }
    case .int, .long:
      guard let n = x.asInt else { return nil }
      return QType(rawValue: Int8(truncatingIfNeeded: abs(n))).map { Target(type: $0, parse: false) }
    default: return nil
    }
  }

  /// Cast atoms, vectors (elementwise) and lists to type t.
  static func castValue(_ t: QType, _ y: Value) throws -> Value {
    switch y {
    case .list(let a): return Value.fromItems(try a.map { try castValue(t, $0) })
    case .dict(let k, let v): return .dict(k, try castValue(t, v))
    case .table(let tb): return .table(Table(names: tb.names, columns: try tb.columns.map { try castValue(t, $0) }))
    case .vector(let v):
      if v.type == t { return y }
      if t == .symbol, v.type == .char, case .char(let a) = v.storage { return .symbol(String(decoding: a, as: UTF8.self)) }
      if v.type == .symbol && t != .symbol { throw QError.type }
      let items = try (0..<v.count).map { try to(t, v[$0]) }
      return .vector(Value.vectorOfAtoms(items, t))
    default:
      return try to(t, y)
    }
  }

  /// Cast one atom.
  static func to(_ t: QType, _ x: Value) throws -> Value {
    guard let from = x.atomType else { throw QError.type }
    if from == t { return x }
    if t == .symbol {
      if case .char(let c) = x { return .symbol(String(decoding: [c], as: UTF8.self)) }
      throw QError.type
    }
    if from == .symbol || from == .guid || t == .guid { throw QError.type }
    if x.isNull && !(from == .char) && !(from == .boolean) { return Nulls.atom(t) }
    // Temporal conversions between each other go through a common unit.
    if from.isTemporal && t.isTemporal { return try temporal(from, t, x) }
    if t == .char {
      guard let n = Numeric.longs(x.replacingChars)?.first else { throw QError.type }
      return .char(UInt8(truncatingIfNeeded: n))
    }
    if from == .char, case .char(let c) = x { return try to(t, .int(Int32(c), .int)) }
    switch t.storageKind {
    case .bool:
      guard let d = Numeric.doubles(x) else { throw QError.type }
      return .bool(d[0] != 0)
    case .float, .real:
      guard var d = Numeric.doubles(x)?.first else { throw QError.type }
      if from.isTemporal { d = Double(Numeric.longs(x)?.first ?? 0) }
      if from == .datetime, case .float(let f, _) = x { d = f }
      return t.storageKind == .real ? .real(Float(d)) : .float(d, t)
    default:
      var n: Int64
      if from == .float || from == .real || from == .datetime {
        guard let d = Numeric.doubles(x)?.first else { throw QError.type }
        if d.isNaN { return Nulls.atom(t) }
        if d.isInfinite { return Numeric.make([d > 0 ? Nulls.longInf : -Nulls.longInf], t, atom: true) }
        n = Int64(d.rounded(.toNearestOrEven))
        if from == .datetime { n = Int64(d.rounded(.down)) }
      } else {
        guard let l = Numeric.longs(x)?.first else { throw QError.type }
        n = l
      }
      return Numeric.make([n], t, atom: true)
    }
  }

  static func temporal(_ from: QType, _ to: QType, _ x: Value) throws -> Value {
    // Express in nanoseconds since 2000.01.01 (or of the day for time types).
    let raw: Double
    switch x {
    case .int(let v, _): raw = Double(v)
    case .long(let v, _): raw = Double(v)
    case .float(let v, _): raw = v
    default: throw QError.type
    }
    let dayTypes: Set<QType> = [.date, .timestamp, .datetime, .month]
    let ns: Double
    switch from {
    case .date: ns = raw * 86_400e9
    case .timestamp, .timespan: ns = raw
    case .datetime: ns = raw * 86_400e9
    case .month:
      let total = Int(raw)
      let y = 2000 + (total >= 0 ? total / 12 : (total - 11) / 12)
      let m = total - (y - 2000) * 12 + 1
      ns = Double(Temporal.days(year: y, month: m, day: 1)) * 86_400e9
    case .minute: ns = raw * 60e9
    case .second: ns = raw * 1e9
    case .time: ns = raw * 1e6
    default: throw QError.type
    }
    if dayTypes.contains(from) != dayTypes.contains(to) && !(from == .timestamp || to == .timestamp) && !(from == .timespan) {
      // time-of-day from a date-like value: the time within the day
      if !dayTypes.contains(to) {
        let inDay = ns.truncatingRemainder(dividingBy: 86_400e9)
        return try temporalFromNanos(to, inDay < 0 ? inDay + 86_400e9 : inDay)
      }
      throw QError.type
    }
    if from == .timestamp && !dayTypes.contains(to) && to != .timespan {
      var inDay = ns.truncatingRemainder(dividingBy: 86_400e9)
      if inDay < 0 { inDay += 86_400e9 }
      return try temporalFromNanos(to, inDay)
    }
    return try temporalFromNanos(to, ns)
  }

  static func temporalFromNanos(_ t: QType, _ ns: Double) throws -> Value {
    switch t {
    case .date: return .int(Int32((ns / 86_400e9).rounded(.down)), .date)
    case .timestamp: return .long(Int64(ns), .timestamp)
    case .timespan: return .long(Int64(ns), .timespan)
    case .datetime: return .float(ns / 86_400e9, .datetime)
    case .month:
      let c = Temporal.civil(Int((ns / 86_400e9).rounded(.down)))
      return .int(Int32((c.year - 2000) * 12 + c.month - 1), .month)
    case .minute: return .int(Int32((ns / 60e9).rounded(.down)), .minute)
    case .second: return .int(Int32((ns / 1e9).rounded(.down)), .second)
    case .time: return .int(Int32((ns / 1e6).rounded(.down)), .time)
    default: throw QError.type
    }
  }

  /// `"T"$text`: parse strings as type T.
  static func parseText(_ t: QType, _ y: Value) throws -> Value {
    switch y {
    case .vector(let v):
      guard case .char(let a) = v.storage else {
        if v.type == .symbol { throw QError.type }
        throw QError.type
      }
      let s = String(decoding: a, as: UTF8.self).trimmingSpaces
      if t == .char { return y }
      if t == .symbol { return .symbol(s) }
      if s.isEmpty { return Nulls.atom(t) }
      if t == .boolean {
        let c = s.lowercased().first!
        return .bool("1tTyY".contains(c))
      }
      if let v = AtomParser.literal(s), let vt = v.atomType {
        if vt == t { return v }
        if let c = try? to(t, v), (vt.isNumeric && t.isNumeric) || (vt == .date && t == .timestamp) || (vt.isTemporal && t.isTemporal) { return c }
      }
      if let v = AtomParser.literal(s + String(t.letter)), v.atomType == t { return v }
      if t.isNumeric, let v = AtomParser.number(s, as: t) { return v }
      return Nulls.atom(t)
    case .char(let c): return try parseText(t, .chars([c]))
    case .list(let a): return Value.fromItems(try a.map { try parseText(t, $0) })
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
