import QEval
import QIPC
import QValues

#if canImport(Glibc)
  import Glibc
#endif

let version = "qlite 0.1"

let commandLine: CommandLineArguments
do {
  commandLine = try CommandLineArguments.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  Options.exit(withError: error)
}
let options = commandLine.options
if options.help {
  print(Options.helpMessage(columns: 100).replacingOccurrences(of: "options", with: "qlite [script.q [args]]"))
  exit(0)
}
if options.version {
  print(version)
  exit(0)
}

// q keeps freed memory for reuse rather than returning it to the OS; doing the same
// spares every large vector operation the cost of faulting in fresh pages.
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
_ = mallopt(-3, 1 << 30)  // M_MMAP_THRESHOLD: large blocks come from the heap
_ = mallopt(-1, Int32.max)  // M_TRIM_THRESHOLD: and stay there once freed

let interpreter = Interpreter()
interpreter.commandLineArgs = commandLine.scriptArgs
if options.console.count == 2 {
  DisplaySettings.rows = options.console[0]
  DisplaySettings.columns = options.console[1]
}
if let p = options.precision { DisplaySettings.precision = p }
let console = Console(interpreter: interpreter)
console.events = EventLoop(interpreter: interpreter)
if let path = options.userFile ?? options.userFileUnrestricted {
  do {
    let file = try PasswordFile(path: path)
    console.events?.hub.authenticate = { [unowned interpreter] user, password in file.check(user, password, interpreter) }
  } catch let e as QError {
    FileOutput.write(2, "'" + e.message + "\n")
    exit(1)
  }
}

if let script = commandLine.script {
  interpreter.scriptFile = script
  console.runScript(script)
}
if let p = options.port { console.runCommand("p \(p)") }
if let t = options.timer { interpreter.timerPeriod = t }
console.leave(Console.isInteractive ? console.runInteractive(quiet: options.quiet) : console.run(quiet: options.quiet))
