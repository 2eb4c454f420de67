/// Moving between a value's items and the value: q collapses a list of same-typed
/// atoms into a typed vector, and explodes a vector when it needs general items.
public extension Value {
  /// The i-th item of a list-like value (vector, general list, table row, dict value).
  func item(_ i: Int) -> Value {
    switch self {
    case .vector(let v): return i >= 0 && i < v.count ? v[i] : Nulls.atom(v.type)
    case .list(let a): return i >= 0 && i < a.count ? a[i] : (a.first.map { $0.nullOfSameShape } ?? .identity)
    case .table(let t):
      return .dict(.symbols(t.names), Value.fromItems(t.columns.map { $0.item(i) }))
    case .dict(_, let v): return v.item(i)
    default: return self
    }
  }

  /// The items as a Swift array (atoms for vectors, rows for tables).
  var items: [Value] {
    switch self {
    case .vector(let v): return (0..<v.count).map { v[$0] }
    case .list(let a): return a
    case .table(let t): return (0..<t.count).map { item($0) }
    case .dict(_, let v): return v.items
    default: return [self]
    }
  }

  /// q's null for an item of this shape: atoms give their null, lists give an empty
  /// value of their kind, used when indexing a general list out of range.
  var nullOfSameShape: Value {
    if let t = atomType { return Nulls.atom(t) }
    switch self {
    case .vector(let v): return .vector(Vector.empty(v.type))
    case .list: return .list([])
    case .dict(let k, let v): return .dict(k.nullOfSameShape, v.nullOfSameShape)
    default: return .identity
    }
  }

  /// Build a list from items, collapsing to a typed vector when every item is an atom
  /// of one type, and to a table when every item is a dict with the same symbol keys.
  static func fromItems(_ items: [Value]) -> Value {
    guard let first = items.first else { return .list([]) }
    guard let t = first.atomType else {
      if case .dict(.vector(let k), _) = first, k.type == .symbol {
        return collapseDicts(items) ?? .list(items)
      }
      return .list(items)
    }
    for x in items.dropFirst() where x.atomType != t { return .list(items) }
    return .vector(vectorOfAtoms(items, t))
  }

  /// Collapse items to a typed vector of `t` when all are atoms of `t`, else a general list.
  static func vectorOfAtoms(_ items: [Value], _ t: QType) -> Vector {
    switch t.storageKind {
    case .bool: return Vector(t, .bool(items.map { if case .bool(let x) = $0 { return x }; return false }))
    case .guid: return Vector(t, .guid(items.map { if case .guid(let x) = $0 { return x }; return .null }))
    case .byte: return Vector(t, .byte(items.map { if case .byte(let x) = $0 { return x }; return 0 }))
    case .char: return Vector(t, .char(items.map { if case .char(let x) = $0 { return x }; return 32 }))
    case .short: return Vector(t, .short(items.map { if case .short(let x) = $0 { return x }; return Nulls.short }))
    case .int: return Vector(t, .int(items.map { if case .int(let x, _) = $0 { return x }; return Nulls.int }))
    case .long: return Vector(t, .long(items.map { if case .long(let x, _) = $0 { return x }; return Nulls.long }))
    case .real: return Vector(t, .real(items.map { if case .real(let x) = $0 { return x }; return .nan }))
    case .float: return Vector(t, .float(items.map { if case .float(let x, _) = $0 { return x }; return .nan }))
    case .symbol: return Vector(t, .symbol(items.map { if case .symbol(let x) = $0 { return x }; return "" }))
    case .list: fatalError("general lists have no atom storage")
    }
  }

  private static func collapseDicts(_ items: [Value]) -> Value? {
    guard case .dict(.vector(let k0), _) = items[0], case .symbol(let names) = k0.storage else { return nil }
    var rows: [[Value]] = []
    rows.reserveCapacity(items.count)
    for d in items {
      guard case .dict(.vector(let k), let v) = d, case .symbol(let n) = k.storage, n == names,
        v.count == names.count
      else { return nil }
      rows.append(v.items)
    }
    let cols = names.indices.map { c in Value.fromItems(rows.map { $0[c] }) }
    return .table(Table(names: names, columns: cols))
  }

  /// A general list of the items, whatever the storage: what `,` needs for mixed joins.
  var asGeneralList: [Value] { items }

  /// Collapse a general list whose items are all atoms of one type (q does this on
  /// results of each, amend and join).
  var normalized: Value {
    if case .list(let a) = self { return Value.fromItems(a) }
    return self
  }
}
