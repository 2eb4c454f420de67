import QValues

/// Text verbs: case, trimming, matching (`like`, `ss`, `ssr`), and `sv`/`vs`.
enum Strings {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("lower", monad: { _, x in try mapChars(x) { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }),
    PrimitiveDef("upper", monad: { _, x in try mapChars(x) { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 } }),
    PrimitiveDef("trim", monad: { _, x in try trim(x, left: true, right: true) }),
    PrimitiveDef("ltrim", monad: { _, x in try trim(x, left: true, right: false) }),
    PrimitiveDef("rtrim", monad: { _, x in try trim(x, left: false, right: true) }),
  ]

  static func mapChars(_ x: Value, _ f: @escaping (UInt8) -> UInt8) throws -> Value {
    switch x {
    case .char(let c): return .char(f(c))
    case .symbol(let s): return .symbol(String(decoding: s.utf8.map(f), as: UTF8.self))
    case .vector(let v):
      switch v.storage {
      case .char(let a): return .chars(a.map(f))
      case .symbol(let a): return .symbols(a.map { String(decoding: $0.utf8.map(f), as: UTF8.self) })
      default: throw QError.type
      }
    case .list(let a): return .list(try a.map { try mapChars($0, f) })
    case .dict(let k, let v): return .dict(k, try mapChars(v, f))
    default: throw QError.type
    }
  }

  static func trim(_ x: Value, left: Bool, right: Bool) throws -> Value {
    switch x {
    case .vector(let v):
      guard case .char(var a) = v.storage else { throw QError.type }
      if right { while a.last == 32 { a.removeLast() } }
      if left { let n = a.prefix { $0 == 32 }.count; a.removeFirst(n) }
      return .chars(a)
    case .char(let c): return c == 32 ? .chars([]) : x
    case .list(let a): return .list(try a.map { try trim($0, left: left, right: right) })
    default: throw QError.type
    }
  }
}
