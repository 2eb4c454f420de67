/// How values read as text: `shortForm` is q's one-line form (`-3!`, `.Q.s1`), and
/// `display` is what the console prints (`.Q.s`), one string per line.
public extension Format {
  /// An atom with the suffix q adds so that it reads back as the same type.
  static func atom(_ v: Value) -> String {
    switch v {
    case .bool(let b): return b ? "1b" : "0b"
    case .guid(let g): return guid(g)
    case .byte(let b): return "0x" + hex(b)
    case .short(let x): return x == Nulls.short ? "0Nh" : integral(x, null: Nulls.short, inf: Nulls.shortInf) + "h"
    case .int(let x, let t):
      let bare = element(Vector(t, .int([x])), 0)
      switch t {
      case .int: return (x == Nulls.int ? "0N" : bare) + "i"
      case .month: return bare + "m"
      case .date: return x == Nulls.int || x == Nulls.intInf || x == -Nulls.intInf ? bare + "d" : bare
      case .minute: return isSpecial(x) ? bare + "u" : bare
      case .second: return isSpecial(x) ? bare + "v" : bare
      case .time: return isSpecial(x) ? bare + "t" : bare
      default: return bare
      }
    case .long(let x, let t):
      switch t {
      case .timestamp: return x == Nulls.long || abs(x) == Nulls.longInf ? integral(x, null: Nulls.long, inf: Nulls.longInf) + "p" : timestamp(x)
      case .timespan: return x == Nulls.long || abs(x) == Nulls.longInf ? integral(x, null: Nulls.long, inf: Nulls.longInf) + "n" : timespan(x)
      default: return integral(x, null: Nulls.long, inf: Nulls.longInf)
      }
    case .real(let x): return real(x) + "e"
    case .float(let x, let t):
      if t == .datetime { return x.isNaN ? "0Nz" : x.isInfinite ? (x > 0 ? "0wz" : "-0wz") : datetime(x) }
      let s = float(x)
      return needsFloatSuffix(s) ? s + "f" : s
    case .char(let c): return quoted([c])
    case .symbol(let s): return "`" + s
    case .identity: return "::"
    default: return shortForm(v)
    }
  }

  private static func isSpecial(_ x: Int32) -> Bool { x == Nulls.int || x == Nulls.intInf || x == -Nulls.intInf }

  /// A float without a '.', exponent or special spelling would read back as a long.
  internal static func needsFloatSuffix(_ s: String) -> Bool {
    !s.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "w" })
  }

  /// A vector on one line, with `,` for a single item and a cast for an empty one.
  static func vector(_ v: Vector) -> String {
    let n = v.count
    let attr = v.attr.prefix
    if n == 0 {
      if v.type == .char { return attr + "\"\"" }
      return attr + "`" + v.type.name + "$()"
    }
    let prefix = attr + (n == 1 ? "," : "")
    switch v.storage {
    case .char(let a): return prefix + quoted(a)
    case .symbol(let a): return prefix + a.map { "`" + $0 }.joined()
    case .bool(let a): return prefix + String(a.map { $0 ? "1" : "0" }) + "b"
    case .byte(let a): return prefix + "0x" + a.map(hex).joined()
    default: break
    }
    var parts = [String]()
    parts.reserveCapacity(n)
    for i in 0..<n { parts.append(element(v, i)) }
    var body = parts.joined(separator: " ")
    switch v.type {
    case .short: body += "h"
    case .int: body += "i"
    case .real: body += "e"
    case .month: body += "m"
    case .float:
      if parts.allSatisfy({ needsFloatSuffix($0) }) { body += "f" }
    case .long, .date, .timestamp, .timespan, .datetime, .minute, .second, .time:
      if parts.allSatisfy({ $0 == "0N" || $0 == "0W" || $0 == "-0W" }) { body += String(v.type.letter) }
    default: break
    }
    return prefix + body
  }

  /// q's one-line form of any value.
  static func shortForm(_ v: Value) -> String {
    switch v {
    case .vector(let vec): return vector(vec)
    case .list(let items):
      if items.isEmpty { return "()" }
      if items.count == 1 { return "," + shortForm(items[0]) }
      return "(" + items.map(shortForm).joined(separator: ";") + ")"
    case .dict(let k, let val):
      let ks = shortForm(k)
      let keyText = k.isTable || needsParens(k) ? "(" + ks + ")" : ks
      return keyText + "!" + shortForm(val)
    case .table(let t):
      return "+" + shortForm(.dict(.symbols(t.names), .list(t.columns)))
    case .function(let f): return function(f)
    default: return atom(v)
    }
  }

  private static func needsParens(_ v: Value) -> Bool {
    if case .vector(let x) = v, x.count == 1 { return true }
    if case .list(let a) = v, a.count == 1 { return true }
    if case .dict = v { return true }
    return false
  }

  static func function(_ f: Function) -> String {
    switch f {
    case .lambda(let l): return l.source
    case .primitive(let p): return p.name
    case .projection(let g, let args):
      var shown = args
      while shown.count > 1, shown.last! == nil { shown.removeLast() }
      return shortForm(g) + "[" + shown.map { $0.map(shortForm) ?? "" }.joined(separator: ";") + "]"
    case .composition(let parts): return parts.map(shortForm).joined()
    case .derived(let a, let g):
      let inner = shortForm(g)
      return inner + a.rawValue
    }
  }
}

extension Value: CustomStringConvertible {
  public var description: String { Format.shortForm(self) }
}
