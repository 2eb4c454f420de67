import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// All IPC of this process, run on the interpreter thread: the listening socket, every
/// connection, and the one poll loop that also watches stdin and drives the timer.
public final class IPCHub: ConnectionProvider {
  public let interpreter: Interpreter
  var listener: Int32 = -1
  /// The Unix-domain socket q also listens on for the same port (abstract namespace).
  var unixListener: Int32 = -1
  var connections: [Int32: Connection] = [:]
  /// Highest capability this endpoint speaks (6: large messages and vectors).
  public static let capability: UInt8 = 6
  /// Largest message accepted from a peer.
  public var messageLimit: UInt64 = Framing.defaultLimit
  var nextTimer: Int64 = 0
  /// Password check for incoming connections (-u/-U); nil accepts everyone.
  public var authenticate: ((String, String) -> Bool)?
  /// Connections whose sync requests are being handled, innermost last (for `-30!`).
  var currentSync: [Connection] = []
  /// Requests in `currentSync` whose answer `-30!(::)` deferred.
  var deferSync: Set<ObjectIdentifier> = []

  public init(_ interpreter: Interpreter) {
    self.interpreter = interpreter
    signal(SIGPIPE, SIG_IGN)
    Lambdas.interpreter = interpreter
    interpreter.handles = self
    interpreter.onListen = { [unowned self] port in try self.listen(port) }
    let previous = interpreter.internalHook
    interpreter.internalHook = { [unowned self] n, x in
      if let r = try self.internalFunction(n, x) { return r }
      return try previous?(n, x)
    }
    interpreter.globals[".z.w"] = .i(0)
    interpreter.globals[".z.a"] = .i(0)
    publishHandles()
  }

  /// Before the process exits: write queued async messages (waiting at most a second).
  public func flushBeforeExit() {
    let deadline = QEval.Clock.monotonicNanos() + 1_000_000_000
    for c in connections.values where !c.closed {
      while c.queuedBytes > 0, c.flushSome(), QEval.Clock.monotonicNanos() < deadline {
        if c.queuedBytes > 0 { _ = Socket.wait(c.fd, events: Int16(POLLOUT), timeoutMs: 100) }
      }
    }
  }

  public var isListening: Bool { listener >= 0 }
  public var hasConnections: Bool { !connections.isEmpty }

  // MARK: listening

  public func listen(_ port: Int) throws {
    if listener >= 0 { Glibc.close(listener); listener = -1 }
    if unixListener >= 0 { Glibc.close(unixListener); unixListener = -1 }
    guard port > 0 else { return }
    listener = try Socket.listen(port: port)
    unixListener = Socket.listenUnix(port: port) ?? -1
  }

  func acceptAll(_ fd: Int32) {
    while let (c, ip) = Socket.accept(fd) {
      // Over a Unix socket there is no peer address: .z.a is 0, as in q.
      connections[c] = Connection(fd: c, address: fd == unixListener ? 0 : ip, capability: nil)
    }
  }

  // MARK: the loop

  /// Wait for and handle events until stdin is readable (true) or the timeout passes
  /// (false). `timeoutMs` < 0 waits indefinitely.
  public func waitForStdin(timeoutMs: Int = -1) -> Bool {
    pollOnce(timeoutMs: timeoutMs, stdin: true)
  }

  /// After stdin ends: keep serving while listening or any connection is open.
  public func serveUntilIdle() {
    while isListening || hasConnections {
      _ = pollOnce(timeoutMs: -1, stdin: false)
    }
  }

