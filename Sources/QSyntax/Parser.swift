import QValues

/// A recursive-descent parser for q, one function per rule:
///
///     program    := statement (";" | newline) statement ...
///     expression := term*   folded right to left: noun verb expression | verb expression | noun expression
///     term       := primary ( "[" arguments "]" | adverb )*
///     primary    := literal | name | verb | "(" list ")" | "{" lambda "}" | "$[" ... "]" | control
///
/// Assignment, return (`:x`) and signal (`'x`) take the whole rest of their expression.
public struct Parser {
  var tokens: [Token]
  var pos = 0
  let source: [UInt8]
  /// The namespace lambdas are defined in (`\d`).
  public var context = ""
  /// Where an error found after parsing a construct points, when not at the current token.
  var errorOffset: Int?

  /// Dyadic keywords that q lets you write between their arguments.
  public static let infixKeywords: Set<String> = [
    "and", "or", "mod", "div", "xexp", "in", "within", "like", "except", "inter", "union", "cross",
    "xbar", "xlog", "xprev", "xrank", "sv", "vs", "cut", "sublist", "ss", "ij", "ijf", "lj", "ljf", "uj", "ujf",
    "aj", "aj0", "ajf", "ajf0", "pj", "asof", "wj", "wj1",
    "xasc", "xdesc", "xcol", "xcols", "xkey", "xgroup", "insert", "upsert", "each", "over", "scan", "prior", "peach",
    "bin", "binr", "rotate", "mavg", "mcount", "mdev", "mmax", "mmin", "msum", "wavg", "wsum", "cor", "cov", "scov",
    "ema", "fby", "set", "dsave", "mmu", "lsq", "xgroup", "sublist", "ss", "ssr", "setm", "upsert",
    "cut", "vs", "sv", "like", "except", "inter", "union", "div", "mod",
  ]
  static let queryWords: Set<String> = ["select", "exec", "update", "delete"]

  public init(_ source: String) throws {
    self.source = Array(source.utf8)
    self.tokens = try Lexer.tokenize(source)
  }

  /// Parse a whole program: top-level statements. `trailingSemicolon` tells the console
  /// not to print the last result.
  public static func parse(_ source: String, context: String = "") throws -> (statements: [Node], silent: Bool) {
    Parser.lastErrorOffset = nil
    var p = try Parser(source)
    p.context = context
    do {
      return try p.parseProgram()
    } catch let e as QError {
      Parser.lastErrorOffset = p.errorOffset ?? p.tokens[p.pos].offset
      throw e
    }
  }

  /// Where the last failed parse stopped (byte offset), for the error trace's caret.
  nonisolated(unsafe) public static var lastErrorOffset: Int?

  // MARK: tokens

  var current: Token { tokens[pos] }
  func peekKind(_ k: Int = 1) -> Token.Kind { pos + k < tokens.count ? tokens[pos + k].kind : .end }
  mutating func advance() -> Token { let t = tokens[pos]; if pos < tokens.count - 1 { pos += 1 }; return t }
  func at(_ kind: Token.Kind) -> Bool { current.kind == kind }

  mutating func expect(_ kind: Token.Kind, _ what: String) throws {
    guard at(kind) else { throw QError(current.kind == .end ? what : current.text.isEmpty ? what : current.text) }
    _ = advance()
  }

  // MARK: program := statement (";"|newline statement)*

  mutating func parseProgram() throws -> ([Node], Bool) {
    var statements: [Node] = []
    var silent = false
    while !at(.end) {
      if at(.newline) || at(.semicolon) { silent = at(.semicolon); _ = advance(); continue }
      silent = false
      guard let s = try parseExpression() else {
        throw QError(current.text)
      }
      statements.append(s)
      if at(.rightParen) || at(.rightBracket) || at(.rightBrace) { throw QError(current.text) }
    }
    return (statements, silent)
  }

  // MARK: expression := term*

  struct Stops {
    var comma = false
    var words: Set<String> = []
  }

  func isTerminator(_ stops: Stops) -> Bool {
    switch current.kind {
    case .semicolon, .rightParen, .rightBracket, .rightBrace, .newline, .end: return true
    case .verb: return stops.comma && current.text == ","
    case .name: return stops.words.contains(current.text)
    default: return false
    }
  }

  typealias Term = (node: Node, isVerb: Bool, start: Int)

