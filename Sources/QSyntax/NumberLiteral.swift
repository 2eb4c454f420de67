import QValues

/// Numeric literals: one token is an atom, juxtaposed tokens a vector. A type suffix
/// on the last token types the whole vector (`1 2 3h`); otherwise a point anywhere
/// makes floats of all.
enum NumberLiteral {
  static func vector(_ texts: [String]) throws -> Value {
    if texts.count == 1 { return try atomOrPacked(texts[0]) }
    // A suffix on the last token applies to all of them.
    let last = texts.last ?? ""
    if let lc = suffixLetter(last), let t = AtomParser.suffixType(lc) {
      if t == .boolean {
        // `1 0 1b`: each item a single 0 or 1.
        let bits = texts.enumerated().map { i, s in i == texts.count - 1 ? String(s.dropLast()) : s }
        guard bits.allSatisfy({ $0 == "0" || $0 == "1" }) else { throw QError.parse }
        return .bools(bits.map { $0 == "1" })
      }
      let items = try texts.enumerated().map { i, s -> Value in
        let body = i == texts.count - 1 && !isSpecial(s) ? String(s.dropLast()) : s
        if i == texts.count - 1, isSpecial(s), let v = AtomParser.literal(s) { return v }
        if let v = AtomParser.literal(body + String(lc)) { return v }
        if let v = AtomParser.literal(body), let c = cast(v, to: t) { return c }
        throw QError(s)
      }
      return Value.fromItems(items)
    }
    var items = try texts.map { s -> Value in
      guard let v = AtomParser.literal(s) else { throw QError(s) }
      return v
    }
    // Longs mixed with floats are all floats; nulls without a type take the others' type.
    let types = Set(items.compactMap { v -> QType? in
      if case .long(let x, .long) = v, x == Nulls.long || abs(x) == Nulls.longInf { return nil }
      return v.atomType
    })
    if types == [.float, .long] || types == [.float] {
      items = items.map { v in
        if case .long(let x, .long) = v { return .float(Nulls.toFloat(x), .float) }
        return v
      }
    } else if types.count == 1, let t = types.first, t != .long {
      items = items.map { v in
        if case .long(let x, .long) = v, let c = cast(.long(x, .long), to: t) { return c }
        return v
      }
    }
    return Value.fromItems(items)
  }

  /// The type letter a vector's last token gives to all items: its suffix, or the
  /// letter of a typed null or infinity (`0Ni`); `0n` and `0w` are plain floats.
  static func suffixLetter(_ last: String) -> Character? {
    if last.contains(":") || isExponentFloat(last) || last.hasPrefix("0x") { return nil }
    if isSpecial(last) {
      let body = last.hasPrefix("-") ? last.dropFirst() : Substring(last)
      guard body.count == 3, let c = body.last else { return nil }
      return c
    }
    return last.last
  }

  /// `0N`, `0W`, `0n`, `0w`, with an optional sign and type letter.
  static func isSpecial(_ s: String) -> Bool {
    let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
    return body.count >= 2 && body.count <= 3 && body.hasPrefix("0") && "NWnw".contains(body.dropFirst().first!)
  }

  static func isExponentFloat(_ s: String) -> Bool {
    // "1e5" or "1.5e-3" are floats; a trailing e alone is the real suffix.
    guard let i = s.firstIndex(of: "e") else { return false }
    return s.index(after: i) != s.endIndex
  }

  static func atomOrPacked(_ s: String) throws -> Value {
    if s.hasPrefix("0x") {
      let hex = Array(s.dropFirst(2).utf8)
      var bytes: [UInt8] = []
      var digits = hex.count % 2 == 1 ? [UInt8(48)] + hex : hex
      if digits.isEmpty { return .bytes([]) }
      while !digits.isEmpty {
        guard let h = hexValue(digits[0]), let l = hexValue(digits[1]) else { throw QError(s) }
        bytes.append(h << 4 | l)
        digits.removeFirst(2)
      }
      return bytes.count == 1 ? .byte(bytes[0]) : .bytes(bytes)
    }
    if s.count > 2, s.hasSuffix("b"), s.dropLast().allSatisfy({ $0 == "0" || $0 == "1" }) {
      return .bools(s.dropLast().map { $0 == "1" })
    }
    if let v = AtomParser.literal(s) { return v }
    throw QError(s)
  }

  static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: return c - 48
    case 97...102: return c - 87
    case 65...70: return c - 55
    default: return nil
    }
  }

  /// Retype a plain long literal (used for untyped items in a typed vector).
  static func cast(_ v: Value, to t: QType) -> Value? {
    guard case .long(let x, _) = v else {
      if case .float(let x, _) = v {
        switch t {
        case .real: return .real(Float(x))
        case .float: return .float(x, .float)
        case .datetime: return .float(x, .datetime)
        default:
          // Only a float null or infinity (`0n`, `0w`) takes an integral type.
          guard x.isNaN || x.isInfinite else { return nil }
          let n: Int64 = x.isNaN ? Nulls.long : x > 0 ? Nulls.longInf : -Nulls.longInf
          guard let c = cast(.long(n, .long), to: t) else { return nil }
          if x.isInfinite, case .long = c {} else if x.isInfinite {
            switch c {
            case .short: return .short(x > 0 ? Nulls.shortInf : -Nulls.shortInf)
            case .int(_, let tt): return .int(x > 0 ? Nulls.intInf : -Nulls.intInf, tt)
            default: return c
            }
          }
          return c
        }
      }
      return v.atomType == t ? v : nil
    }
    let isNull = x == Nulls.long
    switch t.storageKind {
    case .short: return .short(isNull ? Nulls.short : Int16(truncatingIfNeeded: x))
    case .int: return .int(isNull ? Nulls.int : Int32(truncatingIfNeeded: x), t)
    case .long: return .long(x, t)
    case .real: return .real(isNull ? .nan : Float(x))
    case .float: return .float(isNull ? .nan : Double(x), t)
    case .bool: return .bool(x != 0)
    case .byte: return .byte(UInt8(truncatingIfNeeded: x))
    default: return nil
    }
  }
}

extension Nulls {
  static func toFloat(_ x: Int64) -> Double {
    x == Nulls.long ? .nan : x == Nulls.longInf ? .infinity : x == -Nulls.longInf ? -.infinity : Double(x)
  }
}
