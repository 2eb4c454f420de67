import QValues

/// Splits q source into tokens. Numbers separated by single spaces become one vector
/// literal, as do runs of symbols; `/` after whitespace starts a comment.
public struct Lexer {
  let src: [UInt8]
  var pos = 0
  var tokens: [Token] = []

  public init(_ source: String) { src = Array(source.utf8) }

  public static func tokenize(_ source: String) throws -> [Token] {
    var lexer = Lexer(source)
    return try lexer.run()
  }

  @inline(__always) func peek(_ k: Int = 0) -> UInt8 { pos + k < src.count ? src[pos + k] : 0 }

  static func isAlpha(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 65 && c <= 90) }
  static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  static func isNameChar(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) || c == 95 || c == 46 }
  static let glyphs: Set<UInt8> = Set("+-*%!&|<>=~,^#_$?@.:".utf8)

  /// True when the previous token ends a noun, so a following `-` is subtraction
  /// and a following `'` `/` `\` is an adverb.
  var previousEndsNoun: Bool {
    guard let t = tokens.last else { return false }
    switch t.kind {
    case .literal, .name, .rightParen, .rightBracket, .rightBrace: return true
    default: return false
    }
  }

  var previousIsTerm: Bool {
    guard let t = tokens.last else { return false }
    switch t.kind {
    case .literal, .name, .rightParen, .rightBracket, .rightBrace, .verb, .adverb, .doubleColon: return true
    default: return false
    }
  }

  mutating func add(_ kind: Token.Kind, _ start: Int, space: Bool, value: Value? = nil) {
    let text = String(decoding: src[start..<pos], as: UTF8.self)
    tokens.append(Token(kind: kind, text: text, value: value, spaceBefore: space, offset: start, endOffset: pos))
  }

  mutating func run() throws -> [Token] {
    var space = true
    while pos < src.count {
      let c = peek()
      let start = pos
      if c == 32 || c == 9 || c == 13 { pos += 1; space = true; continue }
      if c == 10 {
        pos += 1
        add(.newline, start, space: space)
        space = true
        continue
      }
      // A comment: `/` at the start or after whitespace runs to the end of the line.
      if c == 47 && (space || tokens.isEmpty) && !(previousIsTerm && !space) {
        while pos < src.count && src[pos] != 10 { pos += 1 }
        continue
      }
      if c == 34 { try lexString(space); space = false; continue }
      if c == 96 { lexSymbols(space); space = false; continue }
      if startsNumber(space: space) { try lexNumbers(space); space = false; continue }
      if Lexer.isAlpha(c) || (c == 46 && Lexer.isAlpha(peek(1))) {
        while pos < src.count && Lexer.isNameChar(src[pos]) { pos += 1 }
        // a trailing dot is not part of a name (`a.` is rare; keep q's reading of `x.y`)
        add(.name, start, space: space)
        space = false
        continue
      }
      switch c {
      case 40: pos += 1; add(.leftParen, start, space: space)
      case 41: pos += 1; add(.rightParen, start, space: space)
      case 91: pos += 1; add(.leftBracket, start, space: space)
      case 93: pos += 1; add(.rightBracket, start, space: space)
      case 123: pos += 1; add(.leftBrace, start, space: space)
      case 125: pos += 1; add(.rightBrace, start, space: space)
      case 59: pos += 1; add(.semicolon, start, space: space)
      case 39, 47, 92:  // ' / \
        pos += 1
        if peek() == 58 { pos += 1 }  // ': /: \:
        add(.adverb, start, space: space)
      default:
        if c == 58 && peek(1) == 58 {
          pos += 2
          add(.doubleColon, start, space: space)
        } else if Lexer.glyphs.contains(c) {
          pos += 1
          let n = peek()
          if (c == 60 && (n == 61 || n == 62)) || (c == 62 && n == 61) { pos += 1 }  // <= <> >=
          add(.verb, start, space: space)
        } else if c >= 48 && c <= 50 && peek(1) == 58 {
          pos += 2
          add(.verb, start, space: space)  // 0: 1: 2:
        } else {
          throw QError(String(decoding: [c], as: UTF8.self))
        }
      }
      space = false
    }
    tokens.append(Token(kind: .end, text: "", value: nil, spaceBefore: true, offset: pos, endOffset: pos))
    return tokens
  }

  func startsNumber(space: Bool) -> Bool {
    let c = peek()
    if Lexer.isDigit(c) {
      // `0:`, `1:`, `2:` are verbs unless a clock follows (`1:0x01` reads bytes).
      let verb = c <= 50 && peek(1) == 58 && (!Lexer.isDigit(peek(2)) || (peek(2) == 48 && peek(3) == 120))
      return !verb
    }
    if c == 46 && Lexer.isDigit(peek(1)) { return true }
    if c == 45 {
      // `-` starts a number unless it follows a noun with no space between.
      let n = peek(1)
      guard Lexer.isDigit(n) || (n == 46 && Lexer.isDigit(peek(2))) else { return false }
      return !(previousEndsNoun && !space)
    }
    return false
  }

  mutating func lexString(_ space: Bool) throws {
    let start = pos
    pos += 1
    var bytes: [UInt8] = []
    while true {
      guard pos < src.count else { throw QError("\"") }
      let c = src[pos]
      if c == 34 { pos += 1; break }
      if c == 92 && pos + 1 < src.count {
        let e = src[pos + 1]
        pos += 2
        switch e {
        case 110: bytes.append(10)
        case 116: bytes.append(9)
        case 114: bytes.append(13)
        case 34: bytes.append(34)
        case 92: bytes.append(92)
        case 48...55:
          var v = Int(e - 48)
          var k = 0
          while k < 2 && pos < src.count && src[pos] >= 48 && src[pos] <= 55 { v = v * 8 + Int(src[pos] - 48); pos += 1; k += 1 }
          bytes.append(UInt8(truncatingIfNeeded: v))
        default: bytes.append(e)
        }
        continue
      }
      bytes.append(c)
      pos += 1
    }
    let v: Value = bytes.count == 1 ? .char(bytes[0]) : .chars(bytes)
    add(.literal, start, space: space, value: v)
  }

  mutating func lexSymbols(_ space: Bool) {
    let start = pos
    var syms: [String] = []
    while peek() == 96 {
      pos += 1
      let s = pos
      let isPath = peek() == 58
      while pos < src.count && (Lexer.isNameChar(src[pos]) || src[pos] == 58 || (isPath && src[pos] == 47)) { pos += 1 }
      syms.append(String(decoding: src[s..<pos], as: UTF8.self))
    }
    let v: Value = syms.count == 1 ? .symbol(syms[0]) : .symbols(syms)
    add(.literal, start, space: space, value: v)
  }

  /// One numeric token's text: digits, letters, dots and colons, with a leading minus.
  mutating func numberText() -> String {
    let s = pos
    if peek() == 45 { pos += 1 }
    while pos < src.count {
      let c = src[pos]
      if Lexer.isAlpha(c) || Lexer.isDigit(c) || c == 46 || c == 58 { pos += 1; continue }
      // exponent sign: 1e-5
      if (c == 45 || c == 43) && pos > s && (src[pos - 1] == 101 || src[pos - 1] == 69) && pos + 1 < src.count && Lexer.isDigit(src[pos + 1]) && !src[s..<pos].contains(120) {
        pos += 1; continue
      }
      break
    }
    return String(decoding: src[s..<pos], as: UTF8.self)
  }

  mutating func lexNumbers(_ space: Bool) throws {
    let start = pos
    var texts = [numberText()]
    // Juxtaposed numbers form one vector: `1 2 3`, `1 -2 3h`; byte literals stand alone.
    while !(texts[0].hasPrefix("0x") || texts[0].hasPrefix("-0x")) {
      var p = pos
      while p < src.count && (src[p] == 32 || src[p] == 9) { p += 1 }
      guard p > pos, p < src.count else { break }
      let c = src[p]
      let n = p + 1 < src.count ? src[p + 1] : 0
      let isNum = Lexer.isDigit(c) || (c == 46 && Lexer.isDigit(n)) || (c == 45 && (Lexer.isDigit(n) || (n == 46)))
      if !isNum || (c == 48 && n == 120) { break }
      // `0:`-style verbs are not numbers
      if Lexer.isDigit(c) && n == 58 && !(p + 2 < src.count && Lexer.isDigit(src[p + 2])) { break }
      let save = pos
      pos = p
      let t = numberText()
      if t == "-" { pos = save; break }
      texts.append(t)
    }
    let value = try NumberLiteral.vector(texts)
    add(.literal, start, space: space, value: value)
  }
}
