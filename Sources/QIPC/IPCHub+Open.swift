import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// `hopen` and `hclose`: the client side of the handshake.
extension IPCHub {
  /// Where `hopen`'s argument points.
  struct Target {
    var unix = false
    var host = ""
    var port = 0
    var credentials = ""
    var timeoutMs = -1
  }

  static func text(_ v: Value) -> String? {
    switch v {
    case .symbol(let s): return s
    case .vector(let vec):
      if case .char(let a) = vec.storage { return String(decoding: a, as: UTF8.self) }
      return nil
    default: return nil
    }
  }

  /// Parse `` `:host:port[:user:password] ``, `` `::port ``, an int port, or `(target;timeout)`.
  static func target(_ x: Value) throws -> Target {
    if case .list(let items) = x, items.count == 2, let ms = items[1].asInt {
      var t = try target(items[0])
      t.timeoutMs = ms
      return t
    }
    if x.isAtom, let port = x.asInt, !(x.type == -11) { return Target(host: "", port: port) }
    guard var s = text(x) else { throw QError.type }
    guard s.hasPrefix(":") else { throw QError.type }
    s.removeFirst()
    var unix = false
    if s.hasPrefix("unix://") {
      unix = true
      s = ":" + s.dropFirst("unix://".count)
    }
    let parts = s.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2, let port = Int(parts[1]), port > 0, port < 65536 else { throw QError("hop") }
    return Target(unix: unix, host: parts[0], port: port, credentials: parts.count > 2 ? parts[2] : "", timeoutMs: -1)
  }

  public func open(_ x: Value) throws -> Value {
    let t = try IPCHub.target(x)
    let ip = t.unix ? 0 : try Socket.resolve(t.host)
    let start = QEval.Clock.monotonicNanos()
    let fd = t.unix ? try Socket.connectUnix(port: t.port, timeoutMs: t.timeoutMs)
      : try Socket.connect(ip: ip, port: t.port, timeoutMs: t.timeoutMs)
    var user = t.credentials
    if user.isEmpty { user = String(cString: getenv("USER") ?? getenv("LOGNAME") ?? strdup("")) }
    var hello = Array(user.utf8) + [IPCHub.capability, 0]
    var left = t.timeoutMs
    if left >= 0 { left = max(0, left - Int((QEval.Clock.monotonicNanos() - start) / 1_000_000)) }
    func fail(_ e: QError) -> QError { Glibc.close(fd); return e }
    var off = 0
    while off < hello.count {
      guard Socket.wait(fd, events: Int16(POLLOUT), timeoutMs: left) else { throw fail(QError("timeout")) }
      let n = hello.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + off, $0.count - off, Int32(MSG_NOSIGNAL)) }
      if n > 0 { off += n } else if errno != EAGAIN && errno != EINTR { throw fail(QError("access")) }
    }
    var cap: UInt8 = 0
    while true {
      guard Socket.wait(fd, events: Int16(POLLIN), timeoutMs: left) else { throw fail(QError("timeout")) }
      let n = recv(fd, &cap, 1, 0)
      if n == 1 { break }
      if n == 0 || (errno != EAGAIN && errno != EINTR) { throw fail(QError("access")) }
    }
    let c = Connection(fd: fd, address: ip, capability: min(cap, IPCHub.capability))
    connections[fd] = c
    publishHandles()
    return .i(fd)
  }

  public func close(handle: Int) throws {
    guard let c = connections[Int32(truncatingIfNeeded: handle)] else { return }
    _ = c.flushSome()  // what the socket takes now; nothing waits for the rest
    c.closed = true
    Glibc.close(c.fd)
    connections[c.fd] = nil
    publishHandles()
  }
}
