import Foundation
import QValues

/// `(types;widths) 1: bytes`: fixed-width binary records read as typed columns,
/// little-endian; with the lists swapped, `(widths;types) 1: bytes`, big-endian.
extension TextFile {
  /// `read1 file`: the file's bytes.
  static func read1(_ x: Value) throws -> Value {
    guard case .symbol(let h) = x, h.hasPrefix(":") else { throw QError.type }
    guard let data = FileManager.default.contents(atPath: String(h.dropFirst())) else {
      throw QError(String(h.dropFirst()) + ": No such file or directory")
    }
    return .bytes(Array(data))
  }

  static func oneColon(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    if case .symbol(let h) = x, h.hasPrefix(":") {
      // `` `:file 1: bytes ``: write raw bytes (or chars).
      guard case .vector(let v) = y else { throw QError.type }
      let bytes: [UInt8]
      switch v.storage {
      case .byte(let a), .char(let a): bytes = a
      default: throw QError.type
      }
      guard FileManager.default.createFile(atPath: String(h.dropFirst()), contents: Data(bytes)) else {
        throw QError(String(h.dropFirst()) + ": cannot write")
      }
      return x
    }
    guard case .list(let spec) = x, spec.count == 2 else { throw QError.nyi }
    let bigEndian = !spec[0].isString
    let typeSpec = bigEndian ? spec[1] : spec[0], widthSpec = bigEndian ? spec[0] : spec[1]
    guard let types = Strings.textBytes(typeSpec), let widths = Numeric.longs(widthSpec), types.count == widths.count,
      widths.allSatisfy({ $0 >= 0 })
    else { throw QError.length }
    let data: [UInt8]
    switch y {
    case .vector(let v):
      switch v.storage {
      case .byte(let a), .char(let a): data = a
      default: throw QError.type
      }
    default: throw QError.type
    }
    let recordSize = Int(widths.reduce(0, +))
    guard recordSize > 0 else { throw QError.length }
    let records = data.count / recordSize
    var columns: [Value] = []
    var offset = 0
    for (k, letter) in types.enumerated() {
      let w = Int(widths[k])
      defer { offset += w }
      if letter == 32 { continue }
      let fields = (0..<records).map { r -> [UInt8] in
        let start = r * recordSize + offset
        let f = Array(data[start..<start + w])
        return bigEndian || letter == UInt8(ascii: "*") ? f : f.reversed()
      }
      columns.append(try binaryColumn(fields, letter, records: records))
    }
    return .list(columns)
  }

  /// Fields arrive most significant byte first.
  private static func binaryColumn(_ fields: [[UInt8]], _ letter: UInt8, records: Int) throws -> Value {
    func unsigned(_ f: [UInt8]) -> UInt64 { f.suffix(8).reduce(0) { $0 << 8 | UInt64($1) } }
    if letter == UInt8(ascii: "*") {
      // Raw text, in the order the bytes came.
      let texts = fields.map { Value.chars($0) }
      return records == 1 ? texts[0] : .list(texts)
    }
    guard let t = QType.from(letter: Character(UnicodeScalar(letter))) else { throw QError.type }
    let items: [Value] = fields.map { f in
      let u = unsigned(f)
      switch t.storageKind {
      case .bool: return .bool(u != 0)
      case .byte: return .byte(UInt8(truncatingIfNeeded: u))
      case .char: return .char(UInt8(truncatingIfNeeded: u))
      case .short: return .short(Int16(truncatingIfNeeded: u))
      case .int: return .int(Int32(truncatingIfNeeded: u), t)
      case .long: return .long(Int64(bitPattern: u), t)
      case .real: return .real(Float(bitPattern: UInt32(truncatingIfNeeded: u)))
      case .float: return .float(Double(bitPattern: u), t)
      default: return Nulls.atom(t)
      }
    }
    if items.isEmpty { return .vector(Vector.empty(t)) }
    return .vector(Value.vectorOfAtoms(items, t))
  }
}
