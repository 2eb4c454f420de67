import Testing

@testable import QValues

/// The size of `Value` is paid by every general-list item, dictionary slot and
/// interpreter variable, so it is pinned: growing it should be a deliberate choice.
@Suite struct ValueLayoutTests {
  @Test func valueStaysSmall() {
    // Measured on x86_64 Linux with Swift 6.3.1: 33 bytes (stride 40). The widest payload
    // is `.function(.primitive(Primitive))`: id, name and valence stored inline, 32 bytes.
    #expect(MemoryLayout<Value>.size <= 33)
    #expect(MemoryLayout<Value>.stride <= 40)
  }

  @Test func valueCouldBeSeventeenBytes() {
    // Without the inline Primitive, GUID (16 bytes) is the widest payload: 16 + tag.
    // Boxing Primitive (or keeping only its id) would shrink every general-list slot.
    withKnownIssue("Primitive is stored inline in Function, making Value 33 bytes", isIntermittent: true) {
      #expect(MemoryLayout<Value>.size <= 17)
    }
  }

  @Test func payloadSizes() {
    #expect(MemoryLayout<Table>.size == 16)
    #expect(MemoryLayout<Primitive>.size == 32)
  }

  @Test func atomsAreUnboxed() {
    // The atom cases carry their payload inline; no atom needs a class reference.
    #expect(MemoryLayout<GUID>.size == 16)
    #expect(MemoryLayout<QType>.size == 1)
  }

  @Test func vectorIsAHeaderAroundOneArray() {
    // type + attribute + one array reference: storage stays contiguous, not per element.
    #expect(MemoryLayout<Vector>.size <= 16)
  }
}
