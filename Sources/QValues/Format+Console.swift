/// The console's multi-line display: general lists one item a line (equal-length
/// lists as aligned columns), dictionaries as `key| value`, tables as aligned columns
/// under a dashed rule, keyed tables with `|` between key and value columns. Lines
/// wider than `\c` are cut with `..`, and output taller than it ends with `..`.
public extension Format {
  static func display(_ v: Value) -> String {
    let height = max(DisplaySettings.rows, 4)
    // Only what fits is formatted: a long table costs no more than a short one.
    var shown = v
    if case .vector(let x) = v {
      // One line: beyond `width` items it is cut anyway.
      if x.count > DisplaySettings.columns { shown = .vector(x.slice(0..<DisplaySettings.columns)) }
    } else {
      shown = leading(v, height)
    }
    var lines = displayLines(shown)
    if lines.count > height - 3 {
      lines = Array(lines.prefix(height - 3)) + [".."]
    }
    let width = DisplaySettings.columns
    return lines.map { truncate($0, width) }.joined(separator: "\n")
  }

  /// A line as wide as the console or wider is cut, ending in `..`.
  static func truncate(_ line: String, _ width: Int) -> String {
    guard width > 3, line.utf8.count >= width, line.count >= width else { return line }
    return String(line.prefix(width - 3)) + ".."
  }

  /// The first n items (rows, entries) of a list, dictionary or table.
  static func leading(_ v: Value, _ n: Int) -> Value {
    guard v.count > n else { return v }
    switch v {
    case .vector(let x): return .vector(x.slice(0..<n))
    case .list(let a): return .list(Array(a.prefix(n)))
    case .table(let t): return .table(Table(names: t.names, columns: t.columns.map { leading($0, n) }))
    case .dict(let k, let val): return .dict(leading(k, n), leading(val, n))
    default: return v
    }
  }

  static func displayLines(_ v: Value) -> [String] {
    switch v {
    case .list(let items):
      if items.isEmpty { return ["()"] }
      if let m = matrixColumns(items) { return render(left: [], right: m, header: false) }
      return items.map(shortForm)
    case .dict(let k, let val): return dictLines(k, val)
    case .table(let t): return render(left: [], right: textColumns(t), header: true)
    case .identity: return []
    default: return [shortForm(v)]
    }
  }

  /// A column of text: its header (nil in a dictionary's key column) and cells.
  struct TextColumn {
    var header: String?
    var cells: [String]
    var width: Int { max(header?.count ?? 0, cells.map { $0.count }.max() ?? 0) }
  }

  /// Cells of a list as they appear in a column: vector items bare (nulls blank),
  /// other items in their one-line form.
  static func cells(_ column: Value) -> [String] {
    switch column {
    case .vector(let v):
      return (0..<v.count).map { i in v[i].isNull && v.type != .char ? "" : element(v, i) }
    case .list(let items):
      return items.map(nestedCell)
    default:
      return column.items.map(nestedCell)
    }
  }

  /// A list inside a column: numbers and temporals without their type suffix (the
  /// column shows the type), other values in their one-line form.
  static func nestedCell(_ v: Value) -> String {
    guard case .vector(let x) = v, x.count > 0 else { return shortForm(v) }
    switch x.type {
    case .boolean, .byte, .char, .symbol, .guid: return shortForm(v)
    default:
      let body = (0..<x.count).map { element(x, $0) }.joined(separator: " ")
      return x.attr.prefix + (x.count == 1 ? "," : "") + body
    }
  }

  static func textColumns(_ t: Table) -> [TextColumn] {
    zip(t.names, t.columns).map { TextColumn(header: $0, cells: cells($1)) }
  }

  /// A general list whose items are lists of one length (two or more) shows as a
  /// matrix: one line per item, its items aligned in columns.
  static func matrixColumns(_ items: [Value]) -> [TextColumn]? {
    guard let n = items.first?.count, n >= 2 else { return nil }
    // Booleans, bytes and strings read as one token each: a list of only those
    // stays one item a line.
    let tokenTypes: Set<QType> = [.boolean, .byte, .char]
    if case .vector(let v0) = items[0], tokenTypes.contains(v0.type),
      items.allSatisfy({ if case .vector(let v) = $0 { return v.type == v0.type } else { return false } }) {
      return nil
    }
    for x in items {
      switch x {
      case .vector(let v) where v.count == n: continue
      case .list(let a) where a.count == n: continue
      default: return nil
      }
    }
    let rows = items.map(cells)
    return (0..<n).map { j in TextColumn(header: nil, cells: rows.map { $0[j] }) }
  }

  static func dictLines(_ k: Value, _ v: Value) -> [String] {
    let left: [TextColumn]
    let keyHeaders: Bool
    switch k {
    case .table(let kt): left = textColumns(kt); keyHeaders = true
    default: left = [TextColumn(header: "", cells: cells(k))]; keyHeaders = false
    }
    var right: [TextColumn]
    var header = keyHeaders
    switch v {
    case .table(let vt):
      right = textColumns(vt)
      header = true
    case .list(let items):
      right = matrixColumns(items) ?? [TextColumn(header: "", cells: items.map(nestedCell))]
    case .vector:
      right = [TextColumn(header: "", cells: cells(v))]
    default:
      return [shortForm(.dict(k, v))]
    }
    if header { for j in right.indices where right[j].header == nil { right[j].header = "" } }
    guard left.first?.cells.count == right.first?.cells.count ?? left.first?.cells.count else {
      return [shortForm(.dict(k, v))]
    }
    if right.isEmpty { right = [TextColumn(header: "", cells: Array(repeating: "", count: left.first?.cells.count ?? 0))] }
    return render(left: left, right: right, header: header, separator: true)
  }

  /// Lay out columns: optional header and rule, each column padded to its width, with
  /// `| ` after the left (key) part when there is one.
  static func render(left: [TextColumn], right: [TextColumn], header: Bool, separator: Bool = false) -> [String] {
    let lw = left.map { $0.width }, rw = right.map { $0.width }
    let rows = (left.first ?? right.first)?.cells.count ?? 0
    func join(_ parts: [String], _ widths: [Int]) -> String {
      zip(parts, widths).map { $0.padding($1) }.joined(separator: " ")
    }
    func line(_ l: [String], _ r: [String]) -> String {
      var text = join(r, rw)
      if separator { text = join(l, lw) + "| " + text }
      while text.last == " " { text.removeLast() }
      return text
    }
    var lines: [String] = []
    lines.reserveCapacity(rows + 2)
    if header {
      lines.append(line(left.map { $0.header ?? "" }, right.map { $0.header ?? "" }))
      let leftRule = String(repeating: "-", count: lw.reduce(0, +) + max(lw.count - 1, 0))
      let rightRule = String(repeating: "-", count: rw.reduce(0, +) + max(rw.count - 1, 0))
      lines.append(separator ? leftRule + "| " + rightRule : rightRule)
    }
    for r in 0..<rows {
      lines.append(line(left.map { $0.cells[r] }, right.map { $0.cells[r] }))
    }
    return lines
  }
}

extension String {
  func padding(_ width: Int) -> String {
    let n = count
    return n >= width ? self : self + String(repeating: " ", count: width - n)
  }
}
