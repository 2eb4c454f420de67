import QSyntax
import QValues

/// Row-wise access shared by qSQL, joins and the table verbs: picking rows by
/// position, writing values back at positions, keying and unkeying.
extension Value {
  /// The items at the given positions; out-of-range positions give nulls.
  func gatherRows(_ idx: [Int]) -> Value {
    switch self {
    case .vector(let v): return .vector(v.gather(idx))
    case .list(let a):
      let null = a.first?.nullOfSameShape ?? .identity
      return Value.fromItems(idx.map { $0 >= 0 && $0 < a.count ? a[$0] : null }).keepingList(when: a)
    case .table(let t): return .table(t.gatherRows(idx))
    case .dict(.table(let k), .table(let v)): return .dict(.table(k.gatherRows(idx)), .table(v.gatherRows(idx)))
    case .dict(let k, let v): return .dict(k.gatherRows(idx), v.gatherRows(idx))
    default: return self
    }
  }

  /// A general list of non-atoms stays general after gathering, even when empty.
  fileprivate func keepingList(when source: [Value]) -> Value {
    if case .list(let a) = self, a.isEmpty { return .list([]) }
    return self
  }

  /// An atom repeated n times, or the value itself when it is already a list.
  func extended(to n: Int) throws -> Value {
    guard isAtom else { return self }
    if let t = atomType { return .vector(Value.vectorOfAtoms(Array(repeating: self, count: n), t)) }
    return .list(Array(repeating: self, count: n))
  }

  /// The unkeyed form of a keyed table; other values as they are.
  var unkeyed: Value {
    if case .dict(.table(let k), .table(let v)) = self {
      return .table(Table(names: k.names + v.names, columns: k.columns + v.columns))
    }
    return self
  }
}

extension Table {
  func gatherRows(_ idx: [Int]) -> Table {
    Table(names: names, columns: columns.map { $0.gatherRows(idx) })
  }

  func column(_ name: String) -> Value? {
    names.firstIndex(of: name).map { columns[$0] }
  }

  /// Key the table by its first n columns.
  func keyed(_ n: Int) -> Value {
    .dict(.table(Table(names: Array(names[..<n]), columns: Array(columns[..<n]))),
          .table(Table(names: Array(names[n...]), columns: Array(columns[n...]))))
  }

  /// Key by the named columns, moving them to the front.
  func keyed(by keys: [String]) throws -> Value {
    for k in keys where !names.contains(k) { throw QError(k) }
    let rest = names.filter { !keys.contains($0) }
    return Table(names: keys + rest, columns: (keys + rest).map { column($0)! }).keyed(keys.count)
  }

  /// The values of row r as items.
  func row(_ r: Int) -> [Value] { columns.map { $0.item(r) } }
}

enum Scatter {
  /// `base` with the items at `idx` replaced by `values` (one per position). The
  /// column keeps its type; items of another type signal 'type, as amend does.
  static func write(_ base: Value, _ idx: [Int], _ values: Value) throws -> Value {
    if idx.count == base.count, idx.elementsEqual(0..<idx.count) { return values }
    switch (base, values) {
    case (.vector(let b), .vector(let v)) where b.type == v.type:
      return .vector(try writeTyped(b, idx, v))
    case (.vector(let b), _):
      if idx.isEmpty { return base }
      if values.isAtom, values.atomType == b.type {
        return .vector(try writeTyped(b, idx, Value.vectorOfAtoms(Array(repeating: values, count: idx.count), b.type)))
      }
      throw QError.type
    case (.list(var a), _):
      let items = values.isAtom ? Array(repeating: values, count: idx.count) : values.items
      for (k, i) in idx.enumerated() where i >= 0 && i < a.count { a[i] = items[k] }
      return Value.fromItems(a)
    default:
      throw QError.type
    }
  }

  private static func writeTyped(_ b: Vector, _ idx: [Int], _ v: Vector) throws -> Vector {
    func put<T>(_ a: [T], _ src: [T]) -> [T] {
      var out = a
      for (k, i) in idx.enumerated() where i >= 0 && i < out.count { out[i] = src[k] }
      return out
    }
    var r = b
    switch (b.storage, v.storage) {
    case (.bool(let a), .bool(let s)): r.storage = .bool(put(a, s))
    case (.guid(let a), .guid(let s)): r.storage = .guid(put(a, s))
    case (.byte(let a), .byte(let s)): r.storage = .byte(put(a, s))
    case (.char(let a), .char(let s)): r.storage = .char(put(a, s))
    case (.short(let a), .short(let s)): r.storage = .short(put(a, s))
    case (.int(let a), .int(let s)): r.storage = .int(put(a, s))
    case (.long(let a), .long(let s)): r.storage = .long(put(a, s))
    case (.real(let a), .real(let s)): r.storage = .real(put(a, s))
    case (.float(let a), .float(let s)): r.storage = .float(put(a, s))
    case (.symbol(let a), .symbol(let s)): r.storage = .symbol(put(a, s))
    default: throw QError.type
    }
    r.attr = .none
    return r
  }

  /// A column of n nulls shaped like `sample` (a vector's type, or a general list).
  static func nulls(like sample: Value, _ n: Int) -> Value {
    if let t = sample.atomType { return .vector(Vector.empty(t).gather(Array(repeating: -1, count: n))) }
    if case .vector(let v) = sample { return .vector(Vector.empty(v.type).gather(Array(repeating: -1, count: n))) }
    if case .list(let a) = sample, let first = a.first {
      return .list(Array(repeating: first.nullOfSameShape, count: n))
    }
    return .list(Array(repeating: .identity, count: n))
  }
}

