import QSyntax
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Reflection and the environment: value, get, set, type, show, parse, eval, system,
/// exit, and the `\` commands.
enum System {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("value", monad: { i, x in try value(i, x) }),
    PrimitiveDef("get", monad: { i, x in try value(i, x) }),
    PrimitiveDef("set", dyad: { i, x, y in try set(i, x, y) }),
    PrimitiveDef("type", monad: { _, x in .short(Int16(x.type)) }),
    PrimitiveDef("show", monad: { i, x in i.writeOut(Format.display(x) + "\n"); return .identity }),
    PrimitiveDef("parse", monad: { i, x in try parse(i, x) }),
    PrimitiveDef("eval", monad: { i, x in try i.evalParseTree(x) }),
    PrimitiveDef("system", monad: { i, x in try system(i, x) }),
    PrimitiveDef("exit", monad: { _, x in throw QControl.exit(Int32(truncatingIfNeeded: x.asInt ?? 0)) }),
    PrimitiveDef("getenv", monad: { _, x in
      guard case .symbol(let s) = x else { throw QError.type }
      return .string(getenv(s).map { String(cString: $0) } ?? "")
    }),
    PrimitiveDef("setenv", dyad: { _, x, y in
      guard case .symbol(let s) = x, case .vector(let v) = y, case .char(let a) = v.storage else { throw QError.type }
      setenv(s, String(decoding: a, as: UTF8.self), 1)
      return .identity
    }),
    PrimitiveDef("attr", monad: { _, x in
      if case .vector(let v) = x { return .symbol(v.attr.letter) }
      return .symbol("")
    }),
  ] + Trace.definitions

  /// `value`: a symbol's variable, a string evaluated, a dictionary's values,
  /// a lambda's parts, or a parse tree evaluated.
  static func value(_ i: Interpreter, _ x: Value) throws -> Value {
    switch x {
    case .symbol(let s): return try i.lookup(s)
    case .dict(_, let v): return v
    case .vector(let v) where v.type == .char:
      guard case .char(let a) = v.storage else { throw QError.type }
      return try i.evaluate(String(decoding: a, as: UTF8.self)) ?? .identity
    case .char(let c): return try i.evaluate(String(decoding: [c], as: UTF8.self)) ?? .identity
    case .list(let items):
      // The first item applied to the others as they are (eval would evaluate them).
      guard var f = items.first else { return x }
      if case .symbol(let name) = f { f = try i.lookup(name) }
      if case .vector(let v) = f, v.type == .char { f = try value(i, f) }
      if case .char = f { f = try value(i, f) }
      if items.count == 1 { return f }
      return try i.apply(f, Array(items.dropFirst()))
    case .function(.lambda(let l)):
      return .list([.bytes([]), .symbols(l.params), .symbols(l.locals), .list([.symbol(l.context)]), .string(l.source)])
    case .function(.projection(let f, let args)): return .list([f] + args.map { $0 ?? .identity })
    case .function(.composition(let parts)): return .list(parts)
    case .function(.derived(_, let f)): return f
    case .function(.primitive(let p)): return .j(p.id)
    case .table(let t): return .dict(.symbols(t.names), .list(t.columns))
    default: return x
    }
  }

  static func set(_ i: Interpreter, _ x: Value, _ y: Value) throws -> Value {
    guard case .symbol(let s) = x else { throw QError.type }
    if s.hasPrefix(":") { throw QError.nyi }
    i.globals[s.hasPrefix(".") ? s : i.qualify(s)] = y
    return x
  }

  static func parse(_ i: Interpreter, _ x: Value) throws -> Value {
    guard case .vector(let v) = x, case .char(let a) = v.storage else {
      if case .char(let c) = x { return try parse(i, .chars([c])) }
      throw QError.type
    }
    let (statements, _) = try Parser.parse(String(decoding: a, as: UTF8.self), context: i.context)
    guard let first = statements.first else { return .identity }
    if statements.count > 1 { return .list([.symbol(";")] + statements.map(ParseTree.fromNode)) }
    return ParseTree.fromNode(first)
  }

  /// What `\e`, `\s` and the other settings show before they are set.
  static func defaultSetting(_ cmd: String) -> Value {
    switch cmd {
    case "o": return .i(Nulls.int)
    case "S": return .i(-314159)
    case "W": return .i(2)
    default: return .i(0)
    }
  }

  static func system(_ i: Interpreter, _ x: Value) throws -> Value {
    if case .char(let c) = x { return try system(i, .chars([c])) }
    guard case .vector(let v) = x, case .char(let a) = v.storage else { throw QError.type }
    return try i.systemCommand(String(decoding: a, as: UTF8.self)) ?? .identity
  }
}

