import Foundation
import XCTest

/// qlite as a user runs it: a script piped into stdin, or a script file with
/// arguments. Checks stdout, stderr and the exit status separately.
final class ConsoleTests: XCTestCase {
  var qlite = ""
  var scratch: URL!

  override func setUpWithError() throws {
    guard let path = Subprocess.qlitePath() else {
      XCTFail("qlite binary not found; run `swift build` first or set QLITE")
      throw XCTSkip("no qlite binary")
    }
    qlite = path
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("qlite-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    if let scratch { try? FileManager.default.removeItem(at: scratch) }
  }

  func script(_ name: String, _ text: String) throws -> String {
    let url = scratch.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func testPipedLinesPrintResultsWithNoPrompt() throws {
    let r = try Subprocess.run(qlite, stdin: "1+2\nx:til 5\nx*2\n`a`b!1 2\n")
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stdout, "3\n0 2 4 6 8\na| 1\nb| 2\n")
    XCTAssertEqual(r.stderr, "")
  }

  func testAssignmentAndTrailingSemicolonPrintNothing() throws {
    let r = try Subprocess.run(qlite, stdin: "a:1\na+1;\na\n")
    XCTAssertEqual(r.stdout, "1\n")
    XCTAssertEqual(r.status, 0)
  }

  func testErrorGoesToStderrAndTheNextLineStillRuns() throws {
    let r = try Subprocess.run(qlite, stdin: "1+`a\n2+2\n")
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stdout, "4\n")
    XCTAssertTrue(r.stderr.hasPrefix("'type"), "stderr: \(r.stderr)")
  }

  func testMultilineInputContinuesUntilBracketsClose() throws {
    let r = try Subprocess.run(qlite, stdin: "f:{[a]\n  a*2}\nf 21\n")
    XCTAssertEqual(r.stdout, "42\n")
    XCTAssertEqual(r.stderr, "")
  }

  func testZExitRunsWithTheExitCode() throws {
    let r = try Subprocess.run(qlite, stdin: ".z.exit:{-1 \"leaving \",string x}\nexit 5\n")
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 5)
    XCTAssertEqual(r.stdout, "leaving 5\n")
  }

  func testZExitRunsAtEndOfInput() throws {
    let r = try Subprocess.run(qlite, stdin: ".z.exit:{-1 \"bye\"}\n1+1\n")
    XCTAssertEqual(r.stdout, "2\nbye\n")
    XCTAssertEqual(r.status, 0)
  }

  func testZPiTakesEveryInputLine() throws {
    let r = try Subprocess.run(qlite, stdin: ".z.pi:{-1 \"got \",-1_x}\n1+1\n")
    XCTAssertEqual(r.stdout, "got 1+1\n")
  }

  func testTimingWithRepeatCount() throws {
    let r = try Subprocess.run(qlite, stdin: "\\t:10 sum til 100\n\\ts:3 til 10\n")
    XCTAssertEqual(r.stderr, "")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 2, r.stdout)
    XCTAssertNotNil(Int(lines.first ?? "x"), r.stdout)  // \t: milliseconds
    XCTAssertEqual(lines.last?.split(separator: " ").count, 2, r.stdout)  // \ts: time and space
  }

  func testDoubleBackslashExits() throws {
    let r = try Subprocess.run(qlite, stdin: "1\n\\\\\n2\n")
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stdout, "1\n")
  }

  func testExitGivesItsStatus() throws {
    let r = try Subprocess.run(qlite, stdin: "1\nexit 3\n2\n")
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 3)
    XCTAssertEqual(r.stdout, "1\n")
  }

  func testEndOfInputExitsZero() throws {
    let r = try Subprocess.run(qlite, stdin: "")
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stdout, "")
  }

  func testScriptFileWithArguments() throws {
    let path = try script("args.q", ".z.x\n.z.f\n-1 \"from script\";\n")
    let r = try Subprocess.run(qlite, [path, "arg1", "two"])
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 0)
    // a script shows its expressions' results as the console does
    XCTAssertEqual(r.stdout, "\"arg1\"\n\"two\"\n`\(path)\nfrom script\n")
    let r2 = try Subprocess.run(qlite, [path, "arg1", "two"], stdin: "count .z.x\n")
    XCTAssertEqual(r2.stdout, "\"arg1\"\n\"two\"\n`\(path)\nfrom script\n2\n")
  }

  func testScriptExitStatus() throws {
    let path = try script("exit.q", "a:1\nexit 3\n")
    let r = try Subprocess.run(qlite, [path])
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 3)
  }

  func testScriptErrorIsReportedOnStderr() throws {
    let path = try script("bad.q", "a:1\nb:a+`x\n")
    let r = try Subprocess.run(qlite, [path], stdin: "a\n")
    XCTAssertFalse(r.timedOut)
    XCTAssertTrue(r.stderr.contains("'type"), "stderr: \(r.stderr)")
    XCTAssertEqual(r.stdout, "1\n")
  }

  func testWriteToStdoutAndStderrHandles() throws {
    let r = try Subprocess.run(qlite, stdin: "-1 \"out\";\n-2 \"err\";\n")
    XCTAssertEqual(r.stdout, "out\n")
    XCTAssertEqual(r.stderr, "err\n")
  }

  func testTimingCommand() throws {
    let r = try Subprocess.run(qlite, stdin: "\\t sum til 1000\n")
    XCTAssertEqual(r.status, 0)
    XCTAssertNotNil(Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "stdout: \(r.stdout)")
  }

  func testVersionFlag() throws {
    let r = try Subprocess.run(qlite, ["--version"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.hasPrefix("qlite"))
  }

  func testLoadCommandRunsAScript() throws {
    let path = try script("lib.q", "sq:{x*x}\n")
    let r = try Subprocess.run(qlite, stdin: "\\l \(path)\nsq 7\n")
    XCTAssertEqual(r.stdout, "49\n")
    XCTAssertEqual(r.stderr, "")
  }

  func testPrecisionFlag() throws {
    let r = try Subprocess.run(qlite, ["-P", "3"], stdin: "1%3\n")
    XCTAssertEqual(r.stdout, "0.333\n")
  }

  func testPrecisionCommand() throws {
    let r = try Subprocess.run(qlite, stdin: "\\P 3\n1%3\n\\P 0\n1%3\n")
    XCTAssertEqual(r.stdout, "0.333\n0.33333333333333331\n")  // \\P 0: all 17 digits
  }

  func testUndefinedNameIsAnError() throws {
    let r = try Subprocess.run(qlite, stdin: "nosuchname\n1\n")
    XCTAssertEqual(r.stdout, "1\n")
    XCTAssertTrue(r.stderr.hasPrefix("'nosuchname"), "stderr: \(r.stderr)")
  }
}
