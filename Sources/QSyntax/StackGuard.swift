import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Deep nesting (in source text or in recursion) must end in `'stack`, not a crash.
/// Recursive functions of the parser and the evaluator call `check()`, which compares
/// the current stack position with a floor kept some way above the thread's stack
/// limit, so that the code running after the last check still has room.
public enum StackGuard {
  nonisolated(unsafe) static var low: UInt = 0
  nonisolated(unsafe) static var high: UInt = 0
  nonisolated(unsafe) static var floor: UInt = 0

  /// Measure the calling thread's stack. Cheap to call again on the same thread.
  public static func install(margin: Int = 1 << 20) {
    let sp = currentPosition()
    if sp > low && sp < high { return }
    var attr = pthread_attr_t()
    // A GNU extension the Glibc module does not export: looked up at run time.
    typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return }
    let getattr = unsafeBitCast(sym, to: GetAttr.self)
    guard getattr(pthread_self(), &attr) == 0 else { return }
    defer { pthread_attr_destroy(&attr) }
    var base: UnsafeMutableRawPointer? = nil
    var size = 0
    guard pthread_attr_getstack(&attr, &base, &size) == 0, let base else { return }
    low = UInt(bitPattern: base)
    high = low + UInt(size)
    floor = low + UInt(min(margin, size / 4))
  }

  @inline(never) static func currentPosition() -> UInt {
    var probe: UInt8 = 0
    return withUnsafeMutablePointer(to: &probe) { UInt(bitPattern: $0) }
  }

  @inline(__always) public static func check() throws {
    let sp = currentPosition()
    if sp < floor && sp > low { throw QError("stack") }
  }
}
