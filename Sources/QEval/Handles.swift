import QValues

/// What `hopen` and `hclose` need from the IPC layer, which implements it above this one.
public protocol ConnectionProvider: HandleProvider {
  func open(_ target: Value) throws -> Value
  func close(handle: Int) throws
}

/// `hopen` and `hclose`: connections come from the IPC layer through `handles`.
enum Handles {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("hopen", monad: { i, x in
      guard let p = i.handles as? ConnectionProvider else { throw QError.nyi }
      return try p.open(x)
    }),
    PrimitiveDef("hclose", monad: { i, x in
      guard let h = x.asInt, x.isAtom else { throw QError.type }
      guard let p = i.handles as? ConnectionProvider else { throw QError.os("Bad file descriptor") }
      try p.close(handle: h)
      return .identity
    }),
  ]
}

public extension Interpreter {
  /// Run a handler for a remote message as if at top level: the caller's lambda frames
  /// (a sync call blocked inside a function) and namespace are hidden meanwhile.
  func atTopLevel<T>(_ body: () throws -> T) rethrows -> T {
    let savedFrames = frames, savedContext = context, savedDepth = depth
    frames = []; context = ""
    defer { frames = savedFrames; context = savedContext; depth = savedDepth }
    return try body()
  }
}
