import QSyntax
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// The interpreter: owns every global, evaluates syntax trees, and applies values.
/// One instance lives on the thread that owns all q state.
public final class Interpreter {
  /// Globals by full name: `a`, `.z.pg`, `.foo.bar`.
  public var globals: [String: Value] = [:]
  /// The current namespace (`\d`), "" for the root.
  public var context = ""
  var frames: [Frame] = []
  /// Where console results and `-1` writes go. Tests swap these.
  public var writeOut: (String) -> Void = { s in FileOutput.write(1, s) }
  public var writeErr: (String) -> Void = { s in FileOutput.write(2, s) }
  /// IPC and other handles plug in here; `nil` means only 0, 1 and 2 exist.
  public var handles: HandleProvider?
  /// Set from a signal handler: the running evaluation stops with 'stop.
  nonisolated(unsafe) public static var interruptRequested = false
  public var commandLineArgs: [String] = []
  public var scriptFile: String = ""
  public var startTime = Clock.nanosSinceEpoch()
  /// `\t` timer period in milliseconds, 0 when off.
  public var timerPeriod = 0
  public var listenPort = 0
  /// Values set by `\e`, `\s`, `\g` and similar commands.
  var settings: [String: Value] = [:]
  var depth = 0
  /// The texts being evaluated, innermost last: console input, `value` strings and
  /// lambda bodies. Error traces quote the innermost.
  var sources: [SourceContext] = []
  /// Where the error now unwinding was raised, noted by the innermost application.
  var errorSite: ErrorSite?
  /// Position of the application being made in the innermost source: a lambda
  /// called now records it as its call site, for backtraces.
  var currentPos = 0

  /// Called by `\p`; the IPC layer installs it.
  public var onListen: ((Int) throws -> Void)?
  /// Internal functions (`-n!x`) that a higher layer provides (IPC's -8!, -9!).
  public var internalHook: ((Int, Value) throws -> Value?)?

  public init() {
    StackGuard.install()
    Interpreter.shared = self
    installDotZ()
    installDotQ()
  }

  final class Frame {
    var names: [String]
    var values: [Value?]
    let lambda: Lambda
    let name: String?
    init(lambda: Lambda, names: [String], values: [Value?], name: String?) {
      self.lambda = lambda; self.names = names; self.values = values; self.name = name
    }
    @inline(__always) func slot(_ n: String) -> Int? {
      for i in 0..<names.count where names[i] == n { return i }
      return nil
    }
  }

  struct Return: Error { let value: Value }

  // MARK: running text

  /// Evaluate a line or script chunk; returns the value to display, or nil when the
  /// console should print nothing (assignment, trailing `;`, `::`).
  public func evaluate(_ text: String) throws -> Value? {
    // `value "\\d .m"` runs a system command.
    if text.hasPrefix("\\") { return try systemCommand(String(text.dropFirst())) }
    sources.append(SourceContext(text: text, base: 0, name: nil, callerPos: currentPos))
    defer { sources.removeLast() }
    let statements: [Node], silent: Bool
    do {
      (statements, silent) = try Parser.parse(text, context: context)
    } catch let e as QError {
      errorSite = nil
      if let at = Parser.lastErrorOffset { noteErrorSite(at, e) }
      throw e
    }
    var result: Value? = nil
    var lastAssign = false
    do {
      for s in statements {
        errorSite = nil
        result = try eval(s)
        if case .assign = s.unlocated { lastAssign = true } else { lastAssign = false }
      }
    } catch let r as Return {
      // `:x` outside a lambda ends the input with x.
      result = r.value
      lastAssign = false
    }
    if silent || lastAssign { return nil }
    if let r = result, case .identity = r { return nil }
    return result
  }

  // MARK: names

  func qualify(_ name: String) -> String {
    if name.hasPrefix(".") || context.isEmpty { return name }
    return context + "." + name
  }

