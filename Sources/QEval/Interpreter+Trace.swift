import QSyntax
import QValues

/// A text being evaluated: console input, a `value` string or a lambda's body, with
/// the offset its positions are counted from, the name it was called by, and where in
/// the text below it the call was made. A pseudo frame stands for a q function that
/// calls back (`.Q.trp`) and quotes only its name.
struct SourceContext {
  let text: String
  let base: Int
  let name: String?
  let callerPos: Int
  var lambda: Lambda? = nil
  var pseudo = false
}

/// One line of a backtrace: frame depth, text, and the byte offset of the caret.
struct TraceFrame {
  let depth: Int
  let text: String
  let name: String?
  let offset: Int
  let pseudo: Bool
}

/// Where an error was raised: every frame from the innermost out.
struct ErrorSite {
  let message: String
  let frames: [TraceFrame]
}

extension Interpreter {
  func noteErrorSite(_ position: Int, _ e: QError) {
    errorSite = ErrorSite(message: e.message, frames: backtrace(innermost: position))
  }

  /// The frames active now, innermost first; `innermost` is the position in the
  /// innermost text, the others are the call sites recorded on entry.
  func backtrace(innermost: Int) -> [TraceFrame] {
    // A lambda is named by the name it was called by, else by the global holding it,
    // else as `outer@` when it runs inside a named one.
    var names: [String?] = []
    var enclosing: String? = nil
    for c in sources {
      var name = c.name
      if name == nil, let l = c.lambda {
        name = globals.first(where: { if case .function(.lambda(let g)) = $0.value { return g === l } else { return false } })?.key
          ?? enclosing.map { $0 + "@" }
      }
      names.append(name)
      if c.lambda != nil { enclosing = name }
    }
    var out: [TraceFrame] = []
    var pos = innermost
    for k in stride(from: sources.count - 1, through: 0, by: -1) {
      let c = sources[k]
      out.append(TraceFrame(depth: k, text: c.text, name: names[k], offset: pos - c.base, pseudo: c.pseudo))
      pos = c.callerPos
    }
    return out
  }

  /// What the console prints under `'msg`: the innermost frame, with a caret under
  /// the failing primitive. `input` is the console line, used when no application
  /// noted a position.
  func traceText(for e: QError, input: String) -> String {
    if let s = errorSite, s.message == e.message, let top = s.frames.first { return Interpreter.frameText(top) }
    let lead = input.utf8.prefix { $0 == 32 || $0 == 9 }.count
    return Interpreter.frameText(TraceFrame(depth: 0, text: input, name: nil, offset: lead, pseudo: false))
  }

  /// `  [N]  name:source` and a caret line; only the line holding the caret is quoted.
  static func frameText(_ f: TraceFrame) -> String {
    if f.pseudo { return "  [\(f.depth)]  \(f.text)\n\n" }
    let bytes = Array(f.text.utf8)
    let offset = min(max(f.offset, 0), bytes.count)
    var lineStart = offset
    while lineStart > 0 && bytes[lineStart - 1] != 10 { lineStart -= 1 }
    var lineEnd = offset
    while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
    // Trailing comments are not quoted: the line ends with its last token.
    if let tokens = try? Lexer.tokenize(f.text) {
      let ends = tokens.filter { $0.kind != .end && $0.kind != .newline && $0.offset >= lineStart && $0.endOffset <= lineEnd }.map(\.endOffset)
      if let last = ends.max(), last >= offset { lineEnd = last }
    }
    let prefix = lineStart == 0 ? (f.name.map { $0 + ":" } ?? "") : ""
    let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    let column = prefix.count + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return "  [\(f.depth)]  " + prefix + line + "\n" + String(repeating: " ", count: 7 + column) + "^\n"
  }

  // MARK: .Q.bt, .Q.trp, .Q.sbt

  /// A backtrace as a q value: one `(name;text;offset;depth;pseudo)` list per frame.
  static func traceValue(_ frames: [TraceFrame]) -> Value {
    .list(frames.map { f in
      .list([.string(f.name ?? ""), .string(f.text), .j(f.offset), .j(f.depth), .bool(f.pseudo)])
    })
  }

  static func framesFromValue(_ v: Value) throws -> [TraceFrame] {
    guard !v.isAtom else { throw QError.type }
    return try v.items.map { item in
      let parts = item.items
      guard parts.count == 5, let offset = parts[2].asInt, let depth = parts[3].asInt,
        case .vector(let nv) = parts[0], case .char(let n) = nv.storage,
        case .vector(let tv) = parts[1], case .char(let t) = tv.storage
      else { throw QError.type }
      let name = String(decoding: n, as: UTF8.self)
      return TraceFrame(depth: depth, text: String(decoding: t, as: UTF8.self), name: name.isEmpty ? nil : name,
                        offset: offset, pseudo: parts[4].asInt == 1)
    }
  }

  /// `.Q.trp[f;x;g]`: f[x], or on error g[message;backtrace].
  func trapWithTrace(_ f: Value, _ x: Value, _ handler: Value) throws -> Value {
    let savedFrames = frames.count, savedSources = sources.count
    sources.append(SourceContext(text: "(.Q.trp)", base: 0, name: nil, callerPos: currentPos, pseudo: true))
    do {
      let r = try apply(f, [x])
      sources.removeLast()
      return r
    } catch let e as QError {
      let trace = (errorSite?.message == e.message ? errorSite?.frames : nil) ?? backtrace(innermost: currentPos)
      while frames.count > savedFrames { frames.removeLast() }
      while sources.count > savedSources { sources.removeLast() }
      errorSite = nil
      return try apply(handler, [.string(e.message), Interpreter.traceValue(trace)])
    }
  }
}

enum Trace {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef(".Q.bt", monad: { i, _ in
      i.writeErr(i.backtrace(innermost: i.currentPos).map(Interpreter.frameText).joined())
      return .identity
    }),
    PrimitiveDef(".Q.sbt", monad: { _, x in .string(try Interpreter.framesFromValue(x).map(Interpreter.frameText).joined()) }),
    PrimitiveDef(".Q.trp", nary: { i, a in
      guard a.count == 3 else { throw QError.rank }
      return try i.trapWithTrace(a[0], a[1], a[2])
    }),
  ]
}
