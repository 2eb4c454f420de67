import Foundation

/// Inputs for the robustness test: valid q lines to start from, and deterministic
/// mutations of them. Nothing here touches files, the network, the process or loops
/// that q itself would never finish (`while`, `do`, converge), so any hang or crash
/// found is the interpreter's.
enum FuzzCorpus {
  static let seeds: [String] = [
    "1+2", "1 2 3+4 5 6", "2*3+4", "x:til 10", "x-1", "x -1", "-1", "neg 1 2 3", "7%2", "1%0",
    "10 div 3", "-7 mod 3", "3#til 5", "-2#1 2 3", "1_til 5", "5#\"ab\"", "1 2,3 4", "count 1 2 3",
    "sum 1 2 3", "max 3 1 4", "avg 1 2 3 4", "sums 1 2 3", "prd 1 2 3", "first 1 2 3", "last `a`b",
    "reverse 1 2 3", "asc 3 1 2", "desc 3 1 2", "iasc 3 1 2", "where 101b", "1 2 3?2", "distinct 1 1 2",
    "raze (1 2;3 4)", "enlist 1", "(1;`a;\"c\")", "`a`b!1 2", "key `a`b!1 2", "value `a`b!1 2",
    "flip `a`b!(1 2;3 4)", "([]a:1 2;b:`x`y)", "([k:1 2]v:3 4)", "cols ([]a:1;b:2)",
    "{x+y}[1;2]", "{x*x} each 1 2 3", "{[a;b] a-b}[5;3]", "f:{x+1}; f 2", "g:{x-y}[10]; g 4",
    "+/[1 2 3]", "+\\[1 2 3]", "(+/)1 2 3", "10+/1 2 3", "1 2,/:3 4", "1 2,\\:3", "{x,y}/[();1 2]",
    "1=1 2 3", "1<2", "1<=1", "1<>2", "1 2~1 2", "1&2", "0b|1b", "not 101b", "null 1 0N 2",
    "upper \"abc\"", "lower \"ABC\"", "string 123", "`$\"abc\"", "\"i\"$1.7", "`int$1.2", "`float$1",
    "\"a,b\" vs \",\"", "\",\" sv (\"a\";\"b\")", "\"abc\" like \"a*\"", "ss[\"abcabc\";\"bc\"]",
    "type 1", "type `a", "type ()", "0N", "0n", "0W", "-0w", "0Ni", "2000.01.01", "2000.01.01+1",
    "12:00:00.000", "2000.01m", "0D00:00:01", "2000.01.01D12:00:00", "0x1f", "1h", "1e", "1.5e3",
    "@[1 2 3;1;:;9]", "@[1 2 3;1;+;9]", ".[+;1 2]", "a:5; a*2", "a:1 2 3; a[1]:9; a", "b:0; b+:3; b",
    "$[1b;`yes;`no]", "'`boom", "{'`err}[]", "{:x+1}[2]", "1 2 3 10", "(1 2 3)10", "x[2]",
    "3 4 5 in 4", "within[5;1 10]", "2 xexp 3", "floor 1.5 2.7", "abs -1 2 -3", "sqrt 4",
    "select from ([]a:1 2 3) where a>1", "exec a from ([]a:1 2 3)", "update b:a*2 from ([]a:1 2 3)",
    "select s:sum a by g from ([]g:`x`y`x;a:1 2 3)", "delete a from ([]a:1 2;b:3 4)",
    "t:([]a:1 2 3;b:`x`y`z); t[1]", "d:`a`b!1 2; d`a", "{x}[1;2]", "1+`a", "1 2+1 2 3", "count each (1 2;3)",
    "til 0", "()", "::", "(::)", "enlist ()", "0#`", "\"\"", "`", "`a`b`c", "1 2 3 mod 2",
    "-1 \"hi\";", "show 1 2", "0N!5", "value \"1+2\"", "parse \"x+1\"", "eval parse \"1+2\"",
    "f:{[a;b;c] a+b*c}; f[1;2] 3", "{x+y+z}[1;;3] 2", "(+)[1;2]", "+[1]", "-[;1] 5",
    // the wire codec: serialize, deserialize, compress
    "-8!1 2 3", "-9!-8!1 2 3", "-9!-8!`a`b!(1;\"x\")", "-9!-8!([]a:1 2;b:`x`y)", "-9!-8!{x+y}",
    "-9!0x0100000011000000070001000000ff", "-9!-18!til 2000", "-22!-18!til 2000", "-9!-8!(1;`a;2.5;\"s\")",
  ]

