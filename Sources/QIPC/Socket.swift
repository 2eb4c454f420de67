import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Thin wrappers over BSD sockets: every socket is non-blocking with TCP_NODELAY.
enum Socket {
  static func osError(_ prefix: String = "") -> QError {
    QError(prefix + String(cString: strerror(errno)))
  }

  static func configure(_ fd: Int32) {
    // (TCP_NODELAY simply fails on a Unix socket, which is harmless.)
    let flags = fcntl(fd, F_GETFL, 0)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  /// Listen on all interfaces, as q's `-p port` does.
  static func listen(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw osError() }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = UInt16(port).bigEndian
    addr.sin_addr.s_addr = INADDR_ANY
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard ok == 0, Glibc.listen(fd, 128) == 0 else {
      let e = osError()
      Glibc.close(fd)
      throw e
    }
    configure(fd)
    return fd
  }

  /// Accept one pending connection; returns its fd and the peer's IPv4 address.
  static func accept(_ listener: Int32) -> (Int32, UInt32)? {
    var addr = sockaddr_in()
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let fd = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &len) }
    }
    guard fd >= 0 else { return nil }
    configure(fd)
    return (fd, UInt32(bigEndian: addr.sin_addr.s_addr))
  }

  /// Resolve a host name to an IPv4 address (host byte order).
  static func resolve(_ host: String) throws -> UInt32 {
    if host.isEmpty || host == "localhost" { return 0x7f00_0001 }
    var a = in_addr()
    if inet_pton(AF_INET, host, &a) == 1 { return UInt32(bigEndian: a.s_addr) }
    var hints = addrinfo()
    hints.ai_family = AF_INET
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var res: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, nil, &hints, &res) == 0, let r = res, let sa = r.pointee.ai_addr else {
      throw QError("hop. OS reports: Name or service not known")
    }
    defer { freeaddrinfo(res) }
    let ip = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
    return UInt32(bigEndian: ip)
  }

  /// Connect, waiting at most `timeoutMs` (negative: no limit).
  static func connect(ip: UInt32, port: Int, timeoutMs: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw osError() }
    configure(fd)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
    addr.sin_addr.s_addr = ip.bigEndian
    let r = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    if r != 0 {
      guard errno == EINPROGRESS else {
        let e = osError("hop. OS reports: ")
        Glibc.close(fd)
        throw e
      }
      guard wait(fd, events: Int16(POLLOUT), timeoutMs: timeoutMs) else {
        Glibc.close(fd)
        throw QError("timeout")
      }
      var err: Int32 = 0
      var len = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
      if err != 0 {
        Glibc.close(fd)
        throw QError("hop. OS reports: " + String(cString: strerror(err)))
      }
    }
    return fd
  }

  /// Block (in poll) until fd is ready; false on timeout.
  static func wait(_ fd: Int32, events: Int16, timeoutMs: Int) -> Bool {
    var p = pollfd(fd: fd, events: events, revents: 0)
    let deadline = timeoutMs < 0 ? Int64.max : QEval.Clock.monotonicNanos() + Int64(timeoutMs) * 1_000_000
    while true {
      let left = timeoutMs < 0 ? -1 : Int32(clamping: max(0, (deadline - QEval.Clock.monotonicNanos()) / 1_000_000))
      let n = poll(&p, 1, left)
      if n > 0 { return true }
      if n == 0 { return false }
      if errno != EINTR { return true }
    }
  }

  /// True when the peer address is this host (no compression then, as q).
  static func isLocal(_ fd: Int32, peer: UInt32) -> Bool {
    if peer >> 24 == 127 || peer == 0 { return true }
    var addr = sockaddr_in()
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return ok == 0 && UInt32(bigEndian: addr.sin_addr.s_addr) == peer
  }

  /// The Unix-domain address q uses for a port: `$QUDSPATH/kx.PORT` (default /tmp) in
  /// Linux's abstract namespace. nil when QUDSPATH is set empty (no Unix sockets).
  static func unixAddress(port: Int) -> sockaddr_un? {
    var dir = "/tmp"
    if let env = getenv("QUDSPATH") {
      dir = String(cString: env)
      if dir.isEmpty { return nil }
    }
    let name = Array((dir + "/kx.\(port)").utf8)
    var addr = sockaddr_un()
    addr.sun_family = sa_family_t(AF_UNIX)
    let room = MemoryLayout.size(ofValue: addr.sun_path)
    guard name.count + 1 <= room else { return nil }
    withUnsafeMutableBytes(of: &addr.sun_path) { p in
      p[0] = 0  // abstract namespace: a leading NUL, no file
      for (k, b) in name.enumerated() { p[k + 1] = b }
    }
    return addr
  }

  static func unixLength(port: Int) -> socklen_t {
    var dir = "/tmp"
    if let env = getenv("QUDSPATH") { dir = String(cString: env) }
    return socklen_t(MemoryLayout<sa_family_t>.size + 1 + (dir + "/kx.\(port)").utf8.count)
  }

  static func listenUnix(port: Int) -> Int32? {
    guard var addr = unixAddress(port: port) else { return nil }
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, unixLength(port: port)) }
    }
    guard ok == 0, Glibc.listen(fd, 128) == 0 else {
      Glibc.close(fd)
      return nil
    }
    let flags = fcntl(fd, F_GETFL, 0)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    return fd
  }

  static func connectUnix(port: Int, timeoutMs: Int) throws -> Int32 {
    guard var addr = unixAddress(port: port) else { throw QError("hop. OS reports: No such file or directory") }
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw osError() }
    let flags = fcntl(fd, F_GETFL, 0)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    let r = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, unixLength(port: port)) }
    }
    if r != 0 {
      guard errno == EINPROGRESS || errno == EAGAIN else {
        let e = osError("hop. OS reports: ")
        Glibc.close(fd)
        throw e
      }
      guard wait(fd, events: Int16(POLLOUT), timeoutMs: timeoutMs) else {
        Glibc.close(fd)
        throw QError("timeout")
      }
    }
    return fd
  }
}