  public func lookup(_ name: String) throws -> Value {
    if let f = frames.last, let i = f.slot(name) {
      if let v = f.values[i] { return v }
      // A local not yet assigned reads as the empty list.
      return .list([])
    }
    if let p = Primitives.byName[name] { return .function(.primitive(p)) }
    if let v = globals[qualify(name)] ?? globals[name] { return v }
    if name.hasPrefix(".z."), let v = dynamicDotZ(name) { return v }
    if let ns = namespace(name) { return ns }
    if let v = try temporalField(name) { return v }
    if let v = try memberByDot(name) { return v }
    if let v = DotQ.qConstants[name] { return v }
    throw QError(name)
  }

  /// `d.year`, `t.minute`: a field of a temporal variable, when the dotted name is not bound.
  private func temporalField(_ name: String) throws -> Value? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let field = String(name[name.index(after: dot)...])
    guard Cast.dotFields.contains(field), let base = try? lookup(String(name[..<dot])) else { return nil }
    return try Cast.dotField(field, base)
  }

  /// A namespace such as `.z` or `.foo` read as a dictionary of its members.
  func namespace(_ name: String) -> Value? {
    let full = name.hasPrefix(".") ? name : qualify(name)
    let prefix = full + "."
    var keys: [String] = []
    var vals: [Value] = []
    for (k, v) in globals where k.hasPrefix(prefix) {
      let rest = k.dropFirst(prefix.count)
      if !rest.contains(".") { keys.append(String(rest)); vals.append(v) }
    }
    guard !keys.isEmpty else { return nil }
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    return .dict(.symbols([""] + order.map { keys[$0] }), .fromItems([.identity] + order.map { vals[$0] }))
  }

  public func setGlobal(_ name: String, _ v: Value) {
    globals[qualify(name)] = v
  }

  func assignName(_ name: String, _ v: Value, global: Bool) throws {
    if Primitives.byName[name] != nil { throw QError.assign }
    if !global, let f = frames.last, let i = f.slot(name) {
      f.values[i] = v
      return
    }
    if global, let f = frames.last, f.slot(name) != nil, frames.count > 0 {
      // `a::x` inside a lambda where a is a local assigns the local (as q does).
      f.values[f.slot(name)!] = v
      return
    }
    globals[name.hasPrefix(".") ? name : qualify(name)] = v
  }

  // MARK: evaluation

  public func eval(_ node: Node) throws -> Value {
    try StackGuard.check()
    switch node {
    case .constant(let v): return v
    case .name(let n): return try lookup(n)
    case .verb(let g): return try verbValue(g)
    case .derived(let a, let f): return .function(.derived(a, try eval(f)))
    case .prefix(let f, let x): return try evalPrefix(f, x, at: nil)
    case .apply(let f, let args): return try evalApply(f, args, at: nil)
    case .list(let items):
      var vals = [Value](repeating: .identity, count: items.count)
      for i in stride(from: items.count - 1, through: 0, by: -1) { vals[i] = try eval(items[i]) }
      return Value.fromItems(vals)
    case .group(let x): return try eval(x)
    case .lambda(let l): return .function(.lambda(l))
    case .assign(let a):
      do {
        return try assign(a)
      } catch let e as QError {
        // A pattern whose shape does not fit points at the pattern itself.
        let at = a.pattern != nil && e.message == "length" ? a.patternStart : a.position
        if errorSite == nil { noteErrorSite(at, e) }
        throw e
      }
    case .cond(let parts): return try cond(parts)
    case .control(let kind, let parts): return try control(kind, parts)
    case .ret(let x): throw Return(value: try eval(x))
    case .signal(let x):
      let v = try eval(x)
      if case .symbol(let s) = v { throw QError(s) }
      if case .vector(let vec) = v, case .char(let a) = vec.storage { throw QError(String(decoding: a, as: UTF8.self)) }
      if case .char(let c) = v { throw QError(String(decoding: [c], as: UTF8.self)) }
      throw QError.type
    case .block(let items):
      var r = Value.identity
      for i in items { r = try eval(i) }
      return r
    case .query(let q): return try runQuery(q)
    case .table(let keys, let columns): return try tableLiteral(keys, columns)
    case .empty: return .identity
    case .located(let at, let inner):
      do {
        switch inner {
        case .apply(let f, let args): return try evalApply(f, args, at: at)
        case .prefix(let f, let x): return try evalPrefix(f, x, at: at)
        default: return try eval(inner)
        }
      } catch let e as QError {
        if errorSite == nil { noteErrorSite(at, e) }
        throw e
      }
    }
  }

  /// `f x` with a verb or function in prefix position. `at` is the application's
  /// position, recorded just before the call so a called lambda knows its call site.
  func evalPrefix(_ f: Node, _ x: Node, at: Int?) throws -> Value {
    let arg = try eval(x)
    if case .verb(let g) = f {
      if let at { currentPos = at }
      return try applyMonadicVerb(g, arg)
    }
    let fv = try eval(f)
    if let at { currentPos = at }
    return try applyMonadic(fv, arg)
  }

  func evalApply(_ f: Node, _ args: [Node?], at: Int?) throws -> Value {
    if case .verb(let g) = f, args.count == 2, let r = args[1], let l = args[0] {
      let rv = try eval(r)
      let lv = try eval(l)
      if let at { currentPos = at }
      return try applyDyadicVerb(g, lv, rv)
    }
    var vals = [Value?](repeating: nil, count: args.count)
    for i in stride(from: args.count - 1, through: 0, by: -1) {
      if let a = args[i] { vals[i] = try eval(a) }
    }
    let fv = try eval(f)
    if let at { currentPos = at }
    if vals.contains(where: { $0 == nil }) {
      // Data indexed with an elided index takes every item there: m[;1].
      if case .function = fv { return try project(fv, vals) }
      if !fv.isAtom || fv.isDict { return try index(fv, vals.map { $0 ?? .identity }) }
      return try project(fv, vals)
    }
    if case .name(let n) = f, case .function(.lambda(let l)) = fv, vals.count == l.rank || (l.rank == 0 && vals.count == 1) {
      return try callLambda(l, vals.map { $0! }, name: n)
    }
    return try apply(fv, vals.map { $0! })
  }

  func tableLiteral(_ keys: [(name: String, expr: Node)], _ columns: [(name: String, expr: Node)]) throws -> Value {
    func build(_ cols: [(name: String, expr: Node)]) throws -> Table {
      var vals = [Value](repeating: .identity, count: cols.count)
      for j in stride(from: cols.count - 1, through: 0, by: -1) { vals[j] = try eval(cols[j].expr) }
      let n = vals.filter { !$0.isAtom }.map { $0.count }.max() ?? 1
      for v in vals where !v.isAtom && v.count != n { throw QError.length }
      let fixed = try vals.map { v in v.isAtom ? try Lists.take(.j(n), v) : v }
      return Table(names: cols.map { $0.name }, columns: fixed)
    }
    if columns.isEmpty, !keys.isEmpty { return try keysOnlyLiteral(keys) }
    let value = try build(columns)
    if keys.isEmpty { return .table(value) }
    let key = try build(keys)
    guard key.count == value.count || columns.isEmpty else { throw QError.length }
    return .dict(.table(key), .table(value))
  }

  func verbValue(_ g: String) throws -> Value {
    guard let p = Primitives.byName[g] else { throw QError(g) }
    return .function(.primitive(p))
  }

  func cond(_ parts: [Node]) throws -> Value {
    var i = 0
    while i + 1 < parts.count {
      if try truthy(eval(parts[i])) { return try eval(parts[i + 1]) }
      i += 2
    }
    return i < parts.count ? try eval(parts[i]) : .identity
  }

  func truthy(_ v: Value) throws -> Bool {
    switch v {
    case .bool(let b): return b
    case .byte(let x): return x != 0
    case .short(let x): return x != 0
    case .int(let x, _): return x != 0
    case .long(let x, _): return x != 0
    case .real(let x): return x != 0
    case .float(let x, _): return x != 0
    case .char(let c): return c != 0
    case .guid(let g): return g != .null
    case .symbol: return true
    default: throw QError.type
    }
  }

  func control(_ kind: String, _ parts: [Node]) throws -> Value {
    guard let first = parts.first else { throw QError.rank }
    let body = parts.dropFirst()
    switch kind {
    case "if":
      if try truthy(eval(first)) { for s in body { _ = try eval(s) } }
    case "do":
      let n = try eval(first)
      guard let count = n.asInt else { throw QError.type }
      var k = 0
      while k < count {
        try checkInterrupt()
        for s in body { _ = try eval(s) }
        k += 1
      }
    default:  // while
      while try truthy(eval(first)) {
        try checkInterrupt()
        for s in body { _ = try eval(s) }
      }
    }
    return .identity
  }

  @inline(__always) func checkInterrupt() throws {
    if Interpreter.interruptRequested {
      Interpreter.interruptRequested = false
      throw QError.stop
    }
  }

  // MARK: lambdas

  func callLambda(_ l: Lambda, _ args: [Value], name callName: String? = nil) throws -> Value {
    guard let body = l.body as? LambdaBody else { throw QError.nyi }
    if args.count > max(l.rank, 1) { throw QError.rank }
    var names = l.params
    var values: [Value?] = args.map { $0 }
    if values.count < names.count { values += Array(repeating: nil, count: names.count - values.count) }
    for n in l.locals where !names.contains(n) { names.append(n); values.append(nil) }
    depth += 1
    defer { depth -= 1 }
    if depth > 2000 { throw QError.stack }
    let name = callName
    frames.append(Frame(lambda: l, names: names, values: values, name: name))
    sources.append(SourceContext(text: l.source, base: body.baseOffset, name: name, callerPos: currentPos, lambda: l))
    let savedContext = context
    if !l.context.isEmpty { context = l.context }
    defer { frames.removeLast(); sources.removeLast(); context = savedContext }
    var result = Value.identity
    do {
      for s in body.statements {
        try checkInterrupt()
        errorSite = nil
        result = try eval(s)
      }
      if case .empty = body.statements.last ?? .empty { result = .identity }
      if body.statements.isEmpty { result = .identity }
    } catch let r as Return {
      return r.value
    }
    return result
  }
}

