import ArgumentParser

/// q's command line: single-dash flags, then a script and its arguments.
struct Options: ParsableArguments {
  @Option(name: .customShort("p"), help: "Listen for IPC on this port.")
  var port: Int?

  @Flag(name: .customShort("q"), help: "Quiet: no banner.")
  var quiet = false

  @Option(name: .customShort("t"), help: "Timer period in milliseconds (.z.ts).")
  var timer: Int?

  @Option(name: .customShort("T"), help: "Timeout in seconds for client calls.")
  var timeout: Int?

  @Option(name: .customShort("c"), parsing: .upToNextOption, help: "Console rows and columns.")
  var console: [Int] = []

  @Option(name: .customShort("u"), help: "Password file; clients must authenticate.")
  var userFile: String?

  @Option(name: .customShort("U"), help: "Password file (as -u, without file restrictions).")
  var userFileUnrestricted: String?

  @Option(name: .customShort("P"), help: "Display precision for floats.")
  var precision: Int?

  @Flag(name: .customLong("version"), help: "Print the version and exit.")
  var version = false

  @Flag(name: .customLong("help"), help: .hidden)
  var help = false
}

/// The whole command line: q's options, the script, and the script's arguments.
struct CommandLineArguments {
  var options: Options
  var script: String?
  var scriptArgs: [String]

  /// How many values each of q's single-dash options takes.
  static let arity: [String: Int] = [
    "-p": 1, "-q": 0, "-t": 1, "-T": 1, "-c": 2, "-u": 1, "-U": 1, "-P": 1,
    "-s": 1, "-w": 1, "-e": 1, "-o": 1, "-b": 0, "-g": 1, "-C": 2, "-W": 1, "-z": 1, "-E": 1, "-S": 1,
    "--version": 0, "--help": 0, "-h": 0,
  ]
  static let supported: Set<String> = ["-p", "-q", "-t", "-T", "-c", "-u", "-U", "-P", "--version", "--help", "-h"]

  /// q's command line: options may appear anywhere; the first other word is the script
  /// and the words after it, options removed, are the script's arguments.
  static func parse(_ argv: [String]) throws -> CommandLineArguments {
    var flags: [String] = []
    var script: String? = nil
    var args: [String] = []
    var i = 0
    while i < argv.count {
      let a = argv[i]
      if let n = arity[a] {
        if supported.contains(a) { flags.append(contentsOf: argv[i..<min(i + 1 + n, argv.count)]) }
        i += 1 + n
        continue
      }
      if script == nil && args.isEmpty && !a.hasPrefix("-") { script = a } else { args.append(a) }
      i += 1
    }
    return CommandLineArguments(options: try Options.parse(flags), script: script, scriptArgs: args)
  }
}