  mutating func parseExpression(_ stops: Stops = Stops()) throws -> Node? {
    try StackGuard.check()
    var terms: [Term] = []
    while !isTerminator(stops) {
      let start = current.offset
      // `:x` returns, `'x` signals: both take the rest of the expression.
      if terms.isEmpty && at(.verb) && current.text == ":" && !isTerminatorAfter() {
        _ = advance()
        let v = try parseExpression(stops) ?? .constant(.identity)
        return .ret(v)
      }
      if at(.adverb) && current.text == "'" && (terms.isEmpty || current.spaceBefore)
        && !(peekKind() == .leftBracket && !tokens[pos + 1].spaceBefore) {
        _ = advance()
        let v = try parseExpression(stops) ?? .constant(.identity)
        terms.append((.located(start, .signal(v)), false, start))
        break
      }
      let (term, isVerb, assigned) = try parseTerm(stops)
      terms.append((term, isVerb, start))
      if assigned { break }
    }
    return fold(terms, 0)
  }

  func isTerminatorAfter() -> Bool {
    switch peekKind() {
    case .semicolon, .rightParen, .rightBracket, .rightBrace, .newline, .end: return true
    default: return false
    }
  }

  /// Right-to-left: a verb with a right argument is applied; a noun followed by a verb
  /// is that verb's left argument; a noun followed by a noun applies the first to the rest.
  /// Each application is wrapped with the position its error caret points at: the
  /// verb of an infix or prefix use, the function of a juxtaposition.
  func fold(_ terms: [Term], _ i: Int) -> Node? {
    foldTrain(terms, i)?.node
  }

  /// An expression that ends in a verb without its right argument is a function: a
  /// projection (`2*`), and with more before it a composition (`105>sum@`, `0|+`).
  func foldTrain(_ terms: [Term], _ i: Int) -> (node: Node, open: Bool)? {
    guard i < terms.count else { return nil }
    let (t, isVerb, start) = terms[i]
    if isVerb {
      guard let right = foldTrain(terms, i + 1) else { return (t, true) }
      if right.open { return (.apply(.verb("'"), [t, right.node]), true) }
      return (.located(start, .prefix(t, right.node)), false)
    }
    guard i + 1 < terms.count else { return (t, false) }
    if terms[i + 1].isVerb {
      let op = terms[i + 1].node
      guard let right = foldTrain(terms, i + 2) else { return (.apply(op, [t, nil]), true) }
      if right.open { return (.apply(.verb("'"), [.apply(op, [t, nil]), right.node]), true) }
      return (.located(terms[i + 1].start, .apply(op, [t, right.node])), false)
    }
    let right = foldTrain(terms, i + 1)!
    // `count til@`: a function before an open train composes with it.
    if right.open { return (.apply(.verb("'"), [t, right.node]), true) }
    return (.located(start, .apply(t, [right.node])), false)
  }

  // MARK: term := primary ("[" arguments "]" | adverb)*

  mutating func parseTerm(_ stops: Stops) throws -> (Node, Bool, Bool) {
    let start = current.offset
    var (node, isVerb) = try parsePrimary(stops)
    if case .query = node { return (node, false, true) }
    if case .name(let n) = node, let assign = try parseAssignment(name: n, indices: nil, stops) {
      return (assign, false, true)
    }
    // `(a;b):x` and other parenthesised patterns destructure their value.
    if tokens[max(pos - 1, 0)].kind == .rightParen, at(.verb), current.text == ":" {
      let opAt = current.offset
      _ = advance()
      let v = try parseExpression(stops) ?? .constant(.identity)
      var a = Assignment(name: "", indices: nil, op: nil, value: v, global: false, position: opAt)
      a.pattern = node
      a.patternStart = start
      return (.assign(a), false, true)
    }
    while true {
      if at(.leftBracket) {
        _ = advance()
        let args = try parseArguments()
        if case .name(let n) = node, let assign = try parseAssignment(name: n, indices: args, stops) {
          return (assign, false, true)
        }
        node = .located(start, .apply(node, args))
        isVerb = false
      } else if at(.adverb) && !current.spaceBefore {
        let t = advance()
        node = .derived(Adverb(rawValue: t.text)!, node)
        isVerb = true
      } else {
        break
      }
    }
    return (node, isVerb, false)
  }

