import QSyntax
import QValues

/// One console session's read-eval-print step, shared by the console, scripts and
/// tests: evaluate a complete input and write its display or error.
public extension Interpreter {
  /// Evaluate one input (a q expression or a `\` command) and write what the q
  /// console shows for it: the result's display on out, `'error` on err.
  func execute(_ text: String) throws {
    errorSite = nil
    StackGuard.install()
    do {
      let value: Value?
      if text.hasPrefix("\\") {
        value = try systemCommand(String(text.dropFirst()))
      } else {
        value = try evaluate(text)
      }
      if let v = value {
        let shown = Format.display(v)
        writeOut(shown.isEmpty ? "" : shown + "\n")
      }
    } catch let e as QError {
      frames.removeAll()
      writeErr("'" + e.message + "\n" + traceText(for: e, input: text))
      errorSite = nil
    }
  }

  /// True while brackets or a string are still open: more lines belong to this input.
  static func isIncomplete(_ text: String) -> Bool {
    var depth = 0
    var inString = false
    var escape = false
    var prev: UInt8 = 32
    var inComment = false
    for c in text.utf8 {
      if inComment { if c == 10 { inComment = false }; prev = c; continue }
      if inString {
        if escape { escape = false } else if c == 92 { escape = true } else if c == 34 { inString = false }
        prev = c
        continue
      }
      switch c {
      case 34: inString = true
      case 40, 91, 123: depth += 1
      case 41, 93, 125: depth -= 1
      case 47 where prev == 32 || prev == 10 || prev == 9: inComment = true
      default: break
      }
      prev = c
    }
    return depth > 0
  }
}
