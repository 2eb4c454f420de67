import ArgumentParser

/// q's command line: single-dash flags, then a script and its arguments.
struct Options: ParsableArguments {
  @Option(name: .customLong("p", withSingleDash: true), help: "Listen for IPC on this port.")
  var port: Int?

  @Flag(name: .customLong("q", withSingleDash: true), help: "Quiet: no banner.")
  var quiet = false

  @Option(name: .customLong("t", withSingleDash: true), help: "Timer period in milliseconds (.z.ts).")
  var timer: Int?

  @Option(name: .customLong("T", withSingleDash: true), help: "Timeout in seconds for client calls.")
  var timeout: Int?

  @Option(name: .customLong("c", withSingleDash: true), parsing: .upToNextOption, help: "Console rows and columns.")
  var console: [Int] = []

  @Option(name: .customLong("u", withSingleDash: true), help: "Password file; clients must authenticate.")
  var userFile: String?

  @Option(name: .customLong("U", withSingleDash: true), help: "Password file (as -u, without file restrictions).")
  var userFileUnrestricted: String?

  @Option(name: .customLong("P", withSingleDash: true), help: "Display precision for floats.")
  var precision: Int?

  @Flag(name: .customLong("version"), help: "Print the version and exit.")
  var version = false

  @Argument(parsing: .captureForPassthrough, help: "A script to load, then arguments for .z.x.")
  var rest: [String] = []

  var script: String? { rest.first(where: { !$0.hasPrefix("-") }).flatMap { $0.hasSuffix(".q") || $0.hasSuffix(".k") ? $0 : nil } }
  var scriptArgs: [String] {
    guard let s = script, let i = rest.firstIndex(of: s) else { return rest }
    return Array(rest[(i + 1)...])
  }
}
