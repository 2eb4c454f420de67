import Foundation
import QEval
import XCTest

/// Language tests as data. Each file under Transcripts/ is a q script whose expected
/// console output is written inline after the input, on lines starting `/=>`:
///
///     / til counts from zero
///     til 5
///     /=> 0 1 2 3 4
///
/// Every file runs in a fresh interpreter; all of its output must match.
final class TranscriptTests: XCTestCase {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

  struct Transcript {
    var inputs: [String] = []
    var expected: [String] = []
  }

  static func parse(_ text: String) -> Transcript {
    var t = Transcript()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("/=>") {
        let rest = line.dropFirst(3)
        t.expected.append(String(rest.hasPrefix(" ") ? rest.dropFirst() : rest))
      } else if line.hasPrefix("/") || line.trimmingCharacters(in: .whitespaces).isEmpty {
        continue
      } else if let first = line.first, first == " " || first == "\t", !t.inputs.isEmpty {
        t.inputs[t.inputs.count - 1] += "\n" + line
      } else {
        t.inputs.append(line)
      }
    }
    return t
  }

  static func run(_ t: Transcript) -> [String] {
    let q = Interpreter()
    var out = ""
    q.writeOut = { out += $0 }
    q.writeErr = { out += $0 }
    for input in t.inputs {
      do { try q.execute(input) } catch { out += "'\(error)\n" }
    }
    var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    while lines.last == "" { lines.removeLast() }
    return lines.map { l in var s = l; while s.last == " " { s.removeLast() }; return s }
  }

  /// `  [0]  source`: the frame line q prints under an error.
  static func isTraceLine(_ l: String) -> Bool {
    guard l.hasPrefix("  ["), let close = l.firstIndex(of: "]") else { return false }
    return l[l.index(l.startIndex, offsetBy: 3)..<close].allSatisfy(\.isNumber)
  }

  static func withoutTraces(_ lines: [String]) -> [String] {
    var out: [String] = []
    var skipCaret = false
    for l in lines {
      if isTraceLine(l) { skipCaret = true; continue }
      if skipCaret, l.hasSuffix("^"), l.dropLast().allSatisfy({ $0 == " " }) { skipCaret = false; continue }
      skipCaret = false
      out.append(l)
    }
    return out
  }

  func testTranscripts() throws {
    let files = FileManager.default.enumerator(at: Self.directory, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "q" }.sorted { $0.path < $1.path } ?? []
    XCTAssertFalse(files.isEmpty, "no transcripts found in \(Self.directory.path)")
    var failures = 0
    for file in files {
      let t = Self.parse(try String(contentsOf: file, encoding: .utf8))
      var got = Self.run(t)
      // Error traces are checked only by transcripts that spell them out.
      if !t.expected.contains(where: Self.isTraceLine) { got = Self.withoutTraces(got) }
      let want = t.expected.map { l in var s = l; while s.last == " " { s.removeLast() }; return s }
      if got != want {
        failures += 1
        XCTFail("\(file.lastPathComponent):\n--- expected\n\(want.joined(separator: "\n"))\n--- got\n\(got.joined(separator: "\n"))")
      }
    }
    print("transcripts: \(files.count - failures) passed, \(failures) failed")
  }
}
