import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// One IPC connection (a q handle): its socket, the bytes read and not yet consumed,
/// and the bytes queued for writing.
public final class Connection {
  public let fd: Int32
  var inbox = ByteBuffer()
  var outbox: [UInt8] = []
  var outStart = 0
  /// Common capability once the handshake is done (nil while the server awaits it).
  var capability: UInt8?
  var user = ""
  let address: UInt32
  let isLocal: Bool
  var closed = false
  /// Sync requests answered later with `-30!`.
  var deferredCount = 0

  init(fd: Int32, address: UInt32, capability: UInt8?) {
    self.fd = fd; self.address = address; self.capability = capability
    isLocal = Socket.isLocal(fd, peer: address)
  }

  var queuedBytes: Int { outbox.count - outStart }

  /// Serialize a message for this peer, compressed where q would compress it.
  func frame(_ kind: MessageKind, _ payload: Payload) throws -> [UInt8] {
    let cap = capability ?? 3
    let plain = try Framing.encode(kind, payload, capability: cap)
    if cap >= 1, !isLocal, plain.count > Compression.threshold, let packed = Compression.compress(plain) {
      return packed
    }
    return plain
  }

  func enqueue(_ bytes: [UInt8]) {
    if outStart == outbox.count {
      outbox = bytes  // nothing pending: take the message without copying it
      outStart = 0
      return
    }
    outbox.append(contentsOf: bytes)
  }

  /// Write what the socket takes now. false when the peer is gone.
  func flushSome() -> Bool {
    while outStart < outbox.count {
      let n = outbox.withUnsafeBytes { p in
        send(fd, p.baseAddress! + outStart, p.count - outStart, Int32(MSG_NOSIGNAL))
      }
      if n > 0 { outStart += n; continue }
      if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
      if n < 0 && errno == EINTR { continue }
      return false
    }
    if outStart == outbox.count {
      outbox.removeAll(keepingCapacity: outbox.count < 1 << 20)
      outStart = 0
    }
    return true
  }

  enum ReadResult { case data, nothing, closed }

  /// Read everything available now (up to 64 MB per call, for fairness) into the inbox.
  func readAvailable() -> ReadResult {
    var got = false
    var total = 0
    while total < 1 << 26 {
      // Read straight into the inbox; for a large message in progress, ask for big chunks.
      let want = max(1 << 16, min(inbox.count, 1 << 24))
      let n = inbox.receive(atLeast: want) { p, room in recv(fd, p, room, 0) }
      if n > 0 {
        got = true
        total += n
        if n < want { break }
        continue
      }
      if n == 0 { return got ? .data : .closed }
      if errno == EINTR { continue }
      if errno == EAGAIN || errno == EWOULDBLOCK { break }
      return got ? .data : .closed
    }
    return got ? .data : .nothing
  }
}
