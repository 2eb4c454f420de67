/// The console's multi-line display: general lists one item a line, dictionaries as
/// `key| value` columns, tables as aligned columns under a dashed rule. Lines wider
/// than `\c` are cut with `..`.
public extension Format {
  static func display(_ v: Value) -> String {
    let lines = displayLines(v)
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
      return items.map { shortFormForListLine($0) }
    case .dict(let k, let val):
      if case .table(let kt) = k, case .table(let vt) = val { return keyedTableLines(kt, vt) }
      return dictLines(k, val)
    case .table(let t): return tableLines(t)
    case .identity: return []
    default: return [shortForm(v)]
    }
  }

  private static func shortFormForListLine(_ v: Value) -> String {
    shortForm(v)
  }

  /// A column's cells as bare text: no suffixes, symbols without backticks.
  static func cells(_ column: Value, quoteStrings: Bool = false) -> [String] {
    switch column {
    case .vector(let v):
      return (0..<v.count).map { i in
        if case .char = v.storage { return element(v, i) }
        return element(v, i)
      }
    case .list(let items):
      return items.map { cell($0, quoteStrings: quoteStrings) }
    default:
      return column.items.map { cell($0, quoteStrings: quoteStrings) }
    }
  }

  static func cell(_ v: Value, quoteStrings: Bool) -> String {
    switch v {
    case .vector(let x) where x.type == .char && !quoteStrings:
      return String(decoding: { if case .char(let a) = x.storage { return a } else { return [] } }(), as: UTF8.self)
    case .vector(let x) where x.type == .symbol:
      return vector(x)
    case .vector(let x):
      return x.count == 1 ? vector(x) : (0..<x.count).map { element(x, $0) }.joined(separator: " ")
    case .symbol(let s): return s
    default:
      if v.isAtom { return element(Value.vectorOfAtoms([v], v.atomType!), 0) }
      return shortForm(v)
    }
  }

  static func dictLines(_ k: Value, _ v: Value) -> [String] {
    let keys = k.isTable ? tableLines(asTable(k)) : cells(k)
    let vals: [String]
    if case .dict = v { return [shortForm(.dict(k, v))] }
    vals = cells(v, quoteStrings: true)
    if k.isTable {
      return [shortForm(.dict(k, v))]
    }
    let w = keys.map { $0.count }.max() ?? 0
    return zip(keys, vals).map { pair in pair.0.padding(w) + "| " + pair.1 }
  }

  private static func asTable(_ v: Value) -> Table {
    if case .table(let t) = v { return t }
    return Table(names: [], columns: [])
  }

  /// Header, rule and rows, each column as wide as its widest cell.
  static func tableColumns(_ t: Table) -> [[String]] {
    zip(t.names, t.columns).map { name, col in
      let c = cells(col)
      let w = max(name.count, c.map { $0.count }.max() ?? 0)
      return ([name] + c).map { $0.padding(w) }
    }
  }

  static func tableLines(_ t: Table) -> [String] {
    let cols = tableColumns(t)
    guard !cols.isEmpty else { return ["+()!()"] }
    let rowCount = cols[0].count
    var lines: [String] = []
    let limit = min(rowCount, DisplaySettings.rows - 1)
    for r in 0..<limit {
      lines.append(cols.map { $0[r] }.joined(separator: " "))
      if r == 0 { lines.append(String(repeating: "-", count: lines[0].count)) }
    }
    if limit < rowCount { lines.append("..") }
    return lines
  }

  static func keyedTableLines(_ k: Table, _ v: Table) -> [String] {
    let kc = tableColumns(k), vc = tableColumns(v)
    let rows = kc.first?.count ?? 0
    var lines: [String] = []
    for r in 0..<rows {
      let left = kc.map { $0[r] }.joined(separator: " ")
      let right = vc.map { $0[r] }.joined(separator: " ")
      lines.append(left + "| " + right)
      if r == 0 {
        lines.append(String(repeating: "-", count: left.count) + "| " + String(repeating: "-", count: right.count))
      }
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