  /// Numbers at the edges: type limits, nulls, infinities, precision extremes.
  static let edgeNumbers: [String] = [
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "2147483647i", "-2147483648i",
    "32767h", "1e308", "1e309", "-1e308", "1e-320", "0W", "-0W", "0N", "0Wi", "0Nh", "0w", "-0w",
    "0n", "99999999999999999999999", "1000000000", "0", "-1", "0x00", "0xff", "2147483648i",
    "100000000000000000000f", "0.0000000001", "255", "65536h", "4294967296i",
  ]

  static let glyphs: [String] = [
    "+", "-", "*", "%", "!", "&", "|", "<", ">", "=", "~", ",", "^", "#", "_", "$", "?", "@", ".",
    ":", "::", "'", "/", "\\", "':", "/:", "\\:", "(", ")", "[", "]", "{", "}", ";", "`", "\"", " ",
  ]

  /// Single-line inputs of the transcript tests, without anything that reaches files,
  /// the network, the shell or the process: a wider, ever-growing seed list for
  /// exploratory runs (`QLITE_FUZZ_TRANSCRIPTS=1`).
  static func transcriptSeeds(_ directory: URL) -> [String] {
    let banned = ["system", "exit", "hopen", "hclose", "`:", "0:", "1:", "2:", "set", "\\", "-25!", "-30!", "\\t", "getenv", "setenv", "while", "do["]
    let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "q" }.sorted { $0.path < $1.path } ?? []
    var out: [String] = []
    for f in files {
      guard let text = try? String(contentsOf: f, encoding: .utf8) else { continue }
      for line in text.split(separator: "\n").map(String.init) {
        if line.isEmpty || line.hasPrefix("/") || line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("\\") { continue }
        if banned.contains(where: { line.contains($0) }) { continue }
        out.append(line)
      }
    }
    return out
  }

  /// Splits a line into rough tokens (names, numbers, strings, symbols, single glyphs,
  /// spaces) so mutations cut at meaningful places; it never fails.
  static func tokens(_ line: String) -> [String] {
    var out: [String] = []
    let chars = Array(line)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      var j = i + 1
      if c.isLetter || c.isNumber || c == "." {
        while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "." || chars[j] == "_") { j += 1 }
      } else if c == "\"" {
        while j < chars.count && chars[j] != "\"" { j += chars[j] == "\\" ? 2 : 1 }
        j = min(j + 1, chars.count)
      } else if c == "`" {
        while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "." || chars[j] == "`") { j += 1 }
      } else if c == " " {
        while j < chars.count && chars[j] == " " { j += 1 }
      }
      out.append(String(chars[i..<j]))
      i = j
    }
    return out
  }
}

/// SplitMix64: small, fast and the same on every machine, so a failing case number
/// always names the same input.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

struct FuzzGenerator {
  var rng: SeededRandom
  /// The valid lines mutations start from and splice in.
  let seeds: [String]

  init(seed: UInt64, seeds: [String] = FuzzCorpus.seeds) {
    rng = SeededRandom(seed: seed)
    self.seeds = seeds
  }

  mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
  mutating func int(_ r: Range<Int>) -> Int { Int.random(in: r, using: &rng) }

