import QValues

/// qSQL: `select cols by groups from t where conditions`, and `exec`, `update`,
/// `delete`. Commas between columns and conditions separate them rather than join.
extension Parser {
  mutating func parseQuery(_ word: String) throws -> Node {
    let kind = Query.Kind(rawValue: word)!
    var limit: Node? = nil
    if at(.leftBracket) && !current.spaceBefore {
      _ = advance()
      let args = try parseArguments().compactMap { $0 }
      limit = args.count == 1 ? args[0] : .block(args)
    }
    var columns: [(name: String?, expr: Node)] = []
    var by: [(name: String?, expr: Node)]? = nil
    var deleteColumns: [String] = []
    if kind == .delete {
      while !(at(.name) && current.text == "from") {
        if at(.name) { deleteColumns.append(advance().text) } else if at(.verb) && current.text == "," { _ = advance() } else { throw QError.parse }
      }
    } else {
      columns = try parseColumnList(until: ["by", "from"])
      if at(.name) && current.text == "by" {
        _ = advance()
        by = try parseColumnList(until: ["from"])
      }
    }
    if kind == .select, let by {
      // A result column may not share its name with a group column.
      func name(_ c: (name: String?, expr: Node)) -> String { c.name ?? Parser.columnName(c.expr) ?? "x" }
      let groupNames = Set(by.map(name))
      if let dup = columns.map(name).first(where: groupNames.contains) {
        throw QError("dup names for cols/groups " + dup)
      }
    }
    guard at(.name) && current.text == "from" else { throw QError.parse }
    _ = advance()
    guard let from = try parseExpression(Stops(comma: false, words: ["where"])) else { throw QError.parse }
    var wheres: [Node] = []
    if at(.name) && current.text == "where" {
      _ = advance()
      while true {
        guard let w = try parseExpression(Stops(comma: true, words: [])) else { throw QError.parse }
        wheres.append(w)
        if at(.verb) && current.text == "," { _ = advance(); continue }
        break
      }
    }
    return .query(Query(kind: kind, columns: columns, by: by, from: from, wheres: wheres, limit: limit, deleteColumns: deleteColumns))
  }

  mutating func parseColumnList(until words: Set<String>) throws -> [(name: String?, expr: Node)] {
    var out: [(name: String?, expr: Node)] = []
    while !(at(.name) && words.contains(current.text)) {
      if at(.end) { throw QError.parse }
      guard let e = try parseExpression(Stops(comma: true, words: words)) else { throw QError.parse }
      if case .assign(let a) = e.unlocated, a.indices == nil, a.op == nil {
        out.append((a.name, a.value))
      } else {
        out.append((nil, e))
      }
      if at(.verb) && current.text == "," { _ = advance() }
    }
    return out
  }

  /// The name q gives an unnamed result column: a name read as is; for an operator
  /// (`c2+c3`, `2*c2`) the name of its left argument; for a function or keyword
  /// (`sum p`, `10 xbar time`) the name of its last argument; followed down. nil
  /// when there is none (the evaluator then uses `x`).
  public static func columnName(_ e: Node) -> String? {
    switch e {
    case .name(let n): return n.contains(".") ? String(n.split(separator: ".").last ?? "") : n
    case .apply(let f, let args):
      if case .verb(let g) = f.unlocated, let c = g.first, !c.isLetter {
        guard let first = args.first, let a = first else { return nil }
        return columnName(a)
      }
      guard let last = args.last, let a = last else { return nil }
      return columnName(a)
    case .prefix(_, let x): return columnName(x)
    case .group(let x), .located(_, let x): return columnName(x)
    default: return nil
    }
  }
}
