import QValues

/// A lexical token. `spaceBefore` matters in q: it separates `x -1` (application to
/// minus one) from `x-1` (subtraction), and an adverb from a comment.
public struct Token: Sendable {
  public enum Kind: Sendable, Equatable {
    case literal  // numbers, strings, symbols, bytes: value in `value`
    case name  // identifiers, including dotted names and keywords
    case verb  // glyphs: + - * % ! & | < > = ~ , ^ # _ $ ? @ . : <= >= <> 0: 1: 2:
    case adverb  // ' / \ ': /: \:
    case doubleColon  // ::
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace, semicolon
    case newline
    case end
  }
  public var kind: Kind
  public var text: String
  public var value: Value?
  public var spaceBefore: Bool
  /// Offset of the token's first byte in the source.
  public var offset: Int
  public var endOffset: Int
}