/// Grouping rows by the values of one or more columns.
enum Grouping {
  /// Groups in order of first appearance: each group's key row and its positions.
  static func groups(_ columns: [Value], count n: Int) -> (keys: [Int], rows: [[Int]]) {
    if columns.count == 1, case .vector(let v) = columns[0] {
      switch v.storage {
      case .long(let a): return byHashable(a)
      case .symbol(let a): return byHashable(a)
      case .int(let a): return byHashable(a)
      default: break
      }
    }
    var index: [HashKey: Int] = [:]
    var keys: [Int] = []
    var rows: [[Int]] = []
    for r in 0..<n {
      let key = columns.count == 1 ? HashKey(columns[0].item(r)) : HashKey(.list(columns.map { $0.item(r) }))
      if let g = index[key] { rows[g].append(r) } else {
        index[key] = rows.count
        keys.append(r)
        rows.append([r])
      }
    }
    return (keys, rows)
  }

  private static func byHashable<T: Hashable>(_ a: [T]) -> (keys: [Int], rows: [[Int]]) {
    var index: [T: Int] = [:]
    var keys: [Int] = []
    var rows: [[Int]] = []
    for (r, x) in a.enumerated() {
      if let g = index[x] { rows[g].append(r) } else {
        index[x] = rows.count
        keys.append(r)
        rows.append([r])
      }
    }
    return (keys, rows)
  }
}

extension Interpreter {
  /// `([a:1;b:2])`: with only atoms it is a dictionary; with lists, a keyed table
  /// without value columns.
  func keysOnlyLiteral(_ keys: [(name: String, expr: Node)]) throws -> Value {
    var vals = [Value](repeating: .identity, count: keys.count)
    for j in stride(from: keys.count - 1, through: 0, by: -1) { vals[j] = try eval(keys[j].expr) }
    let names = keys.map { $0.name }
    if vals.allSatisfy({ $0.isAtom }) { return .dict(.symbols(names), Value.fromItems(vals)) }
    let n = vals.filter { !$0.isAtom }.map { $0.count }.max() ?? 1
    for v in vals where !v.isAtom && v.count != n { throw QError.length }
    let key = Table(names: names, columns: try vals.map { try $0.extended(to: n) })
    return .dict(.table(key), .table(Table(names: [], columns: [])))
  }
}

enum Concat {
  /// The items of several lists in one list, typed when they share a vector type.
  static func lists(_ parts: [Value]) -> Value {
    var vectors: [Vector] = []
    vectors.reserveCapacity(parts.count)
    for p in parts {
      guard case .vector(let v) = p else { return Value.fromItems(parts.flatMap { $0.isAtom ? [$0] : $0.items }) }
      vectors.append(v)
    }
    guard let first = vectors.first, vectors.allSatisfy({ $0.type == first.type }) else {
      return Value.fromItems(parts.flatMap { $0.items })
    }
    let total = vectors.reduce(0) { $0 + $1.count }
    func cat<T>(_ get: (Vector) -> [T]?) -> [T] {
      var out: [T] = []
      out.reserveCapacity(total)
      for v in vectors { out += get(v) ?? [] }
      return out
    }
    let storage: Vector.Storage
    switch first.storage {
    case .bool: storage = .bool(cat { if case .bool(let a) = $0.storage { return a } else { return nil } })
    case .guid: storage = .guid(cat { if case .guid(let a) = $0.storage { return a } else { return nil } })
    case .byte: storage = .byte(cat { if case .byte(let a) = $0.storage { return a } else { return nil } })
    case .char: storage = .char(cat { if case .char(let a) = $0.storage { return a } else { return nil } })
    case .short: storage = .short(cat { if case .short(let a) = $0.storage { return a } else { return nil } })
    case .int: storage = .int(cat { if case .int(let a) = $0.storage { return a } else { return nil } })
    case .long: storage = .long(cat { if case .long(let a) = $0.storage { return a } else { return nil } })
    case .real: storage = .real(cat { if case .real(let a) = $0.storage { return a } else { return nil } })
    case .float: storage = .float(cat { if case .float(let a) = $0.storage { return a } else { return nil } })
    case .symbol: storage = .symbol(cat { if case .symbol(let a) = $0.storage { return a } else { return nil } })
    }
    return .vector(Vector(first.type, storage))
  }
}

extension Interpreter {
  /// `t.c`, `d.k`: a column of a table or an entry of a dictionary with symbol keys,
  /// when the dotted name is not bound itself.
  func memberByDot(_ name: String) throws -> Value? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let member = String(name[name.index(after: dot)...])
    guard !member.isEmpty, let base = try? lookup(String(name[..<dot])) else { return nil }
    switch base {
    case .table(let t): return t.column(member)
    case .dict(.table, .table):
      guard case .table(let t) = base.unkeyed else { return nil }
      return t.column(member)
    case .dict(.vector(let k), _) where k.type == .symbol:
      guard Comparison.symbols(.vector(k)).contains(member) else { return nil }
      return try index1(base, .symbol(member))
    default: return nil
    }
  }
}
