import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// `-u file` / `-U file`: one `user:password` per line; the stored password is plain
/// text, an MD5 digest (32 hex digits) or a SHA-1 digest (40), as q accepts.
public struct PasswordFile {
  public let entries: [String: String]

  public init(path: String) throws {
    guard let fp = fopen(path, "r") else { throw QError(path + ": No such file or directory") }
    defer { fclose(fp) }
    var data: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buf, 1, buf.count, fp)
      if n <= 0 { break }
      data += buf[0..<n]
    }
    var e: [String: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard let user = parts.first, !user.isEmpty else { continue }
      e[String(user)] = parts.count > 1 ? String(parts[1]) : ""
    }
    entries = e
  }

  /// Does the pair the client sent match the file? Digests are computed by the
  /// interpreter's `md5` and `-33!`.
  public func check(_ user: String, _ password: String, _ q: Interpreter) -> Bool {
    guard let stored = entries[user] else { return false }
    if stored == password { return true }
    let hex = stored.lowercased()
    func digest(_ f: Value) -> String? {
      guard case .vector(let v)? = try? q.apply(f, [.string(password)]), case .byte(let b) = v.storage else { return nil }
      return b.map { Format.hex($0) }.joined()
    }
    if hex.count == 32, let md5 = try? q.lookup("md5"), digest(md5) == hex { return true }
    if hex.count == 40, let sha = try? q.evaluate("-33!"), digest(sha) == hex { return true }
    return false
  }
}
