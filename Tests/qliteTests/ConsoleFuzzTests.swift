import Foundation
import XCTest

/// Robustness of the console and script reader: generated multi-line inputs (open
/// brackets across lines, continuation lines, comment blocks, stray closers, a lone
/// `\`) piped into qlite and loaded as scripts. Each run must end by itself with a
/// status below 128 and no runtime trap; q errors on stderr are fine.
final class ConsoleFuzzTests: XCTestCase {
  static let seed: UInt64 = 0xC0_50_1E
  static let runs = 120

  static let lines: [String] = [
    "x:til 10", "x+1", "f:{[a;b]", "  a+b}", "f[1;2]", "{x*2} each 1 2 3", "([]a:1 2;b:`x`y)",
    "select from ([]a:1 2 3) where a>1", "d:`a`b!1 2", "d`a", "\"abc\",\"def\"", "(1;", " 2;", " 3)",
    "g:{", " x+1", " }", "1+`a", "'`oops", "sum 1 2 3", "/ a comment", "/", "a comment block", "\\",
    "1 2 3*4", "count \"hello\"", "t:([]a:1 2)", "`a xasc t", "-1 \"out\";", "-2 \"err\";", "{", "}", "(",
    ")", "[", "]", "\"open string", "0N!1 2", "a:1;", "a", "$[1b;2;3]", "@[{'x};`e;{x}]",
  ]

  var qlite = ""

  override func setUpWithError() throws {
    guard let path = Subprocess.qlitePath() else { throw XCTSkip("no qlite binary") }
    qlite = path
  }

  static func script(_ k: Int) -> String {
    var rng = SplitMix(seed &+ UInt64(k))
    var out: [String] = []
    for _ in 0..<Int(rng.next() % 25 + 1) {
      var line = lines[Int(rng.next() % UInt64(lines.count))]
      switch rng.next() % 8 {
      case 0: line = " " + line  // continuation of the line before
      case 1: line += lines[Int(rng.next() % UInt64(lines.count))]  // two joined
      case 2: line = String(line.dropLast())  // cut short
      default: break
      }
      // never a system command: `\` plus text would reach the shell
      if line.hasPrefix("\\") && line != "\\" { continue }
      out.append(line)
    }
    return out.joined(separator: "\n") + (rng.next() % 4 == 0 ? "" : "\n")
  }

  func check(_ r: Subprocess.Result, _ what: String, _ input: String) {
    let trapped = r.stderr.contains("Fatal error") || r.stderr.contains("Program crashed")
    XCTAssertFalse(r.timedOut, "\(what) did not finish:\n\(input)")
    XCTAssertTrue(r.status >= 0 && r.status < 128 && !trapped, "\(what) crashed (status \(r.status)):\n\(input)\n\(r.stderr.suffix(300))")
  }

  func testPipedInputs() throws {
    for k in 0..<Self.runs {
      let input = Self.script(k)
      let r = try Subprocess.run(qlite, ["-q"], stdin: input, timeout: 20, memoryLimitKB: 2_500_000)
      check(r, "piped input \(k)", input)
    }
  }

  func testScriptFiles() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlite-cfuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for k in 0..<Self.runs / 2 {
      let text = Self.script(1000 + k)
      let path = dir.appendingPathComponent("s\(k).q").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let r = try Subprocess.run(qlite, ["-q", path], stdin: "", timeout: 20, memoryLimitKB: 2_500_000)
      check(r, "script \(k)", text)
    }
  }
}

struct SplitMix {
  var state: UInt64
  init(_ seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
