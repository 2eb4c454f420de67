import QValues

/// q's glob patterns, used by `like` (whole-text match, with `*`) and by `ss`/`ssr`
/// (substring search, where `*` is an ordinary character).
struct GlobPattern {
  enum Token {
    case char(UInt8)
    case any
    case star
    /// A bracketed class: 256 membership flags, already negated for `[^..]`.
    case set([Bool])
  }

  let tokens: [Token]

  init(_ pattern: [UInt8], starIsWild: Bool) {
    var out: [Token] = []
    var i = 0
    let n = pattern.count
    while i < n {
      let c = pattern[i]
      switch c {
      case UInt8(ascii: "?"): out.append(.any); i += 1
      case UInt8(ascii: "*") where starIsWild:
        if case .star? = out.last {} else { out.append(.star) }
        i += 1
      case UInt8(ascii: "["):
        if let (set, next) = GlobPattern.bracket(pattern, from: i + 1) {
          out.append(.set(set)); i = next
        } else {
          out.append(.char(c)); i += 1
        }
      default: out.append(.char(c)); i += 1
      }
    }
    tokens = out
  }

  /// Parse a class starting just after `[`: `^` negates, a `]` right after the opening
  /// (or after `^`) is a member, and `a-z` is a range. Nil when there is no closing `]`.
  private static func bracket(_ p: [UInt8], from start: Int) -> ([Bool], Int)? {
    var i = start
    var negate = false
    if i < p.count, p[i] == UInt8(ascii: "^") { negate = true; i += 1 }
    var members = [Bool](repeating: false, count: 256)
    var first = true
    while i < p.count {
      let c = p[i]
      if c == UInt8(ascii: "]") && !first {
        if negate { members = members.map { !$0 } }
        return (members, i + 1)
      }
      first = false
      if i + 2 < p.count, p[i + 1] == UInt8(ascii: "-"), p[i + 2] != UInt8(ascii: "]") {
        let lo = c, hi = p[i + 2]
        if lo <= hi { for b in lo...hi { members[Int(b)] = true } }
        i += 3
      } else {
        members[Int(c)] = true
        i += 1
      }
    }
    return nil
  }

  @inline(__always) private func accepts(_ t: Token, _ c: UInt8) -> Bool {
    switch t {
    case .char(let x): return x == c
    case .any: return true
    case .star: return false
    case .set(let m): return m[Int(c)]
    }
  }

  /// Whole-text match. Each non-star token takes one character, so backtracking to
  /// the latest star is enough and the match stays linear in practice.
  func matches<C: RandomAccessCollection>(_ text: C) -> Bool where C.Element == UInt8, C.Index == Int {
    var ti = text.startIndex, pi = 0
    var starP = -1, starT = 0
    while ti < text.endIndex {
      if pi < tokens.count, case .star = tokens[pi] {
        starP = pi; starT = ti; pi += 1
      } else if pi < tokens.count, accepts(tokens[pi], text[ti]) {
        pi += 1; ti += 1
      } else if starP >= 0 {
        pi = starP + 1; starT += 1; ti = starT
      } else {
        return false
      }
    }
    while pi < tokens.count, case .star = tokens[pi] { pi += 1 }
    return pi == tokens.count
  }

  /// Match a symbol's bytes in place when its storage is contiguous.
  func matches(symbol s: String) -> Bool {
    if let r = s.utf8.withContiguousStorageIfAvailable({ matches($0) }) { return r }
    return matches(Array(s.utf8))
  }

  /// Does the (star-free) pattern match the text at position `at`?
  func matches(_ text: [UInt8], at: Int) -> Bool {
    guard at + tokens.count <= text.count else { return false }
    for (k, t) in tokens.enumerated() where !accepts(t, text[at + k]) { return false }
    return true
  }

  /// Start positions of non-overlapping matches, scanning left to right.
  func find(in text: [UInt8]) -> [Int] {
    var hits: [Int] = []
    let width = tokens.count
    guard width > 0 else { return hits }
    var i = 0
    while i + width <= text.count {
      if matches(text, at: i) { hits.append(i); i += width } else { i += 1 }
    }
    return hits
  }
}

