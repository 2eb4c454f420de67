import Testing

@testable import QValues

@Suite struct NullsTests {
  @Test(arguments: QType.allCases.filter { $0 != .list && $0 != .boolean && $0 != .byte })
  func nullAtomOfEveryTypeIsNull(t: QType) {
    let n = Nulls.atom(t)
    #expect(n.isNull, "\(t) null is not null")
    #expect(n.atomType == t)
  }

  @Test func booleansAndBytesHaveNoNull() {
    // q's null of boolean is 0b and of byte 0x00, but `null` says false for both
    #expect(!Nulls.atom(.boolean).isNull)
    #expect(!Nulls.atom(.byte).isNull)
  }

  @Test func integralNullsAreTheMinimumAndInfinitiesTheMaximum() {
    #expect(Nulls.short == Int16.min && Nulls.shortInf == Int16.max)
    #expect(Nulls.int == Int32.min && Nulls.intInf == Int32.max)
    #expect(Nulls.long == Int64.min && Nulls.longInf == Int64.max)
  }

  @Test func ordinaryValuesAreNotNull() {
    #expect(!Value.j(0).isNull)
    #expect(!Value.f(0).isNull)
    #expect(!Value.s("a").isNull)
    #expect(!Value.char(65).isNull)
    #expect(!Value.float(.infinity, .float).isNull)
  }

  @Test(arguments: [
    (QType.long, "0N"), (.int, "0Ni"), (.short, "0Nh"), (.float, "0n"), (.real, "0Ne"),
    (.symbol, "`"), (.date, "0Nd"), (.timestamp, "0Np"), (.timespan, "0Nn"), (.month, "0Nm"),
    (.minute, "0Nu"), (.second, "0Nv"), (.time, "0Nt"), (.datetime, "0Nz"),
    (.guid, "00000000-0000-0000-0000-000000000000"),
  ])
  func nullsDisplayAsQDoes(t: QType, text: String) {
    #expect(Format.display(Nulls.atom(t)) == text)
  }
}
