import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Messaging: the server side of the handshake, handling received messages with the
/// `.z` handlers, and sending from q (`h x`, `neg[h] x`).
extension IPCHub {
  // MARK: handshake (server side)

  /// Consume `user:password<cap>\0` once it is complete; false while incomplete or refused.
  func handshake(_ c: Connection) -> Bool {
    let end: Int? = c.inbox.withBytes { $0.firstIndex(of: 0) }
    guard let nul = end else {
      if c.inbox.count > 4096 { drop(c, silently: true) }
      return false
    }
    var cred: [UInt8] = c.inbox.withBytes { Array($0[0..<nul]) }
    c.inbox.consume(nul + 1)
    var cap: UInt8 = 0
    if let last = cred.last, last < 0x20 { cap = last; cred.removeLast() }
    let text = String(decoding: cred, as: UTF8.self)
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let user = parts.first ?? "", password = parts.count > 1 ? parts[1] : ""
    c.user = user
    if let check = authenticate, !check(user, password) { drop(c, silently: true); return false }
    if let pw = interpreter.globals[".z.pw"] {
      let ok = (try? withContext(c) { try interpreter.apply(pw, [.symbol(user), .string(password)]) }) ?? .bool(false)
      guard case .bool(true) = ok else { drop(c, silently: true); return false }
    }
    c.capability = min(cap, IPCHub.capability)
    var reply = [c.capability!]
    _ = Glibc.send(c.fd, &reply, 1, Int32(MSG_NOSIGNAL))
    publishHandles()
    if let po = interpreter.globals[".z.po"] {
      do { _ = try withContext(c) { try interpreter.apply(po, [.i(c.fd)]) } } catch { handleControl(error) }
    }
    return !c.closed
  }

  func drop(_ c: Connection, silently: Bool) {
    if silently {
      c.closed = true
      Glibc.close(c.fd)
      connections[c.fd] = nil
      publishHandles()
    } else {
      drop(c)
    }
  }

  /// Run q code on behalf of a connection: `.z.w .z.a .z.u` describe it meanwhile.
  func withContext<T>(_ c: Connection, _ body: () throws -> T) rethrows -> T {
    let g = interpreter.globals
    let saved = (g[".z.w"], g[".z.a"], g[".z.u"])
    interpreter.globals[".z.w"] = .i(c.fd)
    interpreter.globals[".z.a"] = .i(Int32(bitPattern: c.address))
    interpreter.globals[".z.u"] = .symbol(c.user)
    defer {
      interpreter.globals[".z.w"] = saved.0
      interpreter.globals[".z.a"] = saved.1
      interpreter.globals[".z.u"] = saved.2
    }
    return try interpreter.atTopLevel(body)
  }

  // MARK: receiving

  /// Handle one received message: sync through `.z.pg` (answered), async through `.z.ps`.
  func dispatch(_ m: Message, from c: Connection) {
    guard case .value(let x) = m.payload else { return }
    switch m.kind {
    case .response: return  // nobody waits for it any more
    case .async:
      do {
        _ = try withContext(c) { try handle(".z.ps", x) }
      } catch let e as QError {
        _ = e  // q reports nothing for a failed async message
      } catch {
        handleControl(error)
      }
    case .sync:
      let reply: Payload
      currentSync.append(c)
      defer { currentSync.removeLast() }
      do {
        reply = .value(try withContext(c) { try handle(".z.pg", x) })
      } catch let e as QError {
        reply = .error(e.message)
      } catch {
        handleControl(error)
        reply = .error("nyi")
      }
      guard !c.closed else { return }
      if deferSync.remove(ObjectIdentifier(c)) != nil { return }
      let bytes: [UInt8]
      do {
        bytes = try c.frame(.response, reply)
      } catch {
        // The result cannot travel at this capability (a guid to a 2.x client): say why.
        let why = (error as? QError)?.message ?? "type"
        guard let e = try? c.frame(.response, .error(why)) else { return }
        bytes = e
      }
      c.enqueue(bytes)
      if !c.flushSome() { drop(c) }
    }
  }

