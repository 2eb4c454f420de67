import Foundation
import XCTest

/// Minimal reproductions of crashes the fuzz test found, run through the real binary.
/// Every input here must end with a q error or a result, never a signal. Inputs in
/// `knownCrashes` are reported, not failed, until the evaluator is fixed; once one
/// passes, move it to `mustNotCrash`.
final class CrashReproTests: XCTestCase {
  static let knownCrashes: [(input: String, cause: String)] = [
    ("1212:00:00.000", "time literal with a large hour: Int32 conversion traps"),
  ]

  /// Hostile inputs that must keep giving an error or a result (most were crashes once).
  static let mustNotCrash: [String] = [
    "f:{$[x>0;f x-1;0]}; f 100", String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300),
    String(repeating: "1+", count: 300) + "1", "9223372036854775807+1", "1%0", "(", ")", "{", "}",
    "[", "]", "\"", "`", "'", "/", "\\\\x", "1 2 3+", "+", "f[", "{x}[1;2;3;4;5;6;7;8;9]", "0x", "1e999",
    "-0W", "0W", "0Ni$1 2", "\"i\"$1e20", "-9223372036854775808$\"abc\"", "til -1", "-1#()", "first ()", "last ()",
    "max ()", "1 2 3 4 5 6 7 8 9 10 11 12@99",
    "-1 2 -3#1", "0N#1 2", "0N#()", "0W#\"ab\"", "-0W#\"ab\"", "1_til 0W", "0W?2", "til 1000000000000",
    "where 2147483647i", "0 5_\"123\"", "f:{$[x>0;f x-1;0]}; f 500", "f:{$[x>0;f x-1;0]}; f 5000",
    String(repeating: "(", count: 2500) + "1" + String(repeating: ")", count: 2500),
    String(repeating: "enlist ", count: 2500) + "1", String(repeating: "{", count: 2500) + "x" + String(repeating: "}", count: 2500),
    String(repeating: "1+", count: 2500) + "1", ":5",
    "-8!([]a:1 2;b:`x`y)", "2000.01.01+-1e308", "0N$1e", "1.2^`long$()", "2^\"\"", "<(1;`a)", "<parse \"x+1\"", "20D00:1000000000:01", "1000000000:0", "9223372036854775807:00", "0D009223372036854775807:501",
  ]

  var qlite = ""

  override func setUpWithError() throws {
    guard let path = Subprocess.qlitePath() else { throw XCTSkip("no qlite binary") }
    qlite = path
  }

  func crashed(_ input: String) throws -> (Bool, String) {
    let r = try Subprocess.run(qlite, ["-q"], stdin: input + "\n", timeout: 20, memoryLimitKB: 2_500_000)
    let signal = r.timedOut || r.status >= 128 || r.status < 0 || r.stderr.contains("Fatal error")
      || r.stderr.contains("Program crashed")
    let firstLine = r.stderr.split(separator: "\n").first { $0.contains("Fatal") || $0.contains("crashed") || $0.contains("free") }
    return (signal, firstLine.map(String.init) ?? (r.timedOut ? "timed out" : "status \(r.status)"))
  }

  func testHostileInputsGiveErrorsNotCrashes() throws {
    for input in Self.mustNotCrash {
      let (bad, why) = try crashed(input)
      XCTAssertFalse(bad, "\(input.prefix(60)) crashed: \(why)")
    }
  }

  func testKnownCrashes() throws {
    var still = 0
    for (input, cause) in Self.knownCrashes {
      let (bad, why) = try crashed(input)
      if bad {
        still += 1
        print("known crash: \(input.prefix(50)) -- \(cause) [\(why.replacingOccurrences(of: "Fatal error: ", with: "fatal: "))]")
      } else {
        print("FIXED: \(input.prefix(50)) no longer crashes; move it to mustNotCrash")
      }
    }
    print("known crashes: \(still) of \(Self.knownCrashes.count) still crash")
  }
}
