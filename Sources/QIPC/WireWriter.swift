import QValues

/// Serializes values in q's wire format, always little-endian.
public struct WireWriter {
  public var bytes: [UInt8] = []
  /// The common capability of the connection: guards guids, timestamps and long counts.
  public let capability: UInt8

  public init(capability: UInt8 = 3) { self.capability = capability }

  @inline(__always) mutating func u8(_ x: UInt8) { bytes.append(x) }
  @inline(__always) mutating func raw<T>(_ x: T) {
    withUnsafeBytes(of: x) { bytes.append(contentsOf: $0) }
  }
  mutating func i32(_ x: Int32) { raw(x.littleEndian) }
  mutating func u32(_ x: UInt32) { raw(x.littleEndian) }

  mutating func cString(_ s: String) {
    // A symbol cannot hold NUL on the wire: it ends at the first one, as in q.
    for c in s.utf8 {
      if c == 0 { break }
      bytes.append(c)
    }
    bytes.append(0)
  }

  mutating func guid(_ g: GUID) {
    raw(g.hi.bigEndian)
    raw(g.lo.bigEndian)
  }

  mutating func count(_ n: Int, attr: UInt8) throws {
    if UInt64(n) > UInt64(UInt32.max) {
      guard capability >= 6 else { throw QError.limit }
      u8(attr | 0x80)
      raw(Int64(n).littleEndian)
    } else {
      if n > Int(Int32.max) && capability < 6 { throw QError.limit }
      u8(attr)
      u32(UInt32(n))
    }
  }

  func checkType(_ t: QType) throws {
    if t == .guid && capability < 3 { throw QError.type }
    if (t == .timestamp || t == .timespan) && capability < 1 { throw QError.type }
  }

  public mutating func object(_ v: Value) throws {
    switch v {
    case .bool(let b): u8(0xff); u8(b ? 1 : 0)
    case .guid(let g): try checkType(.guid); u8(0xfe); guid(g)
    case .byte(let x): u8(0xfc); u8(x)
    case .short(let x): u8(0xfb); raw(x.littleEndian)
    case .int(let x, let t): u8(UInt8(bitPattern: -t.rawValue)); raw(x.littleEndian)
    case .long(let x, let t): try checkType(t); u8(UInt8(bitPattern: -t.rawValue)); raw(x.littleEndian)
    case .real(let x): u8(0xf8); raw(x.bitPattern.littleEndian)
    case .float(let x, let t): u8(UInt8(bitPattern: -t.rawValue)); raw(x.bitPattern.littleEndian)
    case .char(let c): u8(0xf6); u8(c)
    case .symbol(let s): u8(0xf5); cString(s)
    case .vector(let vec): try vector(vec)
    case .list(let items):
      u8(0)
      try count(items.count, attr: 0)
      for i in items { try object(i) }
    case .dict(let k, let vals):
      var sorted = false
      if case .vector(let kv) = k, kv.attr == .sorted { sorted = true }
      u8(sorted ? 0x7f : 0x63)
      try object(k)
      try object(vals)
    case .table(let t):
      u8(0x62); u8(0); u8(0x63)
      try vector(Vector(.symbol, .symbol(t.names)))
      u8(0)
      try count(t.columns.count, attr: 0)
      for c in t.columns { try object(c) }
    case .function(let f): try function(f)
    case .identity: u8(0x65); u8(0)
    }
  }

  static func wireAttr(_ a: Attribute) -> UInt8 {
    switch a {
    case .none: return 0
    case .sorted: return 1
    case .unique: return 2
    case .parted: return 3
    case .grouped: return 4
    }
  }

  mutating func vector(_ v: Vector) throws {
    try checkType(v.type)
    u8(UInt8(v.type.rawValue))
    try count(v.count, attr: WireWriter.wireAttr(v.attr))
    switch v.storage {
    case .bool(let a): for b in a { u8(b ? 1 : 0) }
    case .guid(let a): for g in a { guid(g) }
    case .byte(let a), .char(let a): bytes.append(contentsOf: a)
    case .short(let a): append(a)
    case .int(let a): append(a)
    case .long(let a): append(a)
    case .real(let a): append(a)
    case .float(let a): append(a)
    case .symbol(let a): for s in a { cString(s) }
    }
  }

  /// Fixed-width elements: one copy of the contiguous storage (the host is little-endian).
  mutating func append<T>(_ a: [T]) {
    a.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  mutating func function(_ f: Function) throws {
    switch f {
    case .lambda(let l):
      u8(0x64)
      cString(l.context.hasPrefix(".") ? String(l.context.dropFirst()) : l.context)
      let src = Array(l.source.utf8)
      u8(10)
      try count(src.count, attr: 0)
      bytes.append(contentsOf: src)
    case .primitive(let p):
      if let (type, index) = WirePrimitives.code(p) {
        u8(type); u8(index)
      } else if let k = WirePrimitives.kDefinition(p.name) {
        try object(k)
      } else {
        // No q byte code: send the keyword by name, which a qlite peer evaluates back.
        u8(0x64); u8(0)
        let src = Array(p.name.utf8)
        u8(10); try count(src.count, attr: 0)
        bytes.append(contentsOf: src)
      }
    case .projection(let g, let args):
      u8(0x68)
      u32(UInt32(args.count + 1))
      try object(g)
      for a in args {
        if let a { try object(a) } else { u8(0x65); u8(WirePrimitives.elidedArgument) }
      }
    case .composition(let parts):
      u8(0x69)
      u32(UInt32(parts.count))
      for p in parts { try object(p) }
    case .derived(let adverb, let g):
      u8(WirePrimitives.adverbType(adverb))
      try object(g)
    }
  }
}