  /// One test input: a seed with one to four mutations, or a structural stress case.
  mutating func next() -> String {
    let roll = int(0..<100)
    if roll < 2 { return deepNesting() }
    if roll < 5 { return randomGlyphs() }
    var toks = FuzzCorpus.tokens(pick(seeds))
    for _ in 0..<int(1..<5) { mutate(&toks) }
    return toks.joined()
  }

  mutating func mutate(_ toks: inout [String]) {
    if toks.isEmpty { toks = [pick(FuzzCorpus.glyphs)]; return }
    let i = int(0..<toks.count)
    switch int(0..<10) {
    case 0: toks.remove(at: i)  // deletion
    case 1: toks.insert(pick(FuzzCorpus.tokens(pick(seeds))), at: i)  // splice a token from elsewhere
    case 2:  // splice a run of tokens from another seed
      let other = FuzzCorpus.tokens(pick(seeds))
      let a = int(0..<other.count)
      let b = int(a..<other.count) + 1
      toks.insert(contentsOf: other[a..<b], at: i)
    case 3: toks.insert(pick(FuzzCorpus.glyphs), at: i)  // a stray glyph, often unbalancing brackets
    case 4: toks[i] = pick(FuzzCorpus.edgeNumbers)  // huge or special numbers
    case 5:  // replace a number with an edge number, keeping the rest
      if let j = toks.indices.filter({ toks[$0].first?.isNumber == true }).randomElement(using: &rng) {
        toks[j] = pick(FuzzCorpus.edgeNumbers)
      } else {
        toks.append(" " + pick(FuzzCorpus.edgeNumbers))
      }
    case 6: toks.swapAt(i, int(0..<toks.count))
    case 7: toks.insert(toks[i], at: i)  // duplication
    case 8:  // drop a closing or opening bracket
      if let j = toks.indices.filter({ "()[]{}".contains(toks[$0]) }).randomElement(using: &rng) { toks.remove(at: j) }
    default:  // join with another seed through a verb
      toks += [pick(["+", ",", "#", "_", "!", "?", "@", ".", "$", "~", "^", " ", ";", "'"])]
      toks += FuzzCorpus.tokens(pick(seeds))
    }
  }

  mutating func deepNesting() -> String {
    let depth = pick([20, 100, 500, 2500])
    switch int(0..<6) {
    case 0: return String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
    case 1: return String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
    case 2: return String(repeating: "enlist ", count: depth) + "1"
    case 3: return String(repeating: "1+", count: depth) + "1"
    case 4: return "f:{$[x>0;f x-1;0]}; f \(depth)"
    default: return String(repeating: "(", count: depth) + "1"  // never closed
    }
  }

  /// A message for `-9!`: a valid serialization with bytes flipped, cut or appended,
  /// or a header followed by random bytes.
  mutating func wireBytes() -> String {
    let valid: [String] = [
      "0100000026000000070003000000010000000000000002000000000000000300000000000000",  // 1 2 3
      "010000000d000000f5610062", "010000000e000000fa2a000000", "0100000011000000070001000000ff",
      "010000001b0000006300000b00020000006100620007000200000001000000",
    ]
    var hex = Array(pick(valid))
    for _ in 0..<int(1..<6) {
      let i = int(0..<max(hex.count, 1))
      switch int(0..<4) {
      case 0 where !hex.isEmpty: hex[i] = pick(Array("0123456789abcdef"))
      case 1 where hex.count > 2: hex.removeSubrange(i..<min(i + 2, hex.count))
      case 2: hex += [pick(Array("0123456789abcdef")), pick(Array("0123456789abcdef"))]
      default: if hex.count > 16 { hex[int(8..<16)] = pick(Array("0f8")) }  // the length field
      }
    }
    if hex.count % 2 == 1 { hex.removeLast() }
    return "-9!0x" + String(hex)
  }

  mutating func randomGlyphs() -> String {
    (0..<int(1..<20)).map { _ in pick(FuzzCorpus.glyphs + ["1", "x", "`a", "\"s\"", "f", "til", "each"]) }.joined()
  }
}
