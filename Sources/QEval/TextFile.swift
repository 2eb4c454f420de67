import Foundation
import QValues

/// `0:` on text: preparing delimited lines from tables and columns (`csv 0: t`),
/// parsing delimited or fixed-width records into typed columns (`("IS";",") 0: lines`),
/// key=value pairs (`"S=;" 0: text`), and writing or reading text files (`read0`).
enum TextFile {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("read0", monad: { _, x in try read0(x) }),
    PrimitiveDef("read1", monad: { _, x in try read1(x) }),
  ]

  static func zeroColon(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    switch x {
    case .char(let d): return try prepare(d, y)
    case .symbol(let path) where path.hasPrefix(":"): return try write(path, y)
    case .vector(let v) where v.type == .char:
      guard case .char(let spec) = v.storage else { throw QError.type }
      return try keyValues(spec, y)
    case .list(let parts) where parts.count >= 2: return try parse(parts, y)
    default: throw QError.type
    }
  }

  // MARK: prepare

  /// Lines of a table (with a header) or of a list of columns, cells joined by d.
  static func prepare(_ d: UInt8, _ y: Value) throws -> Value {
    var names: [String]? = nil
    let columns: [Value]
    switch y {
    case .table(let t): names = t.names; columns = t.columns
    case .list(let cols): columns = cols
    default: throw QError.type
    }
    let rows = columns.first?.count ?? 0
    guard columns.allSatisfy({ $0.count == rows }) else { throw QError.length }
    let cells = try columns.map { try cellTexts($0, d) }
    var lines: [Value] = []
    if let names { lines.append(.chars(Array(names.joined(separator: String(UnicodeScalar(d))).utf8))) }
    for r in 0..<rows {
      var line: [UInt8] = []
      for (c, col) in cells.enumerated() {
        if c > 0 { line.append(d) }
        line += col[r]
      }
      lines.append(.chars(line))
    }
    return .list(lines)
  }

  private static func cellTexts(_ col: Value, _ d: UInt8) throws -> [[UInt8]] {
    switch col {
    case .vector(let v):
      switch v.storage {
      case .char(let a): return a.map { [$0] }
      case .symbol(let a): return a.map { Array($0.utf8) }
      default: return (0..<v.count).map { Array(cellText(v, $0).utf8) }
      }
    case .list(let items):
      return try items.map { item in
        switch item {
        case .vector(let v):
          guard case .char(let a) = v.storage else { throw QError.type }
          return quoteIfNeeded(a, d)
        case .char(let c): return [c]
        default:
          guard item.isAtom, let t = item.atomType else { throw QError.type }
          return Array(cellText(Value.vectorOfAtoms([item], t), 0).utf8)
        }
      }
    default: throw QError.type
    }
  }

  /// Numbers as `string` shows them, with ISO dashes in dates; nulls empty.
  private static func cellText(_ v: Vector, _ i: Int) -> String {
    if v[i].isNull && v.type != .char { return "" }
    let s = Format.element(v, i)
    switch v.type {
    case .date, .month, .timestamp, .datetime:
      let cut = s.firstIndex(where: { $0 == "D" || $0 == "T" }) ?? s.endIndex
      return s[..<cut].replacingOccurrences(of: ".", with: "-") + s[cut...]
    case .boolean: return s
    default: return s
    }
  }

  /// Fields holding the delimiter, a quote or a newline are quoted, quotes doubled.
  private static func quoteIfNeeded(_ a: [UInt8], _ d: UInt8) -> [UInt8] {
    guard a.contains(where: { $0 == d || $0 == 10 || $0 == 13 }) || a.first == 34 else { return a }
    var out: [UInt8] = [34]
    for c in a { out += c == 34 ? [34, 34] : [c] }
    out.append(34)
    return out
  }

  // MARK: parse

  /// `(types; delimiter or widths) 0: text`. An enlisted delimiter means the first
  /// line names the columns and the result is a table.
  static func parse(_ spec: [Value], _ y: Value) throws -> Value {
    guard case .vector(let tv) = spec[0], case .char(let types) = tv.storage else {
      if case .char(let c) = spec[0] { return try parse([.chars([c])] + spec.dropFirst(), y) }
      throw QError.type
    }
    var lines = try recordLines(y)
    let single = y.isString
    var header: [String]? = nil
    var fields: [[[UInt8]]]
    switch spec[1] {
    case .char(let d):
      fields = lines.map { splitFields($0, d) }
    case .vector(let v) where v.type == .char:
      guard case .char(let a) = v.storage, a.count == 1 else { throw QError.type }
      guard !lines.isEmpty else { throw QError.length }
      header = splitFields(lines.removeFirst(), a[0]).map { String(decoding: $0, as: UTF8.self) }
      fields = lines.map { splitFields($0, a[0]) }
    default:
      guard let widths = Numeric.longs(spec[1]), widths.count == types.count else { throw QError.length }
      fields = lines.map { line in
        var out: [[UInt8]] = []
        var at = 0
        for w in widths {
          let end = min(line.count, at + Int(max(0, w)))
          out.append(at < end ? Array(line[at..<end]) : [])
          at = end
        }
        return out
      }
    }
    var columns: [Value] = []
    var names: [String] = []
    for (k, letter) in types.enumerated() where letter != 32 {
      let cells = fields.map { k < $0.count ? $0[k] : [] }
      columns.append(try column(cells, letter))
      if let header { names.append(k < header.count ? header[k] : "x\(k)") }
    }
    if header != nil { return .table(Table(names: names, columns: columns)) }
    if single { return .list(columns.map { $0.item(0) }) }
    return .list(columns)
  }

  private static func column(_ cells: [[UInt8]], _ letter: UInt8) throws -> Value {
    if letter == UInt8(ascii: "*") { return .list(cells.map { .chars($0) }) }
    let ch = Character(UnicodeScalar(letter))
    guard let t = QType.from(letter: Character(ch.lowercased())) else { throw QError.type }
    if cells.isEmpty { return .vector(Vector.empty(t)) }
    return Value.fromItems(cells.map { TextParser.parse($0, as: t) })
  }

  private static func recordLines(_ y: Value) throws -> [[UInt8]] {
    switch y {
    case .vector(let v):
      guard case .char(let a) = v.storage else { throw QError.type }
      return [a]
    case .list(let items):
      return try items.map { item in
        guard let b = Strings.textBytes(item), !item.isSymbolAtom else { throw QError.type }
        return b
      }
    case .symbol(let path): return try fileLines(path)
    default: throw QError.type
    }
  }

  /// Fields split at d; a field in double quotes may hold d, and `""` is one quote.
  static func splitFields(_ line: [UInt8], _ d: UInt8) -> [[UInt8]] {
    var out: [[UInt8]] = []
    var cur: [UInt8] = []
    var i = 0
    var quoted = false
    while i < line.count {
      let c = line[i]
      if quoted {
        if c == 34 {
          if i + 1 < line.count && line[i + 1] == 34 { cur.append(34); i += 2; continue }
          quoted = false
        } else {
          cur.append(c)
        }
      } else if c == 34 && cur.isEmpty {
        quoted = true
      } else if c == d {
        out.append(cur); cur = []
      } else {
        cur.append(c)
      }
      i += 1
    }
    out.append(cur)
    return out
  }

  // MARK: key=value

  /// `"S=;" 0: text`: keys of the given type and their string values. A `*` before the
  /// record separator (`"I=*,"`) lets values be quoted.
  static func keyValues(_ spec: [UInt8], _ y: Value) throws -> Value {
    guard spec.count == 3 || spec.count == 4 else { throw QError.length }
    let keyType = spec[0], kv = spec[1], sep = spec[spec.count - 1]
    guard let text = Strings.textBytes(y), !y.isSymbolAtom else { throw QError.type }
    guard let t = QType.from(letter: Character(Character(UnicodeScalar(keyType)).lowercased())) else { throw QError.type }
    var keys: [Value] = [], vals: [Value] = []
    var i = 0
    while i < text.count {
      // key up to the pair separator, then a value (quoted when allowed) up to sep
      var k: [UInt8] = []
      while i < text.count && text[i] != kv && text[i] != sep { k.append(text[i]); i += 1 }
      guard i < text.count, text[i] == kv else { i += 1; continue }
      i += 1
      var v: [UInt8] = []
      if spec.count == 4 && i < text.count && text[i] == 34 {
        i += 1
        while i < text.count && text[i] != 34 { v.append(text[i]); i += 1 }
        i += 1
      }
      while i < text.count && text[i] != sep { v.append(text[i]); i += 1 }
      i += 1
      keys.append(TextParser.parse(k, as: t))
      vals.append(.chars(v))
    }
    let keyVector: Value = keys.isEmpty ? .vector(Vector.empty(t)) : Value.fromItems(keys)
    return .list([keyVector, .list(vals)])
  }

  // MARK: files

  private static func fsPath(_ handle: String) -> String { String(handle.dropFirst()) }

  static func fileLines(_ handle: String) throws -> [[UInt8]] {
    guard handle.hasPrefix(":"), let data = FileManager.default.contents(atPath: fsPath(handle)) else {
      throw QError(handle.hasPrefix(":") ? String(handle.dropFirst()) + ": No such file or directory" : "type")
    }
    var pieces = Strings.split(Array(data), on: [10])
    if pieces.last?.isEmpty == true { pieces.removeLast() }
    return pieces.map { $0.last == 13 ? Array($0.dropLast()) : $0 }
  }

  /// `` `:file 0: lines ``: write the strings as lines; gives the handle back.
  static func write(_ handle: String, _ y: Value) throws -> Value {
    var out: [UInt8] = []
    switch y {
    case .list(let items):
      for item in items {
        guard let b = Strings.textBytes(item), !item.isSymbolAtom else { throw QError.type }
        out += b; out.append(10)
      }
    case .vector(let v):
      guard case .char(let a) = v.storage else { throw QError.type }
      for c in a { out += [c, 10] }
    default: throw QError.type
    }
    guard FileManager.default.createFile(atPath: fsPath(handle), contents: Data(out)) else {
      throw QError(fsPath(handle) + ": cannot write")
    }
    return .symbol(handle)
  }

  /// `read0 file`, `read0 (file;offset)` or `read0 (file;offset;length)`: text lines.
  static func read0(_ x: Value) throws -> Value {
    switch x {
    case .symbol(let h): return .list(try fileLines(h).map { .chars($0) })
    case .list(let parts):
      guard case .symbol(let h)? = parts.first, h.hasPrefix(":"),
        let data = FileManager.default.contents(atPath: fsPath(h))
      else { throw QError.type }
      let bytes = Array(data)
      let start = min(bytes.count, max(0, parts.count > 1 ? parts[1].asInt ?? 0 : 0))
      let end = parts.count > 2 ? min(bytes.count, start + max(0, parts[2].asInt ?? 0)) : bytes.count
      var pieces = Strings.split(Array(bytes[start..<end]), on: [10])
      if pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }
      return .list(pieces.map { .chars($0) })
    default: throw QError.type
    }
  }
}
