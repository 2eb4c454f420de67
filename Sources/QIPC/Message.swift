import QValues

/// What an IPC message asks of its receiver (header byte 1).
public enum MessageKind: UInt8, Sendable {
  case async = 0
  case sync = 1
  case response = 2
}

/// The body of a message: a value, or an error (type -128) as a response carries it.
public enum Payload: Sendable {
  case value(Value)
  case error(String)
}

public struct Message: Sendable {
  public var kind: MessageKind
  public var payload: Payload
  public init(_ kind: MessageKind, _ payload: Payload) { self.kind = kind; self.payload = payload }
}

/// Wire format errors. A connection that produces one is closed; the process goes on.
public enum WireError: Error, Equatable, Sendable {
  /// Bytes that do not form a valid message.
  case badMessage(String)
  /// A header announcing more bytes than this endpoint accepts.
  case tooLarge(UInt64)
}

/// The 8-byte message header.
public struct Header: Sendable, Equatable {
  public var littleEndian: Bool
  public var kind: UInt8
  public var compression: UInt8
  /// Total message length including the header (byte 3 carries bits 32-39).
  public var length: UInt64

  public static let size = 8

  /// Parse a header from its 8 bytes.
  public init(_ b: UnsafeRawBufferPointer) {
    littleEndian = b[0] == 1
    kind = b[1]
    compression = b[2]
    let low: UInt32 = littleEndian
      ? UInt32(b[4]) | UInt32(b[5]) << 8 | UInt32(b[6]) << 16 | UInt32(b[7]) << 24
      : UInt32(b[7]) | UInt32(b[6]) << 8 | UInt32(b[5]) << 16 | UInt32(b[4]) << 24
    length = UInt64(low) | UInt64(b[3]) << 32
  }

  public init(kind: MessageKind, length: UInt64, compression: UInt8 = 0) {
    littleEndian = true; self.kind = kind.rawValue; self.compression = compression; self.length = length
  }

  public var bytes: [UInt8] {
    let l = UInt32(truncatingIfNeeded: length)
    return [1, kind, compression, UInt8(truncatingIfNeeded: length >> 32),
            UInt8(l & 0xff), UInt8(l >> 8 & 0xff), UInt8(l >> 16 & 0xff), UInt8(l >> 24)]
  }
}

/// Bytes received on a connection and not yet consumed: one growable raw region with a
/// read cursor. Consuming advances the cursor; the unread tail is moved to the front only
/// when room is needed. It has reference semantics (one owner: a connection or a test).
public struct ByteBuffer {
  final class Region {
    var base: UnsafeMutableRawPointer
    var capacity: Int
    var start = 0
    var end = 0
    init(capacity: Int) {
      self.capacity = max(capacity, 64)
      base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }
    deinit { base.deallocate() }

    /// Make room for `n` more bytes after `end`.
    func reserve(_ n: Int) {
      if capacity - end >= n { return }
      let live = end - start
      if start > 0 && capacity - live >= n && live <= capacity / 2 {
        base.copyMemory(from: base + start, byteCount: live)
        start = 0; end = live
        return
      }
      var newCapacity = capacity
      while newCapacity - live < n { newCapacity *= 2 }
      let fresh = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
      fresh.copyMemory(from: base + start, byteCount: live)
      base.deallocate()
      base = fresh; capacity = newCapacity; start = 0; end = live
    }
  }

  let region: Region

  public init() { region = Region(capacity: 1 << 16) }
  public init(_ bytes: [UInt8]) {
    region = Region(capacity: bytes.count)
    append(bytes)
  }

  public var count: Int { region.end - region.start }
  public var isEmpty: Bool { count == 0 }

  public func append(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count > 0 else { return }
    region.reserve(bytes.count)
    (region.base + region.end).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
    region.end += bytes.count
  }
  public func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// Receive into the free space directly: at least `atLeast` bytes of room are made.
  func receive(atLeast: Int, _ read: (UnsafeMutableRawPointer, Int) -> Int) -> Int {
    region.reserve(atLeast)
    let n = read(region.base + region.end, region.capacity - region.end)
    if n > 0 { region.end += n }
    return n
  }

