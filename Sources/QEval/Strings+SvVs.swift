import Foundation
import QValues

/// `sv` (scalar from vector) and `vs` (vector from scalar): joining and splitting text,
/// symbols and paths, and encoding numbers in a base, in bits or in bytes.
extension Strings {
  // MARK: sv

  private static func isText(_ x: Value) -> Bool {
    if case .char = x { return true }
    return x.isString
  }

  static func sv(_ x: Value, _ y: Value) throws -> Value {
    switch x {
    case _ where isText(x):
      guard let sep = textBytes(x) else { throw QError.type }
      return .chars(try joinTexts(y, separator: sep, terminate: false))
    case .symbol(let s) where s.isEmpty:
      if case .vector(let v) = y, case .symbol(let parts) = v.storage { return .symbol(joinPath(parts)) }
      if case .symbol(let p) = y { return .symbol(p) }
      return .chars(try joinTexts(y, separator: [10], terminate: true))
    case .byte(let b):
      if case .vector(let v) = y, case .byte(let bytes) = v.storage {
        guard b == 0 else { throw QError.type }
        return try numberFromBytes(bytes)
      }
      return .bytes(try joinBytes(y, separator: [b]))
    case .vector(let v) where v.type == .byte:
      guard case .byte(let sep) = v.storage else { throw QError.type }
      return .bytes(try joinBytes(y, separator: sep))
    case .bool(false):
      guard case .vector(let v) = y, case .bool(let bits) = v.storage else { throw QError.type }
      return try numberFromBits(bits)
    default:
      guard let base = Numeric.longs(x), let bt = Numeric.qtype(x), bt.isIntegral, !bt.isTemporal else {
        throw QError.type
      }
      return try decodeBase(base, isAtom: x.isAtom, y)
    }
  }

  /// Items of y as texts joined by a separator (or each followed by it).
  private static func joinTexts(_ y: Value, separator: [UInt8], terminate: Bool) throws -> [UInt8] {
    let parts: [[UInt8]]
    switch y {
    case .list(let items):
      parts = try items.map { item in
        guard let t = textBytes(item), !(item.isSymbolAtom) else { throw QError.type }
        return t
      }
    case .vector(let v):
      // A plain string is a list of one-char items.
      guard case .char(let a) = v.storage else { throw QError.type }
      parts = a.map { [$0] }
    default: throw QError.type
    }
    var out: [UInt8] = []
    for (i, p) in parts.enumerated() {
      if i > 0 && !terminate { out += separator }
      out += p
      if terminate { out += separator }
    }
    return out
  }

  /// Symbols joined by `.`, or as a file path by `/` when the first is a handle (`:dir`).
  private static func joinPath(_ parts: [String]) -> String {
    if let first = parts.first, first.hasPrefix(":") { return parts.joined(separator: "/") }
    return parts.joined(separator: ".")
  }

  private static func joinBytes(_ y: Value, separator: [UInt8]) throws -> [UInt8] {
    guard case .list(let items) = y else {
      if case .vector(let v) = y, case .byte(let a) = v.storage { return a }
      throw QError.type
    }
    var out: [UInt8] = []
    for (i, item) in items.enumerated() {
      if i > 0 { out += separator }
      switch item {
      case .byte(let b): out.append(b)
      case .vector(let v):
        guard case .byte(let a) = v.storage else { throw QError.type }
        out += a
      default: throw QError.type
      }
    }
    return out
  }

  /// Big-endian bytes to the integer of their width.
  private static func numberFromBytes(_ b: [UInt8]) throws -> Value {
    var n: UInt64 = 0
    for x in b.suffix(8) { n = n << 8 | UInt64(x) }
    switch b.count {
    case 1: return .byte(b[0])
    case 2: return .short(Int16(truncatingIfNeeded: n))
    case 4: return .int(Int32(truncatingIfNeeded: n), .int)
    case 8: return .long(Int64(bitPattern: n), .long)
    case 16:
      var hi: UInt64 = 0
      for x in b.prefix(8) { hi = hi << 8 | UInt64(x) }
      return .guid(GUID(hi: hi, lo: n))
    default: throw QError.length
    }
  }