  /// `name:`, `name op:`, `name::` and their indexed forms.
  mutating func parseAssignment(name: String, indices: [Node?]?, _ stops: Stops) throws -> Node? {
    let opAt = current.offset
    if at(.verb) && current.text == ":" {
      _ = advance()
      let v = try parseExpression(stops) ?? .constant(.identity)
      return .assign(Assignment(name: name, indices: indices, op: nil, value: v, global: false, position: opAt))
    }
    if at(.doubleColon) {
      _ = advance()
      let v = try parseExpression(stops) ?? .constant(.identity)
      return .assign(Assignment(name: name, indices: indices, op: nil, value: v, global: true, position: opAt))
    }
    // a+:1, a,:x — a verb immediately followed by a colon.
    if at(.verb) && current.text != ":" && peekKind() == .verb && tokens[pos + 1].text == ":" && !tokens[pos + 1].spaceBefore {
      let op = advance().text
      _ = advance()
      let v = try parseExpression(stops) ?? .constant(.identity)
      return .assign(Assignment(name: name, indices: indices, op: .verb(op), value: v, global: false, position: opAt))
    }
    if at(.name) && Parser.infixKeywords.contains(current.text) && peekKind() == .verb && tokens[pos + 1].text == ":" && !tokens[pos + 1].spaceBefore {
      let op = advance().text
      _ = advance()
      let v = try parseExpression(stops) ?? .constant(.identity)
      return .assign(Assignment(name: name, indices: indices, op: .name(op), value: v, global: false, position: opAt))
    }
    return nil
  }

  /// arguments := expression? (";" expression?)*  — empty slots are elided arguments.
  mutating func parseArguments() throws -> [Node?] {
    var args: [Node?] = []
    while true {
      while at(.newline) { _ = advance() }
      let e = try parseExpression()
      args.append(e)
      while at(.newline) { _ = advance() }
      if at(.semicolon) { _ = advance(); continue }
      try expect(.rightBracket, "]")
      break
    }
    if args.count == 1 && args[0] == nil { return [.constant(.identity)] }
    return args
  }

  // MARK: primary

  mutating func parsePrimary(_ stops: Stops) throws -> (Node, Bool) {
    let t = current
    switch t.kind {
    case .literal:
      _ = advance()
      return (.constant(t.value!), false)
    case .name:
      _ = advance()
      if Parser.queryWords.contains(t.text) { return (try parseQuery(t.text), false) }
      if (t.text == "if" || t.text == "do" || t.text == "while") && at(.leftBracket) {
        _ = advance()
        let args = try parseArguments()
        return (.control(t.text, args.map { $0 ?? .empty }), false)
      }
      if Parser.infixKeywords.contains(t.text) && !at(.leftBracket) { return (.verb(t.text), true) }
      return (.name(t.text), false)
    case .verb:
      _ = advance()
      if t.text == "$" && at(.leftBracket) && !current.spaceBefore {
        _ = advance()
        let args = try parseArguments()
        return (.cond(args.map { $0 ?? .constant(.identity) }), false)
      }
      return (.verb(t.text), true)
    case .doubleColon:
      _ = advance()
      return (.constant(.identity), false)
    case .leftParen:
      _ = advance()
      return (try parseList(), false)
    case .leftBrace:
      return (try parseLambda(), false)
    case .leftBracket:
      _ = advance()
      let items = try parseArguments()
      return (.block(items.map { $0 ?? .empty }), false)
    case .adverb where t.text == "'" && peekKind() == .leftBracket:
      // `'[f;g]`: composition.
      _ = advance()
      return (.verb("'"), true)
    case .adverb where [.semicolon, .rightParen].contains(peekKind()):
      // `(/;+)`: an iterator alone as a list item, as parse trees hold it.
      _ = advance()
      return (.constant(.function(.derived(Adverb(rawValue: t.text)!, .identity))), false)
    case .adverb:
      // An adverb with nothing before it: q reads `/` here as a comment, and a lone
      // `\:` or `':` as an error.
      throw QError(t.text)
    default:
      throw QError(t.text.isEmpty ? "parse" : t.text)
    }
  }

  /// list := "(" ")" | "(" expression ")" | "(" expression? (";" expression?)+ ")"
  mutating func parseList() throws -> Node {
    var items: [Node?] = []
    var sawSemicolon = false
    while at(.newline) { _ = advance() }
    if at(.rightParen) { _ = advance(); return .constant(.list([])) }
    if at(.leftBracket) { return try parseTableLiteral() }
    while true {
      while at(.newline) { _ = advance() }
      items.append(try parseExpression())
      while at(.newline) { _ = advance() }
      if at(.semicolon) { _ = advance(); sawSemicolon = true; continue }
      try expect(.rightParen, ")")
      break
    }
    // `(a;)` leaves an item out: a projection of enlist.
    if sawSemicolon && items.contains(where: { $0 == nil }) { return .apply(.name("enlist"), items) }
    return sawSemicolon ? .list(items.map { $0 ?? .constant(.identity) }) : .group(items[0] ?? .constant(.identity))
  }

