import QValues

/// Names a console can offer for completion: keywords, globals, namespaces and their
/// members, and `\` commands.
extension Interpreter {
  public static let systemCommands = ["\\t", "\\ts", "\\l", "\\p", "\\P", "\\c", "\\d", "\\v", "\\f", "\\\\"]

  public func completions(for prefix: String) -> [String] {
    if prefix.hasPrefix("\\") { return Interpreter.systemCommands.filter { $0.hasPrefix(prefix) } }
    var names = Set<String>()
    for k in Primitives.byName.keys where k.first?.isLetter == true { names.insert(k) }
    for k in globals.keys {
      names.insert(k)
      // `.z.pg` also offers `.z` and `.z.`-level prefixes as it is typed.
      var parts = k.split(separator: ".", omittingEmptySubsequences: false)
      while parts.count > 2 {
        parts.removeLast()
        names.insert(parts.joined(separator: "."))
      }
    }
    for k in [".z.p", ".z.P", ".z.d", ".z.D", ".z.t", ".z.T", ".z.n", ".z.N", ".z.z", ".z.Z", ".z.x", ".z.f",
              ".z.pg", ".z.ps", ".z.po", ".z.pc", ".z.pw", ".z.ts", ".z.w", ".z.W", ".z.a", ".z.exit"] {
      names.insert(k)
    }
    return names.filter { $0.hasPrefix(prefix) }.sorted()
  }
}
