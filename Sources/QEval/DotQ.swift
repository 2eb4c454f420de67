import QValues

/// The text helpers of the `.Q` namespace: character sets, `.Q.t`, `.Q.f`, `.Q.fmt`,
/// `.Q.s` and `.Q.s1`.
enum DotQ {
  static let lower = "abcdefghijklmnopqrstuvwxyz"
  static let upper = lower.uppercased()
  static let digits = "0123456789"

  /// Constants, installed as globals.
  static let constants: [(String, Value)] = [
    (".Q.a", .string(lower)),
    (".Q.A", .string(upper)),
    (".Q.n", .string(digits)),
    (".Q.nA", .string(digits + upper)),
    (".Q.an", .string(lower + upper + "_" + digits)),
    // The type letter at each type number.
    (".Q.t", .string(" bg xhijefcspmdznuvt")),
  ]

  /// Constants of the `.q` namespace, found when no variable has the name.
  static let qConstants: [String: Value] = ["csv": .char(44)]

  static let definitions: [PrimitiveDef] = [
    PrimitiveDef(".Q.s1", monad: { _, x in .string(Format.shortForm(x)) }),
    PrimitiveDef(".Q.s", monad: { _, x in .string(Format.display(x) + "\n") }),
    PrimitiveDef(".Q.f", dyad: { _, n, x in try Atomic.monad(x) { try fixed($0, decimals: n) } }),
    PrimitiveDef(".Q.fmt", nary: { i, a in try fmt(i, a) }),
  ]

  /// `.Q.f[n;x]`: x with n decimals, rounding half away from zero.
  static func fixed(_ x: Value, decimals n: Value) throws -> Value {
    if case .vector = x { return .list(try x.items.map { try fixed($0, decimals: n) }) }
    guard let d = n.asInt, d >= 0, d < 18, let v = Numeric.doubles(x)?.first, x.isAtom else { throw QError.type }
    return .string(fixedText(v, d))
  }

  static func fixedText(_ v: Double, _ d: Int) -> String {
    if v.isNaN { return "" }
    if v.isInfinite { return v > 0 ? "0w" : "-0w" }
    let scale = (0..<d).reduce(1.0) { r, _ in r * 10 }
    let scaled = (v.magnitude * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9.2e18 else { return Format.float(v, precision: 0) }
    let digits = String(UInt64(scaled))
    let padded = String(repeating: "0", count: max(0, d + 1 - digits.count)) + digits
    let cut = padded.index(padded.endIndex, offsetBy: -d)
    let body = d == 0 ? padded : padded[..<cut] + "." + padded[cut...]
    return (v < 0 && scaled != 0 ? "-" : "") + body
  }

  /// `.Q.fmt[w;d;x]`: `.Q.f` right-aligned in w places, or w stars when it does not fit.
  static func fmt(_ i: Interpreter, _ a: [Value]) throws -> Value {
    if a.count < 3 {
      guard let me = Primitives.byName[".Q.fmt"] else { throw QError.nyi }
      return .function(.projection(.function(.primitive(me)), a.map { Optional($0) } + Array(repeating: nil, count: 3 - a.count)))
    }
    guard a.count == 3, let w = a[0].asInt, let d = a[1].asInt, d >= 0, d < 18 else { throw QError.type }
    return try Atomic.monad(a[2]) { x in
      guard let v = Numeric.doubles(x)?.first, x.isAtom else { throw QError.type }
      let s = fixedText(v, d)
      if s.count > w { return .string(String(repeating: "*", count: max(0, w))) }
      return .string(String(repeating: " ", count: w - s.count) + s)
    }
  }
}

extension Interpreter {
  func installDotQ() {
    for (name, value) in DotQ.constants { globals[name] = value }

  }
}
