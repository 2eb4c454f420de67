import QEval
import QSyntax
import QValues

/// How received functions become values here: lambdas are re-parsed from their source,
/// primitives are looked up in the interpreter's table.
public enum Lambdas {
  /// The interpreter whose primitives received functions resolve to; set by the IPC hub.
  nonisolated(unsafe) public static var interpreter: Interpreter?

  /// Parse a received lambda in its context. Text that is not a q lambda (k source, or a
  /// keyword qlite sent by name) is kept as an opaque lambda that displays as sent.
  public static func parse(_ context: String, _ source: String) throws -> Value {
    let ctx = context.isEmpty ? "" : "." + context
    if !source.hasPrefix("k)"), let (statements, _) = try? Parser.parse(source, context: ctx),
       statements.count == 1 {
      if case .lambda(let l) = statements[0] {
        return .function(.lambda(Lambda(source: l.source, params: l.params, locals: l.locals, body: l.body, context: ctx)))
      }
      if context.isEmpty, case .name(let n) = statements[0], let i = interpreter,
         case .function(.primitive)? = try? i.lookup(n) {
        return try i.lookup(n)
      }
    }
    return .function(.lambda(Lambda(source: source, params: [], locals: [], body: Opaque(), context: ctx)))
  }

  final class Opaque {}

  static func primitive(_ name: String, valence: Int) -> Value {
    if let i = interpreter, case .function(.primitive(let p))? = try? i.lookup(name) {
      return .function(.primitive(valence == p.valence ? p : Primitive(id: p.id, name: p.name, valence: valence)))
    }
    return .function(.primitive(Primitive(id: -1, name: name, valence: valence)))
  }

  /// Type 101 index i: the unary keyword, or the operator's monadic form.
  static func unary(_ index: Int) -> Value? {
    guard index < WirePrimitives.unaries.count else { return nil }
    let name = WirePrimitives.unaries[index]
    if let i = interpreter, (try? i.lookup(name)) != nil { return primitive(name, valence: 1) }
    return primitive(WirePrimitives.operators[index], valence: 1)
  }

  static func op(_ index: Int) -> Value? {
    guard index < WirePrimitives.operators.count else { return nil }
    return primitive(WirePrimitives.operators[index], valence: 2)
  }
}
