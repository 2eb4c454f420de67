import QValues

/// `-4!string`: q source split into its tokens, blanks included, each as a string.
extension Strings {
  static func tokens(_ x: Value) throws -> Value {
    guard x.isString, let text = textBytes(x) else { throw QError.type }
    var out: [Value] = []
    var i = 0
    let n = text.count
    func isAlpha(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
    func take(while ok: (UInt8) -> Bool, from j: Int) -> Int {
      var k = j
      while k < n && ok(text[k]) { k += 1 }
      return k
    }
    while i < n {
      let c = text[i]
      var end = i + 1
      if isSpace(c) {
        end = take(while: isSpace, from: i)
      } else if isAlpha(c) || (c == UInt8(ascii: ".") && i + 1 < n && isAlpha(text[i + 1])) {
        end = take(while: { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }, from: i + 1)
      } else if isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < n && isDigit(text[i + 1])) {
        end = take(while: { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }, from: i + 1)
      } else if c == UInt8(ascii: "\"") {
        var k = i + 1
        while k < n && text[k] != UInt8(ascii: "\"") { k += text[k] == UInt8(ascii: "\\") ? 2 : 1 }
        end = min(k + 1, n)
      } else if c == UInt8(ascii: "`") {
        var k = i
        while k < n && text[k] == UInt8(ascii: "`") {
          k = take(while: { isAlpha($0) || isDigit($0) || "_.:/".utf8.contains($0) }, from: k + 1)
        }
        end = k
      } else if i + 1 < n && text[i + 1] == UInt8(ascii: ":") {
        end = i + 2
      }
      out.append(.chars(Array(text[i..<end])))
      i = end
    }
    return .list(out)
  }
}
