import QValues

/// `` `s#x `` and friends: attributes promise an order or layout of a list; setting one
/// checks the promise. `` `#x `` removes any attribute.
enum Attributes {
  static let names: [String: Attribute] = ["": .none, "s": .sorted, "u": .unique, "p": .parted, "g": .grouped]

  static func isAttribute(_ s: String) -> Bool { names[s] != nil }

  static func apply(_ s: String, _ y: Value) throws -> Value {
    guard let a = names[s] else { throw QError.domain }
    switch y {
    case .vector(var v):
      try check(a, v)
      v.attr = a
      return .vector(v)
    case .dict(let k, let vals):
      return .dict(try apply(s, k), vals)
    case .table(var t):
      guard !t.columns.isEmpty else { return y }
      t.columns[0] = try apply(s, t.columns[0])
      return .table(t)
    case .list:
      if a == .none { return y }
      if a == .sorted {
        let items = y.items
        for i in items.indices.dropFirst() where Sorting.compareValues(items[i - 1], items[i]) > 0 { throw QError("s-fail") }
      }
      return y
    default:
      if y.isAtom { throw QError.domain }
      return y
    }
  }

  static func check(_ a: Attribute, _ v: Vector) throws {
    switch a {
    case .sorted:
      let x = Value.vector(v)
      if case .long(let p) = v.storage {
        for i in p.indices.dropFirst() where p[i - 1] > p[i] { throw QError("s-fail") }
        return
      }
      let items = x.items
      for i in items.indices.dropFirst() where Sorting.compareValues(items[i - 1], items[i]) > 0 { throw QError("s-fail") }
    case .unique:
      var seen = Set<HashKey>()
      for e in Value.vector(v).items where !seen.insert(HashKey(e)).inserted { throw QError("u-fail") }
    case .parted:
      var done = Set<HashKey>()
      var last: HashKey? = nil
      for e in Value.vector(v).items {
        let h = HashKey(e)
        if h == last { continue }
        if !done.insert(h).inserted { throw QError("u-fail") }
        last = h
      }
    case .grouped, .none: return
    }
  }
}
