import QValues

typealias Monad = @Sendable (Interpreter, Value) throws -> Value
typealias Dyad = @Sendable (Interpreter, Value, Value) throws -> Value
typealias Nary = @Sendable (Interpreter, [Value]) throws -> Value

/// One primitive: its name (glyph or keyword) and the forms it has. `nary` serves
/// applications with three or more arguments (`@[x;i;f;y]`, `?[c;a;b]`, `ssr`).
struct PrimitiveDef: Sendable {
  let name: String
  var monad: Monad?
  var dyad: Dyad?
  var nary: Nary?
  init(_ name: String, monad: Monad? = nil, dyad: Dyad? = nil, nary: Nary? = nil) {
    self.name = name; self.monad = monad; self.dyad = dyad; self.nary = nary
  }
}

/// The one table of primitives. Glyphs are listed here with both their forms; each
/// family file contributes its keywords (`Lists.definitions`, `Strings.definitions`...).
enum Primitives {
  static let glyphs: [PrimitiveDef] = [
    PrimitiveDef("+", monad: { _, x in try Tables.flip(x) }, dyad: { _, x, y in try Arithmetic.dyad(.add, x, y) }),
    PrimitiveDef("-", monad: { _, x in try Arithmetic.neg(x) }, dyad: { _, x, y in try Arithmetic.dyad(.subtract, x, y) }),
    PrimitiveDef("*", monad: { _, x in try Lists.first(x) }, dyad: { _, x, y in try Arithmetic.dyad(.multiply, x, y) }),
    PrimitiveDef("%", monad: { _, x in try Arithmetic.floatMonad(x) { 1 / $0 } }, dyad: { _, x, y in try Arithmetic.dyad(.divide, x, y) }),
    PrimitiveDef("&", monad: { _, x in try Lists.where_(x) }, dyad: { _, x, y in try Arithmetic.dyad(.min, x, y) }),
    PrimitiveDef("|", monad: { _, x in try Lists.reverse(x) }, dyad: { _, x, y in try Arithmetic.dyad(.max, x, y) }),
    PrimitiveDef("=", monad: { _, x in try Lists.group(x) }, dyad: { _, x, y in try Comparison.dyad(.eq, x, y) }),
    PrimitiveDef("<", monad: { _, x in try Sorting.iasc(x) }, dyad: { _, x, y in try Comparison.dyad(.lt, x, y) }),
    PrimitiveDef(">", monad: { _, x in try Sorting.idesc(x) }, dyad: { _, x, y in try Comparison.dyad(.gt, x, y) }),
    PrimitiveDef("<=", dyad: { _, x, y in try Comparison.dyad(.le, x, y) }),
    PrimitiveDef(">=", dyad: { _, x, y in try Comparison.dyad(.ge, x, y) }),
    PrimitiveDef("<>", dyad: { _, x, y in try Comparison.dyad(.ne, x, y) }),
    PrimitiveDef("~", monad: { _, x in try Logic.not(x) }, dyad: { _, x, y in .bool(Match.equal(x, y)) }),
    PrimitiveDef("!", monad: { i, x in try Tables.bang(i, x) }, dyad: { i, x, y in try Tables.dict(i, x, y) },
      nary: { i, a in try i.functionalBang(a) }),
    PrimitiveDef("#", monad: { _, x in .j(x.count) }, dyad: { _, x, y in try Lists.take(x, y) }),
    PrimitiveDef("_", monad: { _, x in try Arithmetic.floor(x) }, dyad: { _, x, y in try Lists.drop(x, y) }),
    PrimitiveDef(",", monad: { _, x in Lists.enlist(x) }, dyad: { _, x, y in try Lists.join(x, y) }),
    PrimitiveDef("^", monad: { _, x in try Logic.null(x) }, dyad: { _, x, y in try Lists.fill(x, y) }),
    PrimitiveDef("?", monad: { _, x in try Search.distinct(x) }, dyad: { i, x, y in try Search.query(i, x, y) },
      nary: { i, a in try i.functionalQuestion(a) }),
    PrimitiveDef("$", monad: { _, x in try Cast.string(x) }, dyad: { i, x, y in try Cast.dollar(i, x, y) }, nary: { i, a in try Control.condFunction(i, a) }),
    PrimitiveDef("@", monad: { _, x in .short(Int16(x.type)) }, dyad: { i, x, y in try Amend.at(i, x, y) },
      nary: { i, a in try Amend.amendAt(i, a) }),
    PrimitiveDef(".", monad: { i, x in try System.value(i, x) }, dyad: { i, x, y in try Amend.dot(i, x, y) },
      nary: { i, a in try Amend.amendDot(i, a) }),
    PrimitiveDef(":", monad: { _, x in x }, dyad: { _, _, y in y }),
    PrimitiveDef("::", monad: { _, x in x }),
    PrimitiveDef("0:", dyad: { i, x, y in try Files.zeroColon(i, x, y) }),
    PrimitiveDef("1:", monad: { i, x in try Files.read1(i, x) }, dyad: { i, x, y in try Files.oneColon(i, x, y) }),
    PrimitiveDef("2:", dyad: { _, _, _ in throw QError.nyi }),
  ]

  static let table: [PrimitiveDef] = {
    var all = glyphs
    for family in [Arithmetic.definitions, Lists.definitions, Search.definitions, Sorting.definitions,
                   Aggregates.definitions, Strings.definitions, Cast.definitions, Tables.definitions, TableVerbs.definitions, TableJoins.definitions,
                   Logic.definitions, Adverbs.definitions, System.definitions, Amend.definitions, Files.definitions,
                   Handles.definitions] {
      all += family
    }
    return all
  }()

  static let byName: [String: Primitive] = {
    var m: [String: Primitive] = [:]
    for (i, d) in table.enumerated() where m[d.name] == nil {
      // A keyword with a monad and no dyad is unary even when it takes more (enlist).
      let valence = d.dyad == nil && (d.nary == nil || d.monad != nil) ? 1 : 2
      m[d.name] = Primitive(id: i, name: d.name, valence: valence)
    }
    return m
  }()

  static func def(_ name: String) -> PrimitiveDef? { byName[name].map { table[$0.id] } }
}

extension Interpreter {
  func applyMonadicVerb(_ g: String, _ x: Value) throws -> Value {
    guard let p = Primitives.byName[g] else { throw QError(g) }
    let d = Primitives.table[p.id]
    if let m = d.monad { return try m(self, x) }
    // A dyadic keyword in prefix position: `mod x` is a projection.
    return .function(.projection(.function(.primitive(p)), [x, nil]))
  }

  func applyDyadicVerb(_ g: String, _ x: Value, _ y: Value) throws -> Value {
    guard let p = Primitives.byName[g] else { throw QError(g) }
    let d = Primitives.table[p.id]
    if let f = d.dyad { return try f(self, x, y) }
    if let n = d.nary { return try n(self, [x, y]) }
    throw QError.rank
  }
}
