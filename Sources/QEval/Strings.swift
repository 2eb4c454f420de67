import QValues

/// Text verbs: case, trimming, matching (`like`, `ss`, `ssr`), and `sv`/`vs`.
enum Strings {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("lower", monad: { _, x in try mapChars(x) { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }),
    PrimitiveDef("upper", monad: { _, x in try mapChars(x) { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 } }),
    PrimitiveDef("trim", monad: { _, x in try trim(x, left: true, right: true) }),
    PrimitiveDef("ltrim", monad: { _, x in try trim(x, left: true, right: false) }),
    PrimitiveDef("rtrim", monad: { _, x in try trim(x, left: false, right: true) }),
    PrimitiveDef("like", dyad: { _, x, y in try like(x, y) }),
    PrimitiveDef("ss", dyad: { _, x, y in try ss(x, y) }),
    PrimitiveDef("ssr", nary: { i, a in try ssr(i, a) }),
    PrimitiveDef("sv", dyad: { _, x, y in try sv(x, y) }),
    PrimitiveDef("vs", dyad: { _, x, y in try vs(x, y) }),
    PrimitiveDef("md5", monad: { _, x in .bytes(Digest.md5(try Digest.bytes(of: x))) }),
  ] + DotQ.definitions + TextFile.definitions

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

  /// Strip leading/trailing blanks of strings; on other vectors, leading/trailing nulls.
  static func trim(_ x: Value, left: Bool, right: Bool) throws -> Value {
    switch x {
    case .vector(let v):
      let n = v.count
      var lo = 0, hi = n
      if case .char(let a) = v.storage {
        if right { while hi > 0 && a[hi - 1] == 32 { hi -= 1 } }
        if left { while lo < hi && a[lo] == 32 { lo += 1 } }
        return .chars(Array(a[lo..<hi]))
      }
      if right { while hi > 0 && v[hi - 1].isNull { hi -= 1 } }
      if left { while lo < hi && v[lo].isNull { lo += 1 } }
      return lo == 0 && hi == n ? x : .vector(v.slice(lo..<hi))
    case .char(let c): return c == 32 ? .chars([]) : x
    case .list(let a): return .list(try a.map { try trim($0, left: left, right: right) })
    case .dict(let k, let v): return .dict(k, try trim(v, left: left, right: right))
    default:
      if x.isAtom { return x }
      throw QError.type
    }
  }

}
