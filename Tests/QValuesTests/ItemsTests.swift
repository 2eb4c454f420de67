import Testing

@testable import QValues

/// `Value.fromItems` decides between a typed vector, a general list and a table.
@Suite struct ItemsTests {
  @Test func uniformLongsCollapseToATypedVector() {
    let v = Value.fromItems([.j(1), .j(2), .j(3)])
    guard case .vector(let vec) = v, case .long(let xs) = vec.storage else {
      Issue.record("expected a long vector, got \(v)")
      return
    }
    #expect(vec.type == .long)
    #expect(xs == [1, 2, 3])
  }

  @Test func sameStorageButDifferentTypesStayGeneral() {
    // a date and an int share Int32 storage but are different q types
    let v = Value.fromItems([.int(1, .int), .int(1, .date)])
    #expect(v.type == 0)
    #expect(v.count == 2)
  }

  @Test func mixedAtomsStayAGeneralList() {
    let v = Value.fromItems([.j(1), .s("a")])
    #expect(v.type == 0)
  }

  @Test func emptyItemsGiveAnEmptyGeneralList() {
    let v = Value.fromItems([])
    #expect(v.type == 0)
    #expect(v.count == 0)
  }

  @Test func vectorsAsItemsStayAGeneralList() {
    let v = Value.fromItems([.longs([1, 2]), .longs([3])])
    #expect(v.type == 0)
    #expect(v.count == 2)
  }

  @Test(arguments: [
    (Value.bool(true), 1), (.guid(GUID(hi: 1, lo: 2)), 2), (.byte(7), 4), (.short(3), 5), (.i(4), 6),
    (.j(5), 7), (.real(1.5), 8), (.f(2.5), 9), (.char(65), 10), (.s("x"), 11),
    (.int(3, .date), 14), (.long(3, .timestamp), 12), (.float(1, .datetime), 15), (.int(3, .minute), 17),
  ])
  func everyAtomTypeCollapses(atom: Value, type: Int) {
    let v = Value.fromItems([atom, atom, atom])
    #expect(v.type == type)
    #expect(v.count == 3)
    #expect(Format.shortForm(v.item(1)) == Format.shortForm(atom))
  }

  @Test func conformingDictsCollapseToATable() {
    let row1 = Value.dict(.symbols(["a", "b"]), .list([.j(1), .s("x")]))
    let row2 = Value.dict(.symbols(["a", "b"]), .list([.j(2), .s("y")]))
    let t = Value.fromItems([row1, row2])
    guard case .table(let table) = t else {
      Issue.record("expected a table, got \(t)")
      return
    }
    #expect(table.names == ["a", "b"])
    #expect(table.columns[0].type == 7)
    #expect(table.columns[1].type == 11)
    #expect(table.count == 2)
  }

  @Test func dictsWithDifferentKeysStayAList() {
    let row1 = Value.dict(.symbols(["a"]), .longs([1]))
    let row2 = Value.dict(.symbols(["b"]), .longs([2]))
    #expect(Value.fromItems([row1, row2]).type == 0)
  }

  @Test func itemOutOfRangeIsTheTypedNull() {
    let v = Value.longs([1, 2])
    #expect(v.item(5).isNull)
    #expect(v.item(5).type == -7)
    #expect(Value.symbols(["a"]).item(-1).isNull)
  }

  @Test func normalizedCollapsesAGeneralListOfAtoms() {
    #expect(Value.list([.f(1), .f(2)]).normalized.type == 9)
  }
}
