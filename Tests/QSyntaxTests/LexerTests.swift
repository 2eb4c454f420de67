import QValues
import Testing

@testable import QSyntax

/// One token as `kind:text`, with the literal's value for literals.
private func lex(_ source: String) throws -> [String] {
  try Lexer.tokenize(source).filter { $0.kind != .end }.map { t in
    switch t.kind {
    case .literal: return "lit:" + Format.shortForm(t.value!)
    case .name: return "name:" + t.text
    case .verb: return "verb:" + t.text
    case .adverb: return "adv:" + t.text
    case .doubleColon: return "::"
    case .newline: return "nl"
    default: return t.text
    }
  }
}

@Suite struct LexerTests {
  @Test(arguments: [
    ("42", ["lit:42"]), ("1 2 3", ["lit:1 2 3"]), ("1.5", ["lit:1.5"]), ("1 2.5", ["lit:1 2.5"]),
    ("3h", ["lit:3h"]), ("1 2 3h", ["lit:1 2 3h"]), ("1e", ["lit:1e"]), ("1e10", ["lit:1e+10"]),
    ("1e-5", ["lit:1e-05"]), ("0x1f", ["lit:0x1f"]), ("101b", ["lit:101b"]), ("0N", ["lit:0N"]),
    ("0W 1", ["lit:0W 1"]), ("-0w", ["lit:-0w"]), ("2000.01.02", ["lit:2000.01.02"]),
    ("12:30", ["lit:12:30"]), ("1 -2 3", ["lit:1 -2 3"]), (".5", ["lit:0.5"]),
  ])
  func numbers(source: String, tokens: [String]) throws {
    #expect(try lex(source) == tokens)
  }

  @Test func minusAfterANounWithoutSpaceIsSubtraction() throws {
    #expect(try lex("x-1") == ["name:x", "verb:-", "lit:1"])
    #expect(try lex("x- 1") == ["name:x", "verb:-", "lit:1"])
    #expect(try lex("(x)-1") == ["(", "name:x", ")", "verb:-", "lit:1"])
    #expect(try lex("a[0]-1") == ["name:a", "[", "lit:0", "]", "verb:-", "lit:1"])
    #expect(try lex("2-1") == ["lit:2", "verb:-", "lit:1"])
  }

  @Test func minusAfterSpaceOrVerbIsANegativeLiteral() throws {
    #expect(try lex("x -1") == ["name:x", "lit:-1"])
    #expect(try lex("-1") == ["lit:-1"])
    #expect(try lex("2*-1") == ["lit:2", "verb:*", "lit:-1"])
    #expect(try lex("(-1)") == ["(", "lit:-1", ")"])
    #expect(try lex("-x") == ["verb:-", "name:x"])
  }

  @Test func symbols() throws {
    #expect(try lex("`a") == ["lit:`a"])
    #expect(try lex("`a`b`c") == ["lit:`a`b`c"])
    #expect(try lex("`") == ["lit:`"])
    #expect(try lex("`a.b") == ["lit:`a.b"])
    #expect(try lex("`:path/to/file") == ["lit:`:path/to/file"])
  }

  @Test func stringsAndEscapes() throws {
    #expect(try lex("\"abc\"") == ["lit:\"abc\""])
    #expect(try lex("\"a\"") == ["lit:\"a\""])
    #expect(try lex("\"\"") == ["lit:\"\""])
    let tokens = try Lexer.tokenize(#""a\nb\t\"\\\101""#)
    guard case .vector(let v) = tokens[0].value, case .char(let bytes) = v.storage else {
      Issue.record("expected a string literal")
      return
    }
    #expect(bytes == [97, 10, 98, 9, 34, 92, 65])
  }

  @Test func unterminatedStringIsAnError() {
    #expect(throws: QError.self) { try Lexer.tokenize("\"abc") }
  }

  @Test func comments() throws {
    #expect(try lex("/ a comment") == [])
    #expect(try lex("1+2 / trailing") == ["lit:1", "verb:+", "lit:2"])
    #expect(try lex("x:1 /c\ny") == ["name:x", "verb::", "lit:1", "nl", "name:y"])
  }

  @Test func adverbs() throws {
    #expect(try lex("+/x") == ["verb:+", "adv:/", "name:x"])
    #expect(try lex("f'x") == ["name:f", "adv:'", "name:x"])
    #expect(try lex("x,/:y") == ["name:x", "verb:,", "adv:/:", "name:y"])
    #expect(try lex("x,\\:y") == ["name:x", "verb:,", "adv:\\:", "name:y"])
    #expect(try lex("-':x") == ["verb:-", "adv:':", "name:x"])
    #expect(try lex("+\\x") == ["verb:+", "adv:\\", "name:x"])
  }

  @Test func glyphsAndNames() throws {
    #expect(try lex("a<=b") == ["name:a", "verb:<=", "name:b"])
    #expect(try lex("a<>b") == ["name:a", "verb:<>", "name:b"])
    #expect(try lex("a::1") == ["name:a", "::", "lit:1"])
    #expect(try lex(".z.x") == ["name:.z.x"])
    #expect(try lex("foo_bar1") == ["name:foo_bar1"])
    #expect(try lex("0: x") == ["verb:0:", "name:x"])
  }

  @Test func spaceBeforeIsRecorded() throws {
    let t = try Lexer.tokenize("a +b")
    #expect(t[0].spaceBefore)
    #expect(t[1].spaceBefore)
    #expect(!t[2].spaceBefore)
  }
}
