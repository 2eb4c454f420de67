import Foundation
import XCTest

/// The README's first session must stay true: its `q)` lines are piped into qlite
/// and the output must match the lines shown after them.
final class ReadmeExampleTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The indented block under a heading, as (inputs, expected output lines).
  static func session(in text: String, under heading: String) -> (inputs: [String], expected: [String])? {
    let lines = text.components(separatedBy: "\n")
    guard let h = lines.firstIndex(of: heading) else { return nil }
    var inputs: [String] = []
    var expected: [String] = []
    var started = false
    for line in lines[(h + 1)...] {
      if line.hasPrefix("#") { break }
      guard line.hasPrefix("    ") else {
        if started && !line.isEmpty { break }
        continue
      }
      started = true
      let body = String(line.dropFirst(4))
      if body.hasPrefix("$ ") { continue }  // the shell command that starts qlite
      if body.hasPrefix("q)") { inputs.append(String(body.dropFirst(2))) } else { expected.append(body) }
    }
    return inputs.isEmpty ? nil : (inputs, expected)
  }

  func testFirstSession() throws {
    guard let qlite = Subprocess.qlitePath() else { throw XCTSkip("no qlite binary") }
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    guard let s = Self.session(in: readme, under: "## A first session") else {
      return XCTFail("README.md has no session under '## A first session'")
    }
    let r = try Subprocess.run(qlite, stdin: s.inputs.joined(separator: "\n") + "\n")
    let trim = { (l: String) -> String in var x = l; while x.last == " " { x.removeLast() }; return x }
    var got = r.stdout.components(separatedBy: "\n").map(trim)
    while got.last == "" { got.removeLast() }
    XCTAssertEqual(got, s.expected.map(trim))
    XCTAssertEqual(r.stderr, "")
  }
}