  private static func numberFromBits(_ bits: [Bool]) throws -> Value {
    guard bits.count % 8 == 0, bits.count > 0 else { throw QError.length }
    var bytes: [UInt8] = []
    for chunk in stride(from: 0, to: bits.count, by: 8) {
      var b: UInt8 = 0
      for k in 0..<8 { b = b << 1 | (bits[chunk + k] ? 1 : 0) }
      bytes.append(b)
    }
    return try numberFromBytes(bytes)
  }

  /// Digits y (vector, or a list of equal-length rows for many numbers) in base x.
  private static func decodeBase(_ base: [Int64], isAtom: Bool, _ y: Value) throws -> Value {
    let rows: [Value] = y.isAtom ? [y] : y.items
    if !isAtom && base.count != rows.count { throw QError.length }
    var acc: [Int64]? = nil
    var width = 1
    var shaped = false
    for (i, row) in rows.enumerated() {
      guard let digits = Numeric.longs(row), Numeric.qtype(row)?.isIntegral ?? false else { throw QError.type }
      if !row.isAtom {
        if shaped && digits.count != width { throw QError.length }
        width = digits.count; shaped = true
      }
      let b = isAtom ? base[0] : base[i]
      if var a = acc {
        if a.count == 1 && digits.count > 1 { a = Array(repeating: a[0], count: digits.count) }
        for k in 0..<a.count { a[k] = a[k] &* b &+ (digits.count == 1 ? digits[0] : digits[k]) }
        acc = a
      } else {
        acc = digits
      }
    }
    let result = acc ?? [0]
    return shaped ? .longs(result) : .j(result[0])
  }

  // MARK: vs

  static func vs(_ x: Value, _ y: Value) throws -> Value {
    switch x {
    case _ where isText(x):
      guard let sep = textBytes(x), let text = textOrBytes(y) else { throw QError.type }
      if sep.isEmpty { throw QError.length }
      return .list(split(text, on: sep).map { .chars($0) })
    case .symbol(let s) where s.isEmpty:
      if case .symbol(let name) = y { return .symbols(splitPath(name)) }
      guard let text = textOrBytes(y) else { throw QError.type }
      return .list(lines(text).map { .chars($0) })
    case .byte(let b):
      if case .vector(let v) = y, case .byte(let bytes) = v.storage {
        return .list(split(bytes, on: [b]).map { .bytes($0) })
      }
      guard b == 0 else { return try byteDigits(base: b, y) }
      return .bytes(try bytesOf(y))
    case .vector(let v) where v.type == .byte:
      guard case .byte(let sep) = v.storage, case .vector(let w) = y, case .byte(let bytes) = w.storage else {
        throw QError.type
      }
      if sep.isEmpty { throw QError.length }
      return .list(split(bytes, on: sep).map { .bytes($0) })
    case .bool(false):
      let bytes = try bytesOf(y)
      return .bools(bytes.flatMap { b in (0..<8).map { b >> (7 - $0) & 1 == 1 } })
    default:
      guard let base = Numeric.longs(x), let bt = Numeric.qtype(x), bt.isIntegral, !bt.isTemporal else { throw QError.type }
      if base.contains(where: { $0 < 0 }) { throw QError.domain }
      return try encodeBase(base, isAtom: x.isAtom, y)
    }
  }

  /// A byte base: the digits of an integer as bytes, as many as the integer's width
  /// always holds (`0x40 vs 2` gives ten base-64 digits of a long).
  private static func byteDigits(base b: UInt8, _ y: Value) throws -> Value {
    guard b > 1, let t = y.atomType, t.isIntegral, t != .boolean, var n = Numeric.longs(y)?.first else {
      throw QError.type
    }
    let bits = t == .short ? 16 : t.storageKind == .int ? 32 : t == .byte ? 8 : 64
    var width = 0, reach = 1.0
    while reach * Double(b) <= pow(2.0, Double(bits)) { reach *= Double(b); width += 1 }
    var out = [UInt8](repeating: 0, count: width)
    var k = width - 1
    while k >= 0 {
      var r = n % Int64(b)
      if r < 0 { r += Int64(b) }
      out[k] = UInt8(r)
      n = (n &- r) / Int64(b)
      k -= 1
    }
    return .bytes(out)
  }