extension Interpreter {
  /// Run a `\` command (given without its backslash); returns a value to display.
  public func systemCommand(_ line: String) throws -> Value? {
    let trimmed = line.trimmingSpaces
    let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
    let cmd = parts.first ?? ""
    let arg = parts.count > 1 ? parts[1].trimmingSpaces : ""
    // `\t:n expr` and `\ts:n expr`: the repeat count is glued to the command.
    if let colon = cmd.firstIndex(of: ":"), ["t", "ts"].contains(String(cmd[..<colon])) {
      return try systemCommand(String(cmd[..<colon]) + " :" + String(cmd[cmd.index(after: colon)...]) + " " + arg)
    }
    switch cmd {
    case "t", "ts":
      if arg.isEmpty && cmd == "t" { return .i(Int32(timerPeriod)) }
      var expr = arg
      var reps = 1
      if expr.hasPrefix(":") {
        let p = expr.dropFirst().split(separator: " ", maxSplits: 1)
        reps = Int(p.first ?? "1") ?? 1
        expr = p.count > 1 ? String(p[1]) : ""
      }
      if cmd == "t", let ms = Int(expr), reps == 1 { timerPeriod = ms; return nil }
      let start = Clock.monotonicNanos()
      for _ in 0..<max(reps, 1) { _ = try evaluate(expr) }
      let ms = (Clock.monotonicNanos() - start) / 1_000_000
      if cmd == "ts" { return .longs([ms, 0]) }
      return .j(ms)
    case "P":
      if arg.isEmpty { return .i(Int32(DisplaySettings.precision)) }
      guard let p = Int(arg), p >= 0 else { throw QError.domain }
      DisplaySettings.precision = min(p, 17)
      return nil
    case "c":
      if arg.isEmpty { return .ints([Int32(DisplaySettings.rows), Int32(DisplaySettings.columns)]) }
      let n = arg.split(separator: " ").compactMap { Int($0) }
      guard n.count == 2 else { throw QError.domain }
      DisplaySettings.rows = max(n[0], 10); DisplaySettings.columns = max(n[1], 10)
      return nil
    case "d":
      if arg.isEmpty { return .symbol(context.isEmpty ? "." : context) }
      context = arg == "." ? "" : arg
      return nil
    case "v":
      let prefix = context.isEmpty ? "" : context + "."
      let names = globals.keys.filter { k in
        k.hasPrefix(prefix) && !k.dropFirst(prefix.count).contains(".") && !(prefix.isEmpty && k.hasPrefix("."))
      }.map { String($0.dropFirst(prefix.count)) }.sorted()
      return .symbols(names)
    case "f":
      let prefix = context.isEmpty ? "" : context + "."
      let names = globals.filter { k, v in
        v.isFunction && k.hasPrefix(prefix) && !k.dropFirst(prefix.count).contains(".") && !(prefix.isEmpty && k.hasPrefix("."))
      }.map { String($0.key.dropFirst(prefix.count)) }.sorted()
      return .symbols(names)
    case "l":
      try loadScript(arg)
      return nil
    case "p":
      if arg.isEmpty { return .i(Int32(listenPort)) }
      guard let p = Int(arg) else { throw QError.type }
      try onListen?(p)
      listenPort = p
      return nil
    case "\\":
      throw QControl.exit(0)
    case "z":
      // Date text order for "D"$: 0 reads mm/dd/yyyy, 1 reads dd/mm/yyyy.
      if arg.isEmpty { return .j(DisplaySettings.dayFirstDates ? 1 : 0) }
      guard arg == "0" || arg == "1" else { throw QError.domain }
      DisplaySettings.dayFirstDates = arg == "1"
      return nil
    case "a":
      let prefix = context.isEmpty ? "" : context + "."
      let names = globals.filter { k, v in
        guard k.hasPrefix(prefix), !k.dropFirst(prefix.count).contains("."), !(prefix.isEmpty && k.hasPrefix(".")) else { return false }
        if case .table = v { return true }
        if case .dict(.table, .table) = v { return true }
        return false
      }.map { String($0.key.dropFirst(prefix.count)) }.sorted()
      return .symbols(names)
    case "cd":
      if arg.isEmpty {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { throw QError.os }
        return .string(String(cString: buf))
      }
      guard chdir(arg) == 0 else { throw QError(arg + ": No such file or directory") }
      return nil
    case "e", "g", "o", "s", "S", "W", "T", "u", "E":
      // Settings: shown with no argument, set with an integer one.
      if arg.isEmpty { return settings[cmd] ?? System.defaultSetting(cmd) }
      guard let n = Int32(arg) else { throw QError.type }
      settings[cmd] = .i(n)
      return nil
    case "w":
      return .longs([0, 0, 0, 0, 0, 0])
    case "1", "2", "b", "B", "r", "x", "C":
      return nil
    default:
      // Anything else runs in the shell, as q does.
      return try shell(trimmed)
    }
  }

  func shell(_ command: String) throws -> Value {
    guard let fp = popen(command + " 2>&1", "r") else { throw QError.os }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buf, 1, buf.count, fp)
      if n <= 0 { break }
      out += buf[0..<n]
    }
    let status = pclose(fp)
    if status != 0 && out.isEmpty { throw QError.os }
    var lines = out.split(separator: 10, omittingEmptySubsequences: false).map { Value.chars(Array($0)) }
    if let l = lines.last, l.count == 0 { lines.removeLast() }
    return .list(lines)
  }

  /// Load a script file: each complete statement is evaluated, results not shown.
  public func loadScript(_ path: String) throws {
    guard let fp = fopen(path, "r") else { throw QError(path + ": No such file or directory") }
    var data: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buf, 1, buf.count, fp)
      if n <= 0 { break }
      data += buf[0..<n]
    }
    fclose(fp)
    let text = String(decoding: data, as: UTF8.self)
    for chunk in ScriptReader.statements(text) {
      if chunk.hasPrefix("\\") {
        if chunk == "\\" { break }
        _ = try systemCommand(String(chunk.dropFirst()))
        continue
      }
      // Scripts show the results of their expressions, as the console does.
      if let v = try evaluate(chunk) {
        let shown = Format.display(v)
        if !shown.isEmpty { writeOut(shown + "\n") }
      }
    }
  }
}