  /// The handler if defined, else q's default `value`.
  func handle(_ name: String, _ x: Value) throws -> Value {
    if let h = interpreter.globals[name] { return try interpreter.apply(h, [x]) }
    return try evaluateRemote(x)
  }

  /// q's `value` as IPC uses it: a string is evaluated; a list whose head is a name, a
  /// string or a function applies that function to the other items as they are.
  func evaluateRemote(_ x: Value) throws -> Value {
    var call = x
    // (`f;`arg) is a symbol vector by the time it arrives: still a call of f.
    if case .vector(let v) = x, case .symbol(let names) = v.storage, names.count > 1 {
      call = .list(names.map { .symbol($0) })
    }
    if case .list(let items) = call, let head = items.first {
      let args = Array(items.dropFirst())
      var f = head
      if case .symbol(let name) = head {
        f = try interpreter.lookup(name)
      } else if let text = IPCHub.text(head) {
        f = try interpreter.evaluate(text) ?? .identity
      }
      if f.isFunction || f.type < 0 || args.count > 0 {
        return args.isEmpty ? try interpreter.apply(f, [.identity]) : try interpreter.apply(f, args)
      }
    }
    return try interpreter.apply(try interpreter.lookup("value"), [x])
  }

  // MARK: sending

  public func send(handle: Int, _ message: Value, async: Bool) throws -> Value {
    guard let c = connections[Int32(truncatingIfNeeded: handle)], c.capability != nil else {
      throw QError("Cannot write to handle \(handle). OS reports: Bad file descriptor")
    }
    if async {
      if case .identity = message { try flush(c); return .identity }  // neg[h][]
      // Queued, as in q: written when the loop next polls, by a sync call, or once 64 KB wait.
      c.enqueue(try c.frame(.async, .value(message)))
      if c.queuedBytes >= 1 << 16, !c.flushSome() { drop(c); throw QError("close") }
      return .identity
    }
    if case .identity = message { return try awaitMessage(c, kind: .async) }  // h[]
    c.enqueue(try c.frame(.sync, .value(message)))
    if !c.flushSome() { drop(c); throw QError("close") }
    return try awaitMessage(c, kind: .response)
  }

  func flush(_ c: Connection) throws {
    while c.queuedBytes > 0 {
      guard c.flushSome() else { drop(c); throw QError("close") }
      if c.queuedBytes > 0 { _ = Socket.wait(c.fd, events: Int16(POLLOUT), timeoutMs: -1) }
    }
  }

  /// Block on one connection until a message of `kind` arrives; everything else arriving
  /// on it meanwhile is handled (so the peer can call back on the same socket).
  func awaitMessage(_ c: Connection, kind: MessageKind) throws -> Value {
    while true {
      while !c.closed {
        let m: Message?
        do { m = try Framing.decode(&c.inbox, limit: messageLimit) } catch {
          drop(c)
          throw QError("badmsg")
        }
        guard let message = m else { break }
        if message.kind == kind {
          switch message.payload {
          case .value(let v): return v
          case .error(let e): throw QError(e)
          }
        }
        dispatch(message, from: c)
      }
      if c.closed { throw QError("close") }
      var p = pollfd(fd: c.fd, events: Int16(POLLIN) | (c.queuedBytes > 0 ? Int16(POLLOUT) : 0), revents: 0)
      let n = poll(&p, 1, 1000)
      if n < 0 && errno != EINTR { drop(c); throw QError("close") }
      if Interpreter.interruptRequested {
        Interpreter.interruptRequested = false
        throw QError.stop
      }
      if n <= 0 { continue }
      if p.revents & Int16(POLLOUT) != 0, !c.flushSome() { drop(c); throw QError("close") }
      if p.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        if case .closed = c.readAvailable() { drop(c); throw QError("close") }
      }
    }
  }
}