  private static func textOrBytes(_ y: Value) -> [UInt8]? {
    if case .vector(let v) = y, case .byte(let a) = v.storage { return a }
    if case .symbol = y { return nil }
    return textBytes(y)
  }

  /// Pieces between occurrences of sep (empty pieces kept).
  static func split(_ text: [UInt8], on sep: [UInt8]) -> [[UInt8]] {
    var out: [[UInt8]] = []
    var start = 0, i = 0
    let n = text.count, w = sep.count
    while i + w <= n {
      if text[i] == sep[0] && (w == 1 || Array(text[i..<i + w]) == sep) {
        out.append(Array(text[start..<i])); i += w; start = i
      } else {
        i += 1
      }
    }
    out.append(Array(text[start..<n]))
    return out
  }

  /// Lines split on `\n` with a `\r` before it dropped; a final newline ends the last line.
  private static func lines(_ text: [UInt8]) -> [[UInt8]] {
    var pieces = split(text, on: [10])
    if pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }
    return pieces.map { $0.last == 13 ? Array($0.dropLast()) : $0 }
  }

  /// A file handle splits into directory and file; other symbols split at dots.
  private static func splitPath(_ name: String) -> [String] {
    if name.hasPrefix(":"), let slash = name.lastIndex(of: "/") {
      return [String(name[..<slash]), String(name[name.index(after: slash)...])]
    }
    return name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }

  /// Big-endian bytes of a numeric atom at its own width.
  private static func bytesOf(_ y: Value) throws -> [UInt8] {
    func be<T: FixedWidthInteger>(_ v: T) -> [UInt8] {
      (0..<(T.bitWidth / 8)).reversed().map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) }
    }
    switch y {
    case .bool(let b): return [b ? 1 : 0]
    case .byte(let b): return [b]
    case .char(let c): return [c]
    case .short(let v): return be(v)
    case .int(let v, _): return be(v)
    case .long(let v, _): return be(v)
    case .real(let v): return be(v.bitPattern)
    case .float(let v, _): return be(v.bitPattern)
    case .guid(let g): return be(g.hi) + be(g.lo)
    default: throw QError.type
    }
  }

  /// Digits of y in base x: as few as needed for an atom base, one per base item otherwise
  /// (a 0 base item takes the whole remaining quotient). Vectors give one row per digit.
  private static func encodeBase(_ base: [Int64], isAtom: Bool, _ y: Value) throws -> Value {
    var numbers: [Int64]
    var yType = Numeric.qtype(y) ?? .long
    switch y {
    case .list(let items):
      numbers = try items.flatMap { item -> [Int64] in
        guard let n = Numeric.longs(item), Numeric.qtype(item)?.isIntegral ?? false else { throw QError.type }
        return n
      }
      yType = .long
    default:
      guard let n = Numeric.longs(y), yType.isIntegral else { throw QError.type }
      numbers = n
    }
    if yType == .boolean || yType == .byte { yType = .long }
    let outType: QType = yType.isTemporal ? .long : yType
    var digitsPer: [[Int64]] = []
    for var n in numbers {
      var d: [Int64] = []
      if isAtom {
        let b = base[0]
        guard b > 1 else { throw QError.domain }
        repeat {
          var r = n % b
          if r < 0 { r += b }
          d.append(r)
          n = (n &- r) / b
        } while n != 0 && d.count < 64
      } else {
        for b in base.reversed() {
          if b == 0 { d.append(n); n = 0; continue }
          var r = n % b
          if r < 0 { r += b }
          d.append(r)
          n = (n &- r) / b
        }
      }
      digitsPer.append(d.reversed())
    }
    let asAtom = y.isAtom
    if asAtom { return Numeric.make(digitsPer[0], outType, atom: false) }
    let width = digitsPer.map(\.count).max() ?? 0
    let padded = digitsPer.map { Array(repeating: Int64(0), count: width - $0.count) + $0 }
    return .list((0..<width).map { k in Numeric.make(padded.map { $0[k] }, outType, atom: false) })
  }
}

extension Value {
  var isSymbolAtom: Bool { if case .symbol = self { return true }; return false }
}
