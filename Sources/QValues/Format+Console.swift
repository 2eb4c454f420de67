/// The console's multi-line display: general lists one item a line (equal-length
/// lists as aligned columns), dictionaries as `key| value`, tables as aligned columns
/// under a dashed rule, keyed tables with `|` between key and value columns. Lines
/// wider than `\c` are cut with `..`, and output taller than it ends with `..`.
public extension Format {
  static func display(_ v: Value) -> String {
    var lines = displayLines(v)
    let height = DisplaySettings.rows
    if lines.count > height - 1, height > 3 {
      lines = Array(lines.prefix(height - 2)) + [".."]
    }
    let width = DisplaySettings.columns
    return lines.map { truncate($0, width) }.joined(separator: "\n")
  }

  static func truncate(_ line: String, _ width: Int) -> String {
    guard line.utf8.count > width, width > 2 else { return line }
    return String(line.prefix(width - 2)) + ".."
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
      return items.map(shortForm)
    default:
      return column.items.map(shortForm)
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
      right = matrixColumns(items) ?? [TextColumn(header: "", cells: items.map(shortForm))]
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
      let rightText = join(r, rw)
      if !separator { return rightText }
      return join(l, lw) + "| " + rightText
    }
    var lines: [String] = []
    lines.reserveCapacity(rows + 2)
    if header {
      lines.append(line(left.map { $0.header ?? "" }, right.map { $0.header ?? "" }))
      let leftRule = String(repeating: "-", count: lw.reduce(0, +) + max(lw.count - 1, 0))
      let rightRule = String(repeating: "-", count: rw.reduce(0, +) + max(rw.count - 1, 0))
      lines.append(separator ? leftRule + "| " + rightRule : rightRule)
    }
    let limit = min(rows, max(DisplaySettings.rows, 3))
    for r in 0..<limit {
      lines.append(line(left.map { $0.cells[r] }, right.map { $0.cells[r] }))
    }
    if limit < rows { lines.append("..") }
    return lines
  }
}

extension String {
  func padding(_ width: Int) -> String {
    let n = count
    return n >= width ? self : self + String(repeating: " ", count: width - n)
  }
}
