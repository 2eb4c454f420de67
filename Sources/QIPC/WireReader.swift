import QValues

/// Reads one serialized object from a byte range. Every read is bounds-checked, and no
/// storage is reserved for a count until the bytes it implies are known to be present.
public struct WireReader {
  let bytes: UnsafeRawBufferPointer
  public var position = 0
  let swap: Bool
  var depth = 0

  public init(_ bytes: UnsafeRawBufferPointer, littleEndian: Bool = true) {
    self.bytes = bytes; self.swap = !littleEndian
  }

  var remaining: Int { bytes.count - position }

  func bad(_ why: String) -> WireError { .badMessage(why) }

  mutating func need(_ n: Int) throws {
    guard n >= 0, n <= remaining else { throw bad("truncated") }
  }

  mutating func u8() throws -> UInt8 {
    try need(1)
    defer { position += 1 }
    return bytes[position]
  }

  mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
    let n = MemoryLayout<T>.size
    try need(n)
    var x: T = 0
    withUnsafeMutableBytes(of: &x) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<position + n])) }
    position += n
    return swap ? x.byteSwapped : x
  }

  mutating func cString() throws -> String {
    guard let end = bytes[position...].firstIndex(of: 0) else { throw bad("unterminated symbol") }
    let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
    position = end + 1
    return s
  }

  mutating func guid() throws -> GUID {
    try need(16)
    var hi: UInt64 = 0, lo: UInt64 = 0
    for k in 0..<8 { hi = hi << 8 | UInt64(bytes[position + k]) }
    for k in 8..<16 { lo = lo << 8 | UInt64(bytes[position + k]) }
    position += 16
    return GUID(hi: hi, lo: lo)
  }

  /// Attribute byte and count; bit 0x80 of the attribute means an 8-byte count follows.
  mutating func attrAndCount() throws -> (Attribute, Int) {
    let a = try u8()
    let n: UInt64
    if a & 0x80 != 0 {
      n = try fixed(UInt64.self)
    } else {
      n = UInt64(try fixed(UInt32.self))
    }
    guard n <= UInt64(remaining) else { throw bad("count \(n) exceeds message") }
    let attr: Attribute
    switch a & 0x7f {
    case 0: attr = .none
    case 1: attr = .sorted
    case 2: attr = .unique
    case 3: attr = .parted
    case 4, 5: attr = .grouped
    default: throw bad("attribute \(a)")
    }
    return (attr, Int(n))
  }

  public mutating func object() throws -> Value {
    depth += 1
    defer { depth -= 1 }
    guard depth < 10_000 else { throw bad("nesting too deep") }
    let t = Int8(bitPattern: try u8())
    switch t {
    case -1: return .bool(try u8() != 0)
    case -2: return .guid(try guid())
    case -4: return .byte(try u8())
    case -5: return .short(try fixed(Int16.self))
    case -6, -13, -14, -17, -18, -19: return .int(try fixed(Int32.self), QType(rawValue: -t)!)
    case -7, -12, -16: return .long(try fixed(Int64.self), QType(rawValue: -t)!)
    case -8: return .real(Float(bitPattern: try fixed(UInt32.self)))
    case -9, -15: return .float(Double(bitPattern: try fixed(UInt64.self)), QType(rawValue: -t)!)
    case -10: return .char(try u8())
    case -11: return .symbol(try cString())
    case 0:
      let (_, n) = try attrAndCount()
      var items: [Value] = []
      items.reserveCapacity(n)
      for _ in 0..<n { items.append(try object()) }
      return .list(items)
    case 1...19 where t != 3: return .vector(try vector(QType(rawValue: t)!))
    case 98:
      _ = try u8()
      guard try u8() == 99 else { throw bad("table without dictionary") }
      let names = try object()
      let cols = try object()
      guard case .vector(let nv) = names, case .symbol(let ns) = nv.storage else { throw bad("table column names") }
      let columns: [Value]
      switch cols {
      case .list(let a): columns = a
      case .vector(let v): columns = (0..<v.count).map { v[$0] }
      default: throw bad("table columns")
      }
      guard columns.count == ns.count, Set(columns.map { $0.count }).count <= 1,
            !columns.contains(where: { $0.isAtom }) else { throw bad("table shape") }
      return .table(Table(names: ns, columns: columns))
    case 99, 127:
      let k = try object()
      let v = try object()
      guard k.count == v.count || k.isAtom else { throw bad("dictionary shape") }
      if t == 127, case .vector(var kv) = k, kv.attr == .none {
        kv.attr = .sorted
        return .dict(.vector(kv), v)
      }
      return .dict(k, v)
    case 100:
      let ctx = try cString()
      let src = try object()
      guard case .vector(let sv) = src, case .char(let a) = sv.storage else { throw bad("lambda source") }
      return try Lambdas.parse(ctx, String(decoding: a, as: UTF8.self))
    case 101:
      let i = try u8()
      if i == 0 { return .identity }
      if i == WirePrimitives.elidedArgument { return .identity }
      guard let p = Lambdas.unary(Int(i)) else { throw bad("primitive \(i)") }
      return p
    case 102:
      guard let p = Lambdas.op(Int(try u8())) else { throw bad("operator") }
      return p
    case 103:
      let i = try u8()
      guard let a = WirePrimitives.adverb(0x6a + i) else { throw bad("iterator") }
      return .function(.primitive(Primitive(id: -1, name: a.rawValue, valence: 2)))
    case 104, 105:
      let n = Int(try fixed(UInt32.self))
      guard n >= 1, n <= remaining else { throw bad("function parts") }
      var parts: [Value?] = []
      parts.reserveCapacity(n)
      for _ in 0..<n {
        if t == 104, remaining >= 2, bytes[position] == 101, bytes[position + 1] == WirePrimitives.elidedArgument {
          position += 2
          parts.append(nil)
        } else {
          parts.append(try object())
        }
      }
      if t == 105 { return .function(.composition(parts.map { $0 ?? .identity })) }
      guard let f = parts[0] else { throw bad("projection") }
      return .function(.projection(f, Array(parts.dropFirst())))
    case 106...111:
      let f = try object()
      return .function(.derived(WirePrimitives.adverb(UInt8(t))!, f))
    default:
      throw bad("type \(t)")
    }
  }

  mutating func vector(_ t: QType) throws -> Vector {
    let (attr, n) = try attrAndCount()
    func read<T: FixedWidthInteger>(_: T.Type) throws -> [T] {
      let w = MemoryLayout<T>.size
      guard n <= remaining / w else { throw bad("truncated vector") }
      let start = position
      var a = [T](unsafeUninitializedCapacity: n) { buf, done in
        UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + n * w]))
        done = n
      }
      if swap { for k in 0..<n { a[k] = a[k].byteSwapped } }
      position += n * w
      return a
    }
    let storage: Vector.Storage
    switch t.storageKind {
    case .bool: storage = .bool(try read(UInt8.self).map { $0 != 0 })
    case .guid:
      guard n <= remaining / 16 else { throw bad("truncated vector") }
      var g: [GUID] = []
      g.reserveCapacity(n)
      for _ in 0..<n { g.append(try guid()) }
      storage = .guid(g)
    case .byte: storage = .byte(try read(UInt8.self))
    case .char: storage = .char(try read(UInt8.self))
    case .short: storage = .short(try read(Int16.self))
    case .int: storage = .int(try read(Int32.self))
    case .long: storage = .long(try read(Int64.self))
    case .real: storage = .real(try read(UInt32.self).map { Float(bitPattern: $0) })
    case .float: storage = .float(try read(UInt64.self).map { Double(bitPattern: $0) })
    case .symbol:
      var s: [String] = []
      s.reserveCapacity(n)
      for _ in 0..<n { s.append(try cString()) }
      storage = .symbol(s)
    case .list: throw bad("vector type")
    }
    return Vector(t, storage, attr: attr)
  }
}
