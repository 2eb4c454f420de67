import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Two qlite processes talking over loopback: the callback scenarios of DEVELOPERS.md,
/// sync and async messaging, remote errors and handlers. Every process is time-bounded
/// and killed at the end of its test.
final class IPCProcessTests: XCTestCase {
  var qlite = ""
  var scratch: URL!
  var servers: [(Process, URL, URL)] = []

  override func setUpWithError() throws {
    guard let path = Subprocess.qlitePath() else { throw XCTSkip("no qlite binary") }
    qlite = path
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("qlite-ipc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    for (p, _, _) in servers where p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
    servers = []
    if let scratch { try? FileManager.default.removeItem(at: scratch) }
  }

  /// A port nobody listens on right now (bound and released on 127.0.0.1).
  static func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
        _ = bind(fd, p, len)
        return getsockname(fd, p, &len)
      }
    }
    return Int(UInt16(bigEndian: addr.sin_port))
  }

  static func canConnect(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = UInt16(port).bigEndian
    addr.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    return withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
  }

  /// Start a server: `script` loaded as a file, then listening on a fresh port; its
  /// stdin is empty, so it goes on serving until killed.
  func startServer(_ script: String, args: [String] = []) throws -> Int {
    let port = Self.freePort()
    let id = UUID().uuidString
    let inURL = scratch.appendingPathComponent("in-\(id)")
    let outURL = scratch.appendingPathComponent("out-\(id)")
    let errURL = scratch.appendingPathComponent("err-\(id)")
    // The script is loaded before the port opens (stdin would race with the first client).
    let scriptURL = scratch.appendingPathComponent("server-\(id).q")
    try Data(script.utf8).write(to: scriptURL)
    try Data().write(to: inURL)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: qlite)
    p.arguments = [scriptURL.path, "-p", String(port)] + args
    p.standardInput = try FileHandle(forReadingFrom: inURL)
    p.standardOutput = try FileHandle(forWritingTo: outURL)
    p.standardError = try FileHandle(forWritingTo: errURL)
    try p.run()
    servers.append((p, outURL, errURL))
    let deadline = Date().addingTimeInterval(10)
    while !Self.canConnect(port) {
      guard Date() < deadline, p.isRunning else { throw XCTSkip("server did not start on \(port)") }
      usleep(20_000)
    }
    return port
  }

  /// Wait (up to 5 s) until the running server's output satisfies `done`: handlers such
  /// as `.z.pc` run after the socket is closed, so a client can finish before they print.
  func waitForServerOutput(_ done: (String) -> Bool) {
    guard let (_, out, _) = servers.last else { return }
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      if done((try? String(contentsOf: out, encoding: .utf8)) ?? "") { return }
      usleep(20_000)
    }
  }

  /// Stop every server and return the last one's stdout.
  func serverOutput() -> String {
    guard let (p, out, _) = servers.last else { return "" }
    if p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
    return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
  }

  func client(_ script: String, port: Int) throws -> Subprocess.Result {
    let text = script.replacingOccurrences(of: "PORT", with: String(port))
    let r = try Subprocess.run(qlite, [], stdin: text, timeout: 20)
    XCTAssertFalse(r.timedOut, "client timed out: \(r.stdout) \(r.stderr)")
    return r
  }

  static let serverScript = """
    serverFunc:{0N!x;}
    proc:{serverFunc x; h:.z.w; (neg h) (y; 43)}
    add:{x+y}
    add3:{x+y+z}
    proc3:{r:add3 . x; (neg .z.w) (y; r)}
    marshal:{(neg .z.w) (z; (value x) . y)}

    """

  func testCallbackBothSidesPrint() throws {
    let port = try startServer(Self.serverScript)
    let r = try client("""
      clientFunc:{0N!x;}
      h:hopen `::PORT
      (neg h) (`proc; 42; `clientFunc)
      h""
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "43\n")
    XCTAssertEqual(r.stderr, "")
    XCTAssertEqual(serverOutput(), "42\n")
  }

  func testProcThreeAndMarshalAndLambdaOverTheWire() throws {
    let port = try startServer(Self.serverScript)
    let r = try client("""
      clientFunc:{0N!x;}
      h:hopen `::PORT
      (neg h)(`proc3;1 2 3;`clientFunc)
      h""
      (neg h)(`marshal;`add3;1 2 3;`clientFunc)
      h""
      (neg h) ({(neg .z.w) (z; x*y)}; 6; 7; `clientFunc)
      h""
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "6\n6\n42\n")
    XCTAssertEqual(r.stderr, "")
  }

  func testSyncStringsListsAsyncAndChaser() throws {
    let port = try startServer(Self.serverScript)
    let r = try client("""
      h:hopen `::PORT
      h"1+1"
      h(`add;2;3)
      h("add";10;20)
      h({x*y};6;7)
      neg[h]"x:1"
      h""
      h"x"
      h"1+`a"
      h(`nosuch;1)
      hclose h
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "2\n5\n30\n42\n1\n")
    XCTAssertTrue(r.stderr.hasPrefix("'type"), r.stderr)
    XCTAssertTrue(r.stderr.contains("'nosuch"), r.stderr)
  }

  func testHandlersAndConnectionContext() throws {
    let port = try startServer(Self.serverScript + """
      opened:0
      .z.po:{opened::opened+1}
      .z.pc:{0N!`closed}
      .z.pg:{(`pg;value x)}
      .z.ps:{0N!(`ps;value x)}

      """)
    let r = try client("""
      h:hopen `::PORT
      h"opened"
      h".z.w=.z.w"
      h".z.a"
      neg[h]"2+3"
      h"0"
      hclose h
      h:hopen (`:127.0.0.1:PORT;1000)
      h"opened"
      exit 0

      """, port: port)
    // A general list displays one item per line.
    XCTAssertEqual(r.stdout, "`pg\n1\n`pg\n1b\n`pg\n2130706433i\n`pg\n0\n`pg\n2\n")
    usleep(200_000)
    XCTAssertEqual(serverOutput(), "(`ps;5)\n`closed\n`closed\n")
  }

  func testRefusedConnectionAndBadHandle() throws {
    let port = Self.freePort()
    let r = try client("""
      hopen `::PORT
      hopen (`::PORT;100)
      99 "1+1"

      """, port: port)
    XCTAssertEqual(r.stdout, "")
    let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("'") }
    XCTAssertEqual(errors.prefix(2), ["'hop. OS reports: Connection refused", "'hop. OS reports: Connection refused"])
  }

  func testServerCallsBackSynchronouslyWhileClientWaits() throws {
    let port = try startServer(Self.serverScript + """
      ask:{.z.w "secret"}

      """)
    let r = try client("""
      secret:17
      h:hopen `::PORT
      h"ask[]"
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "17\n")
  }

  /// The timer runs while the process serves (a timer alone does not keep q alive).
  func testTimerFires() throws {
    let script = "n:0\n.z.ts:{n::n+1; if[n=3; 0N!n; exit 0]}\n\\t 20\n\\p \(Self.freePort())\n"
    let r = try Subprocess.run(qlite, [], stdin: script, timeout: 10)
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.stdout, "3\n")
  }

  /// Connect with a raw socket, do the handshake, send `bytes`; true if the server then
  /// closed the connection (read returns 0) within two seconds.
  static func rawSessionIsClosed(port: Int, sending bytes: [UInt8]) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = UInt16(port).bigEndian
    addr.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard ok == 0 else { return false }
    var tv = timeval(tv_sec: 2, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    var hello: [UInt8] = Array("test:".utf8) + [3, 0]
    _ = send(fd, &hello, hello.count, 0)
    var cap: UInt8 = 0
    guard recv(fd, &cap, 1, 0) == 1, cap == 3 else { return false }
    var b = bytes
    _ = send(fd, &b, b.count, 0)
    var buf = [UInt8](repeating: 0, count: 64)
    return recv(fd, &buf, 64, 0) == 0
  }

  func testMalformedMessagesCloseOnlyThatConnection() throws {
    let port = try startServer(Self.serverScript + ".z.pc:{0N!`pc}\n")
    let bad: [[UInt8]] = [
      [1, 1, 0, 0, 12, 0, 0, 0, 0x70, 0, 0, 0],                 // unknown type 112
      [1, 1, 0, 0xff, 0xff, 0xff, 0xff, 0xff],                  // header claims about 1 TB
      [1, 1, 0, 0, 14, 0, 0, 0, 7, 0, 0xff, 0xff, 0xff, 0x7f],  // vector longer than its message
      [1, 1, 7, 0, 9, 0, 0, 0, 0],                              // unknown compression
      [1, 1, 1, 0, 16, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0xff, 1, 2, 3],  // compressed garbage
    ]
    for (k, b) in bad.enumerated() {
      XCTAssertTrue(Self.rawSessionIsClosed(port: port, sending: b), "case \(k)")
    }
    let r = try client("""
      h:hopen `::PORT
      h"add[2;3]"
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "5\n")
    // One `.z.pc` per refused connection (and one more if the client's close was seen).
    waitForServerOutput { $0.components(separatedBy: "`pc\n").count - 1 >= 5 }
    XCTAssertGreaterThanOrEqual(serverOutput().components(separatedBy: "`pc\n").count - 1, 5)
  }

  func testPeerDyingDuringSyncCallGivesAnError() throws {
    let port = try startServer(Self.serverScript)
    let r = try client("""
      h:hopen `::PORT
      h"exit 0"
      0N!`after;

      """, port: port)
    XCTAssertTrue(r.stderr.hasPrefix("'close"), r.stderr)
    XCTAssertEqual(r.stdout, "`after\n")
  }

  func testPasswordFileAndZpw() throws {
    let pw = scratch.appendingPathComponent("passwords")
    try "elmo:sesame\nbob:c8dae1c50e092f3d877192fc555b1dcf\n".write(to: pw, atomically: true, encoding: .utf8)
    let port = try startServer(Self.serverScript + ".z.pw:{[u;p] not u=`bob}\n", args: ["-u", pw.path])
    let r = try client("""
      h:hopen `::PORT:elmo:sesame
      h".z.u"
      hopen `::PORT:elmo:wrong
      hopen `::PORT:bob:sesame
      hopen `::PORT
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "`elmo\n")
    XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.hasPrefix("'") }, ["'access", "'access", "'access"])
  }

  func testDeferredResponseAndBroadcast() throws {
    let port = try startServer(Self.serverScript + """
      pend:()
      .z.pg:{[x] if[x~"later"; pend::pend,.z.w; -30!(::); :0]; value x}
      .z.ts:{if[count pend; h:first pend; pend::1_pend; -30!(h;0b;`answered)]}
      \\t 20

      """)
    let r = try client("""
      h:hopen `::PORT
      h"later"
      h2:hopen `::PORT
      -25!((h;h2);"y:5")
      h"y"
      h"-30!(0;0b;1)"
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "`answered\n5\n")
    XCTAssertTrue(r.stderr.hasPrefix("'domain"), r.stderr)
  }

  /// The docs/ipc.md example: a server that lets clients call only named functions.
  func testServerRestrictsCallableFunctions() throws {
    let port = try startServer(Self.serverScript + """
      allowed:`add`status
      status:{`ok}
      .z.pg:{$[(0h=type x) and (first x) in allowed; value x; '`access]}
      .z.ps:{if[(0h=type x) and (first x) in allowed; value x]}

      """)
    let r = try client("""
      h:hopen `::PORT
      h(`add;2;3)
      h(`status;::)
      h"til 3"
      h(`add3;1;2;3)
      neg[h]"secret:1"
      h(`add;1;1)
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "5\n`ok\n2\n")
    XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.hasPrefix("'") }, ["'access", "'access"])
  }

  /// Tests/interop/run.sh: aiokdb's and qPython's clients against a qlite server, and a qlite
  /// client against aiokdb's server. It installs them into venvs under .build/, so it needs
  /// PyPI access: opt in with QLITE_INTEROP=1.
  func testInteropWithAiokdb() throws {
    guard ProcessInfo.processInfo.environment["QLITE_INTEROP"] == "1" else {
      throw XCTSkip("set QLITE_INTEROP=1 to run Tests/interop/run.sh (needs PyPI)")
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let r = try Subprocess.run(root.appendingPathComponent("Tests/interop/run.sh").path, [qlite], timeout: 300)
    XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
    XCTAssertTrue(r.stdout.contains("interop: all passed"), r.stdout)
  }

  /// A server listening on a port also listens on q's Unix socket for it (abstract
  /// namespace `/tmp/kx.PORT`); there `.z.a` is 0.
  func testUnixDomainSocket() throws {
    let port = try startServer(Self.serverScript)
    let r = try client("""
      h:hopen `:unix://PORT
      h(`add;2;3)
      h".z.a"
      exit 0

      """, port: port)
    XCTAssertEqual(r.stdout, "5\n0i\n")
  }

  /// `hopen (target;ms)` bounds the connect and the handshake: a peer that accepts the
  /// connection but never answers gives 'timeout.
  func testHopenTimeout() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
        _ = bind(fd, p, len)
        _ = listen(fd, 4)
        return getsockname(fd, p, &len)
      }
    }
    let port = Int(UInt16(bigEndian: addr.sin_port))
    let start = Date()
    let r = try client("hopen (`::PORT;300)\n0N!`next;\n", port: port)
    XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.hasPrefix("'") }, ["'timeout"])
    XCTAssertEqual(r.stdout, "`next\n")
  }

  /// Callback output appears when the message arrives, while the console is waiting for
  /// its next line (stdin stays open and silent).
  func testCallbackPrintsWhileConsoleWaitsForInput() throws {
    let port = try startServer(Self.serverScript + "slow:{[f] (neg .z.w)(f;`late)}\n")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: qlite)
    let input = Pipe(), output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = FileHandle.nullDevice
    try p.run()
    defer {
      if p.isRunning { kill(p.processIdentifier, SIGKILL) }
      p.waitUntilExit()
    }
    let lines = "clientFunc:{0N!x;}\nh:hopen `::\(port)\n(neg h)(`slow;`clientFunc)\n"
    input.fileHandleForWriting.write(Data(lines.utf8))
    // Read until the callback's output arrives; stdin is never closed meanwhile.
    let fd = output.fileHandleForReading.fileDescriptor
    var seen = ""
    let deadline = Date().addingTimeInterval(10)
    while !seen.contains("`late\n") && Date() < deadline {
      var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&pfd, 1, 200) > 0 else { continue }
      var buf = [UInt8](repeating: 0, count: 256)
      let n = read(fd, &buf, buf.count)
      if n <= 0 { break }
      seen += String(decoding: buf[0..<n], as: UTF8.self)
    }
    XCTAssertEqual(seen, "`late\n")
    XCTAssertTrue(p.isRunning, "the console should still be waiting for input")
  }
}