  /// One poll over stdin, the listener and every connection; handles what is ready.
  @discardableResult
  public func pollOnce(timeoutMs: Int, stdin: Bool) -> Bool {
    var fds: [pollfd] = []
    if stdin { fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
    if listener >= 0 { fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0)) }
    if unixListener >= 0 { fds.append(pollfd(fd: unixListener, events: Int16(POLLIN), revents: 0)) }
    let conns = connections.values.sorted { $0.fd < $1.fd }
    for c in conns {
      let ev = Int16(POLLIN) | (c.queuedBytes > 0 ? Int16(POLLOUT) : 0)
      fds.append(pollfd(fd: c.fd, events: ev, revents: 0))
    }
    var timeout = timeoutMs
    let now = QEval.Clock.monotonicNanos()
    if interpreter.timerPeriod > 0 {
      if nextTimer == 0 { nextTimer = now + Int64(interpreter.timerPeriod) * 1_000_000 }
      let due = Int(max(0, (nextTimer - now + 999_999) / 1_000_000))
      timeout = timeout < 0 ? due : min(timeout, due)
    } else {
      nextTimer = 0
    }
    let n = poll(&fds, nfds_t(fds.count), Int32(clamping: timeout))
    if n < 0 { return false }
    runTimerIfDue()
    var stdinReady = false
    for p in fds where p.revents != 0 {
      if stdin && p.fd == 0 { stdinReady = true; continue }
      if p.fd == listener || p.fd == unixListener { acceptAll(p.fd); continue }
      guard let c = connections[p.fd] else { continue }
      if p.revents & Int16(POLLOUT) != 0, !c.flushSome() { drop(c); continue }
      if p.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { service(c) }
    }
    if !conns.isEmpty { publishHandles() }  // .z.W: bytes still queued after this round
    return stdinReady
  }

  func runTimerIfDue() {
    guard interpreter.timerPeriod > 0, nextTimer > 0 else { return }
    let now = QEval.Clock.monotonicNanos()
    guard now >= nextTimer else { return }
    nextTimer = now + Int64(interpreter.timerPeriod) * 1_000_000
    guard let ts = interpreter.globals[".z.ts"] else { return }
    let stamp = (try? interpreter.lookup(".z.P")) ?? .identity
    do {
      _ = try interpreter.atTopLevel { try interpreter.apply(ts, [stamp]) }
    } catch let e as QError {
      interpreter.writeErr("'" + e.message + "\n")
    } catch {
      handleControl(error)
    }
  }

  /// Read what arrived on a connection and handle every complete message, in order.
  func service(_ c: Connection) {
    switch c.readAvailable() {
    case .closed:
      drop(c)
      return
    case .nothing, .data: break
    }
    if c.capability == nil, !handshake(c) { return }
    processInbox(c)
  }

  func processInbox(_ c: Connection) {
    while !c.closed {
      let m: Message?
      do {
        m = try Framing.decode(&c.inbox, limit: messageLimit)
      } catch {
        drop(c)
        return
      }
      guard let message = m else { return }
      dispatch(message, from: c)
    }
  }

  /// Close a connection the peer ended (or that sent garbage), then run `.z.pc`.
  func drop(_ c: Connection) {
    guard !c.closed else { return }
    c.closed = true
    Glibc.close(c.fd)
    connections[c.fd] = nil
    publishHandles()
    // Only connections that were opened (handshake done, `.z.po` run) report closing.
    if c.capability != nil, let pc = interpreter.globals[".z.pc"] {
      do {
        _ = try interpreter.atTopLevel { try interpreter.apply(pc, [.i(c.fd)]) }
      } catch {
        handleControl(error)
      }
    }
  }

  /// `exit` inside a handler ends the process, as in q.
  func handleControl(_ error: Error) {
    if case QControl.exit(let code) = error { exit(code) }
  }

  /// `.z.W` (handle → bytes queued) and `.z.H` (open handles).
  func publishHandles() {
    let hs = connections.keys.sorted()
    interpreter.globals[".z.H"] = .ints(hs.map { Int32($0) })
    interpreter.globals[".z.W"] = .dict(.ints(hs.map { Int32($0) }), .longs(hs.map { Int64(connections[$0]!.queuedBytes) }))
  }

  func internalFunction(_ n: Int, _ x: Value) throws -> Value? {
    switch n {
    case -25: return try broadcast(x)
    case -30: return try deferredResponse(x)
    default: return try IPCInternals.call(n, x)
    }
  }

  /// `-25!(handles;x)`: one async message to many handles; `-25!(handles;::)` flushes them.
  func broadcast(_ x: Value) throws -> Value {
    guard case .list(let parts) = x, parts.count == 2 else { throw QError.type }
    let hs: [Int]
    switch parts[0] {
    case .vector(let v): hs = (0..<v.count).compactMap { v[$0].asInt }
    default:
      guard let h = parts[0].asInt else { throw QError.type }
      hs = [h]
    }
    for h in hs { _ = try send(handle: h, parts[1], async: true) }
    return .identity
  }

  /// `-30!(::)` defers the answer to the sync request being handled; `-30!(h;isError;x)`
  /// sends it later.
  func deferredResponse(_ x: Value) throws -> Value {
    if case .identity = x {
      guard let c = currentSync.last else { throw QError.domain }
      deferSync.insert(ObjectIdentifier(c))
      c.deferredCount += 1
      return .identity
    }
    guard case .list(let parts) = x, parts.count == 3, let h = parts[0].asInt else { throw QError.type }
    guard let c = connections[Int32(truncatingIfNeeded: h)] else { throw QError.domain }
    guard c.deferredCount > 0 else { throw QError("Handle \(h) was not expecting a response msg") }
    let isError: Bool
    switch parts[1] {
    case .bool(let b): isError = b
    default: throw QError.type
    }
    let payload: Payload
    if isError {
      guard let text = IPCHub.text(parts[2]) else { throw QError.type }
      payload = .error(text)
    } else {
      payload = .value(parts[2])
    }
    c.deferredCount -= 1
    c.enqueue(try c.frame(.response, payload))
    if !c.flushSome() { drop(c) }
    return .identity
  }
}
