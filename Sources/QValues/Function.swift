/// Every kind of applicable value q has.
public enum Function: Sendable {
  case lambda(Lambda)
  case primitive(Primitive)
  /// A function with some arguments fixed; `nil` marks an elided argument.
  indirect case projection(Value, [Value?])
  /// `f g` or `'[f;g]`: apply the last, then each earlier one to the result.
  case composition([Value])
  indirect case derived(Adverb, Value)

  public var typeNumber: Int {
    switch self {
    case .lambda: return 100
    case .primitive(let p): return p.valence == 1 ? 101 : 102
    case .projection: return 104
    case .composition: return 105
    case .derived(let a, _): return a.typeNumber
    }
  }
}

/// A built-in operator or keyword: its implementation lives in the evaluator's table,
/// addressed by `id`; QValues only knows how to name it.
public struct Primitive: Sendable {
  public let id: Int
  public let name: String
  /// 1 for the monadic form of a glyph (`-:` in k terms), 2 when used dyadically.
  public let valence: Int
  public init(id: Int, name: String, valence: Int) {
    self.id = id; self.name = name; self.valence = valence
  }
}

public enum Adverb: String, Sendable, CaseIterable {
  case each = "'"
  case over = "/"
  case scan = "\\"
  case prior = "':"
  case eachRight = "/:"
  case eachLeft = "\\:"

  var typeNumber: Int {
    switch self {
    case .each: return 106
    case .over: return 107
    case .scan: return 108
    case .prior: return 109
    case .eachRight: return 110
    case .eachLeft: return 111
    }
  }
}

/// A lambda keeps its source text, which is how q displays it and what `value` returns.
/// The body is compiled by the syntax layer and interpreted by the evaluator; this layer
/// holds it without knowing its shape.
public final class Lambda: @unchecked Sendable {
  public let source: String
  public let params: [String]
  public let locals: [String]
  public let body: AnyObject
  /// The namespace current when the lambda was defined (`\d`).
  public let context: String

  public init(source: String, params: [String], locals: [String], body: AnyObject, context: String = "") {
    self.source = source; self.params = params; self.locals = locals; self.body = body; self.context = context
  }

  public var rank: Int { params.count }
}