  /// table := "(" "[" columns? "]" columns? ")"
  mutating func parseTableLiteral() throws -> Node {
    _ = advance()
    var keys: [(name: String, expr: Node)] = []
    if !at(.rightBracket) { keys = try parseNamedColumns(closing: .rightBracket) }
    try expect(.rightBracket, "]")
    var columns: [(name: String, expr: Node)] = []
    while at(.newline) { _ = advance() }
    // `([k:..]; v:..)`: a semicolon may follow the key columns.
    if at(.semicolon) { _ = advance() }
    while at(.newline) { _ = advance() }
    if !at(.rightParen) { columns = try parseNamedColumns(closing: .rightParen) }
    try expect(.rightParen, ")")
    return .table(keys: keys, columns: columns)
  }

  mutating func parseNamedColumns(closing: Token.Kind) throws -> [(name: String, expr: Node)] {
    var out: [(name: String, expr: Node)] = []
    while true {
      while at(.newline) { _ = advance() }
      guard let e = try parseExpression() else { throw QError(current.text) }
      if case .assign(let a) = e, a.indices == nil, a.op == nil {
        out.append((a.name, a.value))
      } else {
        out.append((Parser.columnName(e) ?? "x", e))
      }
      while at(.newline) { _ = advance() }
      if at(.semicolon) { _ = advance(); continue }
      if at(closing) { break }
      throw QError(current.text)
    }
    return out
  }

  /// A name assigned with `::` (a global) cannot later be assigned as a local.
  mutating func checkGlobalThenLocal(_ statements: [Node]) throws {
    var firstKind: [String: Bool] = [:]
    for st in statements {
      var clash: Assignment? = nil
      Parser.walk(st) { n in
        guard clash == nil, case .assign(let a) = n, a.pattern == nil, a.indices == nil, a.op == nil else { return }
        if let global = firstKind[a.name] {
          if global && !a.global { clash = a }
        } else {
          firstKind[a.name] = a.global
        }
      }
      if let a = clash {
        errorOffset = a.position - a.name.utf8.count
        throw QError(a.name)
      }
    }
  }

  /// lambda := "{" ("[" names "]")? statement (";" statement)* "}"
  mutating func parseLambda() throws -> Node {
    let open = advance()
    var params: [String]? = nil
    var statements: [Node] = []
    if at(.leftBracket) {
      _ = advance()
      // Each slot is a name, empty (an ignored argument) or a pattern that the
      // argument is matched against on entry: `[(a;b);c]`, `[x:f]`, `[x:`j]`.
      let slots = try parseArguments()
      var names: [String] = []
      for (k, slot) in slots.enumerated() {
        switch slot?.unlocated {
        case .name(let n): names.append(n)
        case nil where slots.count > 1: names.append(" \(k)")
        case nil, .constant(.identity): if slots.count > 1 { names.append(" \(k)") }
        case let pattern?:
          let hidden = " \(k)"
          names.append(hidden)
          var a = Assignment(name: "", indices: nil, op: nil, value: .name(hidden), global: false, position: open.offset)
          a.pattern = pattern
          statements.append(.assign(a))
        }
      }
      params = names
    }
    while true {
      if at(.semicolon) || at(.newline) {
        if at(.semicolon) { statements.append(.empty) }
        _ = advance(); continue
      }
      if at(.rightBrace) { break }
      if at(.end) { throw QError("{") }
      let start = current.offset
      guard let s = try parseExpression() else { throw QError(current.text) }
      if !statements.isEmpty, case .empty = statements.last! { statements.removeLast() }
      statements.append(.located(start, s))
      if !(at(.semicolon) || at(.newline) || at(.rightBrace)) { throw QError(current.text) }
    }
    let close = advance()
    try checkGlobalThenLocal(statements)
    let text = String(decoding: source[open.offset..<close.endOffset], as: UTF8.self)
    let usesImplicit = Parser.implicitParams(statements)
    let names = params ?? usesImplicit
    let locals = Parser.assignedNames(statements).filter { !names.contains($0) }
    let lambda = Lambda(source: text, params: names, locals: locals, body: LambdaBody(statements, baseOffset: open.offset), context: context)
    return .lambda(lambda)
  }
}