extension QError {
  static let stack = QError("stack")
}

public extension Value {
  /// An integral atom as Int (for counts and indices).
  var asInt: Int? {
    switch self {
    case .bool(let b): return b ? 1 : 0
    case .byte(let x): return Int(x)
    case .short(let x): return Int(x)
    case .int(let x, _): return Int(x)
    case .long(let x, _): return Int(x)
    default: return nil
    }
  }
}

/// A place that handles beyond 0, 1 and 2 come from (IPC connections).
public protocol HandleProvider: AnyObject {
  func send(handle: Int, _ message: Value, async: Bool) throws -> Value
}

public enum FileOutput {
  public static func write(_ fd: Int32, _ s: String) {
    var bytes = Array(s.utf8)
    bytes.withUnsafeMutableBytes { p in
      var off = 0
      while off < p.count {
        let n = Glibc.write(fd, p.baseAddress! + off, p.count - off)
        if n <= 0 { break }
        off += n
      }
    }
  }
}

public enum Clock {
  public static func nanosSinceEpoch() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
  }
  public static func monotonicNanos() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
  }
}

extension Interpreter {
  /// The interpreter of this process. Kernels reach it for the rare function call
  /// they need to make; all state belongs to the one interpreter thread.
  nonisolated(unsafe) static var shared: Interpreter!
}
