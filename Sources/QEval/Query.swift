import QSyntax
import QValues

/// qSQL evaluation: select, exec, update, delete.
extension Interpreter {
  func runQuery(_ q: Query) throws -> Value {
    throw QError.nyi
  }
}