extension Strings {
  /// The characters of a string, char or symbol.
  static func textBytes(_ x: Value) -> [UInt8]? {
    switch x {
    case .char(let c): return [c]
    case .symbol(let s): return Array(s.utf8)
    case .vector(let v):
      if case .char(let a) = v.storage { return a }
      if v.count == 0 { return [] }
      return nil
    case .list(let a) where a.isEmpty: return []
    default: return nil
    }
  }

  /// `x like y`: does text x match pattern y; atomic over lists of texts.
  static func like(_ x: Value, _ y: Value) throws -> Value {
    if case .symbol = y { throw QError.type }
    guard let p = textBytes(y) else { throw QError.type }
    let pattern = GlobPattern(p, starIsWild: true)
    // Stars may open and close a pattern, or one may sit inside it; more is not supported.
    let t = pattern.tokens
    let stars = t.indices.filter { if case .star = t[$0] { return true }; return false }
    if stars.count > 2 || (stars.count == 2 && !(stars[0] == 0 && stars[1] == t.count - 1)) { throw QError.nyi }
    return try likeEach(x, pattern)
  }

  private static func likeEach(_ x: Value, _ pattern: GlobPattern) throws -> Value {
    switch x {
    case .symbol(let s): return .bool(pattern.matches(symbol: s))
    case .char(let c): return .bool(pattern.matches([c]))
    case .vector(let v):
      switch v.storage {
      case .char(let a): return .bool(pattern.matches(a))
      case .symbol(let a): return .bools(a.map { pattern.matches(symbol: $0) })
      default: throw QError.type
      }
    case .list(let items):
      // Not atomic: a general list must hold strings.
      return .bools(try items.map { item in
        guard item.isString, case .vector(let v) = item, case .char(let a) = v.storage else { throw QError.type }
        return pattern.matches(a)
      })
    case .dict(let k, let v): return .dict(k, try likeEach(v, pattern))
    case .table(let t):
      return .table(Table(names: t.names, columns: try t.columns.map { try likeEach($0, pattern) }))
    default: throw QError.type
    }
  }

  /// `x ss y`: positions of pattern y in string x.
  static func ss(_ x: Value, _ y: Value) throws -> Value {
    if case .list(let items) = x, !items.isEmpty { return .list(try items.map { try ss($0, y) }) }
    guard x.isString, let text = textBytes(x), let p = textBytes(y) else { throw QError.type }
    if p.isEmpty || p.contains(UInt8(ascii: "*")) { throw QError.length }
    return .longs(GlobPattern(p, starIsWild: false).find(in: text).map { Int64($0) })
  }

  /// `ssr[x;y;z]`: replace matches of y in x by the string z, or by `z match`.
  static func ssr(_ i: Interpreter, _ args: [Value]) throws -> Value {
    if args.count < 3 {
      guard let me = Primitives.byName["ssr"] else { throw QError.nyi }
      return .function(.projection(.function(.primitive(me)),
                                   args.map { Optional($0) } + Array(repeating: nil, count: 3 - args.count)))
    }
    guard args.count == 3 else { throw QError.rank }
    let (x, y, z) = (args[0], args[1], args[2])
    if case .list(let items) = x { return .list(try items.map { try ssr(i, [$0, y, z]) }) }
    guard x.isString else { throw QError.type }
    guard let text = textBytes(x), let p = textBytes(y) else { throw QError.type }
    if p.isEmpty || p.contains(UInt8(ascii: "*")) { throw QError.length }
    let pattern = GlobPattern(p, starIsWild: false)
    let width = pattern.tokens.count
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var last = 0
    for hit in pattern.find(in: text) {
      out += text[last..<hit]
      let matched = Array(text[hit..<hit + width])
      if z.isFunction {
        let r = try i.apply(z, [.chars(matched)])
        guard let b = textBytes(r) else { throw QError.type }
        out += b
      } else {
        guard let b = textBytes(z) else { throw QError.type }
        out += b
      }
      last = hit + width
    }
    out += text[last...]
    return .chars(out)
  }
}
