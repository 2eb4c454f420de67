import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Running a program with a time limit, collecting its output and exit status.
/// Input and output go through temporary files, so no pipe can fill up and block.
struct Subprocess {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
    var timedOut: Bool
  }

  static func run(_ executable: String, _ arguments: [String] = [], stdin input: String = "",
                  directory: String? = nil, environment: [String: String]? = nil,
                  timeout: TimeInterval = 20, memoryLimitKB: Int? = nil) throws -> Result {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlite-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let inURL = dir.appendingPathComponent("stdin")
    let outURL = dir.appendingPathComponent("stdout")
    let errURL = dir.appendingPathComponent("stderr")
    try Data(input.utf8).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

    let p = Process()
    if let kb = memoryLimitKB {
      // a runaway allocation then fails at once instead of eating a shared machine's memory
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", "ulimit -v \(kb) 2>/dev/null; exec \"$0\" \"$@\"", executable] + arguments
    } else {
      p.executableURL = URL(fileURLWithPath: executable)
      p.arguments = arguments
    }
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { p.environment = environment }
    let inHandle = try FileHandle(forReadingFrom: inURL)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
    p.standardInput = inHandle
    p.standardOutput = outHandle
    p.standardError = errHandle

    let done = DispatchSemaphore(value: 0)
    p.terminationHandler = { _ in done.signal() }
    try p.run()
    var timedOut = false
    if done.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(p.processIdentifier, SIGKILL)
      _ = done.wait(timeout: .now() + 10)
    }
    let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    let status = p.isRunning ? -1 : p.terminationStatus
    return Result(stdout: out, stderr: err, status: status, timedOut: timedOut)
  }

  /// The built qlite: `QLITE` if set, else next to this test bundle
  /// (.build/<triple>/debug/qlite), else wherever `swift build --show-bin-path` says.
  static func qlitePath() -> String? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["QLITE"], fm.isExecutableFile(atPath: env) { return env }
    var candidates: [URL] = []
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    candidates.append(exe.deletingLastPathComponent().appendingPathComponent("qlite"))
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("qlite"))
    // the package root, from this file's location: Tests/qliteTests/Subprocess.swift
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/qlite"))
    for c in candidates where fm.isExecutableFile(atPath: c.path) { return c.path }
    if let r = try? run("/usr/bin/env", ["swift", "build", "--show-bin-path"], directory: root.path, timeout: 120),
      r.status == 0
    {
      let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/qlite"
      if fm.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }
}
