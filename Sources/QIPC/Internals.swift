import QEval
import QValues

/// The internal functions that belong to IPC: `-8!` serialize, `-9!` deserialize,
/// `-18!` serialize and compress, `-22!` uncompressed length.
public enum IPCInternals {
  public static func call(_ n: Int, _ x: Value) throws -> Value? {
    switch n {
    case -8: return .bytes(try Framing.encode(.async, .value(x)))
    case -9: return try deserialize(x)
    case -18:
      let plain = try Framing.encode(.async, .value(x))
      if plain.count > Compression.threshold, let packed = Compression.compress(plain) { return .bytes(packed) }
      return .bytes(plain)
    case -22:
      return .j(try Framing.encode(.async, .value(x)).count)
    default: return nil
    }
  }

  static func deserialize(_ x: Value) throws -> Value {
    guard case .vector(let v) = x, case .byte(let bytes) = v.storage else { throw QError.type }
    guard bytes.count >= 9 else { throw QError("badmsg") }
    do {
      let m = try bytes.withUnsafeBytes { p -> Message in
        let h = Header(UnsafeRawBufferPointer(rebasing: p[0..<8]))
        guard h.length == UInt64(bytes.count) else { throw WireError.badMessage("length") }
        return try Framing.decodeMessage(p)
      }
      switch m.payload {
      case .value(let v): return v
      case .error(let e): throw QError(e)
      }
    } catch is WireError {
      throw QError("badmsg")
    }
  }
}
