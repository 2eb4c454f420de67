import Foundation
import QValues

/// Message digests of strings: `md5` and `-33!` (SHA-1), as byte vectors.
enum Digest {
  static func bytes(of x: Value) throws -> [UInt8] {
    switch x {
    case .vector(let v):
      switch v.storage {
      case .char(let a), .byte(let a): return a
      default: throw QError.type
      }
    case .char(let c), .byte(let c): return [c]
    default: throw QError.type
    }
  }

  /// Message padding shared by MD5 and SHA-1: a 1 bit, zeros, then the bit length
  /// (little-endian for MD5, big-endian for SHA-1).
  private static func padded(_ m: [UInt8], bigEndian: Bool) -> [UInt8] {
    var out = m
    out.append(0x80)
    while out.count % 64 != 56 { out.append(0) }
    let bits = UInt64(m.count) &* 8
    for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (bigEndian ? (56 - 8 * k) : (8 * k)))) }
    return out
  }

  @inline(__always) private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }

  static func md5(_ message: [UInt8]) -> [UInt8] {
    let shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
    // K[i] = floor(|sin(i + 1)| * 2^32)
    let table: [UInt32] = (0..<64).map { i in UInt32(truncatingIfNeeded: Int64(abs(sin(Double(i + 1))) * 4_294_967_296)) }
    var a0: UInt32 = 0x6745_2301, b0: UInt32 = 0xefcd_ab89, c0: UInt32 = 0x98ba_dcfe, d0: UInt32 = 0x1032_5476
    let data = padded(message, bigEndian: false)
    for chunk in stride(from: 0, to: data.count, by: 64) {
      var w = [UInt32](repeating: 0, count: 16)
      for j in 0..<16 {
        let o = chunk + 4 * j
        w[j] = UInt32(data[o]) | UInt32(data[o + 1]) << 8 | UInt32(data[o + 2]) << 16 | UInt32(data[o + 3]) << 24
      }
      var a = a0, b = b0, c = c0, d = d0
      for i in 0..<64 {
        var f: UInt32
        let g: Int
        switch i {
        case 0..<16: f = (b & c) | (~b & d); g = i
        case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
        case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
        default: f = c ^ (b | ~d); g = (7 * i) % 16
        }
        f = f &+ a &+ table[i] &+ w[g]
        a = d; d = c; c = b
        b = b &+ rotl(f, shifts[(i / 16) * 4 + i % 4])
      }
      a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
    }
    return [a0, b0, c0, d0].flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
  }

  static func sha1(_ message: [UInt8]) -> [UInt8] {
    var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
    let data = padded(message, bigEndian: true)
    var w = [UInt32](repeating: 0, count: 80)
    for chunk in stride(from: 0, to: data.count, by: 64) {
      for j in 0..<16 {
        let o = chunk + 4 * j
        w[j] = UInt32(data[o]) << 24 | UInt32(data[o + 1]) << 16 | UInt32(data[o + 2]) << 8 | UInt32(data[o + 3])
      }
      for j in 16..<80 { w[j] = rotl(w[j - 3] ^ w[j - 8] ^ w[j - 14] ^ w[j - 16], 1) }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4]
      for i in 0..<80 {
        let f: UInt32, k: UInt32
        switch i {
        case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
        case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
        case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
        default: f = b ^ c ^ d; k = 0xCA62_C1D6
        }
        let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
        e = d; d = c; c = rotl(b, 30); b = a; a = t
      }
      h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
    }
    return h.flatMap { v in (0..<4).reversed().map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
  }
}