  public func consume(_ n: Int) {
    region.start += n
    if region.start >= region.end { region.start = 0; region.end = 0 }
  }

  public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: region.base + region.start, count: count))
  }
}

/// Framing: turns a stream of received bytes into messages, one at a time.
public enum Framing {
  /// Largest message accepted by default (bytes, header included).
  public static let defaultLimit: UInt64 = 1 << 34

  /// Take one complete message off the front of `buffer`; nil when more bytes are needed.
  /// Nothing is allocated for a message until all of its bytes have arrived.
  public static func decode(_ buffer: inout ByteBuffer, limit: UInt64 = defaultLimit) throws -> Message? {
    guard buffer.count >= Header.size else { return nil }
    let header = buffer.withBytes { Header(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
    try validate(header, limit: limit)
    guard UInt64(buffer.count) >= header.length else { return nil }
    let n = Int(header.length)
    let message = try buffer.withBytes { p in
      try decodeMessage(UnsafeRawBufferPointer(rebasing: p[0..<n]))
    }
    buffer.consume(n)
    return message
  }

  static func validate(_ h: Header, limit: UInt64) throws {
    guard h.kind <= 2 else { throw WireError.badMessage("message type \(h.kind)") }
    guard h.compression <= 2 else { throw WireError.badMessage("compression \(h.compression)") }
    guard h.length >= 9 else { throw WireError.badMessage("length \(h.length)") }
    guard h.length <= limit else { throw WireError.tooLarge(h.length) }
  }

  /// Decode one whole message (header included), decompressing when flagged.
  public static func decodeMessage(_ bytes: UnsafeRawBufferPointer) throws -> Message {
    guard bytes.count >= 9 else { throw WireError.badMessage("short message") }
    let header = Header(UnsafeRawBufferPointer(rebasing: bytes[0..<8]))
    try validate(header, limit: UInt64.max)
    guard let kind = MessageKind(rawValue: header.kind) else { throw WireError.badMessage("type") }
    if header.compression != 0 {
      let plain = try Compression.decompress(bytes)
      return try plain.withUnsafeBytes { p in
        Message(kind, try decodeBody(UnsafeRawBufferPointer(rebasing: p[8...]), littleEndian: header.littleEndian))
      }
    }
    return Message(kind, try decodeBody(UnsafeRawBufferPointer(rebasing: bytes[8...]), littleEndian: header.littleEndian))
  }

  /// A body: one object, or an error; every byte must be used.
  public static func decodeBody(_ body: UnsafeRawBufferPointer, littleEndian: Bool = true) throws -> Payload {
    var r = WireReader(body, littleEndian: littleEndian)
    let payload: Payload
    if body.first == 0x80 {
      r.position = 1
      payload = .error(try r.cString())
    } else {
      payload = .value(try r.object())
    }
    guard r.position == body.count else { throw WireError.badMessage("trailing bytes") }
    return payload
  }

  /// Serialize a whole message (header + body), little-endian, uncompressed.
  public static func encode(_ kind: MessageKind, _ payload: Payload, capability: UInt8 = 3) throws -> [UInt8] {
    var w = WireWriter(capability: capability)
    w.bytes.reserveCapacity(64)
    w.bytes.append(contentsOf: [1, kind.rawValue, 0, 0, 0, 0, 0, 0])
    switch payload {
    case .value(let v): try w.object(v)
    case .error(let text):
      w.bytes.append(0x80)
      w.cString(text)
    }
    let total = UInt64(w.bytes.count)
    if total > UInt64(Int32.max) && capability < 5 { throw QError.limit }
    let h = Header(kind: kind, length: total).bytes
    for i in 0..<8 { w.bytes[i] = h[i] }
    return w.bytes
  }
}
