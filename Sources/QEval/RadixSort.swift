import Dispatch

/// Least-significant-digit radix sort on 64-bit keys, used for sorting and grading
/// large numeric vectors: linear time, stable, and it skips digits that all keys share
/// (so small integers sort in two or three passes).
enum RadixSort {
  static let digitBits = 13
  static let buckets = 1 << digitBits
  /// Below this length a comparison sort is faster.
  static let threshold = 2048

  /// Keys that order as the signed integers do.
  @inline(__always) static func key(_ x: Int64) -> UInt64 { UInt64(bitPattern: x) ^ (1 << 63) }
  @inline(__always) static func long(_ k: UInt64) -> Int64 { Int64(bitPattern: k ^ (1 << 63)) }

  /// Keys that order as the doubles do, with NaN (q's null) below everything.
  @inline(__always) static func key(_ x: Double) -> UInt64 {
    if x.isNaN { return 0 }
    if x == 0 { return 1 << 63 }  // -0.0 equals 0 in q: one key keeps the grade stable
    let b = x.bitPattern
    return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
  }
  @inline(__always) static func double(_ k: UInt64) -> Double {
    if k == 0 { return .nan }
    return Double(bitPattern: k & (1 << 63) != 0 ? k & ~(1 << 63) : ~k)
  }

  /// Histograms of every digit position, from one pass over the keys.
  static func histograms(_ keys: UnsafeBufferPointer<UInt64>, _ passes: Int) -> [[Int]] {
    var flat = [Int](repeating: 0, count: passes * buckets)
    flat.withUnsafeMutableBufferPointer { c in
      let mask = UInt64(buckets - 1)
      for k in keys {
        var shifted = k
        var base = 0
        for _ in 0..<passes {
          c[base + Int(shifted & mask)] &+= 1
          shifted >>= UInt64(digitBits)
          base &+= buckets
        }
      }
    }
    return (0..<passes).map { Array(flat[($0 * buckets)..<(($0 + 1) * buckets)]) }
  }

  /// Sort keys in place.
  static func sort(_ keys: inout [UInt64]) {
    let n = keys.count
    if n < threshold { keys.sort(); return }
    let passes = (64 + digitBits - 1) / digitBits
    var scratch = [UInt64](repeating: 0, count: n)
    let counts = keys.withUnsafeBufferPointer { histograms($0, passes) }
    var inKeys = true
    for p in 0..<passes where !counts[p].contains(n) {
      var offsets = [Int](repeating: 0, count: buckets)
      var total = 0
      for b in 0..<buckets { offsets[b] = total; total += counts[p][b] }
      let shift = UInt64(p * digitBits)
      func scatter(_ src: UnsafeBufferPointer<UInt64>, _ dst: UnsafeMutableBufferPointer<UInt64>) {
        offsets.withUnsafeMutableBufferPointer { o in
          for k in src {
            let d = Int((k >> shift) & UInt64(buckets - 1))
            dst[o[d]] = k
            o[d] &+= 1
          }
        }
      }
      if inKeys {
        keys.withUnsafeBufferPointer { s in scratch.withUnsafeMutableBufferPointer { d in scatter(s, d) } }
      } else {
        scratch.withUnsafeBufferPointer { s in keys.withUnsafeMutableBufferPointer { d in scatter(s, d) } }
      }
      inKeys.toggle()
    }
    if !inKeys { swap(&keys, &scratch) }
  }

  /// The stable ascending grade of the keys: positions in sorted order.
  static func grade(_ keys: [UInt64]) -> [Int] {
    let n = keys.count
    if n < threshold {
      return keys.withUnsafeBufferPointer { k in
        (0..<n).sorted { k[$0] < k[$1] || (k[$0] == k[$1] && $0 < $1) }
      }
    }
    let passes = (64 + digitBits - 1) / digitBits
    let counts = keys.withUnsafeBufferPointer { histograms($0, passes) }
    var idx = Array(0..<n)
    var next = [Int](repeating: 0, count: n)
    for p in 0..<passes where !counts[p].contains(n) {
      var offsets = [Int](repeating: 0, count: buckets)
      var total = 0
      for b in 0..<buckets { offsets[b] = total; total += counts[p][b] }
      let shift = UInt64(p * digitBits)
      keys.withUnsafeBufferPointer { k in
        idx.withUnsafeBufferPointer { src in
          next.withUnsafeMutableBufferPointer { dst in
            offsets.withUnsafeMutableBufferPointer { o in
              for i in src {
                let d = Int((k[i] >> shift) & UInt64(buckets - 1))
                dst[o[d]] = i
                o[d] &+= 1
              }
            }
          }
        }
      }
      swap(&idx, &next)
    }
    return idx
  }

  static func sorted(_ a: [Int64]) -> [Int64] {
    var keys = a.map(key)
    sort(&keys)
    return keys.map(long)
  }

  static func sorted(_ a: [Double]) -> [Double] {
    var keys = a.map(key)
    if keys.count >= 1 << 20 { sortInHalves(&keys) } else { sort(&keys) }
    return keys.map(double)
  }

  /// Big inputs: radix-sort the two halves on two threads, then merge them.
  static func sortInHalves(_ keys: inout [UInt64]) {
    let n = keys.count, mid = n / 2
    var halves = [Array(keys[0..<mid]), Array(keys[mid..<n])]
    halves.withUnsafeMutableBufferPointer { hp in
      nonisolated(unsafe) let base = hp.baseAddress!
      DispatchQueue.concurrentPerform(iterations: 2) { i in sort(&base[i]) }
    }
    keys.withUnsafeMutableBufferPointer { out in
      halves[0].withUnsafeBufferPointer { l in
        halves[1].withUnsafeBufferPointer { r in
          var i = 0, j = 0, k = 0
          while i < l.count && j < r.count {
            if r[j] < l[i] { out[k] = r[j]; j &+= 1 } else { out[k] = l[i]; i &+= 1 }
            k &+= 1
          }
          while i < l.count { out[k] = l[i]; i &+= 1; k &+= 1 }
          while j < r.count { out[k] = r[j]; j &+= 1; k &+= 1 }
        }
      }
    }
  }
}
