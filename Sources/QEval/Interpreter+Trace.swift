import QSyntax
import QValues

/// A text being evaluated: console input, a `value` string or a lambda's body, with
/// the offset its positions are counted from and the name it was called by.
struct SourceContext {
  let text: String
  let base: Int
  let name: String?
}

/// Where an error was raised: the frame depth, the text, and the byte offset in it
/// of the failing application.
struct ErrorSite {
  let message: String
  let depth: Int
  let text: String
  let name: String?
  let offset: Int
}

extension Interpreter {
  func noteErrorSite(_ position: Int, _ e: QError) {
    guard let ctx = sources.last else { return }
    errorSite = ErrorSite(message: e.message, depth: sources.count - 1, text: ctx.text, name: ctx.name, offset: position - ctx.base)
  }

  /// What the console prints under `'msg`: the innermost frame's source, with a caret
  /// under the failing primitive. `input` is the console line, used when no
  /// application noted a position.
  func traceText(for e: QError, input: String) -> String {
    let site: ErrorSite
    if let s = errorSite, s.message == e.message {
      site = s
    } else {
      let lead = input.utf8.prefix { $0 == 32 || $0 == 9 }.count
      site = ErrorSite(message: e.message, depth: 0, text: input, name: nil, offset: lead)
    }
    let bytes = Array(site.text.utf8)
    let offset = min(max(site.offset, 0), bytes.count)
    // Quote only the line that holds the caret.
    var lineStart = offset
    while lineStart > 0 && bytes[lineStart - 1] != 10 { lineStart -= 1 }
    var lineEnd = offset
    while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
    // Trailing comments are not quoted: the line ends with its last token.
    if let tokens = try? Lexer.tokenize(site.text) {
      let ends = tokens.filter { $0.kind != .end && $0.kind != .newline && $0.offset >= lineStart && $0.endOffset <= lineEnd }.map(\.endOffset)
      if let last = ends.max(), last >= offset { lineEnd = last }
    }
    let prefix = lineStart == 0 ? (site.name.map { $0 + ":" } ?? "") : ""
    let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    let column = prefix.count + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return "  [\(site.depth)]  " + prefix + line + "\n" + String(repeating: " ", count: 7 + column) + "^\n"
  }
}
