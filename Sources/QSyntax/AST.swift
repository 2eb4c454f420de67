import QValues

/// The parsed form of q code. Application is uniform: `f[x;y]`, `f x` and `x f y`
/// all become `apply`; only a verb's prefix use (`-x`, `+/x`) is told apart, because
/// there the verb takes its monadic form.
public indirect enum Node: Sendable {
  case constant(Value)
  case name(String)
  /// A glyph or infix keyword used as a value or in infix position: "+", "mod".
  case verb(String)
  case derived(Adverb, Node)
  /// Monadic application of a verb: `-x`, `#x`, `+/x`.
  case prefix(Node, Node)
  /// Bracket application, juxtaposition and infix use; `nil` marks an elided argument.
  case apply(Node, [Node?])
  /// `(a;b;c)`
  case list([Node])
  /// `(x)`: kept so that a parenthesised assignment still prints.
  case group(Node)
  case lambda(Lambda)
  /// `a:x`, `a[i]:x`, `a+:x`, `a[i],:x`, `a::x`.
  case assign(Assignment)
  /// `$[c;t;f]`, and `$[c;t;c2;t2;f]`.
  case cond([Node])
  /// `if[c;...]`, `do[n;...]`, `while[c;...]`.
  case control(String, [Node])
  /// `:x` in a lambda.
  case ret(Node)
  /// `'x`
  case signal(Node)
  /// A statement sequence in brackets: `[a;b]`.
  case block([Node])
  /// `select`, `exec`, `update`, `delete`.
  case query(Query)
  /// `([k:...] c:...; ...)`: a table, keyed when key columns are given.
  case table(keys: [(name: String, expr: Node)], columns: [(name: String, expr: Node)])
  /// An empty statement (`;;`) or argument.
  case empty
  /// Where a node starts in its source (byte offset), for error traces: wraps
  /// applications and statements. `unlocated` looks through it.
  case located(Int, Node)
}

extension Node {
  /// The node without its source position.
  public var unlocated: Node {
    if case .located(_, let n) = self { return n.unlocated }
    return self
  }
}

public struct Assignment: Sendable {
  public var name: String
  public var indices: [Node?]?
  public var op: Node?
  public var value: Node
  public var global: Bool
  /// Offset of the assigning `:` (or of the operator in `a+:x`), for error traces.
  public var position: Int = 0
  /// For `(a;b):x` and other pattern assignments: the pattern; `name` is then empty.
  public var pattern: Node? = nil
  /// Where a pattern starts: a count mismatch points there.
  public var patternStart: Int = 0
}

public struct Query: Sendable {
  public enum Kind: String, Sendable { case select, exec, update, delete }
  public var kind: Kind
  /// Result columns, each with a name when one is given or can be derived.
  public var columns: [(name: String?, expr: Node)]
  public var by: [(name: String?, expr: Node)]?
  public var from: Node
  public var wheres: [Node]
  /// `select[n]`
  public var limit: Node?
  /// For `delete a,b from t`: the column names.
  public var deleteColumns: [String]
}

/// The compiled body a `Lambda` carries.
public final class LambdaBody: @unchecked Sendable {
  public let statements: [Node]
  /// Offset of the lambda's `{` in the text it was parsed from: positions in the
  /// body are relative to that text.
  public let baseOffset: Int
  public init(_ statements: [Node], baseOffset: Int = 0) {
    self.statements = statements; self.baseOffset = baseOffset
  }
}
