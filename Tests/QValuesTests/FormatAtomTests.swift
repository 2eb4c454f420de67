import Testing

@testable import QValues

/// How the console shows one atom of every type, and the vectors of a few.
@Suite struct FormatAtomTests {
  @Test(arguments: [
    (Value.bool(true), "1b"), (.bool(false), "0b"),
    (.guid(GUID(hi: 0x0123_4567_89ab_cdef, lo: 0xfedc_ba98_7654_3210)), "01234567-89ab-cdef-fedc-ba9876543210"),
    (.byte(0x1f), "0x1f"), (.short(5), "5h"), (.i(6), "6i"), (.j(7), "7"), (.j(-7), "-7"),
    (.real(1.5), "1.5e"), (.f(2.5), "2.5"), (.f(3), "3f"), (.f(0.1), "0.1"), (.f(1e10), "1e+10"),
    (.char(97), "\"a\""), (.s("abc"), "`abc"), (.s(""), "`"),
    (.int(0, .date), "2000.01.01"), (.int(0, .month), "2000.01m"), (.int(0, .minute), "00:00"),
    (.int(3661, .second), "01:01:01"), (.int(43_200_000, .time), "12:00:00.000"),
    (.long(1_000_000_000, .timespan), "0D00:00:01.000000000"),
    (.long(0, .timestamp), "2000.01.01D00:00:00.000000000"),
    (.float(0.5, .datetime), "2000.01.01T12:00:00.000"),
    (.long(Nulls.longInf, .long), "0W"), (.long(-Nulls.longInf, .long), "-0W"),
    (.int(Nulls.intInf, .int), "0Wi"), (.short(Nulls.shortInf), "0Wh"),
    (.f(.infinity), "0w"), (.f(-.infinity), "-0w"),
  ])
  func atomDisplay(v: Value, text: String) {
    #expect(Format.display(v) == text)
  }

  @Test(arguments: [
    (Value.bools([true, false, true]), "101b"), (.longs([1, 2, 3]), "1 2 3"), (.floats([1, 2.5]), "1 2.5"),
    (.floats([1, 2]), "1 2f"), (.ints([1, 2]), "1 2i"), (.symbols(["a", "b"]), "`a`b"),
    (.string("hi"), "\"hi\""), (.bytes([0, 255]), "0x00ff"), (.longs([]), "`long$()"),
    (.longs([1]), ",1"), (.string(""), "\"\""), (.list([]), "()"),
    (.list([.j(1), .s("a")]), "1\n`a"),
  ])
  func vectorDisplay(v: Value, text: String) {
    #expect(Format.display(v) == text)
  }

  @Test func identityShowsNothingAtTheConsoleButHasAShortForm() {
    #expect(Format.display(.identity) == "")
    #expect(Format.shortForm(.identity) == "::")
  }

  @Test func sortedAttributeShowsWithABacktick() {
    let v = Value.vector(Vector(.long, .long([1, 2, 3]), attr: .sorted))
    #expect(Format.display(v) == "`s#1 2 3")
  }

  @Test func shortFormOfAGeneralList() {
    #expect(Format.shortForm(.list([.j(1), .s("a"), .string("xy")])) == "(1;`a;\"xy\")")
  }

  @Test func dictionaryDisplay() {
    #expect(Format.display(.dict(.symbols(["a", "b"]), .longs([1, 2]))) == "a| 1\nb| 2")
  }

  @Test func tableDisplay() {
    let t = Value.table(Table(names: ["a", "b"], columns: [.longs([1, 2]), .symbols(["x", "y"])]))
    #expect(Format.display(t) == "a b\n---\n1 x\n2 y")
  }

  @Test(arguments: ["42", "-1.5e", "0Ni", "2020.01.01", "12:30", "0D01:00:00.000000000", "1b", "7h", "0W", "-0w"])
  func literalsParse(text: String) {
    #expect(AtomParser.literal(text) != nil, "\(text) did not parse")
  }
}
