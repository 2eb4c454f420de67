/// q's IPC compression: an LZ77 variant whose match table (256 slots keyed by the XOR of
/// two adjacent bytes) is rebuilt identically by both sides, so the stream carries no offsets.
public enum Compression {
  /// q compresses messages longer than this (header included) to remote peers.
  public static let threshold = 2000

  /// Compress a whole message (header + body). nil when the result would not be smaller
  /// than half the input, which is when q sends it uncompressed.
  public static func compress(_ input: [UInt8]) -> [UInt8]? {
    let t = input.count
    guard t > 8 + 17 * 2 else { return nil }
    let large = UInt64(t) > UInt64(UInt32.max)
    let lenBytes = large ? 8 : 4
    let cap = t / 2
    var out = [UInt8](repeating: 0, count: cap)
    return input.withUnsafeBufferPointer { inp -> [UInt8]? in
      out.withUnsafeMutableBufferPointer { o -> Int? in
        var table = [Int](repeating: 0, count: 256)
        return table.withUnsafeMutableBufferPointer { tab -> Int? in
          for k in 0..<4 { o[k] = inp[k] }
          o[2] = large ? 2 : 1
          for k in 0..<lenBytes { o[8 + k] = UInt8(truncatingIfNeeded: UInt64(t) >> (8 * UInt64(k))) }
          var ctrl = 8 + lenBytes, d = ctrl
          var f: UInt8 = 0, i: UInt8 = 0
          var s = 8
          var pendPos = 0, pendSlot = 0, h = 0
          while s < t {
            if i == 0 {
              if d > cap - 17 { return nil }
              o[ctrl] = f; ctrl = d; d += 1; f = 0; i = 1
            }
            var literal = s > t - 3
            var p = 0
            if !literal {
              h = Int(inp[s] ^ inp[s + 1])
              p = tab[h]
              literal = p == 0 || inp[s] != inp[p]
            }
            if pendPos > 0 { tab[pendSlot] = pendPos; pendPos = 0 }
            if literal {
              pendSlot = h; pendPos = s
              o[d] = inp[s]; d += 1; s += 1
            } else {
              tab[h] = s; f |= i
              p += 2; s += 2
              let start = s, limit = min(s + 255, t)
              while s < limit && inp[p] == inp[s] { s += 1; p += 1 }
              o[d] = UInt8(h); o[d + 1] = UInt8(s - start); d += 2
            }
            i = i &<< 1
          }
          o[ctrl] = f
          return d
        }
      }.map { d in
        var r = Array(out[0..<d])
        let n = UInt64(d)
        for k in 0..<4 { r[4 + k] = UInt8(truncatingIfNeeded: n >> (8 * UInt64(k))) }
        r[3] = UInt8(truncatingIfNeeded: n >> 32)
        return r
      }
    }
  }

  /// Decompress a whole compressed message; returns the plain message, header included
  /// (with the compression byte cleared). Every read and write is bounds-checked.
  public static func decompress(_ msg: UnsafeRawBufferPointer) throws -> [UInt8] {
    guard msg.count >= 12 else { throw WireError.badMessage("short compressed message") }
    let le = msg[0] == 1
    let mode = msg[2]
    func num(_ at: Int, _ n: Int) -> UInt64 {
      var x: UInt64 = 0
      for k in 0..<n { x |= UInt64(msg[at + k]) << (8 * UInt64(le ? k : n - 1 - k)) }
      return x
    }
    let lenBytes = mode == 2 ? 8 : 4
    guard msg.count >= 8 + lenBytes else { throw WireError.badMessage("short compressed message") }
    let ulen64 = num(8, lenBytes)
    // A compressed group of 9 stream bytes yields at most 8*257 bytes: bound the claim.
    guard ulen64 >= 9, ulen64 <= UInt64(msg.count) * 258 + 8 else { throw WireError.badMessage("compressed length") }
    let ulen = Int(ulen64)
    var out = [UInt8](repeating: 0, count: ulen)
    try out.withUnsafeMutableBufferPointer { o in
      var table = [Int](repeating: 0, count: 256)
      try table.withUnsafeMutableBufferPointer { tab in
        for k in 0..<8 { o[k] = msg[k] }
        o[2] = 0
        var d = 8 + lenBytes
        let end = msg.count
        var s = 8, p = 8
        var i: UInt8 = 0, flags: UInt8 = 0
        while s < ulen {
          if i == 0 {
            guard d < end else { throw WireError.badMessage("compressed stream ends early") }
            flags = msg[d]; d += 1; i = 1
          }
          var n = 0
          let isMatch = flags & i != 0
          if isMatch {
            guard d + 1 < end else { throw WireError.badMessage("compressed stream ends early") }
            var r = tab[Int(msg[d])]; d += 1
            n = Int(msg[d]); d += 1
            guard r >= 8, s + 2 + n <= ulen else { throw WireError.badMessage("bad compressed match") }
            o[s] = o[r]; o[s + 1] = o[r + 1]; s += 2; r += 2
            for m in 0..<n { o[s + m] = o[r + m] }
          } else {
            guard d < end else { throw WireError.badMessage("compressed stream ends early") }
            o[s] = msg[d]; d += 1; s += 1
          }
          while p < s - 1 {
            tab[Int(o[p] ^ o[p + 1])] = p
            p += 1
          }
          if isMatch { s += n; p = s }
          i = i &<< 1
        }
      }
    }
    // The plain image's header carries the uncompressed length.
    let l = UInt64(ulen)
    if le {
      for k in 0..<4 { out[4 + k] = UInt8(truncatingIfNeeded: l >> (8 * UInt64(k))) }
    } else {
      for k in 0..<4 { out[7 - k] = UInt8(truncatingIfNeeded: l >> (8 * UInt64(k))) }
    }
    out[3] = UInt8(truncatingIfNeeded: l >> 32)
    return out
  }
}
